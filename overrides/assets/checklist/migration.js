/**
 * Upgrading an older save (schema 1) with the engine's migrate, without ever
 * writing over a save that changed meanwhile, and showing it read only when
 * the engine cannot run.
 */
import { merchantConflicts, showConflicts } from "./conflicts.js";
import { withEdits } from "./early-edits.js";
import { savedView } from "./state-view.js";
import { classify } from "./storage.js";

/**
 * @typedef {import("./session.js").Session} Session
 * @typedef {import("./session.js").State} State
 */

/**
 * While an older save waits for the engine: show what it holds (and anything
 * ticked before the script ran), locked, so that nothing is typed that could
 * not be saved yet. Unlocked once the upgrade is done (or refused).
 * @param {Session} session
 */
export function showWhileUpgrading(session) {
  const waiting = session.pending;
  if (!waiting) return;
  session.state = withEdits({ ...session.fresh(), ...savedView(waiting.value) }, session.early);
  session.form.apply(session.state);
  session.form.setReadOnly(true);
}

/**
 * An older saved state: migrate it with the engine, then save the result,
 * unless the save changed meanwhile (another tab upgraded it first: then
 * that newer save is taken instead, never overwritten).
 * @param {Session} session
 * @param {import("./engine.js").Engine} engine
 * @param {() => void} [changed] call when the merchant changes the state from a notice
 */
export async function migratePending(session, engine, changed = () => {}) {
  const waiting = session.pending;
  if (!waiting || session.mode !== "pending") return;
  const { notices, strings } = session;
  /** @type {import("../../../types/engine.js").Migrated} */
  let result;
  try {
    result = await engine.call("migrate", waiting.value);
  } catch (error) {
    if (session.pending !== waiting) return;
    console.warn("Checklist: upgrading the saved progress failed.", error);
    showReadOnly(session);
    return;
  }
  if (session.pending !== waiting) return;
  // Details saved twice, differently: the original is kept aside before the upgrade replaces it.
  const conflicts = result.state ? merchantConflicts(result.problems, waiting.value) : [];
  const copied = conflicts.length ? Boolean(await session.store.keepAside(waiting.raw)) : true;
  if (session.pending !== waiting) return;
  session.form.setReadOnly(false);
  const now = session.store.load();
  if (now.status !== "ok" || now.raw !== waiting.raw) {
    // Changed since it was read: never write an upgrade of the old text over it.
    notices.hide("migrate");
    if (now.status === "ok" && classify(now.value, session.settings.schema) === "current") {
      session.adopt(/** @type {State} */ (now.value));
    } else {
      session.keepInMemory();
      notices.show("storage", strings.notice_newer, { kind: "warning" });
    }
    return;
  }
  if (result.state) {
    // With no copy of the original kept, nothing is written over it.
    session.upgraded(result.state, copied ? "saving" : "memory");
    notices.show("migrate", strings.notice_migrated, { kind: "success" });
    if (conflicts.length) showConflicts(session, conflicts, waiting.raw, copied, changed);
  } else if (result.problems?.some((problem) => problem.code === "schema_too_new")) {
    notices.hide("migrate");
    session.refuseUpgrade();
  } else {
    notices.hide("migrate");
    session.startOver(waiting.raw);
  }
}

/**
 * The engine that upgrades an older save could not run: show what the
 * save holds (and anything typed meanwhile), read only, and write nothing.
 * @param {Session} session
 */
export function showReadOnly(session) {
  const waiting = session.pending;
  session.showReadOnly(waiting ? savedView(waiting.value) : null);
  if (!waiting) return;
  session.notices.show("migrate", session.strings.notice_migrate_failed, { kind: "warning" });
}
