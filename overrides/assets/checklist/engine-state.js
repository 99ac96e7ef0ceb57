/**
 * The checker's state as the page already shows it: the checklist's root
 * carries it in data-engine (set by the form when the engine is ready or has
 * failed). One small reader, so other parts (the status bar) can show it too.
 */

/** @typedef {"loading" | "ready" | "failed"} EngineState */

/**
 * @param {HTMLElement} root the checklist's root element
 * @returns {EngineState}
 */
export function engineState(root) {
  const state = root.dataset.engine;
  return state === "ready" || state === "failed" ? state : "loading";
}

/**
 * Call `listener` with the state now and whenever it changes.
 * @param {HTMLElement} root
 * @param {(state: EngineState) => void} listener
 */
export function watchEngineState(root, listener) {
  listener(engineState(root));
  new MutationObserver(() => listener(engineState(root))).observe(root, {
    attributes: true,
    attributeFilter: ["data-engine"],
  });
}
