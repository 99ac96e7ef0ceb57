/**
 * One phase in view at a time: when the engine first answers, the phase that
 * holds its next step stays open and every other phase folds to its header
 * line (title and a button to open it); while the next step is a question,
 * every phase folds, so the questions and the verdict come first. Nothing
 * folds if the merchant has already started using the page, or came by a
 * link to one step.
 * A phase that does not apply is folded by the form already. Later answers
 * fold nothing (what was just ticked never vanishes); they only open the
 * phase that has become the current one. A link to a step (#id) opens its
 * phase. The engine says what is done; this only folds.
 */

export class PhaseFold {
  /**
   * @param {HTMLElement} root the checklist's root element
   * @param {Record<string, string>} strings the page's UI strings
   */
  constructor(root, strings) {
    this.strings = strings;
    this.root = root;
    this.phases = /** @type {HTMLElement[]} */ ([...root.querySelectorAll("[data-phase]")]);
    this.first = true;
    /** @type {string | null} */
    this.current = null;
    for (const phase of this.phases) {
      phase.querySelector("[data-phase-toggle]")?.addEventListener("click", () => {
        this.set(phase, !phase.hasAttribute("data-folded"));
      });
    }
    window.addEventListener("hashchange", () => this.openTarget());
    // A merchant who has started using the page before the engine answered
    // keeps it as it is: nothing folds away under their finger.
    this.engaged = false;
    const engage = () => {
      this.engaged = true;
    };
    for (const type of ["pointerdown", "keydown", "change"]) {
      root.addEventListener(type, engage, { capture: true, once: true });
    }
  }

  /**
   * @param {Map<string, {progress: {done: number, total: number}}>} found the phases that apply, by id
   * @param {{kind?: string, id: string} | null} next the engine's next step
   */
  render(found, next) {
    const holder = next?.kind === "item" ? this.phases.find((phase) => phase.querySelector(`[data-item="${CSS.escape(next.id)}"]`)) : null;
    const current = holder?.dataset.phase ?? null;
    // A link to a step or question shows the page as it was when it scrolled there.
    const linked = location.hash.length > 1;
    // A form shown read only (a save only the checker could upgrade) cannot be
    // opened phase by phase: it stays open, so every saved tick can be read.
    const locked = Boolean(this.root.querySelector("[data-form]")?.inert);
    for (const phase of this.phases) {
      const id = phase.dataset.phase ?? "";
      const applies = found.has(id) && (found.get(id)?.progress.total ?? 0) > 0;
      const toggle = /** @type {HTMLElement | null} */ (phase.querySelector("[data-phase-toggle]"));
      if (toggle) toggle.hidden = !applies;
      if (!applies) this.set(phase, false);
      else if (this.first) this.set(phase, id !== current && !this.engaged && !linked && !locked);
      else if (id === current && current !== this.current) this.set(phase, false);
    }
    if (this.first) this.openTarget();
    this.first = false;
    this.current = current;
  }

  /** The phase of the step or question the address points to, opened. */
  openTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (!id) return;
    const phase = this.phases.find((each) => each.querySelector(`[id="${CSS.escape(id)}"]`));
    if (phase) this.set(phase, false);
  }

  /**
   * @param {HTMLElement} phase
   * @param {boolean} folded
   */
  set(phase, folded) {
    phase.toggleAttribute("data-folded", folded);
    const toggle = phase.querySelector("[data-phase-toggle]");
    if (!toggle) return;
    toggle.setAttribute("aria-expanded", String(!folded));
    toggle.textContent = folded ? this.strings.phase_show : this.strings.phase_hide;
  }
}
