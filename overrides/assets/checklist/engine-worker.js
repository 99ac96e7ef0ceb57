/**
 * The checker, worker side (a module Web Worker started by engine.js).
 *
 * Loads Pyodide from this site (never a CDN), installs the engine's wheel
 * through the site's own pyodide-lock.json (the browser checks its sha256),
 * then answers calls with plain JSON: the state goes in and the result comes
 * out as text, so no Python object ever crosses into JavaScript.
 *
 * How it starts: the build writes `startup.json` next to the lock file,
 * naming the part of the standard library the engine needs, as bytecode and
 * as source, and this worker picks one (startup-plan.js) from what is already
 * on the device (Cache Storage, where the service worker keeps the files a
 * start used; never the HTTP cache, which WebKit cannot be asked about) and
 * from the link. Without startup.json the full standard library is used, as
 * Pyodide ships it.
 *
 * Messages in and out: protocol.d.ts (ToWorker, FromWorker).
 */

import { countDownloads, throttledCounter } from "./download-progress.js";
import { watchInstantiation } from "./pyodide-private.js";
import { bytesToDownload, choosePlan } from "./startup-plan.js";

/**
 * Python glue: `checklist.worker.call(op, argsJSON)`, a module of the engine's
 * wheel (tested with the engine): the engine's public functions by name, JSON
 * text in and out. Bad input is reported by the engine, not raised.
 */
const GLUE = "from checklist.worker import call\ncall";

/**
 * Pyodide's own types (node_modules/pyodide, the copy the build serves): its
 * module is imported from a URL, which TypeScript cannot follow.
 * @typedef {{loadPyodide: typeof import("pyodide").loadPyodide}} PyodideModule
 */

/**
 * startup.json, as overrides/hooks/pyodide_assets.py writes it.
 * @typedef {object} Manifest
 * @property {{compiled: string, source: string}} stdlib each library's file, next to the lock file
 * @property {{runtime: number, compiled: number, source: number, engine: number}} bytes
 *   on the wire (gzip), to weigh each way of starting
 * @property {{wasm: number, compiled: number, source: number, engine: number}} sizes
 *   as read (after HTTP decompression), for the progress
 */

/**
 * A started checker: the runtime files it used, and its engine's calls.
 * @typedef {{files: string[], call: (op: string, args: unknown[]) => unknown}} Runtime
 */

/**
 * startup.json, or null when there is none (the full standard library is used).
 * @param {URL} url
 * @returns {Promise<Manifest | null>}
 */
async function readManifest(url) {
  try {
    const response = await fetch(url);
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/**
 * Whether Cache Storage (the service worker's copy) holds the file: nothing is fetched.
 * @param {URL} url
 */
async function onDevice(url) {
  try {
    return Boolean(await caches.match(url, { ignoreSearch: true }));
  } catch {
    return false; // no Cache Storage (an insecure page, some in-app browsers)
  }
}

/**
 * Returns a ready runtime: Pyodide with the engine imported.
 *
 * @param {{runtimeURL: string, lockFileURL: string, package: string,
 *   link?: {saveData?: boolean, effectiveType?: string, throughput?: number | null}}} options
 * @returns {Promise<Runtime>}
 */
async function loadRuntime(options) {
  const base = new URL(options.lockFileURL);
  // Pyodide imports this itself once started: fetch and compile it meanwhile.
  import(new URL("pyodide.asm.mjs", options.runtimeURL).href).catch(() => {});
  const [{ loadPyodide }, manifest] = await Promise.all([
    /** @type {Promise<PyodideModule>} */ (import(new URL("pyodide.mjs", options.runtimeURL).href)),
    readManifest(new URL("startup.json", base)),
  ]);
  /** @type {import("pyodide").PyodideConfig} */
  const start = {
    indexURL: options.runtimeURL,
    lockFileURL: options.lockFileURL,
    stdout: () => {},
    stderr: () => {},
  };
  let expected = 0;
  if (!manifest) {
    self.postMessage({ type: "plan", plan: "full", bytes: null });
  } else {
    const [runtime, compiled, source] = await Promise.all(
      ["pyodide.asm.wasm", manifest.stdlib.compiled, manifest.stdlib.source].map((name) =>
        onDevice(new URL(name, name.startsWith("pyodide") ? options.runtimeURL : base)),
      ),
    );
    const cached = { runtime, compiled, source };
    const plan = choosePlan({ cached, ...options.link });
    const library = plan === "source" ? "source" : "compiled";
    self.postMessage({ type: "plan", plan, bytes: bytesToDownload(plan, cached, manifest.bytes) });
    start.stdLibURL = new URL(manifest.stdlib[library], base).href;
    expected = manifest.sizes.wasm + manifest.sizes[library] + manifest.sizes.engine;
  }
  let active = 0;
  let fraction = 0;
  const report = () => self.postMessage({ type: "progress", fraction, active });
  const counter = throttledCounter((received) => {
    fraction = expected ? Math.min(1, received / expected) : 0;
    report();
  });
  const downloads = countDownloads(options.runtimeURL, counter.add, self, (count) => {
    active = count;
    report();
  });
  try {
    const pyodide = await loadPyodide(start);
    // loadPackage logs and resolves when a package is missing: collect errors.
    /** @type {string[]} */
    const errors = [];
    await pyodide.loadPackage(options.package, {
      messageCallback: () => {},
      errorCallback: (message) => errors.push(message),
    });
    if (errors.length) throw new Error(errors.join("\n"));
    counter.flush();
    const call = pyodide.runPython(GLUE);
    return {
      files: [...downloads.urls],
      call: (op, args) => JSON.parse(call(op, JSON.stringify(args))),
    };
  } finally {
    downloads.stop();
  }
}

/** @type {Runtime | null} */
let runtime = null;
let loading = false;

/** @param {unknown} error */
function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}

/** @param {unknown} error */
function failed(error) {
  self.postMessage({ type: "failed", message: errorText(error) });
}

// While loading, Pyodide can reject promises nobody awaits (a wasm request
// that fails, for one): report them as a failed load instead of an uncaught
// error, so the page can say so at once rather than at its timeout.
self.addEventListener("unhandledrejection", (event) => {
  if (!loading) return;
  event.preventDefault();
  failed(event.reason);
});

self.addEventListener("message", async (/** @type {MessageEvent<import("./protocol.js").ToWorker>} */ { data }) => {
  if (data.type === "load") {
    loading = true;
    watchInstantiation((error) => {
      if (loading) failed(error);
    });
    try {
      runtime = await loadRuntime(data);
      self.postMessage({ type: "ready", files: runtime.files });
    } catch (error) {
      failed(error);
    } finally {
      loading = false;
    }
  } else if (data.type === "call") {
    try {
      // The page calls only once the worker said "ready".
      if (!runtime) throw new Error("The checker has not loaded.");
      self.postMessage({ type: "result", id: data.id, ok: true, value: runtime.call(data.op, data.args) });
    } catch (error) {
      self.postMessage({ type: "result", id: data.id, ok: false, message: errorText(error) });
    }
  }
});
