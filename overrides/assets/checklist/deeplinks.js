/**
 * Deep links: /checklist/#<item-id> scrolls to and highlights the item. Once
 * Python hides what does not apply, the item moves: it is scrolled to again,
 * unless the merchant has scrolled since.
 */
import { format } from "./settings.js";

/** Longest id looked up (the longest step id is far shorter). */
const LONGEST_ID = 200;

/**
 * The id a fragment names: percent-decoded where it can be (a malformed
 * escape such as "%E0%A4%A" is kept as typed), capped in length.
 * Pure.
 * @param {string} hash location.hash, with or without its "#"
 * @returns {string}
 */
export function decodeHash(hash) {
  const raw = hash.startsWith("#") ? hash.slice(1) : hash;
  let id;
  try {
    id = decodeURIComponent(raw);
  } catch {
    id = raw;
  }
  return id.slice(0, LONGEST_ID);
}

/**
 * @param {HTMLElement} root the checklist's root element
 * @param {import("./notices.js").Notices} notices
 * @param {Record<string, string>} strings
 * @returns {(options?: {again?: boolean}) => void} reveal the fragment's item
 */
export function deepLinks(root, notices, strings) {
  /** @type {number | null} */
  let revealedAt = null;
  /** @param {{again?: boolean}} [options] */
  function reveal({ again = false } = {}) {
    const id = decodeHash(location.hash);
    notices.hide("deeplink");
    for (const element of root.querySelectorAll(".checklist-task--target")) {
      element.classList.remove("checklist-task--target");
    }
    if (!id) return;
    const target = document.getElementById(id);
    if (!target) {
      notices.show("deeplink", format(strings.deeplink_unknown, { id }), { kind: "info" });
      return;
    }
    if (!target.matches("[data-item]")) return;
    target.classList.add("checklist-task--target");
    if (target.hidden) {
      const label = target.querySelector("label")?.textContent ?? id;
      notices.show("deeplink", format(strings.deeplink_not_applicable, { label }), { kind: "info" });
      return;
    }
    if (again && window.scrollY !== revealedAt) return;
    target.scrollIntoView({ block: "start" });
    revealedAt = window.scrollY;
  }
  window.addEventListener("hashchange", () => reveal());
  return reveal;
}
