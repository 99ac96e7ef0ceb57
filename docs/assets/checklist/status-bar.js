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
    this.panelInSight = true; // in sight, or still below the screen
    this.evaluated = false;
    if (!this.bar) return;
    this.bar.querySelector("[data-bar-print]")?.addEventListener("click", () => window.print());
    // "Details" moves focus to the panel too, so a screen reader reads on from there.
    this.bar.querySelector("[data-bar-details]")?.addEventListener("click", () => {
      requestAnimationFrame(() => this.panel?.focus({ preventScroll: true }));
    });
    if (this.panel && "IntersectionObserver" in window) {
      // Shown only once the merchant has scrolled past the panel: above it,
      // the questions need the room (and the panel follows them).
      new IntersectionObserver((entries) => {
        const entry = entries.at(-1);
        this.panelInSight = entry.isIntersecting || entry.boundingClientRect.top > 0;
        this.update();
      }).observe(this.panel);
    } else {
      this.panelInSight = false;
    }
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

  update() {
    if (this.bar) this.bar.hidden = !this.evaluated || this.panelInSight;
  }
}
