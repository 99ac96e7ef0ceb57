/**
 * What the merchant changed before the script ran (on a slow link the form is
 * usable before the saved progress can be shown): read by
 * ChecklistForm.earlyEdits, laid over the saved progress here.
 */
import { FIELDS, setAt } from "./fields.js";

/**
 * @typedef {import("./session.js").State} State
 * What the merchant changed before the script ran (`undefined`: an answer taken back).
 * @typedef {{answers: Record<string, string | undefined>, done: Record<string, boolean>,
 *   fields: Record<string, string>}} Edits
 */

/**
 * A state with the merchant's early edits (ChecklistForm.earlyEdits) on top.
 * Pure: returns a new state.
 * @param {State} state
 * @param {Edits | null} edits
 * @returns {State}
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
    // An emptied record field is removed; the merchant's details and notes stay as text.
    setAt(next, FIELDS[name] ?? name.split("."), value === "" && !FIELDS[name] ? undefined : value);
  }
  return next;
}
