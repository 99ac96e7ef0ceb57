/**
 * The checker, worker side (a module Web Worker started by engine.js).
 *
 * Loads Pyodide from this site (never a CDN), installs the engine's wheel
 * through the site's own pyodide-lock.json (the browser checks its sha256),
 * then answers calls with plain JSON: the state goes in and the result comes
 * out as text, so no Python object ever crosses into JavaScript.
 *
 * How it starts fast: the build writes `startup.json` next to the lock file,
 * naming three ways to start, and this worker picks one by what it can know
 * before fetching anything big (startup-plan.js: "snapshot", "compiled" or
 * "source").
 *
 * A snapshot that is missing, damaged or refused falls back to "compiled";
 * without startup.json the full standard library is used, as Pyodide ships it.
 *
 * Messages in and out: protocol.d.ts (ToWorker, FromWorker).
 */

import { snapshotRestoring, watchInstantiation } from "./pyodide-private.js";
import { bytesToDownload, choosePlan } from "./startup-plan.js";

/**
 * Python glue: `checklist.worker.call(op, argsJSON)`, a module of the engine's
 * wheel (tested with the engine): the engine's public functions by name, JSON
 * text in and out. Bad input is reported by the engine, not raised.
 */
const GLUE = "from checklist.worker import call\ncall";

/** startup.json, or null when there is none (the full standard library is used). */
async function readManifest(url) {
  try {
    const response = await fetch(url);
    return response.ok ? await response.json() : null;
  } catch {
    return null;
  }
}

/** The response if the browser's cache holds it (nothing goes out), else null. */
async function fromCache(url) {
  try {
    const response = await fetch(url, { cache: "only-if-cached", mode: "same-origin" });
    return response.ok ? response : null;
  } catch {
    return null;
  }
}

/**
 * Fill `target` with the snapshot, unzipping it as it arrives (a .gz file any
 * static host serves as is; a host that adds `Content-Encoding: gzip` hands
 * over the unzipped bytes instead). Damage shows as a gzip error (its CRC), a
 * wrong length, or Pyodide refusing the snapshot's magic number or build id;
 * the URL holds a content hash, so the file cannot be stale.
 * @param {Promise<Response>} responsePromise
 * @param {Uint8Array} target exactly the snapshot's size
 */
async function readSnapshot(responsePromise, target) {
  const response = await responsePromise;
  if (!response.ok) throw new Error(`snapshot: HTTP ${response.status}`);
  const [head, body] = response.body.tee();
  const peek = head.getReader();
  const first = await peek.read();
  peek.cancel().catch(() => {});
  const gzipped = first.value?.[0] === 0x1f && first.value?.[1] === 0x8b;
  const reader = (gzipped ? body.pipeThrough(new DecompressionStream("gzip")) : body).getReader();
  let offset = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (offset + value.length > target.length) throw new Error("snapshot: too long");
    target.set(value, offset);
    offset += value.length;
  }
  if (offset !== target.length) throw new Error(`snapshot: ${offset} of ${target.length} bytes`);
}

/**
 * Tell the page once the wasm has arrived: from then on, only Python's start
 * is timed. Returns a function that stops watching (once Python is ready).
 */
function reportDownload() {
  const done = (entries) => entries.some((entry) => entry.name.endsWith("/pyodide.asm.wasm"));
  if (done(performance.getEntriesByType("resource"))) {
    self.postMessage({ type: "downloaded" });
    return () => {};
  }
  const observer = new PerformanceObserver((list) => {
    if (!done(list.getEntries())) return;
    observer.disconnect();
    self.postMessage({ type: "downloaded" });
  });
  observer.observe({ type: "resource" });
  return () => observer.disconnect();
}

/**
 * Returns a ready runtime: Pyodide with the engine imported.
 *
 * @param {{runtimeURL: string, lockFileURL: string, package: string,
 *   link?: {saveData?: boolean, effectiveType?: string, throughput?: number | null}}} options
 * @returns {Promise<{call: (op: string, args: unknown[]) => unknown}>}
 */
async function loadRuntime(options) {
  const base = new URL(options.lockFileURL);
  // Pyodide imports this itself once started: fetch and compile it meanwhile.
  import(new URL("pyodide.asm.mjs", options.runtimeURL).href).catch(() => {});
  const [{ loadPyodide }, manifest] = await Promise.all([
    import(new URL("pyodide.mjs", options.runtimeURL).href),
    readManifest(new URL("startup.json", base)),
  ]);
  const common = {
    indexURL: options.runtimeURL,
    lockFileURL: options.lockFileURL,
    stdout: () => {},
    stderr: () => {},
  };
  const stopReporting = reportDownload();

  let pyodide;
  let engineImported = false;
  if (!manifest) {
    self.postMessage({ type: "plan", plan: "full", bytes: null });
    pyodide = await loadPyodide(common);
  } else {
    const wheelURL = new URL(manifest.wheel, base);
    const snapshotURL = new URL(manifest.snapshot.file, base);
    const { size } = manifest.snapshot;
    const [snapshot, compiled, source] = await Promise.all([
      fromCache(snapshotURL),
      fromCache(new URL(manifest.stdlib.compiled, base)),
      fromCache(new URL(manifest.stdlib.source, base)),
    ]);
    compiled?.body?.cancel();
    source?.body?.cancel();
    const cached = { snapshot: Boolean(snapshot), compiled: Boolean(compiled), source: Boolean(source) };
    const plan = choosePlan({ cached, ...options.link });
    const library = plan === "source" ? "source" : "compiled";
    self.postMessage({ type: "plan", plan, bytes: bytesToDownload(plan, cached, manifest.bytes) });
    const start = { ...common, stdLibURL: new URL(manifest.stdlib[library], base).href };
    if (plan === "snapshot") {
      // The engine comes from the snapshot; its wheel is still checked against
      // its hash, in parallel, so a tampered engine is refused either way.
      const wheel = fetch(wheelURL, { integrity: manifest.wheelIntegrity }).then((r) => r.arrayBuffer());
      wheel.catch(() => {});
      const response = snapshot ?? fetch(snapshotURL);
      ({ pyodide, restored: engineImported } = await restore(loadPyodide, start, response, size));
      if (engineImported) await wheel;
    } else {
      // Needed once Python runs: fetch it now, so loadPackage finds it cached.
      fetch(wheelURL).then((r) => r.arrayBuffer()).catch(() => {});
      pyodide = await loadPyodide(start);
    }
  }
  if (!engineImported) {
    // loadPackage logs and resolves when a package is missing: collect errors.
    const errors = [];
    await pyodide.loadPackage(options.package, {
      messageCallback: () => {},
      errorCallback: (message) => errors.push(message),
    });
    if (errors.length) throw new Error(errors.join("\n"));
  }
  const call = pyodide.runPython(GLUE);
  stopReporting();
  return {
    call: (op, args) => JSON.parse(call(op, JSON.stringify(args))),
  };
}

/**
 * Start from the snapshot; if it cannot be had or restored, start normally on
 * the same library.
 *
 * Pyodide waits for the snapshot before it compiles the wasm, and reads it
 * only once the wasm is instantiated. So it gets, at once, a buffer of the
 * right size, and the download is unzipped into it while the wasm compiles;
 * the `fsInit` hook (run after instantiation, before the restore) waits for
 * it. A snapshot that fails to arrive leaves zeros: the restore refuses their
 * magic number, and the plain start that follows reuses the cached wasm.
 *
 * @returns {Promise<{pyodide: object, restored: boolean}>}
 */
async function restore(loadPyodide, start, response, size) {
  let problem = null;
  const snapshot = new Uint8Array(size);
  const filled = readSnapshot(response, snapshot).catch((error) => {
    problem = error;
    snapshot.fill(0);
  });
  try {
    const pyodide = await loadPyodide({ ...start, ...snapshotRestoring(snapshot, () => filled) });
    return { pyodide, restored: true };
  } catch (error) {
    console.warn("Checklist: starting without the snapshot.", String(problem ?? error));
    return { pyodide: await loadPyodide(start), restored: false };
  }
}

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
      self.postMessage({ type: "result", id: data.id, ok: false, message: errorText(error) });
    }
  }
});
