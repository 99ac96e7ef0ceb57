/**
 * Saved progress: one localStorage key, scoped by the site's path, holding the
 * engine's state object. Every operation survives a browser that refuses
 * storage (private mode, disabled storage, a full quota): it reports what
 * happened instead of throwing, so the page keeps working in memory.
 */

/**
 * The one key for this site's progress. zh and en pages share it.
 * @param {URL} siteRoot the resolved site root
 */
export function storageKey(siteRoot) {
  return `pos-closure:${siteRoot.pathname}:checklist`;
}

/**
 * What a parsed saved value is, compared with the engine's schema.
 * @param {unknown} value
 * @param {number} schema
 * @returns {"current" | "newer" | "older" | "invalid"}
 */
export function classify(value, schema) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return "invalid";
  const saved = value.schema;
  if (saved === schema) return "current";
  if (Number.isInteger(saved) && saved > schema) return "newer";
  // No schema, an older one, or something odd: the engine's migrate decides.
  return "older";
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
   * @param {object} value the state to save
   * @returns {"saved" | "quota" | "unavailable"}
   */
  save(value) {
    return this.#attempt(() => this.storage.setItem(this.key, JSON.stringify(value)));
  }

  /** @returns {"saved" | "quota" | "unavailable"} */
  clear() {
    return this.#attempt(() => this.storage.removeItem(this.key));
  }

  /**
   * Keep unreadable text under a backup key of its own, so nothing is lost.
   * @param {string} raw
   * @returns {string | null} the backup key, or null if it could not be written
   */
  keepAside(raw) {
    const backup = `${this.key}:corrupt:${new Date().toISOString()}`;
    return this.#attempt(() => this.storage.setItem(backup, raw)) === "saved" ? backup : null;
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

  #attempt(operation) {
    if (!this.storage) return "unavailable";
    try {
      operation();
      return "saved";
    } catch (error) {
      return isQuotaError(error) ? "quota" : "unavailable";
    }
  }
}
