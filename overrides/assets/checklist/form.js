/**
 * The checklist form: reads the merchant's answers, ticks and numbers from the
 * build-time HTML, writes saved state back into it, and shows what the engine
 * says (verdict, blockers, next step, problems, what applies). It never
 * decides anything itself: the rules live in the Python engine.
 */
import { FIELDS, setAt, valueAt } from "./fields.js";
import { applyRecord, builtValue, dateOnTick, readRecord, recordControls } from "./record-fields.js";
import { AnswersFold } from "./returning.js";
import { PhaseFold } from "./phase-fold.js";
import { ProblemMarks } from "./problem-marks.js";
import { part } from "./parts.js";
import { format } from "./settings.js";
import { VerdictPanel } from "./verdict-panel.js";

/**
 * @typedef {import("../../../types/engine.js").Evaluation} Evaluation
 * @typedef {import("../../../types/engine.js").Summary} Summary
 * @typedef {import("../../../types/engine.js").Problem} Problem
 * @typedef {import("../../../types/engine.js").State} EngineState
 * @typedef {import("./session.js").State} State
 * @typedef {import("./settings.js").Settings} Settings
 * @typedef {import("./early-edits.js").Edits} Edits
 */

export class ChecklistForm {
  /**
   * @param {HTMLElement} root the checklist's root element
   * @param {Settings} settings from readSettings()
   */
  constructor(root, settings) {
    this.root = root;
    this.settings = settings;
    this.strings = settings.strings;
    this.form = /** @type {HTMLFormElement} */ (part(root, "[data-form]"));
    // Every item of the catalogue has its task in the page as built.
    this.items = new Map(settings.items.map((id) => [id, part(root, `[data-item="${CSS.escape(id)}"]`)]));
    this.problems = new ProblemMarks(root, settings, (name) => this.control(name), [
      ...Object.keys(FIELDS),
      ...this.items.keys(),
    ]);
    this.panel = new VerdictPanel(root, settings, (name) => this.control(name));
    this.fold = new PhaseFold(root, settings.strings);
    this.answersFold = new AnswersFold(root, settings);
    // There is nothing to submit: every change is saved as it happens.
    this.form.addEventListener("submit", (event) => event.preventDefault());
  }

  /**
   * A named control: a checkbox, a text field or the notes' textarea (all of
   * which have value, defaultValue, checked as used here).
   * @param {string} name
   * @returns {HTMLInputElement | null}
   */
  control(name) {
    return /** @type {HTMLInputElement | null} */ (this.form.elements.namedItem(name));
  }

  /**
   * The form's content, in the shape of the engine's state.
   * @returns {Pick<EngineState, "answers" | "done" | "merchant" | "notes" | "record" | "follow_up">}
   */
  read() {
    /** @type {Record<string, string>} */
    const answers = {};
    for (const key of this.settings.questions) {
      /** @type {HTMLInputElement | null} */
      const checked = this.form.querySelector(`input[type="radio"][name="${CSS.escape(key)}"]:checked`);
      if (checked) answers[key] = checked.value;
    }
    /** @type {Record<string, true>} */
    const done = {};
    for (const id of this.items.keys()) {
      if (this.control(id)?.checked) done[id] = true;
    }
    // The text fields, each where the engine's table puts it (fields.js).
    const state = /** @type {ReturnType<ChecklistForm["read"]>} */ ({
      answers,
      done,
      merchant: /** @type {EngineState["merchant"]} */ ({}), // filled in below
      notes: "",
      ...readRecord(this.form),
    });
    for (const [name, path] of Object.entries(FIELDS)) {
      setAt(state, path, this.control(name)?.value ?? "");
    }
    return state;
  }

  /**
   * What the merchant changed before this script ran (on a slow link the
   * checklist can be ticked well before it arrives): every control whose value
   * differs from the page as built, in the shape of the engine's state, or
   * null when nothing was changed. Showing saved progress must not undo it.
   * @returns {Edits | null}
   */
  earlyEdits() {
    /** @type {Edits["answers"]} */
    const answers = {};
    for (const key of this.settings.questions) {
      const radios = [
        .../** @type {NodeListOf<HTMLInputElement>} */ (
          this.form.querySelectorAll(`input[type="radio"][name="${CSS.escape(key)}"]`)
        ),
      ];
      const checked = radios.find((radio) => radio.checked);
      if (radios.some((radio) => radio.checked !== radio.defaultChecked)) answers[key] = checked?.value;
    }
    /** @type {Edits["done"]} */
    const done = {};
    for (const id of this.items.keys()) {
      const box = this.control(id);
      if (box && box.checked !== box.defaultChecked) done[id] = box.checked;
    }
    /** @type {Edits["fields"]} */
    const fields = {};
    for (const name of Object.keys(FIELDS)) {
      const field = this.control(name);
      if (field && field.value !== field.defaultValue) fields[name] = field.value;
    }
    for (const control of recordControls(this.form)) {
      if (control.value !== builtValue(control)) fields[control.name] = control.value;
    }
    const count = Object.keys(answers).length + Object.keys(done).length + Object.keys(fields).length;
    return count ? { answers, done, fields } : null;
  }

  /**
   * Show a saved state in the form (unknown keys are ignored, values that
   * are already shown are left alone so a caret does not jump).
   * @param {State} state
   */
  apply(state) {
    const answers = state.answers ?? {};
    for (const key of this.settings.questions) {
      /** @type {NodeListOf<HTMLInputElement>} */
      const radios = this.form.querySelectorAll(`input[type="radio"][name="${CSS.escape(key)}"]`);
      for (const radio of radios) {
        radio.checked = radio.value === answers[key];
      }
    }
    const done = state.done ?? {};
    for (const id of this.items.keys()) {
      const box = this.control(id);
      if (box) box.checked = done[id] === true;
    }
    for (const [name, path] of Object.entries(FIELDS)) {
      // Any JSON until the engine checks it: shown as text, whatever it is.
      const value = String(valueAt(state, path) ?? "");
      const field = this.control(name);
      if (field && field.value !== value) field.value = value;
    }
    applyRecord(this.form, state);
    this.updateStatuses();
  }

  /** @param {(event: Event) => void} handler called on every change, at once */
  onChange(handler) {
    // Text fields report every keystroke through "input"; ticks and choices
    // through "change" (they fire "input" too: listen once).
    /** @param {HTMLInputElement} target */
    const choice = (target) => target.type === "checkbox" || target.type === "radio";
    /** @param {Event} event */
    const changed = (event) => {
      // One of the form's controls, read as control() reads them.
      const target = /** @type {HTMLInputElement} */ (event.target);
      if (!target.name || choice(target) !== (event.type === "change")) return;
      // A task ticked now was done today, unless the merchant gave another date.
      if (target.type === "checkbox" && target.checked && this.items.has(target.name)) {
        dateOnTick(this.form, target.name);
      }
      this.updateStatuses();
      handler(event);
    };
    this.form.addEventListener("input", changed);
    this.form.addEventListener("change", changed);
  }

  /** Status tags follow the checkboxes (before Python too). */
  updateStatuses() {
    for (const [id, element] of this.items) {
      const done = this.control(id)?.checked ?? false;
      const tag = part(element, "[data-status]");
      tag.textContent = done ? this.strings.status_done : this.strings.status_todo;
      tag.classList.toggle("checklist-tag--done", done);
      element.classList.toggle("checklist-task--done", done);
    }
  }

  /**
   * While saved progress is being upgraded, nothing can be changed.
   * @param {boolean} busy
   */
  setBusy(busy) {
    this.form.inert = busy;
    this.form.setAttribute("aria-busy", String(busy));
  }

  /**
   * Shown but not editable (a save only the checker could upgrade).
   * @param {boolean} readOnly
   */
  setReadOnly(readOnly) {
    this.form.inert = readOnly;
  }

  /**
   * @param {"loading" | "ready" | "failed" | "error"} status
   */
  showEngine(status) {
    if (status !== "error") this.root.dataset.engine = status;
    const box = part(this.root, "[data-engine-message]");
    const text = part(box, "[data-engine-text]");
    const hint = part(box, "[data-engine-hint]");
    box.classList.toggle("checklist-engine--failed", status === "failed" || status === "error");
    if (status === "ready") {
      box.hidden = true;
    } else if (status === "failed" || status === "error") {
      box.hidden = false;
      text.textContent = status === "failed" ? this.strings.engine_failed : this.strings.engine_error;
      hint.hidden = true;
    }
  }

  /**
   * Show the engine's answer.
   * @param {Evaluation} evaluation checklist.evaluate(state)
   * @param {Summary} summary checklist.summary(state, lang)
   */
  render(evaluation, summary) {
    const { strings } = this;
    const applicable = new Set(evaluation.applicable);
    const asked = new Set(evaluation.asked);
    const phases = new Map(summary.phases.map((phase) => [phase.id, phase]));
    // "Not sure" keeps a step listed, with how to find out whether it is needed.
    const findOut = new Map(
      summary.phases.flatMap((phase) => phase.items.map((item) => [item.id, item.find_out])),
    );

    for (const [id, element] of this.items) {
      element.hidden = !applicable.has(id);
      const hint = part(element, "[data-find-out]");
      hint.textContent = findOut.get(id) ?? "";
      hint.hidden = !findOut.get(id);
    }
    for (const phase of this.root.querySelectorAll("[data-phase]")) {
      // A phase that does not apply stays in the list (the others keep the
      // guide's numbers), saying so, with its tasks folded away.
      const found = phases.get(phase.dataset.phase ?? "");
      phase.dataset.applies = String(Boolean(found));
      part(phase, ".checklist-tasks").hidden = !found;
      part(phase, "[data-phase-skipped]").hidden = Boolean(found);
      const progress = part(phase, "[data-phase-progress]");
      progress.textContent = found ? format(strings.phase_progress, { ...found.progress }) : "";
      progress.hidden = !found?.progress.total;
    }
    for (const question of this.root.querySelectorAll("[data-question]")) {
      question.hidden = !asked.has(question.dataset.question ?? "");
    }

    this.fold.render(phases, summary.next);
    this.answersFold.render(summary);
    this.problems.show(evaluation.problems ?? []);
    this.panel.render(evaluation, summary);
  }
}
