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
 * - Updates: a new worker installs next to the old one and waits. The old one
 *   keeps serving the old files, so a page never mixes two builds. The next
 *   navigation, when this is the only open page of the site, activates the new
 *   worker and reloads that navigation through it (an empty response with
 *   `Refresh: 0`), so the next page is entirely the new build.
 */
/* global workbox */

const SETTINGS = self.__SETTINGS;
importScripts(...SETTINGS.imports);

const { precaching, routing } = workbox;
const scope = self.registration.scope;
const RUNTIME_CACHE = `pos-closure-runtime-${scope}`;
const { required, optional } = SETTINGS.runtime;
const runtimeURLs = new Set([...required, ...optional].map((path) => new URL(path, scope).href));
const runtimePrefix = new URL(SETTINGS.runtimePrefix, scope).href;

workbox.core.setCacheNameDetails({ prefix: "pos-closure" });

// Updates: a navigation while a new version waits (see the header).
self.addEventListener("fetch", (event) => {
  const waiting = self.registration.waiting;
  if (event.request.mode !== "navigate" || !waiting) return;
  event.respondWith(navigateDuringUpdate(event.request, waiting));
  event.stopImmediatePropagation();
});

/** Switch to the waiting version when no other page of the site is open. */
async function navigateDuringUpdate(request, waiting) {
  const open = await self.clients.matchAll({ type: "window" });
  if (open.length > 1) return fromPrecache(request);
  await activate(waiting);
  return new Response('<!doctype html><meta http-equiv="refresh" content="0">', {
    headers: { "Content-Type": "text/html; charset=utf-8", Refresh: "0", "Cache-Control": "no-store" },
  });
}

/** Ask the waiting worker to take over; resolve once it does (or after 3 s). */
function activate(worker) {
  return new Promise((resolve) => {
    const done = () => worker.state !== "installed" && resolve();
    worker.addEventListener("statechange", done);
    setTimeout(resolve, 3000);
    worker.postMessage({ type: "SKIP_WAITING" });
    done();
  });
}

/** This version's copy of a page (the waiting version is not used yet). */
async function fromPrecache(request) {
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  if (url.pathname.endsWith("/")) url.pathname += "index.html";
  return (await precaching.matchPrecache(url.href)) || fetch(request);
}

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

self.addEventListener("message", (event) => {
  const type = event.data?.type;
  if (type === "SKIP_WAITING") self.skipWaiting();
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
 * @param {Client | null} client
 * @param {unknown} used the runtime URLs the page's start fetched
 */
async function keepRuntime(client, used) {
  const cache = await caches.open(RUNTIME_CACHE);
  const usedURLs = new Set(Array.isArray(used) ? used.map(String) : []);
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
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.open(RUNTIME_CACHE).then(async (cache) => {
      for (const request of await cache.keys()) {
        if (!runtimeURLs.has(request.url)) await cache.delete(request);
      }
    }),
  );
});
