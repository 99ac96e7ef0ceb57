/**
 * Every reliance on Pyodide's undocumented behaviour, in one place, for the
 * worker (engine-worker.js). The checker uses no private or experimental
 * Pyodide API (the memory snapshot, which needed three, was dropped); what is
 * left is a guard against one undocumented behaviour (below), checked
 * against the version below, and tests/js/checklist/pyodide-private.test.mjs
 * fails as soon as package-lock.json pins another one. ARCHITECTURE.md, "Upgrading
 * Pyodide", says what to check before changing CHECKED_WITH.
 */

/** The Pyodide version this module was checked against. */
export const CHECKED_WITH = "314.0.7";

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
