/**
 * What this browser can do, checked once at start (features the page and the
 * checker rely on), so that no code path waits on something that is missing.
 *
 * - The page itself (ticks, answers, the printout) needs only what iOS 15.0
 *   has, given three small stand-ins installed here where the browser lacks
 *   them: `structuredClone` (for the JSON state the page keeps),
 *   `Object.hasOwn` and `Array.prototype.at`.
 * - The checker (Python in a module Web Worker) needs WebAssembly, module
 *   workers and, as a sign of a browser new enough for Pyodide (iOS Safari
 *   15.4+), a native `structuredClone`. Without them it is not started, and
 *   the page says why.
 */

/**
 * The globals probed here, as an old browser may have them: each may be
 * missing, so each is only tested for being a function.
 * @typedef {{WebAssembly?: {instantiate?: unknown}, Worker?: unknown,
 *   structuredClone?: unknown, Object?: {hasOwn?: unknown},
 *   Array?: {prototype?: {at?: unknown}}}} Probed
 */

/**
 * The globals given stand-ins where missing (Object and Array are always there).
 * @typedef {{structuredClone?: unknown, Object: {hasOwn?: unknown},
 *   Array: {prototype: {at?: unknown}}}} Patched
 */

/**
 * The features the checker needs that this browser lacks (empty: it can run).
 * Read before the stand-ins are installed.
 * @param {Probed} [global]
 * @returns {string[]}
 */
export function missingFeatures(global = globalThis) {
  const missing = [];
  if (typeof global.WebAssembly?.instantiate !== "function") missing.push("WebAssembly");
  if (typeof global.Worker !== "function") missing.push("Worker");
  if (typeof global.structuredClone !== "function") missing.push("structuredClone");
  if (typeof global.Object?.hasOwn !== "function") missing.push("Object.hasOwn");
  if (typeof global.Array?.prototype?.at !== "function") missing.push("Array.prototype.at");
  return missing;
}

/**
 * Give the page's own code what it uses from newer browsers, where missing.
 * The page's state is plain JSON, so a JSON round trip clones it.
 * @param {Patched} [global]
 */
export function installStandIns(global = globalThis) {
  if (typeof global.structuredClone !== "function") {
    global.structuredClone = (/** @type {unknown} */ value) =>
      value === undefined ? undefined : JSON.parse(JSON.stringify(value));
  }
  if (typeof global.Object.hasOwn !== "function") {
    global.Object.hasOwn = (/** @type {object} */ object, /** @type {PropertyKey} */ key) =>
      Object.prototype.hasOwnProperty.call(object, key);
  }
  if (typeof global.Array.prototype.at !== "function") {
    Object.defineProperty(global.Array.prototype, "at", {
      configurable: true,
      writable: true,
      /**
       * @this {ArrayLike<unknown>}
       * @param {number} index
       */
      value(index) {
        const i = Math.trunc(index) || 0;
        return this[i < 0 ? this.length + i : i];
      },
    });
  }
}
