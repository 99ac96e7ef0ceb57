/**
 * Upgrading an older save (schema 1) with the engine's migrate, without ever
 * writing over a save that changed meanwhile, and showing it read only when
 * the engine cannot run.
 */
import { savedView } from "./state-view.js";
import { classify } from "./storage.js";

/** @typedef {import("./session.js").Session} Session @typedef {Record<string, any>} State */

/**
 * An older saved state: migrate it with the engine, then save the result,
 * unless the save changed meanwhile (another tab upgraded it first: then
 * that newer save is taken instead, never overwritten).
 * @param {Session} session
 * @param {import("./engine.js").Engine} engine
 */
export async function migratePending(session, engine) {
  const waiting = session.pending;
  if (!waiting || session.mode !== "pending") return;
  const { notices, strings } = session;
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
    session.upgraded(result.state);
    notices.show("migrate", strings.notice_migrated, { kind: "success" });
  } else if (result.problems?.some((/** @type {any} */ problem) => problem.code === "schema_too_new")) {
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
