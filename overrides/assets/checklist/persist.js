/**
 * Keeping the checklist's saved progress: ask the browser to keep this site's
 * storage once there is progress worth keeping (navigator.storage.persist), and
 * notice when the browser cleared it anyway.
 *
 * How a clearing is noticed: next to the progress in localStorage, a marker is
 * kept in Cache Storage (a separate store the browser may keep when it drops
 * localStorage, e.g. "clear cookies" in some browsers, or localStorage's own
 * limits). Progress missing while the marker is there means the browser
 * cleared it; the page then says so instead of silently starting empty. When a
 * browser clears every store of the site at once, nothing is left to notice
 * it with.
 *
 * The checklist calls `keepProgress(key)` right after reading the saved state
 * (before anything is saved: it reads localStorage at once, synchronously),
 * and again after each save; `forgetProgress(key)` when the merchant empties
 * the checklist on purpose (so that is not reported as a loss).
 */

import { siteConfig } from "../js/config.js";

const MARKER_CACHE = "pos-closure-progress";

/**
 * The marker's address for one localStorage key (never fetched: a Cache Storage key).
 * @param {string} key
 */
function markerRequest(key) {
  return new Request(new URL(`__progress-marker/${encodeURIComponent(key)}`, siteConfig().root));
}

/** The Cache Storage of this origin, or null (insecure context, disabled). */
async function markerCache() {
  try {
    return globalThis.caches ? await caches.open(MARKER_CACHE) : null;
  } catch {
    return null;
  }
}

/** @param {string} key */
function savedProgress(key) {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * After the saved state is read, and after each save.
 *
 * @param {string} key the checklist's localStorage key (storage.js `storageKey`)
 * @returns {Promise<{saved: boolean, persisted: boolean, cleared: boolean, message: string}>}
 *   `saved`: progress is in localStorage; `persisted`: the browser promised to
 *   keep the site's storage; `cleared`: progress was saved here before and the
 *   browser has cleared it; `message`: what the page should say ("" = nothing),
 *   in the page's language.
 */
export async function keepProgress(key) {
  const saved = savedProgress(key) !== null; // read now, before the caller saves anything
  const cache = await markerCache();
  const marker = markerRequest(key);
  if (saved) {
    if (cache && !(await cache.match(marker))) {
      await cache.put(marker, new Response(String(Date.now()))).catch(() => {});
    }
    return { saved, persisted: await askToPersist(), cleared: false, message: "" };
  }
  const cleared = Boolean(cache && (await cache.match(marker)));
  if (cache && cleared) await cache.delete(marker); // said once; a new save sets it again
  return {
    saved,
    persisted: await isPersisted(),
    cleared,
    message: cleared ? siteConfig().strings.progress_cleared || "" : "",
  };
}

/**
 * The merchant emptied the checklist on purpose: no marker, nothing to report later.
 * @param {string} key the checklist's localStorage key
 */
export async function forgetProgress(key) {
  const cache = await markerCache();
  await cache?.delete(markerRequest(key)).catch(() => false);
}

async function isPersisted() {
  try {
    return Boolean(await navigator.storage?.persisted?.());
  } catch {
    return false;
  }
}

/** @type {Promise<boolean> | null} */
let asking = null;

/** Ask once per page for persistent storage (some browsers ask the merchant). */
function askToPersist() {
  asking ??= (async () => {
    if (await isPersisted()) return true;
    try {
      return Boolean(await navigator.storage?.persist?.());
    } catch {
      return false;
    }
  })();
  return asking;
}
