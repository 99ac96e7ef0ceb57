/**
 * The tools under the checklist: print, export, import and start again.
 */
import { fileDate } from "./dates.js";
import { format } from "./settings.js";

/**
 * Offer text as a file download (a blob: URL, so no data goes into a URL).
 * @param {string} text
 * @param {string} type
 * @param {string} name
 */
export function download(text, type, name) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The engine's answer about a file to import (checklist.check_import), and
 * the counts it gives of the file and of the progress kept now.
 * @typedef {import("../../../types/engine.js").ImportCheck} ImportCheck
 * @typedef {import("../../../types/engine.js").Counts} Counts
 */

/**
 * @param {{root: HTMLElement, settings: import("./settings.js").Settings,
 *   session: import("./session.js").Session, engine: import("./engine.js").Engine,
 *   notices: import("./notices.js").Notices, refresh: () => Promise<void>}} parts
 */
export function setUpTools({ root, settings, session, engine, notices, refresh }) {
  const strings = settings.strings;
  root.querySelector('[data-action="print"]')?.addEventListener("click", () => window.print());
  root.querySelector('[data-action="export"]')?.addEventListener("click", () => {
    download(
      JSON.stringify(session.state, null, 2),
      "application/json",
      `pos-closure-checklist-${fileDate()}.json`,
    );
  });

  /** @type {HTMLInputElement | null} */
  const importInput = root.querySelector("[data-import]");
  importInput?.addEventListener("change", async () => {
    const file = importInput.files?.[0];
    importInput.value = "";
    if (file) await importFile(file);
  });

  /** @param {File} file */
  async function importFile(file) {
    // Any JSON, untrusted: only the engine's check_import reads it.
    /** @type {unknown} */
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
    /** @type {ImportCheck} */
    let preview;
    try {
      preview = await engine.call("check_import", value, session.state);
    } catch (error) {
      console.warn("Checklist: the checker failed on an imported file.", error);
      notices.show("import", strings.import_not_json, { kind: "error" });
      return;
    }
    offerImport(preview);
  }

  /**
   * What the engine's check_import says about a file: refused with its
   * reason, or shown against the progress there now, with every change the
   * import makes, and replaced only once the merchant confirms; the replaced
   * progress can be brought back.
   * @param {ImportCheck} preview
   */
  function offerImport(preview) {
    const { lang } = settings;
    if (preview.refused || !preview.state) {
      if (preview.refused?.code === "schema_too_new") {
        notices.show("import", strings.import_too_new, { kind: "error" });
        return;
      }
      // The engine's refusal says what was wrong and that nothing was imported.
      const reason = preview.refused?.message?.[lang];
      notices.show("import", reason ?? strings.import_not_json, { kind: "error" });
      return;
    }
    // `current` is null when the progress kept now is unreadable: counted as none.
    /** @type {Partial<Counts>} */
    const incoming = preview.incoming ?? {};
    /** @type {Partial<Counts>} */
    const current = preview.current ?? {};
    const text = format(strings.import_preview, {
      incoming_done: incoming.ticks ?? 0,
      incoming_answers: incoming.answers ?? 0,
      current_done: current.ticks ?? 0,
      current_answers: current.answers ?? 0,
    });
    const state = preview.state;
    const notice = notices.show("import", text, {
      kind: "info",
      action: {
        label: strings.import_confirm,
        run: async () => {
          const previous = structuredClone(session.state);
          session.replace(state);
          await refresh();
          notices.show("import", strings.import_done, {
            kind: "success",
            action: {
              label: strings.import_undo,
              run: async () => {
                session.replace(previous);
                await refresh();
                notices.show("import", strings.import_undone, { kind: "success" });
              },
            },
          });
        },
      },
    });
    const changes = preview.changes ?? [];
    if (changes.length) {
      const heading = document.createElement("p");
      heading.textContent = strings.import_changes;
      const list = document.createElement("ul");
      list.dataset.importChanges = "";
      for (const change of changes) {
        const item = document.createElement("li");
        item.textContent = change.message?.[lang] ?? String(change.code);
        list.append(item);
      }
      notice.firstElementChild?.after(heading, list);
    }
    // Field by field, what the import changes in the progress kept now.
    const differences = preview.differences ?? [];
    if (differences.length) {
      const heading = document.createElement("p");
      heading.textContent = strings.import_differences;
      const list = document.createElement("ul");
      list.dataset.importDifferences = "";
      for (const difference of differences) {
        const item = document.createElement("li");
        item.textContent = difference.message?.[lang] ?? difference.field;
        list.append(item);
      }
      (notice.querySelector("[data-import-changes]") ?? notice.firstElementChild)?.after(heading, list);
    }
  }

  setUpReset(root, () => {
    session.clear();
    refresh();
    notices.show("reset", strings.reset_done, { kind: "success" });
  });
}

/**
 * "Start again" asks first, in a modal <dialog> whose buttons submit a
 * method="dialog" form. Clearing happens on that form's submit, which runs
 * before the dialog closes (its "close" event comes later, as a task).
 * @param {HTMLElement} root
 * @param {() => void} startAgain
 */
function setUpReset(root, startAgain) {
  /** @type {HTMLButtonElement | null} */
  const button = root.querySelector('[data-action="reset"]');
  /** @type {HTMLDialogElement | null} */
  const dialog = root.querySelector("[data-reset-dialog]");
  if (!button || !dialog) return;
  button.addEventListener("click", () => {
    dialog.returnValue = "";
    dialog.showModal();
  });
  dialog.querySelector("form")?.addEventListener("submit", (event) => {
    const submitter = /** @type {HTMLButtonElement | null} */ (event.submitter);
    if (submitter?.value === "confirm") startAgain();
  });
  dialog.addEventListener("close", () => {
    /** @type {HTMLElement | null} */
    const first = root.querySelector("[data-form] input");
    if (dialog.returnValue === "confirm") first?.focus();
    else button.focus();
  });
}
