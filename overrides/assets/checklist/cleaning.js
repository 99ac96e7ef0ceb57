/**
 * What the engine cleans in a state it checks, taken into the saved progress
 * so that what is printed, saved and exported agree: invisible characters
 * (zero-width, text-direction controls) it removed from text fields, and
 * top-level keys it does not know (dropped from the save once the merchant
 * is told and a copy of the saved text is kept). The engine is the one place
 * that decides; this module only carries its answer over.
 */
import { format } from "./settings.js";

/**
 * The state as the page holds it, which may still carry keys the engine does not know.
 * @typedef {import("./session.js").State & Record<string, unknown>} Sent
 * @typedef {import("../../../types/engine.js").State} Checked
 * @typedef {import("../../../types/engine.js").Problem} Problem
 * @typedef {{state: Sent, invisible: Record<string, string>[], unknown: string[]}} Cleaning
 */

/**
 * The state the page should save after the engine checked `sent`, or null
 * when the engine cleaned nothing. Pure.
 * @param {Sent} sent the state that was checked
 * @param {Checked | undefined} checked `evaluation.state`
 * @param {Problem[] | undefined} problems `evaluation.problems`
 * @returns {Cleaning | null} `invisible`: the problem messages to show;
 *   `unknown`: the top-level keys dropped
 */
export function cleaning(sent, checked, problems) {
  if (!checked || typeof checked !== "object") return null;
  const state = { ...sent };
  /** @type {Record<string, string>[]} */
  const invisible = [];
  for (const problem of problems ?? []) {
    if (problem?.code !== "invisible_removed") continue;
    const path = String(problem.field ?? "").split(".");
    if (!path[0] || !Object.hasOwn(checked, path[0])) continue;
    const part = /** @type {keyof Checked} */ (path[0]); // one of its own keys, as just checked
    // The whole top-level part as the engine left it (e.g. all of `merchant`).
    state[path[0]] = structuredClone(checked[part]);
    invisible.push(problem.message ?? {});
  }
  const unknown = Object.keys(sent).filter((key) => !Object.hasOwn(checked, key));
  for (const key of unknown) delete state[key];
  if (!invisible.length && !unknown.length) return null;
  return { state, invisible, unknown };
}

/**
 * Save what the engine cleaned, and say so once. Unknown keys are dropped only
 * once a copy of the saved text is kept (else they stay, as saved).
 * @param {import("./session.js").Session} session
 * @param {Sent} sent the state that was checked
 * @param {Cleaning} cleaned
 * @returns {Promise<boolean>} whether the state changed
 */
export async function takeCleaning(session, sent, cleaned) {
  const { strings, settings, notices } = session;
  let { state } = cleaned;
  if (cleaned.unknown.length) {
    const saved = session.store.load();
    const raw = saved.status === "ok" ? saved.raw : JSON.stringify(sent);
    const copied = await session.store.keepAside(raw);
    if (session.state !== sent || !session.saving()) return false;
    if (copied) {
      const text = format(strings.notice_unknown_dropped, { count: cleaned.unknown.length });
      notices.show("unknown", text, {
        kind: "warning",
        action: {
          label: strings.download_original,
          run: () => session.download(raw, "application/json", "pos-closure-checklist-before-cleaning.json"),
        },
      });
    } else {
      // No copy, no dropping: the keys stay as saved.
      if (!cleaned.invisible.length) return false;
      state = { ...state };
      for (const key of cleaned.unknown) state[key] = sent[key];
    }
  }
  if (cleaned.invisible.length) {
    const said = cleaned.invisible.map((message) => message[settings.lang] ?? "").join(" ");
    notices.show("invisible", said, { kind: "info" });
  }
  if (session.state !== sent) return false;
  session.state = state;
  session.persist();
  session.form.apply(session.state);
  return true;
}
