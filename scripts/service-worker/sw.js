/*
 * The site's service worker (a classic script at the site root, so its scope
 * is the whole site, sub-path included). scripts/service-worker/build.mjs
 * writes it into the built site: Workbox's injectManifest fills in the
 * precache list (every page of both languages and the small assets, each with
 * a revision), and its settings (below) are written in.
 *
 * - Pages and small assets: precached when the worker installs; served from
 *   the precache (Workbox precaching), so every page opens offline.
 * - The Python runtime (assets/pyodide/<version>/…): not precached. When the
 *   page says the checklist was used on a link that allows it (message
 *   "cache-runtime", naming the files its start used), they are kept in Cache Storage (see
 *   keepRuntime) and served from there. Files it did not need are not kept.
 * - Updates: Workbox's documented flow. A new worker installs next to the old
 *   one and waits; the old one keeps serving the old files (navigations
 *   included, from its precache, at once), so a page never mixes two builds.
 *   The page (overrides/assets/js/offline.js, with workbox-window) says "a new
 *   version is ready"; when the merchant asks for it, it sends SKIP_WAITING
 *   and reloads once, when the new worker has taken over. Otherwise the new
 *   version is used once every page of the site is closed. The worker never
 *   reloads a page itself: a new version that does not take over leaves the
 *   page on the current one.
 */
/* global workbox */

// `self`, typed as the service worker's scope it is (TypeScript's webworker lib
// types it as any worker's). The settings and the precache list are still read
// off `self` by name (typed in globals.d.ts): the build replaces that text.
const sw = /** @type {ServiceWorkerGlobalScope} */ (/** @type {unknown} */ (self));

const SETTINGS = self.__SETTINGS;
importScripts(...SETTINGS.imports);

const { precaching, routing } = workbox;
const scope = sw.registration.scope;
const RUNTIME_CACHE = `pos-closure-runtime-${scope}`;
const { required, optional } = SETTINGS.runtime;
const runtimeURLs = new Set([...required, ...optional].map((path) => new URL(path, scope).href));
const runtimePrefix = new URL(SETTINGS.runtimePrefix, scope).href;

workbox.core.setCacheNameDetails({ prefix: "pos-closure" });

precaching.precacheAndRoute(self.__WB_MANIFEST, {
  directoryIndex: "index.html",
  // ?lang=…, ?s=… and the like change nothing in the files: any query is ignored.
  ignoreURLParametersMatching: [/.*/],
});
precaching.cleanupOutdatedCaches();

// The Python runtime: from Cache Storage when the checklist's files were kept
// there, else from the network (not stored: see "cache-runtime").
routing.registerRoute(
  ({ url }) => url.href.startsWith(runtimePrefix),
  async ({ request }) => {
    const cache = await caches.open(RUNTIME_CACHE);
    return (await cache.match(request, { ignoreSearch: true })) || fetch(request);
  },
);

sw.addEventListener("message", (event) => {
  const type = event.data?.type;
  if (type === "SKIP_WAITING") sw.skipWaiting();
  else if (type === "cache-runtime") event.waitUntil(keepRuntime(event.source, event.data.files));
});

/**
 * Keep the runtime the checklist uses in Cache Storage. What every start
 * needs (Pyodide, its wasm, the engine's wheel and lock file) is fetched (the
 * HTTP cache usually answers). Of the alternatives (the standard library as
 * bytecode or as source), only the one the page says its start used is kept.
 * Nothing is guessed from the HTTP cache: WebKit ignores
 * `cache: "only-if-cached"` and downloads instead. Tells the page how many
 * files were added.
 * @param {ExtendableMessageEvent["source"]} client the page that asked
 * @param {unknown} used the runtime URLs the page's start fetched
 */
async function keepRuntime(client, used) {
  const cache = await caches.open(RUNTIME_CACHE);
  const usedURLs = new Set(Array.isArray(used) ? used.map(String) : []);
  /**
   * @param {string} url
   * @returns {Promise<number>} 1 when the file was added
   */
  const keep = async (url) => {
    if (await cache.match(url)) return 0;
    try {
      const response = await fetch(url);
      if (!response.ok) return 0;
      await cache.put(url, response);
      return 1;
    } catch {
      return 0; // offline, or the file is gone: try again next time
    }
  };
  const wanted = [
    ...SETTINGS.runtime.required.map((path) => new URL(path, scope).href),
    ...SETTINGS.runtime.optional.map((path) => new URL(path, scope).href).filter((url) => usedURLs.has(url)),
  ];
  const counts = await Promise.all(wanted.map(keep));
  const added = counts.reduce((sum, count) => sum + count, 0);
  client?.postMessage({ type: "runtime-kept", added, kept: (await cache.keys()).length });
}

// A new version: drop runtime files it no longer uses (the engine's folder
// name changes with its content). Pages in the old precache are removed by
// Workbox once this worker is active.
sw.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.open(RUNTIME_CACHE).then(async (cache) => {
      for (const request of await cache.keys()) {
        if (!runtimeURLs.has(request.url)) await cache.delete(request);
      }
    }),
  );
});
