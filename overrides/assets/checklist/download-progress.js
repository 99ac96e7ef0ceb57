/**
 * Counts the checker's downloads as their bytes arrive (worker side), so the
 * page can show real progress and give up only when nothing arrives any more,
 * never because a slow link takes long.
 *
 * Pyodide fetches its wasm, its standard library, the lock file and the
 * engine's wheel with the global `fetch`: while the runtime loads, `fetch`
 * is wrapped so each response under the runtime's folder is passed through
 * a counter. Bytes are counted as the body is read, after HTTP decompression.
 */

/**
 * @param {string} prefix only responses whose URL starts with it are counted
 * @param {(bytes: number) => void} onBytes called for every chunk read
 * @param {{fetch: typeof fetch}} [scope] the global scope whose fetch is wrapped
 * @param {(active: number) => void} [onActive] told how many downloads are in
 *   flight (asked for, body not read to its end) each time that changes
 * @returns {{urls: Set<string>, stop: () => void}} the URLs fetched so far, and
 *   a function that puts the original fetch back
 */
export function countDownloads(prefix, onBytes, scope = self, onActive = () => {}) {
  const original = scope.fetch;
  const urls = new Set();
  let active = 0;
  const change = (/** @type {number} */ by) => {
    active += by;
    onActive(active);
  };
  /** @type {typeof fetch} */
  const counted = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(prefix)) return original.call(scope, input, init);
    change(1);
    let response;
    try {
      response = await original.call(scope, input, init);
    } catch (error) {
      change(-1);
      throw error;
    }
    if (!response.ok || !response.body) {
      change(-1);
      return response;
    }
    urls.add(url.split("?")[0]);
    let open = true;
    const close = () => {
      if (open) change(-1);
      open = false;
    };
    const counter = new TransformStream({
      transform(chunk, controller) {
        onBytes(chunk.byteLength);
        controller.enqueue(chunk);
      },
      flush: close,
    });
    const body = response.body.pipeThrough(counter);
    return new Response(body, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
  scope.fetch = counted;
  return {
    urls,
    stop: () => {
      if (scope.fetch === counted) scope.fetch = original;
    },
  };
}

/**
 * Calls `report(received)` at most every `everyMs` while bytes arrive, and
 * once more when asked to flush, so a fast download does not flood the page.
 * @param {(received: number) => void} report
 * @param {number} [everyMs]
 * @param {() => number} [now]
 */
export function throttledCounter(report, everyMs = 250, now = () => Date.now()) {
  let received = 0;
  let last = -Infinity;
  return {
    /** @param {number} bytes */
    add(bytes) {
      received += bytes;
      const time = now();
      if (time - last < everyMs) return;
      last = time;
      report(received);
    },
    flush() {
      report(received);
    },
  };
}
