/**
 * Every use of Pyodide's private or experimental APIs, in one place, for the
 * worker (engine-worker.js) and the build (overrides/hooks/pyodide_startup.mjs).
 * None of these is covered by Pyodide's compatibility promise: each was
 * checked against the version below, and tests/js/checklist/pyodide-private.test.mjs
 * fails as soon as package-lock.json pins another one. ARCHITECTURE.md, "Upgrading
 * Pyodide", says what to check before changing CHECKED_WITH.
 */

/** The Pyodide version this module was checked against. */
export const CHECKED_WITH = "314.0.7";

/**
 * loadPyodide options that make a Pyodide able to take a memory snapshot
 * (`_makeSnapshot`), for the build.
 * @returns {{_makeSnapshot: true}}
 */
export function snapshotMaking() {
  return { _makeSnapshot: true };
}

/**
 * loadPyodide options that restore a memory snapshot (`_loadSnapshot`)
 * instead of starting Python. The buffer may still be filling: Pyodide reads
 * it only after `fsInit` resolves.
 * @param {Uint8Array} snapshot
 * @param {() => Promise<void>} filled resolves once the buffer is complete
 */
export function snapshotRestoring(snapshot, filled) {
  return { _loadSnapshot: snapshot, fsInit: filled };
}

/**
 * Take the memory snapshot (experimental API).
 * @param {any} pyodide
 * @returns {Uint8Array}
 */
export function takeSnapshot(pyodide) {
  return pyodide.makeMemorySnapshot();
}

/**
 * Where Python's site-packages is in Pyodide's file system (`_api`).
 * @param {any} pyodide
 * @returns {string}
 */
export function sitePackages(pyodide) {
  return pyodide._api.sitePackages;
}

/**
 * Pyodide catches a failed instantiation of its wasm (a wrong MIME type, a
 * blocked request, a CSP without 'wasm-unsafe-eval'), logs a warning and then
 * waits forever. Wrap WebAssembly's instantiate functions (in this worker's
 * global scope only) so such a failure is reported at once.
 * @param {(error: unknown) => void} onFailure
 * @param {{instantiate: Function, instantiateStreaming: Function}} [wasm]
 */
export function watchInstantiation(onFailure, wasm = WebAssembly) {
  for (const name of /** @type {const} */ (["instantiateStreaming", "instantiate"])) {
    const original = wasm[name];
    /** @this {unknown} @param {unknown[]} args */
    wasm[name] = function (...args) {
      const result = original.apply(this, args);
      result.catch(onFailure);
      return result;
    };
  }
}
