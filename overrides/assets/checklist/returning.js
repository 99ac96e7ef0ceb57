/**
 * A returning merchant's first screen: their saved answers fold into one line
 * ("你的情况：我个人 · 要退还 …" with a Change button) and when they were
 * last here, so the verdict and the next step follow at once. The line is
 * read from the form as it shows the saved answers; nothing is judged here.
 * The questions open again on Change, or when the engine's next step is a
 * question.
 */

const DAY = 86_400_000;

/**
 * How long ago `updated` was, in the page's language ("3 天前", "3 days ago",
 * "今天", "yesterday"), or "" when it is not a date. Pure.
 * @param {string | null | undefined} updated an ISO 8601 time
 * @param {Date} now
 * @param {string} lang
 */
export function lastVisit(updated, now, lang) {
  const then = Date.parse(String(updated ?? ""));
  if (Number.isNaN(then)) return "";
  const days = Math.max(0, Math.floor((now.getTime() - then) / DAY));
  const words = new Intl.RelativeTimeFormat(lang, { numeric: "auto" });
  return days < 60 ? words.format(-days, "day") : words.format(-Math.floor(days / 30), "month");
}

export class AnswersFold {
  /**
   * @param {HTMLElement} root the checklist's root element
   * @param {{lang: string, strings: Record<string, string>}} settings
   */
  constructor(root, settings) {
    this.settings = settings;
    this.section = /** @type {HTMLElement | null} */ (root.querySelector("[data-questions]"));
    this.line = /** @type {HTMLElement | null} */ (root.querySelector("[data-answers-line]"));
    this.line
      ?.querySelector("[data-answers-change]")
      ?.addEventListener("click", () => this.open({ focus: true }));
  }

  /**
   * At start: saved answers from an earlier visit fold into the line.
   * @param {{answers?: Record<string, unknown>, updated?: string | null}} state
   * @param {Date} [now]
   */
  start(state, now = new Date()) {
    if (!this.section || !this.line) return;
    // Folded before the first paint already (answers-fold.js), as a rule.
    if (!Object.keys(state.answers ?? {}).length || !state.updated) {
      if (this.folded()) this.open({ focus: false });
      return;
    }
    const when = lastVisit(state.updated, now, this.settings.lang);
    const visit = this.line.querySelector("[data-last-visit]");
    if (visit) visit.textContent = when ? this.settings.strings.last_visit.replace("{when}", when) : "";
    this.section.dataset.folded = "";
    this.line.hidden = false;
    this.update();
  }

  /**
   * After each verdict: the line follows the answers; a question as the next
   * step opens the questions.
   * @param {{next: {kind?: string} | null}} summary
   */
  render(summary) {
    if (!this.folded()) return;
    if (summary.next?.kind === "question") this.open({ focus: false });
    else this.update();
  }

  folded() {
    return Boolean(this.section?.hasAttribute("data-folded"));
  }

  /** The line's text: the chosen option of each answered question, as shown. */
  update() {
    const chosen = [
      .../** @type {NodeListOf<HTMLInputElement>} */ (
        this.section?.querySelectorAll("[data-question]:not([hidden]) input[type=radio]:checked") ?? []
      ),
    ].map((radio) => radio.labels?.[0]?.textContent?.trim() ?? radio.value);
    const text = this.line?.querySelector("[data-answers-text]");
    if (text) text.textContent = chosen.join(" · ");
  }

  /** @param {{focus: boolean}} options */
  open({ focus }) {
    if (!this.section || !this.line) return;
    delete this.section.dataset.folded;
    this.line.hidden = true;
    if (focus) {
      /** @type {HTMLElement | null} */ (this.section.querySelector("[data-question]:not([hidden])"))?.focus();
    }
  }
}
