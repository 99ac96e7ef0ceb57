// Writes the site's service worker into a built site, with Workbox.
//
//   node scripts/service-worker/build.mjs <options.json>
//
// Called by overrides/hooks/service_worker.py once every language is built.
// The options file says which files to precache (globs), which Pyodide files
// may be cached at run time (once the checklist has been used), and where the
// Workbox runtime goes. Prints one JSON line: what was precached, and the
// warnings Workbox gave.
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { injectManifest } = require("workbox-build");

// Workbox's modules the worker imports, in dependency order (prod builds only).
const MODULES = ["workbox-core", "workbox-routing", "workbox-strategies", "workbox-precaching"];

const here = dirname(fileURLToPath(import.meta.url));
const options = JSON.parse(await readFile(process.argv[2], "utf-8"));
const site = options.site;
const version = require("workbox-build/package.json").version;
const runtimeDir = join(site, options.workboxDir);

await rm(runtimeDir, { recursive: true, force: true });
await mkdir(runtimeDir, { recursive: true });
for (const name of MODULES) {
  const from = require.resolve(`${name}/build/${name}.prod.js`);
  await copyFile(from, join(runtimeDir, `${name}.prod.js`));
}
// The page's side of updates (an ES module; overrides/assets/js/offline.js imports it).
await copyFile(
  require.resolve("workbox-window/build/workbox-window.prod.mjs"),
  join(runtimeDir, "workbox-window.prod.mjs"),
);

// The worker's own settings, written into its source before Workbox injects
// the precache manifest (the source names them as self.__SETTINGS).
const settings = {
  imports: MODULES.map((name) => `${options.workboxDir}/${name}.prod.js`),
  runtime: options.runtime, // Pyodide files, relative to the site root
  runtimePrefix: options.runtimePrefix,
  workbox: version,
};
const source = (await readFile(join(here, "sw.js"), "utf-8")).replace(
  "self.__SETTINGS",
  JSON.stringify(settings),
);
const staged = join(site, ".sw-source.js");
await writeFile(staged, source);
try {
  const result = await injectManifest({
    swSrc: staged,
    swDest: join(site, options.swDest),
    globDirectory: site,
    globPatterns: options.globPatterns,
    globIgnores: options.globIgnores,
    maximumFileSizeToCacheInBytes: options.maxFileBytes,
    // Material's bundles carry their hash in the name: no revision needed.
    dontCacheBustURLsMatching: /\.[0-9a-f]{8}\.min\.(js|css)$/,
  });
  console.log(
    JSON.stringify({ count: result.count, size: result.size, warnings: result.warnings }),
  );
} finally {
  await rm(staged, { force: true });
}
