/**
 * A guard against a checker start that crashes the tab (Pyodide on a phone
 * with little memory: iOS then reloads the page, and the crash would repeat
 * on every load).
 *
 * A mark is stored before the checker starts and removed once it is ready,
 * once it fails (a failure is not a crash), and when the page is left normally
 * (`pagehide`). A page load that finds the mark, so after a start that ended
 * in neither, starts without the checker and says so; the merchant can ask
 * for another try.
 */

/** @param {string} storeKey the checklist's storage key (one site, one mark) */
function markKey(storeKey) {
  return `${storeKey}:engine-starting`;
}

/**
 * @param {string} storeKey
 * @param {Storage | null} [storage] localStorage, or null where it fails
 */
export function crashGuard(storeKey, storage = safeStorage()) {
  const key = markKey(storeKey);
  const clear = () => {
    try {
      storage?.removeItem(key);
    } catch {
      // storage gone: nothing to clear
    }
  };
  return {
    /** Whether the last start never finished (read once, before starting). */
    crashedBefore() {
      try {
        return Boolean(storage?.getItem(key));
      } catch {
        return false;
      }
    },
    /** Mark a start; the mark stays only if the tab dies during it. */
    starting() {
      try {
        storage?.setItem(key, new Date().toISOString());
      } catch {
        return; // without storage there is nothing to guard against
      }
      window.addEventListener("pagehide", clear);
    },
    /** The start ended (ready or failed), or the merchant asked for another try. */
    finished() {
      window.removeEventListener("pagehide", clear);
      clear();
    },
  };
}

function safeStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}
