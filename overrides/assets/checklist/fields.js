/**
 * Which form control holds which part of the state: read from the engine's
 * own table (engine-fields.js, written from checklist/state.py), never spelled
 * out again on the page. Pure.
 */
import { FIELDS } from "./engine-fields.js";

export { FIELDS };

/**
 * The control a problem's field names: `merchant.name` → merchant_name,
 * `notes` → notes; any other field (`answers.<key>`, `done.<id>`) → its last part.
 * @param {string} field a dotted path in the state
 * @returns {string}
 */
export function controlOf(field) {
  for (const [name, path] of Object.entries(FIELDS)) if (path.join(".") === field) return name;
  return field.split(".").pop() ?? "";
}

/**
 * The merchant's details: each key of `state.merchant` → where schema 1 kept
 * it (at the top level, under the control's name).
 * @type {Readonly<Record<string, string>>}
 */
export const MERCHANT_FLAT = Object.freeze(
  Object.fromEntries(
    Object.entries(FIELDS)
      .filter(([, path]) => path.length === 2 && path[0] === "merchant")
      .map(([name, path]) => [path[1], name]),
  ),
);

/**
 * Write `value` at `path` in `node`, making the objects on the way (anything
 * else on the way is replaced); `undefined` removes the value. Changes `node`.
 * @param {object} node
 * @param {readonly string[]} path
 * @param {unknown} value
 */
export function setAt(node, path, value) {
  let at = /** @type {Record<string, unknown>} */ (node);
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    at = /** @type {Record<string, unknown>} */ (next && typeof next === "object" ? next : (at[key] = {}));
  }
  if (value === undefined) delete at[path[path.length - 1]];
  else at[path[path.length - 1]] = value;
}

/**
 * The value at `path` in `node`, or undefined where the path runs out. Saved
 * JSON is any JSON until the engine checks it: nothing on the way is trusted.
 * @param {unknown} node
 * @param {readonly string[]} path
 * @returns {unknown}
 */
export function valueAt(node, path) {
  let at = node;
  for (const key of path) {
    at = at && typeof at === "object" ? /** @type {Record<string, unknown>} */ (at)[key] : undefined;
  }
  return at;
}
