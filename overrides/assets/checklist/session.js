/**
 * Session and saving: the state the page holds, whether changes are written
 * (the mode), writing them, and following other tabs.
 *
 * Modes: "saving" writes every change at once. "memory" writes nothing
 * (storage refused, or a saved value this page must not overwrite).
 * "pending" holds an older save that waits for the engine's migrate
 * (migration.js); meanwhile the form shows it locked (nothing typed then
 * could be saved), and ticks made before the script ran are laid over the
 * upgraded save. "holding" waits until a copy of a
 * damaged save is kept before anything replaces it.
 */
import { forgetProgress, keepProgress } from "./persist.js";
import { localTimestamp } from "./dates.js";
import { withEdits } from "./early-edits.js";
import { withoutTooDeep, withTextFields } from "./state-view.js";
import { format } from "./settings.js";
import { classify } from "./storage.js";
import { showWhileUpgrading } from "./migration.js";

/**
 * The state the page holds: a current-schema save as read (text fields made
 * text), with the form's content laid over it. Until the engine has checked
 * it, any part may be missing, and keys the engine does not know stay until
 * cleaning.js drops them.
 * @typedef {Partial<import("../../../types/engine.js").State>} State
 * @typedef {"saving" | "memory" | "pending" | "holding"} Mode
 * @typedef {import("./early-edits.js").Edits} Edits
 */

export class Session {
  /**
   * @param {{settings: import("./settings.js").Settings, store: import("./storage.js").Store,
   *   notices: import("./notices.js").Notices, form: import("./form.js").ChecklistForm,
   *   download: (text: string, type: string, name: string) => void}} parts
   */
  constructor({ settings, store, notices, form, download }) {
    this.settings = settings;
    this.strings = settings.strings;
    this.store = store;
    /** Whether this page has left its marker since the last save or clear (see persist.js). */
    this.marked = false;
    this.notices = notices;
    this.form = form;
    this.download = download;
    /** @type {State} */
    this.state = this.fresh();
    /** @type {Mode} */
    this.mode = "saving";
    /** The older save waiting for migrate, and its text as read. @type {{value: unknown, raw: string} | null} */
    this.pending = null;
    /** Edits made before the saved progress could be shown. @type {Edits | null} */
    this.early = null;
    /** Whether the last write worked (a full quota leaves the mode as it is). */
    this.lastSaved = true;
    /** The text this page last wrote: how it tells its own save from another tab's. */
    this.written = "";
  }

  /** @returns {State} */
  fresh() {
    return structuredClone(this.settings.newState);
  }

  /**
   * A saved state as the page can use it: text fields as text, and without
   * parts nested too deep to save or send to the checker (left out, said in
   * the console; the saved text keeps them until the next save).
   * @param {State} value
   * @returns {State}
   */
  usable(value) {
    const { state, dropped } = withoutTooDeep(withTextFields(value));
    if (dropped.length) this.leftOut(dropped);
    return state;
  }

  /** Read the saved progress, lay early edits over it and show it. */
  start() {
    const { strings, notices } = this;
    this.early = this.form.earlyEdits();
    const loaded = this.store.load();
    if (loaded.status === "unavailable") {
      this.mode = "memory";
      notices.show("storage", strings.notice_unavailable, { kind: "warning" });
    } else if (loaded.status === "corrupt") {
      this.setAside(loaded.raw);
    } else if (loaded.status === "ok") {
      const kind = classify(loaded.value, this.settings.schema);
      if (kind === "current") this.state = this.usable(/** @type {State} */ (loaded.value));
      else if (kind === "newer") this.refuseNewer();
      // Not a schema any version writes ("3", 3.5): no reload can read it.
      else if (kind === "unknown") this.setAside(loaded.raw, strings.notice_unreadable);
      else if (kind === "older") {
        this.mode = "pending";
        this.pending = { value: loaded.value, raw: loaded.raw };
        notices.show("migrate", strings.notice_migrating);
      } else this.setAside(loaded.raw);
    }
    if (this.mode === "pending") return showWhileUpgrading(this);
    this.layEarlyEdits();
    this.form.apply(this.state);
  }

  /** Early edits go over the state now shown, and are saved (if saving). */
  layEarlyEdits() {
    if (this.early) {
      this.state = { ...withEdits(this.state, this.early), updated: localTimestamp() };
      this.persist();
    }
    this.early = null;
  }

  /**
   * Unreadable saved text: keep one copy (localStorage, else IndexedDB) and
   * offer it for download. Nothing replaces it until the copy is kept; if no
   * copy can be kept, nothing replaces it at all.
   * @param {string} raw
   * @param {string} [message] what to say once the copy is kept
   */
  setAside(raw, message = this.strings.notice_corrupt) {
    const previous = this.mode;
    this.mode = "holding";
    const offer = {
      label: this.strings.download_corrupt,
      run: () => this.download(raw, "text/plain", "pos-closure-checklist-damaged.txt"),
    };
    this.store.keepAside(raw).then(
      (where) => {
        if (this.mode !== "holding") return;
        if (where) {
          this.mode = previous === "memory" ? "memory" : "saving";
          this.notices.show("corrupt", message, { kind: "warning", action: offer });
          this.persist();
        } else {
          // No copy: the damaged text stays where it is until the merchant has
          // downloaded it; then saving resumes over it.
          this.mode = "memory";
          console.warn("Checklist: no copy of the damaged saved progress could be kept.");
          const downloadThenSave = {
            label: offer.label,
            run: () => {
              offer.run();
              this.mode = "saving";
              this.persist();
            },
          };
          this.notices.show("corrupt", this.strings.notice_corrupt_no_copy, {
            kind: "warning",
            action: downloadThenSave,
          });
        }
      },
      (error) => {
        console.warn("Checklist: keeping the damaged saved progress failed.", error);
        this.mode = "memory";
      },
    );
  }

  /**
   * Say which parts of the saved progress could not be saved and were left out.
   * @param {string[]} keys
   */
  leftOut(keys) {
    console.warn("Checklist: left out, as it cannot be saved:", keys.join(", "));
    this.notices.show("left-out", format(this.strings.notice_left_out, { keys: keys.join(", ") }), {
      kind: "warning",
    });
  }

  /** Whether changes are being saved now (what the page may promise). */
  saving() {
    return this.mode === "saving" && this.lastSaved;
  }

  refuseNewer() {
    this.mode = "memory";
    this.notices.show("storage", this.strings.notice_newer, { kind: "warning" });
  }

  /** Save the current state now (unless this page must not write). */
  persist() {
    if (this.mode !== "saving") return;
    const { status, dropped, text } = this.store.save(this.state);
    this.lastSaved = status === "saved";
    if (status === "saved") this.written = text;
    if (dropped.length) {
      // Left out of the save: leave it out of the state too, so saving keeps working.
      this.leftOut(dropped);
      /** @type {State & Record<string, unknown>} */
      const state = { ...this.state };
      for (const key of dropped) delete state[key];
      this.state = state;
    }
    const { notices, strings } = this;
    if (status === "saved") {
      notices.hide("storage");
      // Once per page, not on every keystroke: the marker and the request to keep storage.
      if (!this.marked) keepProgress(this.store.key);
      this.marked = true;
    }
    else if (status === "quota") notices.show("storage", strings.notice_quota, { kind: "warning" });
    else notices.show("storage", strings.notice_unavailable, { kind: "warning" });
  }

  /** The merchant changed the form. */
  changed() {
    if (this.mode === "pending") {
      // Kept over the upgraded save once migrate has run.
      this.early = this.form.earlyEdits();
      return;
    }
    this.state = { ...this.state, ...this.form.read(), updated: localTimestamp() };
    this.persist();
  }

  /**
   * Replace everything with `state` (an import): a save that waited for the
   * engine is replaced too.
   * @param {State} state
   */
  replace(state) {
    // Stamped now: the file's own time says when it was written, not when it came in.
    this.state = { ...this.usable(state), updated: localTimestamp() };
    if (this.mode === "pending") {
      this.mode = "saving";
      this.pending = null;
      this.early = null;
      this.notices.hide("migrate");
      this.form.setReadOnly(false);
    }
    this.persist();
    this.form.apply(this.state);
  }

  /** Start again: an empty checklist, and nothing saved. */
  clear() {
    this.state = this.fresh();
    forgetProgress(this.store.key);
    this.marked = false;
    if (this.mode === "saving" && this.store.clear() !== "saved") {
      this.notices.show("storage", this.strings.notice_unavailable, { kind: "warning" });
    }
    this.form.apply(this.state);
  }

  /**
   * Follow what other tabs save. The order is the storage's own: what is in
   * storage when the event arrives is the last write, whoever made it, and
   * replaces what this tab shows (unless it is this tab's own, written after
   * the other's). No time stamp decides: a file's `updated` or a clock that
   * runs ahead would otherwise undo the other tab's writes. A current save
   * from another tab also ends a wait for migrate (that tab has already
   * upgraded, and maybe edited, the older save).
   * @param {() => void} onChange called when the shown state changed
   */
  watch(onChange) {
    this.store.watch((change) => {
      if (this.mode === "pending") {
        if (change.status !== "ok" || classify(change.value, this.settings.schema) !== "current") return;
        this.adopt(/** @type {State} */ (change.value));
        onChange();
        return;
      }
      if (this.mode !== "saving") return;
      if (change.status === "empty") this.state = this.fresh();
      else if (change.status !== "ok") return;
      else {
        const kind = classify(change.value, this.settings.schema);
        if (kind === "newer") return this.refuseNewer();
        if (kind !== "current" || change.raw === this.written) return;
        this.state = this.usable(/** @type {State} */ (change.value));
      }
      this.form.apply(this.state);
      onChange();
    });
  }

  /**
   * Take a current save that another tab wrote while this one waited for
   * migrate, with this tab's edits laid over it.
   * @param {State} value
   */
  adopt(value) {
    this.pending = null;
    this.mode = "saving";
    this.notices.hide("migrate");
    this.form.setReadOnly(false);
    this.state = this.usable(value);
    this.layEarlyEdits();
    this.form.apply(this.state);
  }

  /**
   * The older save, upgraded by migrate (its clean state): saved from now on,
   * with the edits made meanwhile laid over it.
   * @param {State} state
   * @param {Mode} [mode] "memory" when no copy of the original could be kept
   */
  upgraded(state, mode = "saving") {
    this.pending = null;
    this.mode = mode;
    this.state = state;
    if (this.early) this.layEarlyEdits();
    else this.persist();
    this.form.apply(this.state);
  }

  /** The older save changed meanwhile to one this page cannot take: save nothing. */
  keepInMemory() {
    this.pending = null;
    this.mode = "memory";
  }

  /** migrate refused the older save as newer than this page: save nothing over it. */
  refuseUpgrade() {
    this.pending = null;
    this.early = null;
    this.refuseNewer();
  }

  /**
   * migrate could not use the older save: keep a copy of its text and start
   * again from a fresh state, with the edits made meanwhile.
   * @param {string} raw
   */
  startOver(raw) {
    this.pending = null;
    this.state = this.fresh();
    this.setAside(raw);
    this.layEarlyEdits();
    this.form.apply(this.state);
  }

  /**
   * No engine to upgrade the older save: show `view` (what it holds, and the
   * edits made meanwhile) read only, and write nothing. Without a pending
   * save, only stop waiting for one.
   * @param {Partial<State> | null} view
   */
  showReadOnly(view) {
    this.pending = null;
    this.mode = "memory";
    if (!view) return;
    this.state = withEdits({ ...this.fresh(), ...view }, this.early);
    this.early = null;
    this.form.apply(this.state);
    this.form.setReadOnly(true);
  }
}
