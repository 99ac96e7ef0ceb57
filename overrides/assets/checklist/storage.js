/**
 * Saved progress: one localStorage key, scoped by the site's path, holding the
 * engine's state object. Every operation survives a browser that refuses
 * storage (private mode, disabled storage, a full quota): it reports what
 * happened instead of throwing, so the page keeps working in memory.
 */
import { fingerprint, foundInDatabase, keepInDatabase } from "./backup.js";

/**
 * The one key for this site's progress. zh and en pages share it.
 * @param {URL} siteRoot the resolved site root
 */
export function storageKey(siteRoot) {
  return `pos-closure:${siteRoot.pathname}:checklist`;
}

/**
 * What a parsed saved value is, compared with the engine's schema. Pure.
 * A missing schema is schema 1 (the first saves had none). A schema that is
 * not a whole number from 1 up ("3", 3.5, 0, true) is "unknown": no version
 * reads it, so the page keeps a copy aside and starts empty (as for damage).
 * @param {unknown} value
 * @param {number} schema
 * @returns {"current" | "newer" | "older" | "unknown" | "invalid"}
 */
export function classify(value, schema) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "invalid";
  const saved = /** @type {number} */ ("schema" in value ? value.schema : 1);
  if (saved === schema) return "current";
  if (!Number.isInteger(saved) || saved < 1) return "unknown";
  return saved > schema ? "newer" : "older";
}

/**
 * JSON text of a state to save. A part that JSON cannot write (nested too
 * deep, for one) is left out, by its top-level key, rather than failing the
 * whole save. Pure.
 * @param {Record<string, unknown>} value
 * @returns {{text: string, dropped: string[]}}
 */
export function serialise(value) {
  try {
    return { text: JSON.stringify(value), dropped: [] };
  } catch {
    // Each part on its own; the kept ones are joined as written (writing them
    // again, one level deeper, could fail where the part alone did not).
    const kept = [];
    const dropped = [];
    for (const [key, part] of Object.entries(value)) {
      try {
        const text = JSON.stringify(part);
        if (text !== undefined) kept.push(`${JSON.stringify(key)}:${text}`);
      } catch {
        dropped.push(key);
      }
    }
    return { text: `{${kept.join(",")}}`, dropped };
  }
}

/** @param {unknown} error */
function isQuotaError(error) {
  return (
    error instanceof DOMException &&
    (error.name === "QuotaExceededError" ||
      error.name === "NS_ERROR_DOM_QUOTA_REACHED" ||
      error.code === 22 ||
      error.code === 1014)
  );
}

/** localStorage, or null where even touching it throws (blocked cookies). */
function browserStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export class Store {
  /**
   * @param {string} key
   * @param {Storage | null} storage
   */
  constructor(key, storage = browserStorage()) {
    this.key = key;
    this.storage = storage;
  }

  /**
   * Read the saved value without changing anything.
   * @returns {{status: "empty"} | {status: "unavailable"} |
   *   {status: "corrupt", raw: string} | {status: "ok", raw: string, value: unknown}}
   */
  load() {
    let raw;
    try {
      if (!this.storage) return { status: "unavailable" };
      raw = this.storage.getItem(this.key);
    } catch {
      return { status: "unavailable" };
    }
    if (raw === null) return { status: "empty" };
    try {
      return { status: "ok", raw, value: JSON.parse(raw) };
    } catch {
      return { status: "corrupt", raw };
    }
  }

  /**
   * @param {Record<string, unknown>} value the state to save
   * @returns {{status: "saved" | "quota" | "unavailable", dropped: string[], text: string}}
   *   `dropped`: top-level keys left out because JSON cannot write them;
   *   `text`: what was written
   */
  save(value) {
    const { text, dropped } = serialise(value);
    return { status: this.#attempt((storage) => storage.setItem(this.key, text)), dropped, text };
  }

  /** @returns {"saved" | "quota" | "unavailable"} */
  clear() {
    return this.#attempt((storage) => storage.removeItem(this.key));
  }

  /**
   * Keep unreadable text once, so nothing is lost: where a copy of the same
   * text already is, or under a backup key of its own, or (when
   * localStorage has no room for it) in IndexedDB.
   * @param {string} raw
   * @returns {Promise<"local" | "database" | null>} where the one copy is, or
   *   null when none could be kept
   */
  async keepAside(raw) {
    const prefix = `${this.key}:corrupt:`;
    try {
      const storage = this.storage;
      if (storage) {
        for (let index = 0; index < storage.length; index++) {
          const name = storage.key(index);
          if (name?.startsWith(prefix) && storage.getItem(name) === raw) return "local";
        }
      }
    } catch {
      // Unreadable storage: try to write a copy below.
    }
    const inDatabase = `${prefix}${fingerprint(raw)}`;
    if (await foundInDatabase(inDatabase, raw)) return "database";
    const local = () =>
      this.#attempt((storage) => storage.setItem(`${prefix}${new Date().toISOString()}`, raw));
    if (local() === "saved") return "local";
    return (await keepInDatabase(inDatabase, raw)) ? "database" : null;
  }

  /**
   * Follow changes made in other tabs (the `storage` event fires only there).
   * @param {(value: {status: string, raw?: string, value?: unknown}) => void} listener
   */
  watch(listener) {
    window.addEventListener("storage", (event) => {
      if (event.storageArea !== this.storage) return;
      if (event.key === this.key || event.key === null) listener(this.load());
    });
  }

  /**
   * @param {(storage: Storage) => void} operation
   * @returns {"saved" | "quota" | "unavailable"}
   */
  #attempt(operation) {
    if (!this.storage) return "unavailable";
    try {
      operation(this.storage);
      return "saved";
    } catch (error) {
      return isQuotaError(error) ? "quota" : "unavailable";
    }
  }
}
