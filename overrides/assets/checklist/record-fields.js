/**
 * The closure record's controls in the form: each task's date, reference
 * number, how and by whom it was confirmed (`record.<item-id>.<field>`), and
 * the follow-up dates (`follow_up.<key>`). Controls are named by their path in
 * the saved state, so reading and showing them needs no table. The engine
 * checks every value; this module only moves them between form and state.
 */

/** @typedef {HTMLInputElement | HTMLSelectElement} RecordControl */

/**
 * Whether a control's name is a path into the closure record. Pure.
 * @param {string} name
 */
export function isRecordName(name) {
  return name.startsWith("record.") || name.startsWith("follow_up.");
}

/**
 * `{record, follow_up}` from `[name, value]` pairs, empty values left out. Pure.
 * @param {Array<[string, string]>} pairs
 * @returns {{record: Record<string, Record<string, string>>, follow_up: Record<string, string>}}
 */
export function recordFrom(pairs) {
  /** @type {Record<string, Record<string, string>>} */
  const record = {};
  /** @type {Record<string, string>} */
  const followUp = {};
  for (const [name, value] of pairs) {
    if (!value) continue;
    const [top, key, field] = name.split(".");
    if (top === "follow_up" && key) followUp[key] = value;
    else if (top === "record" && key && field) (record[key] ??= {})[field] = value;
  }
  return { record, follow_up: followUp };
}

/**
 * The text at a control's path in a state ("" when there is none, or it is
 * not text: the engine reports such values, the form shows them empty). Pure.
 * @param {unknown} state any JSON until the engine checks it: every level is checked
 * @param {string} name
 */
export function valueAt(state, name) {
  let node = state;
  for (const key of name.split(".")) {
    node = node && typeof node === "object" && !Array.isArray(node)
      ? /** @type {Record<string, unknown>} */ (node)[key]
      : undefined;
  }
  return typeof node === "string" ? node : "";
}

/**
 * Today's date on this device, `YYYY-MM-DD` (local time, not UTC). Pure.
 * @param {Date} [date]
 */
export function localDate(date = new Date()) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The record's controls of a form.
 * @param {ParentNode} form
 * @returns {RecordControl[]}
 */
export function recordControls(form) {
  return /** @type {RecordControl[]} */ (
    [...form.querySelectorAll('input[name^="record."], input[name^="follow_up."], select[name^="record."]')]
  );
}

/**
 * The value a control had as built (what "changed before the script ran" compares with).
 * @param {RecordControl} control
 */
export function builtValue(control) {
  if (control instanceof HTMLSelectElement) {
    const option = [...control.options].find((each) => each.defaultSelected) ?? control.options[0];
    return option?.value ?? "";
  }
  return control.defaultValue;
}

/**
 * The form's record, in the shape of the engine's state.
 * @param {ParentNode} form
 */
export function readRecord(form) {
  return recordFrom(recordControls(form).map((control) => [control.name, control.value]));
}

/**
 * Show a state's record in the form; a task with details shows them open.
 * @param {ParentNode} form
 * @param {import("./session.js").State} state
 */
export function applyRecord(form, state) {
  for (const control of recordControls(form)) {
    const value = valueAt(state, control.name);
    if (control.value !== value) control.value = value;
    const details = /** @type {HTMLDetailsElement | null} */ (control.closest("details"));
    if (value && details) details.open = true;
  }
}

/**
 * When a task is ticked, its date is the day it was ticked, unless one is already given.
 * @param {ParentNode} form
 * @param {string} item
 * @param {string} [today]
 */
export function dateOnTick(form, item, today = localDate()) {
  const field = form.querySelector(`input[name="${CSS.escape(`record.${item}.date`)}"]`);
  if (field instanceof HTMLInputElement && !field.value) field.value = today;
}
