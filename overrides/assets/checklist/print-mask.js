/**
 * "Hide the middle digits when printing", in every mode: the engine's summary
 * hides them when Python runs; before it (or without it) the printed page is
 * the form itself, so its number fields are masked the same way just for the
 * print, then restored. The rule (how many characters stay at each end) comes
 * from the engine, through the page's settings.
 */

/**
 * `text` with all but the first `start` and last `end` characters hidden;
 * too short for that, every character is hidden (as the engine's summary). Pure.
 * @param {string} text
 * @param {number} start
 * @param {number} end
 * @param {string} mark
 */
export function masked(text, start, end, mark) {
  const characters = [...text];
  const hidden = characters.length - start - end;
  if (hidden <= 0) return mark.repeat(characters.length);
  return (
    characters.slice(0, start).join("") + mark.repeat(hidden) + characters.slice(characters.length - end).join("")
  );
}

/**
 * @param {HTMLElement} root the checklist's root element
 * @param {{fields: Record<string, [number, number]>, mark: string} | undefined} masks
 */
export function maskWhenPrinting(root, masks) {
  /** @type {HTMLInputElement | null} */
  const toggle = root.querySelector("[data-mask]");
  if (!toggle || !masks) return;
  /** @type {Array<[HTMLInputElement, string]>} */
  let restore = [];
  window.addEventListener("beforeprint", () => {
    if (!toggle.checked || root.dataset.print === "summary") return;
    for (const [name, [start, end]] of Object.entries(masks.fields)) {
      /** @type {HTMLInputElement | null} */
      const field = root.querySelector(`[data-form] [name="${CSS.escape(name)}"]`);
      if (!field?.value) continue;
      restore.push([field, field.value]);
      field.value = masked(field.value, start, end, masks.mark);
    }
  });
  window.addEventListener("afterprint", () => {
    for (const [field, value] of restore) field.value = value;
    restore = [];
  });
}
