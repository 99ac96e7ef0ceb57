/**
 * The checker, worker side (a module Web Worker started by engine.js).
 *
 * Loads Pyodide from this site (never a CDN), installs the engine's wheel
 * through the site's own pyodide-lock.json (the browser checks its sha256),
 * then answers calls with plain JSON: the state goes in and the result comes
 * out as text, so no Python object ever crosses into JavaScript.
 *
 * Messages in:  {type: "load", runtimeURL, lockFileURL, package}
 *               {type: "call", id, op, args}
 * Messages out: {type: "ready"} | {type: "failed", message}
 *               {type: "result", id, ok, value | message}
 */

/** Python glue: one entry point, JSON in and out; bad input is reported, not raised. */
const GLUE = `
import json

import checklist


def _check(state, lang, mask):
    result = checklist.evaluate(state)
    summary = checklist.summary(result["state"], lang, mask=mask)
    return {"evaluation": result, "summary": summary}


_OPS = {
    "check": _check,
    "evaluate": checklist.evaluate,
    "migrate": checklist.migrate,
}


def _call(op, args_json):
    return json.dumps(_OPS[op](*json.loads(args_json)), ensure_ascii=False)


_call
`;

/**
 * Returns a ready runtime: Pyodide with the engine imported. This is the one
 * place that knows how the runtime is made, so a memory snapshot
 * (`loadPyodide({_loadSnapshot})`) can be plugged in here later.
 *
 * @param {{runtimeURL: string, lockFileURL: string, package: string}} options
 * @returns {Promise<{call: (op: string, args: unknown[]) => unknown}>}
 */
async function loadRuntime(options) {
  const { loadPyodide } = await import(new URL("pyodide.mjs", options.runtimeURL).href);
  const pyodide = await loadPyodide({
    indexURL: options.runtimeURL,
    lockFileURL: options.lockFileURL,
    stdout: () => {},
    stderr: () => {},
  });
  // loadPackage logs and resolves when a package is missing: collect errors.
  const errors = [];
  await pyodide.loadPackage(options.package, {
    messageCallback: () => {},
    errorCallback: (message) => errors.push(message),
  });
  if (errors.length) throw new Error(errors.join("\n"));
  const call = pyodide.runPython(GLUE);
  return {
    call: (op, args) => JSON.parse(call(op, JSON.stringify(args))),
  };
}

let runtime = null;
let loading = false;

/** @param {unknown} error */
function failed(error) {
  self.postMessage({ type: "failed", message: String(error?.message ?? error) });
}

// While loading, Pyodide can reject promises nobody awaits (a wasm request
// that fails, for one): report them as a failed load instead of an uncaught
// error, so the page can say so at once rather than at its timeout.
self.addEventListener("unhandledrejection", (event) => {
  if (!loading) return;
  event.preventDefault();
  failed(event.reason);
});

self.addEventListener("message", async ({ data }) => {
  if (data.type === "load") {
    loading = true;
    try {
      runtime = await loadRuntime(data);
      self.postMessage({ type: "ready" });
    } catch (error) {
      failed(error);
    } finally {
      loading = false;
    }
  } else if (data.type === "call") {
    try {
      self.postMessage({ type: "result", id: data.id, ok: true, value: runtime.call(data.op, data.args) });
    } catch (error) {
      self.postMessage({ type: "result", id: data.id, ok: false, message: String(error?.message ?? error) });
    }
  }
});
