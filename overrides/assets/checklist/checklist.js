/**
 * The checklist page, wired in one place: settings → saved progress (session)
 * → form → engine (Python in a Web Worker) → verdict and printed summary.
 *
 * Order matters: the saved progress is read and every change is saved before
 * Python arrives; the engine only adds the verdict, the blockers, the next
 * step and the problems. If it never arrives, the checklist keeps working.
 */
import { installStandIns, missingFeatures } from "./features.js";
import { caughtUp, changesList, changesNotice } from "./changes.js";
import { crashGuard } from "./crash-guard.js";
import { cleaning, takeCleaning } from "./cleaning.js";
import { deepLinks } from "./deeplinks.js";
import { startEngine } from "./engine.js";
import { engineStatus } from "./engine-status.js";
import { ChecklistForm } from "./form.js";
import { Notices } from "./notices.js";
import { migratePending, showReadOnly } from "./migration.js";
import { maskWhenPrinting } from "./print-mask.js";
import { setUpKeeping } from "./keep-summary.js";
import { keepProgress } from "./persist.js";
import { oneAtATime, pageAddress } from "./refresh.js";
import { setUpCalendar } from "./reminders.js";
import { Session } from "./session.js";
import { readSettings } from "./settings.js";
import { Store, storageKey } from "./storage.js";
import { renderSummary } from "./summary.js";
import { download, setUpTools } from "./tools.js";

/** @typedef {import("../../../types/engine.js").Summary} Summary */

// Checked before the stand-ins fill the gaps the page's own code needs.
const missing = missingFeatures();
installStandIns();

/** @type {HTMLElement | null} */
const checklist = document.querySelector("[data-checklist]");
if (checklist && !checklist.hasAttribute("data-started")) {
  checklist.setAttribute("data-started", "");
  start(checklist);
}

/** @param {HTMLElement} root */
function start(root) {
  const settings = readSettings(root);
  const strings = settings.strings;
  const notices = new Notices(/** @type {HTMLElement} */ (root.querySelector("[data-notices]")), strings);
  const form = new ChecklistForm(root, settings);
  const store = new Store(storageKey(settings.siteRoot));
  for (const element of root.querySelectorAll("[data-js-only]")) {
    /** @type {HTMLElement} */ (element).hidden = false;
  }
  // Progress the browser cleared since the last visit is said, not silently
  // replaced by an empty checklist (read before anything is saved).
  keepProgress(store.key).then(({ message }) => {
    if (message) notices.show("cleared", message, { kind: "warning" });
  });
  const session = new Session({ settings, store, notices, form, download });
  session.start();
  // A returning merchant's answers fold into one line (before the engine, so nothing moves later).
  form.answersFold.start(session.state);

  /** @param {string} text */
  const engineText = (text) => {
    const box = root.querySelector("[data-engine-text]");
    if (box) box.textContent = text;
  };
  // "Every change is saved at once" is only said while it is true.
  const hint = root.querySelector("[data-engine-hint]");
  if (hint && !session.saving()) hint.hidden = true;
  let engineState = "loading";
  const status = engineStatus(root, strings);
  const guard = crashGuard(store.key);
  /** @type {string | null} */
  const off = missing.length ? "unsupported" : guard.crashedBefore() ? "crashed" : null;
  if (missing.length) console.info("Checklist: the checker needs", missing.join(", "));
  if (!off) guard.starting();
  const engine = off
    ? { ready: Promise.reject(new Error(`not started: ${off}`)), call: () => Promise.reject(new Error(off)) }
    : startEngine({
        ...settings.pyodide,
        onPlan: status.plan,
        onProgress: status.progress,
        onFiles: (/** @type {string[]} */ files) => {
          root.dataset.engineFiles = JSON.stringify(files);
        },
      });
  engine.ready.catch(() => {});
  /** @type {HTMLInputElement | null} */
  const mask = root.querySelector("[data-mask]");
  /** @type {HTMLInputElement | null} */
  const maskReferences = root.querySelector("[data-mask-references]");
  /** @type {HTMLInputElement | null} */
  const both = root.querySelector("[data-print-both]");

  // Ask the engine for a verdict: one call at a time, always on the newest state.
  const refresh = oneAtATime(async () => {
    if (engineState !== "ready") return;
    try {
      const sent = session.state;
      const masking = [Boolean(mask?.checked), Boolean(maskReferences?.checked)];
      const { evaluation, summary } = await engine.call("check", sent, settings.lang, ...masking);
      // What the engine cleaned (invisible characters, unknown keys) is saved
      // cleaned, said once, and checked again: nothing printed claims more.
      const cleaned = session.saving() ? cleaning(sent, evaluation.state, evaluation.problems) : null;
      if (cleaned && (await takeCleaning(session, sent, cleaned))) {
        refresh();
        return;
      }
      // "Both languages": the other language's summary, printed beside this one.
      const otherLang = settings.lang === "zh" ? "en" : "zh";
      const other = both?.checked
        ? (await engine.call("check", sent, otherLang, ...masking)).summary
        : null;
      form.render(evaluation, summary);
      showChanges(summary);
      // Record the rules version now shown, so the list of changes shows once.
      const seen = caughtUp(session.state, evaluation);
      if (seen && session.saving()) {
        session.state = seen;
        session.persist();
      }
      renderSummary(/** @type {HTMLElement} */ (root.querySelector("[data-summary]")), summary, {
        strings,
        languageURL: settings.languageURL,
        pageURL: pageAddress(location.href),
        other,
      });
      root.dataset.print = "summary";
    } catch (error) {
      console.error("Checklist: the checker failed.", error);
      form.showEngine("error");
      if (!session.saving()) engineText(strings.engine_error_unsaved);
    }
  });
  for (const option of [mask, maskReferences, both]) option?.addEventListener("change", refresh);

  // What changed in the rules goes next to the verdict, below the questions: above
  // them, it arrived a second after the first paint and pushed the form down.
  const changesBox = /** @type {HTMLElement} */ (root.querySelector("[data-changes]"));
  const changesNotices = changesBox ? new Notices(changesBox, strings) : notices;

  /**
   * What changed in the rules since this merchant's last visit, once.
   * @param {Summary} summary its labels hold the list's title (`changes`)
   */
  function showChanges(summary) {
    const notice = changesNotice(summary.changes, summary.labels, settings.languageURL);
    if (!notice) return;
    const shown = changesNotices.show("changes", notice.title);
    shown?.insertBefore(changesList(notice), shown.lastElementChild);
  }
  maskWhenPrinting(root, settings.masks);

  form.onChange(() => {
    session.changed();
    refresh();
  });
  session.watch(refresh);
  setUpTools({ root, settings, session, engine, notices, refresh });
  setUpCalendar({ root, settings, session, engine, download });
  setUpKeeping(root, strings, notices);
  const reveal = deepLinks(root, notices, strings);

  engine.ready.then(
    async () => {
      guard.finished();
      engineState = "ready";
      form.showEngine("ready");
      await migratePending(session, engine, refresh);
      await refresh();
      reveal({ again: true });
    },
    (error) => {
      if (off) {
        engineState = "off";
        status.off(/** @type {"unsupported" | "crashed"} */ (off), () => {
          guard.finished();
          location.reload();
        });
        if (session.mode === "pending") showReadOnly(session);
        return;
      }
      guard.finished();
      engineState = "failed";
      console.warn("Checklist: the checker did not load.", error);
      form.showEngine("failed");
      if (!session.saving()) engineText(strings.engine_failed_unsaved);
      if (session.mode === "pending") {
        // One message: the notice says what is shown and that nothing is saved.
        const box = /** @type {HTMLElement | null} */ (root.querySelector("[data-engine-message]"));
        if (box) box.hidden = true;
        showReadOnly(session);
      }
    },
  );
  reveal();
}
