/**
 * Material's search reads its box on `keyup` only, so text that arrives
 * without a key (pasted from a phone's long-press menu, picked from an input
 * method's candidate list, dictated) found nothing until another key was
 * pressed. This forwards every finished `input` to Material as a `keyup`.
 */

/**
 * Whether an input event carries finished text (not a step of an IME composition).
 * @param {{isComposing?: boolean}} event
 * @returns {boolean}
 */
export function isFinishedInput(event) {
  return !event.isComposing;
}

/** @param {Document} [root] */
export function searchOnInput(root = document) {
  const box = root.querySelector("input.md-search__input");
  if (!(box instanceof HTMLInputElement) || box.dataset.searchOnInput) return;
  box.dataset.searchOnInput = "";
  const forward = () => box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  box.addEventListener("input", (event) => {
    if (isFinishedInput(/** @type {InputEvent} */ (event))) forward();
  });
  box.addEventListener("compositionend", forward);
}
