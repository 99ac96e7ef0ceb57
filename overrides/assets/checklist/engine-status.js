/**
 * What the page says about the checker while it starts: one honest download
 * figure (once the worker knows what this visit fetches), a progress bar with
 * the bytes received, and the reason when it is not started at all.
 *
 * The checker's state, for the rest of the page (the sticky status bar, the
 * offline code): the checklist root's `data-engine` attribute, one of
 * "loading", "ready", "failed" (it did not start) or "off" (not started on
 * purpose: an old browser, or a start that crashed the tab last time), and a
 * `checklist:engine` event on the root (bubbling; `detail.state`) each time
 * it changes.
 */
import { megabytes } from "./engine.js";
import { format } from "./settings.js";

/** The event fired on the checklist's root when `data-engine` changes. */
export const ENGINE_EVENT = "checklist:engine";

/**
 * @param {HTMLElement} root the checklist's root
 * @param {Record<string, string>} strings
 */
export function engineStatus(root, strings) {
  const text = /** @type {HTMLElement | null} */ (root.querySelector("[data-engine-text]"));
  const bar = /** @type {HTMLProgressElement | null} */ (root.querySelector("[data-engine-progress]"));
  let total = 0;
  let state = root.dataset.engine;
  new MutationObserver(() => {
    if (root.dataset.engine === state) return;
    state = root.dataset.engine;
    root.dispatchEvent(new CustomEvent(ENGINE_EVENT, { bubbles: true, detail: { state } }));
    if (state !== "loading" && bar) bar.hidden = true;
  }).observe(root, { attributeFilter: ["data-engine"] });

  return {
    /** @param {number | null} bytes what this visit downloads (0: all on the device) */
    plan(bytes) {
      if (bytes === null || root.dataset.engine !== "loading" || !text) return;
      total = bytes;
      text.textContent = bytes
        ? format(strings.engine_loading, { mb: megabytes(bytes) })
        : strings.engine_loading_cached;
    },
    /** @param {number} fraction of the download received (0-1) */
    progress(fraction) {
      if (!bar || !total || root.dataset.engine !== "loading") return;
      bar.hidden = false;
      bar.value = fraction;
      const label = format(strings.engine_progress, {
        done: megabytes(total * fraction),
        mb: megabytes(total),
      });
      bar.textContent = label;
      bar.setAttribute("aria-valuetext", label);
    },
    /**
     * Not started on purpose: say why, and (after a crash) offer another try.
     * @param {"unsupported" | "crashed"} reason
     * @param {() => void} retry
     */
    off(reason, retry) {
      root.dataset.engine = "off";
      const box = /** @type {HTMLElement | null} */ (root.querySelector("[data-engine-message]"));
      box?.classList.add("checklist-engine--failed");
      if (text) text.textContent = strings[reason === "crashed" ? "engine_crashed" : "engine_unsupported"];
      const hint = /** @type {HTMLElement | null} */ (root.querySelector("[data-engine-hint]"));
      if (hint) hint.hidden = true;
      const button = /** @type {HTMLButtonElement | null} */ (root.querySelector("[data-engine-retry]"));
      if (button && reason === "crashed") {
        button.hidden = false;
        button.addEventListener("click", retry, { once: true });
      }
    },
  };
}
