// Pyodide's private APIs are used only through pyodide-private.js, which was
// checked against one version. These tests fail loudly when package-lock.json
// pins another: follow "Upgrading Pyodide" in ARCHITECTURE.md, then update CHECKED_WITH.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { test } from "node:test";

import { CHECKED_WITH, watchInstantiation } from "../../../overrides/assets/checklist/pyodide-private.js";

const ROOT = new URL("../../../", import.meta.url);
/** @param {string} path relative to the repository */
const read = (path) => readFile(new URL(path, ROOT), "utf8");

test("the pinned Pyodide is the version pyodide-private.js was checked against", async () => {
  const lock = JSON.parse(await read("package-lock.json"));
  const pinned = lock.packages["node_modules/pyodide"].version;
  assert.equal(
    pinned,
    CHECKED_WITH,
    `package-lock.json pins Pyodide ${pinned}, but overrides/assets/checklist/pyodide-private.js ` +
      `was checked against ${CHECKED_WITH}: follow "Upgrading Pyodide" in ARCHITECTURE.md.`,
  );
});

test("the private uses live in pyodide-private.js and nowhere else", async () => {
  const files = [
    ...(await readdir(new URL("overrides/assets/checklist/", ROOT))).map((name) => join("overrides/assets/checklist", name)),
    "overrides/hooks/pyodide_startup.mjs",
  ].filter((path) => /\.m?js$/.test(path) && !path.endsWith("pyodide-private.js"));
  for (const path of files) {
    const source = await read(path);
    for (const pattern of [/_makeSnapshot/, /_loadSnapshot/, /\._api\b/, /WebAssembly\[/, /makeMemorySnapshot\(/]) {
      assert.doesNotMatch(source, pattern, `${path} uses a private Pyodide API directly`);
    }
  }
});

test("watchInstantiation reports a failed instantiation and passes results through", async () => {
  /** @type {string[]} */
  const failures = [];
  const wasm = {
    /** @param {unknown} value */
    instantiate: async (value) => {
      if (value === "bad") throw new Error("refused");
      return value;
    },
    instantiateStreaming: async () => "streamed",
  };
  watchInstantiation((error) => failures.push(/** @type {Error} */ (error).message), wasm);
  assert.equal(await wasm.instantiate("good"), "good");
  assert.equal(await wasm.instantiateStreaming(), "streamed");
  await assert.rejects(wasm.instantiate("bad"), /refused/);
  assert.deepEqual(failures, ["refused"]);
});
