/**
 * An older (schema 1) save that holds the merchant's details twice, nested
 * and flat, with different values: the engine's migrate keeps the nested ones
 * and reports `merchant_conflict`. The page says so, keeps the original text
 * aside (as for a damaged save), and lets the merchant take the other values.
 */
import { format } from "./settings.js";
import { MERCHANT_FLAT } from "./fields.js";
import { asText, fieldsOf } from "./state-view.js";

/** At most this many characters of a value are shown. */
const SHOWN = 80;

/**
 * @typedef {{key: "merchant_id" | "terminal_id" | "name", kept: string, other: string,
 *   message: Record<string, string>}} Conflict
 * @typedef {import("../../../types/engine.js").Problem} Problem
 * @typedef {import("./session.js").State} State
 * @typedef {import("../../../types/engine.js").Merchant} Merchant
 */

/** @param {string} text */
const cut = (text) => (text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text);

/**
 * The conflicts the engine reported, with both values as the save holds them. Pure.
 * @param {Problem[] | undefined} problems migrate's problems
 * @param {unknown} saved the schema-1 value that was migrated
 * @returns {Conflict[]}
 */
export function merchantConflicts(problems, saved) {
  const value = fieldsOf(saved);
  const nested = fieldsOf(value.merchant);
  /** @type {Conflict[]} */
  const found = [];
  for (const problem of problems ?? []) {
    if (problem?.code !== "merchant_conflict") continue;
    const key = String(problem.field ?? "").replace(/^merchant\./, "");
    if (!Object.hasOwn(MERCHANT_FLAT, key)) continue;
    // One of the merchant's details (the engine's table, fields.js).
    const flat = /** @type {Conflict["key"]} */ (key);
    found.push({
      key: flat,
      kept: asText(nested[flat]),
      other: asText(value[MERCHANT_FLAT[flat]]),
      message: problem.message ?? {},
    });
  }
  return found;
}

/**
 * A state with the other (flat) values of `conflicts` in its merchant details. Pure.
 * @param {State} state
 * @param {Conflict[]} conflicts
 * @returns {State}
 */
export function withOtherValues(state, conflicts) {
  // A conflict means migrate wrote the merchant's details: only some of them change here.
  const merchant = /** @type {Merchant} */ ({ ...state.merchant });
  for (const conflict of conflicts) merchant[conflict.key] = conflict.other;
  return { ...state, merchant };
}

/**
 * Say which details conflicted (both values) and offer the other values and a
 * download of the original text. When no copy of it could be kept, nothing is
 * saved over it until the merchant has downloaded it.
 * @param {import("./session.js").Session} session
 * @param {Conflict[]} conflicts
 * @param {string} raw the original saved text
 * @param {boolean} copied whether a copy of `raw` is kept aside
 * @param {() => void} changed call after the state changed
 */
export function showConflicts(session, conflicts, raw, copied, changed) {
  const { strings, settings } = session;
  const text = copied ? strings.notice_conflict : strings.notice_conflict_no_copy;
  const notice = session.notices.show("conflict", text, {
    kind: "warning",
    action: {
      label: strings.conflict_use_other,
      run: () => {
        session.state = withOtherValues(session.state, conflicts);
        session.persist();
        session.form.apply(session.state);
        changed();
      },
    },
  });
  const list = document.createElement("ul");
  list.dataset.conflicts = "";
  for (const conflict of conflicts) {
    const line = document.createElement("li");
    line.dataset.conflict = conflict.key;
    const values = format(strings.conflict_values, { kept: cut(conflict.kept), other: cut(conflict.other) });
    line.textContent = `${conflict.message[settings.lang] ?? ""} ${values}`.trim();
    list.append(line);
  }
  const download = document.createElement("button");
  download.type = "button";
  download.className = "md-button";
  download.dataset.conflictDownload = "";
  download.textContent = strings.download_original;
  download.addEventListener("click", () => {
    session.download(raw, "application/json", "pos-closure-checklist-before-upgrade.json");
    if (session.mode === "memory" && !copied) {
      session.mode = "saving";
      session.persist();
    }
  });
  notice.firstElementChild?.after(list);
  notice.lastElementChild?.prepend(download);
}
