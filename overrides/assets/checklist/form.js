/**
 * The checklist form: reads the merchant's answers, ticks and numbers from the
 * build-time HTML, writes saved state back into it, and shows what the engine
 * says (verdict, blockers, next step, problems, what applies). It never
 * decides anything itself: the rules live in the Python engine.
 */
import { applyRecord, builtValue, dateOnTick, readRecord, recordControls } from "./record-fields.js";
import { AnswersFold } from "./returning.js";
import { PhaseFold } from "./phase-fold.js";
import { format } from "./settings.js";
import { VerdictPanel } from "./verdict-panel.js";

/** Text fields and where they live in the engine's state. */
const FIELDS = {
  merchant_id: ["merchant", "merchant_id"],
  terminal_id: ["merchant", "terminal_id"],
  merchant_name: ["merchant", "name"],
  notes: ["notes"],
};

/**
 * A state with the merchant's early edits (ChecklistForm.earlyEdits) on top.
 * Pure: returns a new state.
 * @param {object} state
 * @param {{answers: object, done: object, fields: object} | null} edits
 */
export function withEdits(state, edits) {
  if (!edits) return state;
  const next = structuredClone(state);
  next.answers = { ...next.answers };
  for (const [key, value] of Object.entries(edits.answers)) {
    if (value === undefined) delete next.answers[key];
    else next.answers[key] = value;
  }
  next.done = { ...next.done };
  for (const [id, ticked] of Object.entries(edits.done)) {
    if (ticked) next.done[id] = true;
    else delete next.done[id];
  }
  for (const [name, value] of Object.entries(edits.fields)) {
    // The closure record's controls are named by their path (record-fields.js).
    const path = FIELDS[name] ?? name.split(".");
    let node = next;
    for (const key of path.slice(0, -1)) node = node[key] = { ...node[key] };
    if (value === "" && !FIELDS[name]) delete node[path.at(-1)];
    else node[path.at(-1)] = value;
  }
  return next;
}

export class ChecklistForm {
  /**
   * @param {HTMLElement} root the checklist's root element
   * @param {object} settings from readSettings()
   */
  constructor(root, settings) {
    this.root = root;
    this.settings = settings;
    this.strings = settings.strings;
    this.form = root.querySelector("[data-form]");
    this.items = new Map(
      settings.items.map((id) => [id, root.querySelector(`[data-item="${CSS.escape(id)}"]`)]),
    );
    // What each control that can be marked with a problem says of itself as
    // built (hint, status): a problem's description is added to it, never put
    // in its place, and taken away again.
    /** @type {Map<Element, string | null>} */
    this.describedBy = new Map();
    for (const name of [...Object.keys(FIELDS), ...this.items.keys()]) {
      const control = this.control(name);
      if (control instanceof Element) this.describedBy.set(control, control.getAttribute("aria-describedby"));
    }
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
    return /** @type {HTMLInputElement | null} */ (
      /** @type {HTMLFormElement} */ (this.form).elements.namedItem(name)
    );
  }

  /**
   * The form's content, in the shape of the engine's state.
   * @returns {{answers: object, done: object, merchant: object, notes: string,
   *   record: object, follow_up: object}}
   */
  read() {
    const answers = {};
    for (const key of this.settings.questions) {
      /** @type {HTMLInputElement | null} */
      const checked = this.form.querySelector(`input[type="radio"][name="${CSS.escape(key)}"]:checked`);
      if (checked) answers[key] = checked.value;
    }
    const done = {};
    for (const id of this.items.keys()) {
      if (this.control(id)?.checked) done[id] = true;
    }
    const values = Object.fromEntries(
      Object.keys(FIELDS).map((name) => [name, this.control(name)?.value ?? ""]),
    );
    return {
      answers,
      done,
      merchant: {
        merchant_id: values.merchant_id,
        terminal_id: values.terminal_id,
        name: values.merchant_name,
      },
      notes: values.notes,
      ...readRecord(this.form),
    };
  }

  /**
   * What the merchant changed before this script ran (on a slow link the
   * checklist can be ticked well before it arrives): every control whose value
   * differs from the page as built, in the shape of the engine's state, or
   * null when nothing was changed. Showing saved progress must not undo it.
   * @returns {{answers: object, done: object, fields: object} | null}
   */
  earlyEdits() {
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
    const done = {};
    for (const id of this.items.keys()) {
      const box = this.control(id);
      if (box && box.checked !== box.defaultChecked) done[id] = box.checked;
    }
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
   * @param {object} state
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
      const value = String(path.reduce((node, key) => node?.[key], state) ?? "");
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
    const choice = (target) => target.type === "checkbox" || target.type === "radio";
    const changed = (event) => {
      if (!event.target.name || choice(event.target) !== (event.type === "change")) return;
      // A task ticked now was done today, unless the merchant gave another date.
      if (event.target.type === "checkbox" && event.target.checked && this.items.has(event.target.name)) {
        dateOnTick(this.form, event.target.name);
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
      const tag = element.querySelector("[data-status]");
      tag.textContent = done ? this.strings.status_done : this.strings.status_todo;
      tag.classList.toggle("checklist-tag--done", done);
      element.classList.toggle("checklist-task--done", done);
    }
  }

  /** While saved progress is being upgraded, nothing can be changed. */
  setBusy(busy) {
    this.form.inert = busy;
    this.form.setAttribute("aria-busy", String(busy));
  }

  /** Shown but not editable (a save only the checker could upgrade). */
  setReadOnly(readOnly) {
    this.form.inert = readOnly;
  }

  /**
   * @param {"loading" | "ready" | "failed" | "error"} status
   */
  showEngine(status) {
    if (status !== "error") this.root.dataset.engine = status;
    const box = this.root.querySelector("[data-engine-message]");
    const text = box.querySelector("[data-engine-text]");
    const hint = box.querySelector("[data-engine-hint]");
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
   * @param {object} evaluation checklist.evaluate(state)
   * @param {object} summary checklist.summary(state, lang)
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
      const hint = element.querySelector("[data-find-out]");
      hint.textContent = findOut.get(id) ?? "";
      hint.hidden = !findOut.get(id);
    }
    for (const phase of this.root.querySelectorAll("[data-phase]")) {
      // A phase that does not apply stays in the list (the others keep the
      // guide's numbers), saying so, with its tasks folded away.
      const found = phases.get(phase.dataset.phase);
      phase.dataset.applies = String(Boolean(found));
      phase.querySelector(".checklist-tasks").hidden = !found;
      phase.querySelector("[data-phase-skipped]").hidden = Boolean(found);
      const progress = phase.querySelector("[data-phase-progress]");
      progress.textContent = found ? format(strings.phase_progress, found.progress) : "";
      progress.hidden = !found?.progress.total;
    }
    for (const question of this.root.querySelectorAll("[data-question]")) {
      question.hidden = !asked.has(question.dataset.question);
    }

    this.fold.render(phases, summary.next);
    this.answersFold.render(summary);
    this.showProblems(evaluation.problems ?? []);
    this.panel.render(evaluation, summary);
  }

  /**
   * Problems go next to their field, question or item; the rest in the panel.
   * @param {Array<{code: string, field?: string, item?: string, level: string, message: object}>} problems
   */
  showProblems(problems) {
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
    const general = [];
    for (const problem of problems) {
      const message = problem.message?.[lang] ?? String(problem.message ?? problem.code);
      const target = slotName(problem);
      const slot = target && this.root.querySelector(`[data-problem-for="${CSS.escape(target)}"]`);
      // A problem about something hidden (an item that does not apply) goes in the panel.
      if (!slot || slot.closest("[hidden]:not([data-problem-for])")) {
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
    const list = this.root.querySelector("[data-problems]");
    list.replaceChildren(
      ...general.map((problem) => {
        const item = document.createElement("li");
        item.className = `checklist-problem checklist-problem--${problem.level}`;
        item.dataset.problemCode = problem.code;
        item.textContent = problem.text;
        return item;
      }),
    );
    this.root.querySelector("[data-problems-part]").hidden = general.length === 0;
  }
}

/**
 * Which slot a problem belongs to: a field (`merchant.name` → merchant_name),
 * a question, or an item.
 */
function slotName(problem) {
  if (problem.item) return problem.item;
  if (!problem.field) return null;
  // A task's record: next to the task.
  if (String(problem.field).startsWith("record.")) return String(problem.field).split(".")[1];
  const field = String(problem.field).split(".").pop();
  return field === "name" ? "merchant_name" : field;
}
