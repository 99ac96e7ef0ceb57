/**
 * The checklist page, wired in one place: settings → saved progress (session)
 * → form → engine (Python in a Web Worker) → verdict and printed summary.
 *
 * Order matters: the saved progress is read and every change is saved before
 * Python arrives; the engine only adds the verdict, the blockers, the next
 * step and the problems. If it never arrives, the checklist keeps working.
 */
import { caughtUp, changesList, changesNotice } from "./changes.js";
import { deepLinks } from "./deeplinks.js";
import { megabytes, startEngine } from "./engine.js";
import { ChecklistForm } from "./form.js";
import { Notices } from "./notices.js";
import { migratePending, showReadOnly } from "./migration.js";
import { maskWhenPrinting } from "./print-mask.js";
import { keepProgress } from "./persist.js";
import { oneAtATime, pageAddress } from "./refresh.js";
import { Session } from "./session.js";
import { format, readSettings } from "./settings.js";
import { Store, storageKey } from "./storage.js";
import { renderSummary } from "./summary.js";
import { download, setUpTools } from "./tools.js";

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
  if (hint && !session.saving() && session.mode !== "pending") hint.hidden = true;
  let engineState = "loading";
  const engine = startEngine({
    ...settings.pyodide,
    // What this visit downloads, once the worker knows (nothing when cached).
    onPlan: (/** @type {number | null} */ bytes) => {
      if (bytes === null || engineState !== "loading") return;
      engineText(bytes ? format(strings.engine_loading, { mb: megabytes(bytes) }) : strings.engine_loading_cached);
    },
  });
  /** @type {HTMLInputElement | null} */
  const mask = root.querySelector("[data-mask]");

  // Ask the engine for a verdict: one call at a time, always on the newest state.
  const refresh = oneAtATime(async () => {
    if (engineState !== "ready") return;
    try {
      const { evaluation, summary } = await engine.call(
        "check",
        session.state,
        settings.lang,
        Boolean(mask?.checked),
      );
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
      });
      root.dataset.print = "summary";
    } catch (error) {
      console.error("Checklist: the checker failed.", error);
      form.showEngine("error");
      if (!session.saving()) engineText(strings.engine_error_unsaved);
    }
  });
  mask?.addEventListener("change", refresh);

  /** What changed in the rules since this merchant's last visit, once. */
  function showChanges(/** @type {any} */ summary) {
    const notice = changesNotice(summary.changes, summary.labels, settings.languageURL);
    if (!notice) return;
    const shown = notices.show("changes", notice.title);
    shown?.insertBefore(changesList(notice), shown.lastElementChild);
  }
  maskWhenPrinting(root, settings.masks);

  form.onChange(() => {
    session.changed();
    refresh();
  });
  session.watch(refresh);
  setUpTools({ root, settings, session, engine, notices, refresh });
  const reveal = deepLinks(root, notices, strings);

  engine.ready.then(
    async () => {
      engineState = "ready";
      form.showEngine("ready");
      await migratePending(session, engine);
      await refresh();
      reveal({ again: true });
    },
    (error) => {
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
