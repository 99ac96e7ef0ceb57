/**
 * One copy of damaged saved text, somewhere with room for it: a backup key in
 * localStorage when it fits, else IndexedDB (which holds far more). A copy is
 * found again by its content, so a reload that finds the same damage makes no
 * second copy.
 */

const DATABASE = "pos-closure-checklist";
const TABLE = "damaged";

/**
 * A short fingerprint of a text (FNV-1a, 32 bits, with its length): the same
 * text always gives the same one. Pure; not a security measure.
 * @param {string} text
 */
export function fingerprint(text) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}

/** @returns {Promise<IDBDatabase | null>} */
function openDatabase() {
  return new Promise((resolve) => {
    try {
      const request = indexedDB.open(DATABASE, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(TABLE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

/**
 * @param {IDBDatabase} database
 * @param {"readonly" | "readwrite"} mode
 * @param {(table: IDBObjectStore) => IDBRequest} operation
 * @returns {Promise<unknown>} the request's result, or an Error
 */
function run(database, mode, operation) {
  return new Promise((resolve) => {
    try {
      const transaction = database.transaction(TABLE, mode);
      const request = operation(transaction.objectStore(TABLE));
      transaction.oncomplete = () => resolve(request.result);
      transaction.onerror = () => resolve(new Error(String(transaction.error)));
      transaction.onabort = () => resolve(new Error(String(transaction.error)));
    } catch (error) {
      resolve(error);
    }
  });
}

/**
 * Whether IndexedDB already holds `raw` under `key`.
 * @param {string} key
 * @param {string} raw
 */
export async function foundInDatabase(key, raw) {
  const database = await openDatabase();
  if (!database) return false;
  try {
    return (await run(database, "readonly", (table) => table.get(key))) === raw;
  } finally {
    database.close();
  }
}

/**
 * Keep `raw` once in IndexedDB under `key`.
 * @param {string} key
 * @param {string} raw
 * @returns {Promise<boolean>} whether the copy is there now
 */
export async function keepInDatabase(key, raw) {
  const database = await openDatabase();
  if (!database) return false;
  try {
    const found = await run(database, "readonly", (table) => table.get(key));
    if (found === raw) return true;
    const written = await run(database, "readwrite", (table) => table.put(raw, key));
    return !(written instanceof Error);
  } finally {
    database.close();
  }
}

/**
 * Every copy kept in IndexedDB (tests and support read them back).
 * @returns {Promise<Record<string, string>>}
 */
export async function keptInDatabase() {
  const database = await openDatabase();
  if (!database) return {};
  try {
    const keys = await run(database, "readonly", (table) => table.getAllKeys());
    const values = await run(database, "readonly", (table) => table.getAll());
    if (!Array.isArray(keys) || !Array.isArray(values)) return {};
    return Object.fromEntries(keys.map((key, index) => [String(key), values[index]]));
  } finally {
    database.close();
  }
}
