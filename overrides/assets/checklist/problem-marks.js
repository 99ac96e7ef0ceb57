/**
 * The engine's problems on the form: each next to its field, question or task
 * (marked invalid, and described by the message), the rest in a list in the
 * verdict panel. The rules that find them live in the engine.
 */
import { controlOf } from "./fields.js";
import { part } from "./parts.js";

/**
 * @typedef {import("../../../types/engine.js").Problem} Problem
 * @typedef {import("./settings.js").Settings} Settings
 */

export class ProblemMarks {
  /**
   * @param {HTMLElement} root the checklist's root element
   * @param {Pick<Settings, "lang" | "strings">} settings
   * @param {(name: string) => Element | null} control a named control of the form
   * @param {Iterable<string>} names the controls a problem can mark
   */
  constructor(root, settings, control, names) {
    this.root = root;
    this.settings = settings;
    this.control = control;
    // What each control that can be marked with a problem says of itself as
    // built (hint, status): a problem's description is added to it, never put
    // in its place, and taken away again.
    /** @type {Map<Element, string | null>} */
    this.describedBy = new Map();
    for (const name of names) {
      const found = control(name);
      if (found instanceof Element) this.describedBy.set(found, found.getAttribute("aria-describedby"));
    }
  }

  /**
   * Problems go next to their field, question or item; the rest in the panel.
   * @param {Problem[]} problems
   */
  show(problems) {
    const { lang, strings } = this.settings;
    for (const slot of this.root.querySelectorAll("[data-problem-for]")) {
      slot.hidden = true;
      slot.replaceChildren();
    }
    for (const [control, described] of this.describedBy) {
      control.removeAttribute("aria-invalid");
      if (described === null) control.removeAttribute("aria-describedby");
      else control.setAttribute("aria-describedby", described);
    }
    /** @type {Array<Problem & {text: string}>} */
    const general = [];
    for (const problem of problems) {
      const message = problem.message?.[lang] ?? String(problem.message ?? problem.code);
      const target = slotName(problem);
      const slot = target && this.root.querySelector(`[data-problem-for="${CSS.escape(target)}"]`);
      // A problem about something hidden (an item that does not apply) goes in the panel.
      if (!target || !slot || slot.closest("[hidden]:not([data-problem-for])")) {
        general.push({ ...problem, text: message });
        continue;
      }
      const line = document.createElement("span");
      line.className = `checklist-problem checklist-problem--${problem.level}`;
      line.dataset.problemCode = problem.code;
      if (problem.level === "error") {
        const prefix = document.createElement("span");
        prefix.className = "checklist-visually-hidden";
        prefix.textContent = strings.error_prefix;
        line.append(prefix);
      }
      line.append(message);
      if (slot.childNodes.length) slot.append(document.createElement("br"));
      slot.append(line);
      slot.hidden = false;
      /** @type {Element | null} */
      const field = this.control(target);
      if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) {
        if (problem.level === "error") field.setAttribute("aria-invalid", "true");
        const described = field.getAttribute("aria-describedby")?.split(" ") ?? [];
        if (!described.includes(slot.id)) described.push(slot.id);
        field.setAttribute("aria-describedby", described.filter(Boolean).join(" "));
      }
    }
    part(this.root, "[data-problems]").replaceChildren(
      ...general.map((problem) => {
        const item = document.createElement("li");
        item.className = `checklist-problem checklist-problem--${problem.level}`;
        item.dataset.problemCode = problem.code;
        item.textContent = problem.text;
        return item;
      }),
    );
    part(this.root, "[data-problems-part]").hidden = general.length === 0;
  }
}

/**
 * Which slot a problem belongs to: a field (`merchant.name` → merchant_name),
 * a question, or an item.
 * @param {{item?: string, field?: string}} problem
 */
function slotName(problem) {
  if (problem.item) return problem.item;
  if (!problem.field) return null;
  // A task's record: next to the task.
  if (String(problem.field).startsWith("record.")) return String(problem.field).split(".")[1];
  return controlOf(String(problem.field));
}
