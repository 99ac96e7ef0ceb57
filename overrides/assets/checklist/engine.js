/**
 * The checker, page side: runs the Python engine in a module Web Worker
 * (engine-worker.js) so loading Pyodide never freezes the page, and gives up
 * only when it stops making progress, because a blocked or mis-served wasm
 * file makes Pyodide hang forever instead of failing.
 *
 * The timeout is for a stall, not for a slow link: the worker reports the
 * bytes of its downloads as they arrive, and every report restarts the
 * `timeoutMs` budget while a download is in flight. So a slow link that still
 * delivers is waited for, however long it takes. Between downloads (Python
 * starting, which only takes CPU: on an old phone, or in WebKit on a busy
 * machine, well over 30 s) the budget is `START_FACTOR` times longer.
 */

/** How many times `timeoutMs` Python may take to start once nothing is downloading. */
export const START_FACTOR = 4;

/**
 * @typedef {object} Engine
 * @property {Promise<void>} ready settles once: resolved when Python answers,
 *   rejected on a load error or the timeout
 * @property {<K extends keyof Ops>(op: K, ...args: Parameters<Ops[K]>) => Promise<ReturnType<Ops[K]>>} call
 *   one of the engine's public functions, by name (types/engine.d.ts, written
 *   from the engine's own signatures)
 */
/** @typedef {import("../../../types/engine.js").Ops} Ops */

/**
 * A download size for people: megabytes, one decimal below 10 (never "0"). Pure.
 * @param {number} bytes
 */
export function megabytes(bytes) {
  const mb = bytes / 1_000_000;
  if (mb >= 10) return String(Math.round(mb));
  return String(Math.max(0.1, Math.round(mb * 10) / 10));
}

/**
 * @param {{runtimeURL: string, lockFileURL: string, package: string, timeoutMs: number,
 *   onPlan?: (bytes: number | null) => void, onProgress?: (fraction: number) => void,
 *   onFiles?: (files: string[]) => void}} options `onPlan`: told how many bytes
 *   this visit downloads once the worker knows (null: unknown); `onProgress`:
 *   the share of them received so far (0-1); `onFiles`: the runtime files used
 * @returns {Engine}
 */
export function startEngine(options) {
  /**
   * Calls sent and not yet answered, by id.
   * @type {Map<number, {resolve: (value: unknown) => void, reject: (reason: unknown) => void}>}
   */
  const pending = new Map();
  let nextId = 1;
  /** @type {Worker | undefined} */
  let worker;
  /**
   * Why the checker failed (whatever was thrown), or null while it has not.
   * @type {unknown}
   */
  let failed = null;
  let started = false;

  /** @type {Promise<void>} */
  const ready = new Promise((resolve, reject) => {
    /** @param {unknown} error */
    const fail = (error) => {
      if (failed) return;
      failed = error;
      clearTimeout(timer);
      worker?.terminate();
      for (const { reject: rejectCall } of pending.values()) rejectCall(error);
      pending.clear();
      reject(error);
    };
    /** @type {ReturnType<typeof setTimeout> | undefined} */
    let timer;
    /**
     * (Re)start the stall timeout, `ms` from now, while the checker is still starting.
     * @param {number} ms
     */
    const arm = (ms) => {
      clearTimeout(timer);
      if (started || failed) return;
      timer = setTimeout(
        () => fail(new Error(`The checker made no progress for ${Math.round(ms)} ms.`)),
        ms,
      );
    };
    arm(options.timeoutMs);
    const link = measureLink();
    try {
      worker = new Worker(new URL("./engine-worker.js", import.meta.url), {
        type: "module",
        name: "checklist-engine",
      });
    } catch (error) {
      fail(error);
      return;
    }
    worker.addEventListener("message", (/** @type {MessageEvent<import("./protocol.js").FromWorker>} */ { data }) => {
      if (data.type === "ready") {
        started = true;
        clearTimeout(timer);
        options.onFiles?.(data.files ?? []);
        resolve();
      } else if (data.type === "plan") {
        options.onPlan?.(data.bytes ?? null);
        arm(options.timeoutMs);
      } else if (data.type === "progress") {
        options.onProgress?.(data.fraction);
        arm(data.active ? options.timeoutMs : START_FACTOR * options.timeoutMs);
      } else if (data.type === "failed") {
        fail(new Error(data.message));
      } else if (data.type === "result") {
        const call = pending.get(data.id);
        if (!call) return; // no longer pending: the checker failed meanwhile
        pending.delete(data.id);
        if (data.ok) call.resolve(data.value);
        else call.reject(new Error(data.message));
      }
    });
    // A worker script that fails to load or crashes: report it here, not as
    // an uncaught error on the page.
    worker.addEventListener("error", (event) => {
      event.preventDefault();
      fail(new Error(event.message || "The checker's worker failed."));
    });
    worker.postMessage({
      type: "load",
      runtimeURL: options.runtimeURL,
      lockFileURL: options.lockFileURL,
      package: options.package,
      link,
    });
  });

  return {
    ready,
    call(op, ...args) {
      return ready.then(
        () =>
          new Promise((resolve, reject) => {
            if (failed) {
              reject(failed);
              return;
            }
            const id = nextId++;
            // The worker sends what the op returned, as JSON: the contract's type for
            // that op (the engine's tests check its results against those types).
            pending.set(id, { resolve: /** @type {(value: unknown) => void} */ (resolve), reject });
            // `ready` resolved, which only the worker's answer does: it exists.
            /** @type {Worker} */ (worker).postMessage({ type: "call", id, op, args });
          }),
      );
    },
  };
}

/**
 * What the page can tell about its connection before anything big is fetched:
 * the data-saver setting and connection type where the browser reports them
 * (Chromium; its `effectiveType` says "4g" for most links, so it only rules out
 * 2G), and the throughput of the page's own files so far (Resource Timing).
 *
 * @returns {{saveData: boolean, effectiveType: string | undefined, throughput: number | null}}
 */
export function measureLink() {
  const connection = navigator.connection;
  return {
    saveData: Boolean(connection?.saveData),
    effectiveType: connection?.effectiveType,
    throughput: throughput(
      /** @type {PerformanceResourceTiming[]} */ ([
        ...performance.getEntriesByType("navigation"),
        ...performance.getEntriesByType("resource"),
      ]),
    ),
  };
}

/** Smaller files say more about latency than about bandwidth. */
const MIN_SAMPLE_BYTES = 8192;

/**
 * The best rate at which one of the page's files arrived: its compressed body
 * over the time from its first to its last byte. Only files whose body came
 * over the network count (not from the cache, not a 304 revalidation), and
 * only those whose body took measurable time (a body that came with its first
 * byte says nothing about the link: WebKit and Firefox report the navigation
 * that way, which once read as 17 MB/s on a 2 Mbit/s link). The
 * best file rather than the average, because on a busy device some files are
 * delayed by the CPU rather than the link, and small files underestimate a
 * fast link anyway.
 *
 * @param {PerformanceResourceTiming[]} entries
 * @returns {number | null} bytes per second, or null when nothing could be measured
 */
export function throughput(entries) {
  let best = null;
  for (const entry of entries) {
    const bytes = entry.encodedBodySize;
    if (bytes < MIN_SAMPLE_BYTES || entry.transferSize < bytes) continue;
    if (!(entry.responseStart > 0) || !(entry.responseEnd > entry.responseStart)) continue;
    const rate = (bytes * 1000) / (entry.responseEnd - entry.responseStart);
    best = Math.max(best ?? 0, rate);
  }
  return best;
}
