/**
 * The verdict panel: what the engine says about the merchant's state, in the
 * order they act on it: the verdict and the count, the next step as an
 * instruction, what to check (unusual numbers too), then what must be done
 * before applying. It also feeds the status bar and the live announcement.
 * It decides nothing: every judgement comes from the Python engine.
 */
import { copyButton } from "../js/clipboard.js";
import { controlOf } from "./fields.js";
import { part } from "./parts.js";
import { format } from "./settings.js";
import { StatusBar } from "./status-bar.js";

/**
 * @typedef {import("../../../types/engine.js").Evaluation} Evaluation
 * @typedef {import("../../../types/engine.js").Summary} Summary
 * @typedef {import("../../../types/engine.js").Problem} Problem
 */

/**
 * What the panel reads of readSettings(): the strings, the page's language,
 * and the root the engine's links are relative to.
 * @typedef {{strings: Record<string, string>, lang: string, languageURL: URL}} PanelSettings
 */

export class VerdictPanel {
  /**
   * @param {HTMLElement} root the checklist's root element
   * @param {PanelSettings} settings from readSettings()
   * @param {(name: string) => Element | null} control the form's control of that name
   */
  constructor(root, settings, control) {
    this.root = root;
    this.settings = settings;
    this.strings = settings.strings;
    this.control = control;
    this.panel = /** @type {HTMLElement} */ (root.querySelector("[data-verdict-panel]"));
    this.bar = new StatusBar(root, settings.strings);
    this.lastAnnouncement = "";
  }

  /**
   * @param {Evaluation} evaluation checklist.evaluate(state)
   * @param {Summary} summary checklist.summary(state, lang)
   */
  render(evaluation, summary) {
    const { panel, strings } = this;
    panel.hidden = false;
    panel.dataset.verdict = evaluation.verdict;
    part(panel, "[data-verdict-text]").textContent = summary.verdict_text;
    const { done, total } = evaluation.progress;
    const progressText = format(strings.progress, { done, total });
    part(panel, "[data-progress]").textContent = progressText;
    // The code support staff can read the answers and ticks from (nothing else).
    const codePart = panel.querySelector("[data-progress-code-part]");
    if (codePart) {
      codePart.hidden = !summary.progress_code;
      part(codePart, "[data-progress-code]").textContent = summary.progress_code;
      if (!codePart.querySelector(".copy-link")) {
        codePart.querySelector(".checklist-verdict__code-line")?.after(this.copyCode(codePart));
      }
    }

    part(panel, "[data-blockers]").replaceChildren(
      ...summary.blockers.map((blocker) => {
        const item = document.createElement("li");
        item.dataset.blocker = blocker.id;
        // An open step reads as what to do ("Stop the terminal"), not as a finished state.
        item.append(this.link({ href: blocker.href, label: blocker.action || blocker.label }));
        return item;
      }),
    );
    part(panel, "[data-blockers-part]").hidden = summary.blockers.length === 0;
    const count = panel.querySelector("[data-blockers-count]");
    if (count) count.textContent = `(${summary.blockers.length})`;

    this.showNext(summary);
    this.showWarnings(evaluation.problems ?? []);
    this.bar.render(evaluation, summary);

    const announcement = `${summary.verdict_text}. ${progressText}`;
    if (announcement !== this.lastAnnouncement) {
      this.lastAnnouncement = announcement;
      part(this.root, "[data-announce]").textContent = announcement;
    }
  }

  /**
   * The next step as an instruction, in the engine's words (an item's action,
   * or "answer: <question>" while questions are unanswered), linking to the
   * guide's step or to the question on this page.
   * @param {{next: {kind?: string, id: string, label: string, action?: string,
   *   href: string} | null}} summary
   */
  showNext(summary) {
    const next = part(this.panel, "[data-next]");
    delete next.dataset.nextItem;
    delete next.dataset.nextQuestion;
    const step = summary.next;
    if (!step) {
      next.replaceChildren(this.strings.nothing_next);
      return;
    }
    if (step.kind === "question") next.dataset.nextQuestion = step.id;
    else next.dataset.nextItem = step.id;
    next.replaceChildren(this.link({ href: step.href, label: step.action || step.label }));
  }

  /**
   * Warnings about a field (an unusual merchant or terminal number) show next
   * to the field (the form does that) and here too, linking to the field.
   * Call after the form has listed the other problems.
   * @param {Problem[]} problems
   */
  showWarnings(problems) {
    const { lang } = this.settings;
    const list = part(this.panel, "[data-problems]");
    let shown = 0;
    for (const problem of problems) {
      const field = problem.level === "warning" ? this.control(fieldName(problem)) : null;
      if (!field?.id) continue;
      const item = document.createElement("li");
      item.className = "checklist-problem checklist-problem--warning";
      item.dataset.panelWarning = problem.code;
      const anchor = document.createElement("a");
      anchor.href = `#${field.id}`;
      anchor.textContent = problem.message?.[lang] ?? String(problem.message ?? problem.code);
      item.append(anchor);
      list.append(item);
      shown += 1;
    }
    if (shown) part(this.panel, "[data-problems-part]").hidden = false;
  }

  /**
   * The copy button of the progress code (it copies the code as shown).
   * @param {Element} codePart the code's part of the panel
   */
  copyCode(codePart) {
    const { strings } = this;
    return copyButton({
      url: () => codePart.querySelector("[data-progress-code]")?.textContent ?? "",
      text: strings.progress_code_copy,
      label: strings.progress_code_copy,
    });
  }

  /**
   * A link to a guide step; hrefs from the engine are relative to the language's root.
   * @param {{label: string, href: string}} target
   */
  link(target) {
    const anchor = document.createElement("a");
    anchor.href = new URL(target.href, this.settings.languageURL).href;
    anchor.textContent = target.label;
    return anchor;
  }
}

/**
 * The form control a problem's field names (`merchant.name` → merchant_name).
 * @param {{field?: string}} problem
 */
function fieldName(problem) {
  if (!problem.field) return "";
  return controlOf(String(problem.field));
}
