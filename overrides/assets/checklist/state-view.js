/**
 * Pure helpers that shape a saved value for the form, without the engine:
 * text fields as text, and an older (schema 1) save shown as it is when the
 * checker that upgrades it cannot load.
 */
import { MERCHANT_FLAT } from "./fields.js";

/**
 * A value for a text field: strings as they are, nothing as "", anything
 * else as its JSON text (never "[object Object]"), so it is shown and saved
 * back as readable text rather than lost.
 * @param {unknown} value
 * @returns {string}
 */
export function asText(value) {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  try {
    return JSON.stringify(value) ?? "";
  } catch {
    return "";
  }
}

/**
 * A saved value's fields when it is a JSON object, else none. Saved JSON is
 * untrusted: every field is `unknown` until it is read with a check. Pure.
 * @param {unknown} value
 * @returns {Record<string, unknown>}
 */
export function fieldsOf(value) {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return /** @type {Record<string, unknown>} */ (value);
}

/**
 * A state whose notes and merchant fields are text. Pure: returns a new
 * object only when something had to change.
 * @template {{notes?: unknown, merchant?: unknown}} T
 * @param {T} state
 * @returns {T}
 */
export function withTextFields(state) {
  // As read from storage: any JSON until the engine checks it.
  const fields = fieldsOf(state.merchant);
  const fixNotes = state.notes !== undefined && typeof state.notes !== "string";
  const badMerchant = Object.entries(fields).filter(([, value]) => value !== null && typeof value !== "string");
  if (!fixNotes && !badMerchant.length) return state;
  /** @type {{notes?: unknown, merchant?: unknown}} */
  const next = { ...state };
  if (fixNotes) next.notes = asText(state.notes);
  if (badMerchant.length) {
    const text = { ...fields };
    for (const [key, value] of badMerchant) text[key] = asText(value);
    next.merchant = text;
  }
  return /** @type {T} */ (next);
}

/**
 * What an older save holds, in the current layout, for showing only (read
 * only: the engine's migrate is what upgrades a save). Schema 1 keeps ticks
 * as a list and the merchant's fields at the top level; anything unexpected
 * is left out rather than guessed.
 * @param {unknown} saved
 * @returns {{answers: Record<string, string>, done: Record<string, true>,
 *   merchant: {merchant_id: string, terminal_id: string, name: string}, notes: string}}
 */
export function savedView(saved) {
  const value = fieldsOf(saved);
  /** @type {Record<string, string>} */
  const answers = {};
  if (value.answers && typeof value.answers === "object" && !Array.isArray(value.answers)) {
    for (const [key, answer] of Object.entries(value.answers)) {
      if (typeof answer === "string") answers[key] = answer;
    }
  }
  /** @type {Record<string, true>} */
  const done = {};
  if (Array.isArray(value.done)) {
    for (const id of value.done) if (typeof id === "string") done[id] = true;
  } else if (value.done && typeof value.done === "object") {
    for (const [id, ticked] of Object.entries(value.done)) if (ticked === true) done[id] = true;
  }
  const nested = fieldsOf(value.merchant);
  const text = (/** @type {unknown[]} */ ...candidates) =>
    asText(candidates.find((candidate) => candidate !== undefined && candidate !== null));
  /** @type {Record<string, string>} */
  const merchant = {};
  // Nested (schema 2 on), or flat under the control's name (schema 1).
  for (const [key, flat] of Object.entries(MERCHANT_FLAT)) merchant[key] = text(nested[key], value[flat]);
  return {
    answers,
    done,
    merchant: /** @type {{merchant_id: string, terminal_id: string, name: string}} */ (merchant),
    notes: text(value.notes),
  };
}

/** Deeper than this, a part of a saved state is not the page's: no part of the layout nests past 3. */
export const MAX_DEPTH = 32;

/**
 * How deep `value` nests, counted without recursion, stopping once past
 * `limit` (so a million levels cost no more than `limit`). Pure.
 * @param {unknown} value
 * @param {number} limit
 */
export function nesting(value, limit) {
  /** @type {Array<[unknown, number]>} */
  const stack = [[value, 0]];
  let deepest = 0;
  while (stack.length) {
    const [node, depth] = /** @type {[unknown, number]} */ (stack.pop());
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    if (node && typeof node === "object") {
      for (const child of Object.values(node)) {
        if (child && typeof child === "object") stack.push([child, depth + 1]);
      }
    }
  }
  return deepest;
}

/**
 * A state without the top-level parts that nest deeper than MAX_DEPTH (the
 * browser can neither save nor send them to the checker), and their keys. Pure.
 * @template {Record<string, unknown>} T
 * @param {T} state
 * @returns {{state: T, dropped: string[]}}
 */
export function withoutTooDeep(state) {
  const dropped = Object.keys(state).filter((key) => nesting(state[key], MAX_DEPTH) > MAX_DEPTH);
  if (!dropped.length) return { state, dropped };
  const kept = { ...state };
  for (const key of dropped) delete kept[key];
  return { state: kept, dropped };
}
