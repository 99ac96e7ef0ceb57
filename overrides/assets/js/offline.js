/**
 * Offline use. Registers the site's service worker (sw.js at the site root,
 * written by overrides/hooks/service_worker.py; none under `mkdocs serve`) and
 * says, in the page's language, when the site is saved for offline use, when
 * the page runs without a connection and when a new version is ready. Updates
 * follow Workbox's documented flow (workbox-window, self-hosted): "a new
 * version is ready" with a button; the page reloads once, when the new version
 * has taken over, and never otherwise (the worker never swaps files under an
 * open page; see scripts/service-worker/sw.js).
 *
 * On the checklist page, once Python has answered, it asks the worker to keep
 * the Python runtime the checklist just used, unless the merchant saves data
 * or the link is 2G: then the runtime is not kept.
 */

import { siteConfig } from "./config.js";
import { savesData } from "./data-saver.js";

/**
 * Where the messages go (created once, empty until there is something to say).
 * @type {HTMLDivElement | null}
 */
let region = null;

/** Register the worker and show the offline status; nothing happens without support. */
export function startOffline() {
  if (!("serviceWorker" in navigator)) return;
  const worker = workerPath();
  const { root } = siteConfig();
  if (!worker) return forgetWorker(root); // `mkdocs serve`: never serve stale pages
  statusRegion(); // present before anything is said, so screen readers announce it
  showConnection();
  const firstVisit = !navigator.serviceWorker.controller;
  pageSettled().then(() => register(new URL(worker, root), root));
  navigator.serviceWorker.ready.then(() => {
    if (firstVisit) show("ready");
  });
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data?.type === "runtime-kept" && event.data.added > 0) show("engine_ready");
  });
  navigator.serviceWorker.startMessages();
  keepRuntimeOnceUsed();
}

/**
 * Once the page has what it needs: loaded, and on the checklist its Python
 * started (or failed; at most 20 s more). A first visit's precache (1.7 MB)
 * then never competes with the page's own files on a slow link.
 */
function pageSettled() {
  const loaded =
    document.readyState === "complete"
      ? Promise.resolve()
      : new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
  const checklist = document.querySelector("[data-checklist]");
  if (!checklist) return loaded;
  /** @type {Promise<void>} */
  const started = new Promise((resolve) => {
    const check = () => checklist.dataset.engine !== "loading" && resolve();
    new MutationObserver(check).observe(checklist, { attributeFilter: ["data-engine"] });
    check();
  });
  return loaded.then(() => Promise.race([started, new Promise((r) => setTimeout(r, 20_000))]));
}

/**
 * Under `mkdocs serve`, drop a worker a built site left on the same address.
 * @param {URL} root
 */
function forgetWorker(root) {
  navigator.serviceWorker
    .getRegistration(root.href)
    .then((registration) => registration?.scope === root.href && registration.unregister())
    .catch(() => {});
}

/** The worker's path from the site root, or "" (not built, or `mkdocs serve`). */
function workerPath() {
  try {
    return String(JSON.parse(document.getElementById("site-config")?.textContent || "{}").worker || "");
  } catch {
    return "";
  }
}

/** Running without a connection: say so while it lasts. */
function showConnection() {
  const update = () => (navigator.onLine ? hide("now") : show("now"));
  window.addEventListener("online", update);
  window.addEventListener("offline", update);
  update();
}

/** Where build.mjs puts workbox-window (WORKBOX_DIR of overrides/hooks/service_worker.py). */
const WORKBOX_WINDOW = "assets/workbox/workbox-window.prod.mjs";

/**
 * The parts of workbox-window's Workbox used here (imported from a URL, so untyped).
 * @typedef {object} WorkboxWindow
 * @property {(type: string, listener: () => void) => void} addEventListener
 * @property {() => void} messageSkipWaiting
 */

/** Whether the merchant asked for the new version (the page reloads once for it). */
let updating = false;

/**
 * Register the worker with workbox-window and offer its updates.
 * @param {URL} url
 * @param {URL} root
 */
async function register(url, root) {
  try {
    const { Workbox } = await import(new URL(WORKBOX_WINDOW, root).href);
    const workbox = new Workbox(url.href, { scope: root.pathname, updateViaCache: "none" });
    workbox.addEventListener("waiting", () => offerUpdate(workbox));
    await workbox.register({ immediate: true });
  } catch {
    // No worker (private mode, blocked): the site works online as before.
  }
}

/**
 * A new version installed next to the one serving this page: say it is ready,
 * with a button that asks it to take over and reloads once it has. A version
 * that never takes over leaves the page as it is.
 * @param {WorkboxWindow} workbox
 */
function offerUpdate(workbox) {
  if (!navigator.serviceWorker.controller) return;
  show("update", {
    label: siteConfig().strings.offline_update_use || "",
    run: () => {
      if (updating) return;
      updating = true;
      workbox.addEventListener("controlling", () => window.location.reload());
      workbox.messageSkipWaiting();
    },
  });
}

/** On the checklist page: once Python has answered, ask the worker to keep its files. */
function keepRuntimeOnceUsed() {
  const checklist = document.querySelector("[data-checklist]");
  if (!checklist) return;
  const ask = () => {
    if (savesData(navigator.connection)) return;
    // The runtime files this start used (its library among them), as the checklist recorded them.
    const files = JSON.parse(checklist.getAttribute("data-engine-files") || "[]");
    navigator.serviceWorker.ready.then((registration) =>
      registration.active?.postMessage({ type: "cache-runtime", files }),
    );
  };
  if (checklist.dataset.engine === "ready") return ask();
  const observer = new MutationObserver(() => {
    if (checklist.dataset.engine !== "ready") return;
    observer.disconnect();
    ask();
  });
  observer.observe(checklist, { attributes: true, attributeFilter: ["data-engine"] });
}

/** The status region at the end of the page's content (a message there shifts nothing above it). */
function statusRegion() {
  if (region) return region;
  region = document.createElement("div");
  region.id = "offline-status";
  region.setAttribute("role", "status");
  region.setAttribute("aria-label", siteConfig().strings.offline_region || "");
  document.querySelector(".md-content article")?.append(region);
  return region;
}

/**
 * Show one message (by its key after `offline_`), once, with an optional button.
 * @param {string} key
 * @param {{label: string, run: () => void}} [action]
 */
function show(key, action) {
  const box = statusRegion();
  if (box.querySelector(`[data-offline-message="${key}"]`)) return;
  const text = document.createElement("p");
  text.dataset.offlineMessage = key;
  text.textContent = siteConfig().strings[`offline_${key}`] || "";
  if (action) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-button";
    button.dataset.offlineAction = key;
    button.textContent = action.label;
    button.addEventListener("click", action.run);
    text.append(" ", button);
  }
  box.append(text);
  box.className = "admonition info";
}

/** @param {string} key */
function hide(key) {
  const box = statusRegion();
  box.querySelector(`[data-offline-message="${key}"]`)?.remove();
  if (!box.childElementCount) box.className = "";
}
