// What sw.js gets from outside itself, for the type check only
// (jsconfig.json beside it). build.mjs reads sw.js alone: none of this
// reaches the site.

/** The settings build.mjs writes into sw.js. */
interface ServiceWorkerSettings {
  /** Workbox's modules, from the site root, in dependency order (for importScripts). */
  imports: string[];
  /** The Python runtime's files, from the site root: kept for every start, or only when used. */
  runtime: { required: string[]; optional: string[] };
  /** The runtime's folder, from the site root. */
  runtimePrefix: string;
  /** workbox-build's version. */
  workbox: string;
}

// sw.js reads both as properties of `self`: the build replaces those texts
// (the settings as a JSON literal, the precache list by Workbox's injectManifest).
interface WorkerGlobalScope {
  readonly __SETTINGS: ServiceWorkerSettings;
  readonly __WB_MANIFEST: Array<import("workbox-precaching").PrecacheEntry | string>;
}

/**
 * The parts of Workbox's namespace sw.js uses, set by the modules it imports:
 * typed by the same packages build.mjs copies those modules from.
 */
declare var workbox: {
  core: Pick<typeof import("workbox-core"), "setCacheNameDetails">;
  precaching: Pick<typeof import("workbox-precaching"), "precacheAndRoute" | "cleanupOutdatedCaches">;
  routing: Pick<typeof import("workbox-routing"), "registerRoute">;
};
