/**
 * The checker, page side: runs the Python engine in a module Web Worker
 * (engine-worker.js) so loading Pyodide never freezes the page, and races the
 * load against a timeout, because a blocked or mis-served wasm file makes
 * Pyodide hang forever instead of failing.
 */

/**
 * @typedef {object} Engine
 * @property {Promise<void>} ready settles once: resolved when Python answers,
 *   rejected on a load error or the timeout
 * @property {(op: string, ...args: unknown[]) => Promise<any>} call
 */

/**
 * @param {{runtimeURL: string, lockFileURL: string, package: string, timeoutMs: number}} options
 * @returns {Engine}
 */
export function startEngine(options) {
  const pending = new Map();
  let nextId = 1;
  let worker;
  let failed = null;

  const ready = new Promise((resolve, reject) => {
    const fail = (error) => {
      if (failed) return;
      failed = error;
      clearTimeout(timer);
      worker?.terminate();
      for (const { reject: rejectCall } of pending.values()) rejectCall(error);
      pending.clear();
      reject(error);
    };
    const timer = setTimeout(
      () => fail(new Error(`The checker did not start within ${options.timeoutMs} ms.`)),
      options.timeoutMs,
    );
    try {
      worker = new Worker(new URL("./engine-worker.js", import.meta.url), {
        type: "module",
        name: "checklist-engine",
      });
    } catch (error) {
      fail(error);
      return;
    }
    worker.addEventListener("message", ({ data }) => {
      if (data.type === "ready") {
        clearTimeout(timer);
        resolve();
      } else if (data.type === "failed") {
        fail(new Error(data.message));
      } else if (data.type === "result" && pending.has(data.id)) {
        const call = pending.get(data.id);
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
            pending.set(id, { resolve, reject });
            worker.postMessage({ type: "call", id, op, args });
          }),
      );
    },
  };
}
