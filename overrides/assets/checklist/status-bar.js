/**
 * The status bar: while the merchant ticks far down the page on a phone, the
 * verdict in a few words and the count stay at the bottom of the screen, with
 * the progress code, the next step as the main button, and Print. Before the
 * engine has answered it says that the checker is loading, or that it failed,
 * so a failure is seen on a phone too. It shows what the engine said (it
 * decides nothing) and shows itself only while the merchant is below the
 * verdict panel.
 */
import { watchEngineState } from "./engine-state.js";
import { part } from "./parts.js";
import { format } from "./settings.js";

export class StatusBar {
  /**
   * @param {HTMLElement} root the checklist's root element
   * @param {Record<string, string>} strings the page's UI strings
   */
  constructor(root, strings) {
    this.strings = strings;
    this.bar = root.querySelector("[data-status-bar]");
    this.panel = root.querySelector(".checklist-status");
    this.evaluated = false;
    /** @type {import("./engine-state.js").EngineState} */
    this.engine = "loading";
    if (!this.bar) return;
    this.bar.querySelector("[data-bar-print]")?.addEventListener("click", () => window.print());
    // "Details" moves focus to the panel too, so a screen reader reads on from there.
    this.bar.querySelector("[data-bar-details]")?.addEventListener("click", () => {
      requestAnimationFrame(() => this.panel?.focus({ preventScroll: true }));
    });
    watchEngineState(root, (state) => {
      this.engine = state;
      this.showEngine();
    });
    // Shown only once the merchant has scrolled past the panel: above it,
    // the questions need the room (and the panel follows them). Measured on
    // scroll: a jump past the panel (a deep link, "scroll into view") never
    // makes it intersect, so an IntersectionObserver would not report it.
    let queued = false;
    const measure = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(() => {
        queued = false;
        this.update();
      });
    };
    window.addEventListener("scroll", measure, { passive: true });
    window.addEventListener("resize", measure, { passive: true });
  }

  /** Until the engine has answered: its state in place of the verdict. */
  showEngine() {
    if (!this.bar) return;
    this.bar.dataset.barEngine = this.engine;
    if (this.evaluated) return;
    const { strings } = this;
    part(this.bar, "[data-bar-verdict]").textContent =
      this.engine === "failed" ? strings.bar_failed : strings.bar_loading;
    part(this.bar, "[data-bar-progress]").textContent = "";
    this.update();
  }

  /**
   * @param {{verdict: string, progress: {done: number, total: number}}} evaluation
   * @param {{progress_code?: string, next?: {action?: string, label: string, href: string} | null}} summary
   */
  render(evaluation, summary) {
    if (!this.bar) return;
    const { strings } = this;
    this.bar.dataset.barVerdict = evaluation.verdict;
    part(this.bar, "[data-bar-verdict]").textContent =
      strings[`short_${evaluation.verdict}`] ?? evaluation.verdict;
    part(this.bar, "[data-bar-progress]").textContent = format(
      strings.bar_progress,
      evaluation.progress,
    );
    const code = part(this.bar, "[data-bar-code]");
    code.hidden = !summary.progress_code;
    part(code, "code").textContent = summary.progress_code ?? "";
    // The next step on this page: its item, or its question (the fragment of
    // the engine's link names both).
    const next = /** @type {HTMLAnchorElement} */ (this.bar.querySelector("[data-bar-next]"));
    const step = summary.next;
    next.hidden = !step;
    if (step) {
      next.href = `#${step.href.split("#")[1] ?? ""}`;
      part(next, "[data-bar-next-text]").textContent = step.action || step.label;
    }
    this.evaluated = true;
    this.update();
  }

  /** Whether the verdict panel is above the screen (scrolled past). */
  pastPanel() {
    const { panel } = this;
    if (!panel?.checkVisibility()) return false;
    return panel.getBoundingClientRect().bottom < 0;
  }

  update() {
    if (this.bar) this.bar.hidden = !this.pastPanel();
  }
}
