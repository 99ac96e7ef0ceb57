/**
 * The checklist page, wired in one place: settings → saved progress → form →
 * engine (Python in a Web Worker) → verdict and printed summary.
 *
 * Order matters: the saved progress is read and every change is saved before
 * Python arrives; the engine only adds the verdict, the blockers, the next
 * step and the problems. If it never arrives, the checklist keeps working.
 */
import { startEngine } from "./engine.js";
import { ChecklistForm, withEdits } from "./form.js";
import { Notices } from "./notices.js";
import { format, readSettings } from "./settings.js";
import { classify, Store, storageKey } from "./storage.js";
import { renderSummary } from "./summary.js";

const root = document.querySelector("[data-checklist]");
if (root && !root.hasAttribute("data-started")) {
  root.setAttribute("data-started", "");
  start(root);
}

/** @param {HTMLElement} root */
function start(root) {
  const settings = readSettings(root);
  const strings = settings.strings;
  const notices = new Notices(root.querySelector("[data-notices]"), strings);
  const form = new ChecklistForm(root, settings);
  const store = new Store(storageKey(settings.siteRoot));
  const fresh = () => structuredClone(settings.newState);
  for (const element of root.querySelectorAll("[data-js-only]")) element.hidden = false;

  // Ticks and answers given before this script arrived: kept over saved progress.
  let early = form.earlyEdits();
  let state = fresh();
  // "saving": changes go to storage. "memory": they do not (storage refused,
  // or a saved value this page must not overwrite). "pending": an older
  // saved state waits for the engine's migrate before anything is written.
  let mode = "saving";
  let pending = null;

  const loaded = store.load();
  if (loaded.status === "unavailable") {
    mode = "memory";
    notices.show("storage", strings.notice_unavailable, { kind: "warning" });
  } else if (loaded.status === "corrupt") {
    setAside(loaded.raw);
  } else if (loaded.status === "ok") {
    const kind = classify(loaded.value, settings.schema);
    if (kind === "current") state = loaded.value;
    else if (kind === "newer") refuseNewer();
    else if (kind === "older") {
      mode = "pending";
      pending = loaded.value;
      form.setBusy(true);
      notices.show("migrate", strings.notice_migrating);
    } else setAside(loaded.raw);
  }
  if (mode !== "pending") {
    if (early) {
      state = { ...withEdits(state, early), updated: localTimestamp() };
      persist();
    }
    early = null;
  }
  form.apply(state);

  /** Unreadable saved text: keep it under a backup key and offer it for download. */
  function setAside(raw) {
    if (!store.keepAside(raw)) mode = "memory";
    notices.show("corrupt", strings.notice_corrupt, {
      kind: "warning",
      action: {
        label: strings.download_corrupt,
        run: () => download(raw, "text/plain", "pos-closure-checklist-damaged.txt"),
      },
    });
  }

  function refuseNewer() {
    mode = "memory";
    notices.show("storage", strings.notice_newer, { kind: "warning" });
  }

  /** Save the current state now (unless this page must not write). */
  function persist() {
    if (mode !== "saving") return;
    const outcome = store.save(state);
    if (outcome === "saved") notices.hide("storage");
    else if (outcome === "quota") notices.show("storage", strings.notice_quota, { kind: "warning" });
    else notices.show("storage", strings.notice_unavailable, { kind: "warning" });
  }

  form.onChange(() => {
    state = { ...state, ...form.read(), updated: localTimestamp() };
    persist();
    refresh();
  });

  store.watch((change) => {
    if (mode !== "saving") return;
    if (change.status === "empty") state = fresh();
    else if (change.status !== "ok") return;
    else {
      const kind = classify(change.value, settings.schema);
      if (kind === "newer") return refuseNewer();
      if (kind !== "current") return;
      state = change.value;
    }
    form.apply(state);
    refresh();
  });

  // The engine: started at once, in the background.
  const engine = startEngine(settings.pyodide);
  let engineState = "loading";
  engine.ready.then(
    async () => {
      engineState = "ready";
      form.showEngine("ready");
      if (mode === "pending") await migratePending();
      await refresh();
      revealTarget({ again: true });
    },
    (error) => {
      engineState = "failed";
      console.warn("Checklist: the checker did not load.", error);
      form.showEngine("failed");
      if (mode === "pending") {
        mode = "memory";
        form.setBusy(false);
        notices.show("migrate", strings.notice_migrate_failed, { kind: "warning" });
      }
    },
  );

  /** An older saved state: migrate it with the engine, then save the result. */
  async function migratePending() {
    try {
      const result = await engine.call("migrate", pending);
      if (result.state) {
        state = withEdits(result.state, early);
        mode = "saving";
        persist();
        form.apply(state);
        notices.show("migrate", strings.notice_migrated, { kind: "success" });
      } else if (result.problems?.some((problem) => problem.code === "schema_too_new")) {
        notices.hide("migrate");
        refuseNewer();
      } else {
        notices.hide("migrate");
        mode = "saving";
        setAside(JSON.stringify(pending));
        state = withEdits(fresh(), early);
        persist();
        form.apply(state);
      }
    } catch (error) {
      mode = "memory";
      notices.show("migrate", strings.notice_migrate_failed, { kind: "warning" });
    } finally {
      pending = null;
      early = null;
      form.setBusy(false);
    }
  }

  // Ask the engine for a verdict; while one call runs, later changes wait
  // and only the newest state is sent next.
  const mask = root.querySelector("[data-mask]");
  let running = null;
  let again = false;
  async function refresh() {
    if (engineState !== "ready") return;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const { evaluation, summary } = await engine.call(
            "check",
            state,
            settings.lang,
            Boolean(mask?.checked),
          );
          form.render(evaluation, summary);
          renderSummary(root.querySelector("[data-summary]"), summary, {
            strings,
            languageURL: settings.languageURL,
            pageURL: pageAddress(),
          });
          root.dataset.print = "summary";
        } catch (error) {
          console.error("Checklist: the checker failed.", error);
          form.showEngine("error");
        }
      } while (again);
    })();
    await running;
    running = null;
  }
  mask?.addEventListener("change", refresh);

  // Tools: print, export, import, start again.
  root.querySelector('[data-action="print"]')?.addEventListener("click", () => window.print());
  root.querySelector('[data-action="export"]')?.addEventListener("click", () => {
    const date = new Date().toISOString().slice(0, 10);
    download(JSON.stringify(state, null, 2), "application/json", `pos-closure-checklist-${date}.json`);
  });
  const importInput = root.querySelector("[data-import]");
  importInput?.addEventListener("change", async () => {
    const file = importInput.files?.[0];
    importInput.value = "";
    if (file) await importFile(file);
  });
  setUpReset();

  /** @param {File} file */
  async function importFile(file) {
    let value;
    try {
      value = JSON.parse(await file.text());
    } catch {
      notices.show("import", strings.import_not_json, { kind: "error" });
      return;
    }
    try {
      await engine.ready;
    } catch {
      notices.show("import", strings.import_needs_engine, { kind: "error" });
      return;
    }
    let checked;
    try {
      checked = await validateImport(value);
    } catch (error) {
      console.warn("Checklist: the checker failed on an imported file.", error);
      notices.show("import", strings.import_not_json, { kind: "error" });
      return;
    }
    if (checked.refused?.code === "schema_too_new") {
      notices.show("import", strings.import_too_new, { kind: "error" });
      return;
    }
    if (checked.refused) {
      const reason = checked.refused.message?.[settings.lang] ?? strings.import_not_json;
      notices.show("import", format(strings.import_rejected, { reason }), { kind: "error" });
      return;
    }
    state = checked.state;
    if (mode === "pending") mode = "saving";
    persist();
    form.apply(state);
    await refresh();
    notices.show("import", strings.import_done, { kind: "success" });
  }

  /**
   * An imported file is accepted only if the engine can read it as a whole:
   * migrate must give a state, and no error may concern the whole file or
   * one of its top-level parts (a problem inside, such as one wrong number or
   * an item that no longer exists, is shown after importing as usual).
   * @returns {Promise<{state: object} | {refused: object}>}
   */
  async function validateImport(value) {
    const migrated = await engine.call("migrate", value);
    const wholeFile = (problem) =>
      problem.level === "error" && !problem.item && !String(problem.field ?? "").includes(".");
    const refusal = migrated.problems?.find((problem) => problem.level === "error");
    if (!migrated.state || refusal) return { refused: refusal ?? { code: "refused" } };
    const evaluation = await engine.call("evaluate", migrated.state);
    const broken = evaluation.problems?.find(wholeFile);
    if (broken) return { refused: broken };
    return { state: evaluation.state };
  }

  /**
   * "Start again" asks first, in a modal <dialog> whose buttons submit a
   * method="dialog" form. Clearing happens on that form's submit, which runs
   * before the dialog closes (its "close" event comes later, as a task).
   */
  function setUpReset() {
    const button = root.querySelector('[data-action="reset"]');
    const dialog = root.querySelector("[data-reset-dialog]");
    if (!button || !dialog) return;
    button.addEventListener("click", () => {
      dialog.returnValue = "";
      dialog.showModal();
    });
    dialog.querySelector("form").addEventListener("submit", (event) => {
      if (event.submitter?.value === "confirm") startAgain();
    });
    dialog.addEventListener("close", () => {
      if (dialog.returnValue === "confirm") root.querySelector("[data-form] input")?.focus();
      else button.focus();
    });
  }

  function startAgain() {
    state = fresh();
    if (mode === "saving" && store.clear() !== "saved") {
      notices.show("storage", strings.notice_unavailable, { kind: "warning" });
    }
    form.apply(state);
    refresh();
    notices.show("reset", strings.reset_done, { kind: "success" });
  }

  // Deep links: /checklist/#<item-id> scrolls to and highlights the item.
  // Once Python hides what does not apply, the item moves: scroll to it again,
  // unless the merchant has scrolled since.
  let revealedAt = null;
  function revealTarget({ again = false } = {}) {
    const id = decodeHash();
    notices.hide("deeplink");
    for (const element of root.querySelectorAll(".checklist-task--target")) {
      element.classList.remove("checklist-task--target");
    }
    if (!id) return;
    const target = document.getElementById(id);
    if (!target) {
      notices.show("deeplink", format(strings.deeplink_unknown, { id }), { kind: "info" });
      return;
    }
    if (!target.matches("[data-item]")) return;
    target.classList.add("checklist-task--target");
    if (target.hidden) {
      const label = target.querySelector("label")?.textContent ?? id;
      notices.show("deeplink", format(strings.deeplink_not_applicable, { label }), { kind: "info" });
      return;
    }
    if (again && window.scrollY !== revealedAt) return;
    target.scrollIntoView({ block: "start" });
    revealedAt = window.scrollY;
  }
  window.addEventListener("hashchange", () => revealTarget());
  revealTarget();
}

/** Now as ISO 8601 local time with its offset: the summary prints its date as written. */
function localTimestamp(date = new Date()) {
  const pad = (number) => String(Math.abs(number)).padStart(2, "0");
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

function decodeHash() {
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return location.hash.slice(1);
  }
}

/** This page's address, without query or fragment (printed on the summary). */
function pageAddress() {
  const url = new URL(location.href);
  url.search = "";
  url.hash = "";
  return url.href;
}

/**
 * Offer text as a file download (a blob: URL, so no data goes into a URL).
 * @param {string} text
 * @param {string} type
 * @param {string} name
 */
function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
