/**
 * The status bar: while the merchant ticks far down the page on a phone, the
 * verdict in a few words and the count stay at the bottom of the screen, with
 * a way back to the full verdict and to Print. It shows what the engine said
 * (it decides nothing) and shows itself only while the merchant is below the verdict panel.
 */
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
    if (!this.bar) return;
    this.bar.querySelector("[data-bar-print]")?.addEventListener("click", () => window.print());
    // "Details" moves focus to the panel too, so a screen reader reads on from there.
    this.bar.querySelector("[data-bar-details]")?.addEventListener("click", () => {
      requestAnimationFrame(() => this.panel?.focus({ preventScroll: true }));
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

  /**
   * @param {{verdict: string, progress: {done: number, total: number}}} evaluation
   */
  render(evaluation) {
    if (!this.bar) return;
    const { strings } = this;
    this.bar.dataset.barVerdict = evaluation.verdict;
    this.bar.querySelector("[data-bar-verdict]").textContent =
      strings[`short_${evaluation.verdict}`] ?? evaluation.verdict;
    this.bar.querySelector("[data-bar-progress]").textContent = format(
      strings.bar_progress,
      evaluation.progress,
    );
    this.evaluated = true;
    this.update();
  }

  /** Whether the verdict panel is above the screen (scrolled past). */
  pastPanel() {
    return Boolean(this.panel?.checkVisibility()) && this.panel.getBoundingClientRect().bottom < 0;
  }

  update() {
    if (this.bar) this.bar.hidden = !this.evaluated || !this.pastPanel();
  }
}
