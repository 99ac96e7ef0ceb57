import assert from "node:assert/strict";
import { test } from "node:test";

import { countDownloads, throttledCounter } from "../../../overrides/assets/checklist/download-progress.js";

/**
 * A fake global scope whose fetch answers every URL with `body`.
 * @param {BodyInit} body
 * @returns {{fetch: (input: string | URL, init?: RequestInit) => Promise<Response>}}
 */
function scope(body) {
  return {
    fetch: async () => new Response(body, { status: 200, headers: { "Content-Type": "application/wasm" } }),
  };
}

test("bytes of responses under the prefix are counted as the body is read", async () => {
  const global = scope("x".repeat(1000));
  /** @type {number[]} */
  const counted = [];
  /** @type {number[]} */
  const active = [];
  const downloads = countDownloads(
    "https://site/runtime/",
    (bytes) => counted.push(bytes),
    /** @type {{fetch: typeof fetch}} */ (global),
    (count) => active.push(count),
  );
  const response = await global.fetch("https://site/runtime/pyodide.asm.wasm?x=1");
  assert.deepEqual(active, [1], "in flight until its body is read");
  assert.equal(response.headers.get("Content-Type"), "application/wasm");
  assert.equal(counted.length, 0, "nothing is counted before the body is read");
  assert.equal((await response.arrayBuffer()).byteLength, 1000);
  assert.equal(counted.reduce((a, b) => a + b, 0), 1000);
  assert.deepEqual([...downloads.urls], ["https://site/runtime/pyodide.asm.wasm"]);
  assert.deepEqual(active, [1, 0], "done once its body is read");
  await (await global.fetch(new URL("https://site/other.js"))).arrayBuffer();
  assert.equal(counted.reduce((a, b) => a + b, 0), 1000, "other URLs are not counted");
  downloads.stop();
  await (await global.fetch("https://site/runtime/x")).arrayBuffer();
  assert.equal(counted.reduce((a, b) => a + b, 0), 1000, "stopped");
});

test("failed responses pass through uncounted", async () => {
  /** @type {{fetch: (input: string | URL) => Promise<Response>}} */
  const global = { fetch: async () => new Response("gone", { status: 404 }) };
  const downloads = countDownloads("https://site/", () => assert.fail("counted"), /** @type {{fetch: typeof fetch}} */ (global));
  const response = await global.fetch("https://site/x");
  assert.equal(response.status, 404);
  assert.equal(await response.text(), "gone");
  assert.equal(downloads.urls.size, 0);
});

test("the counter reports at most every interval, and once more on flush", () => {
  let time = 0;
  /** @type {number[]} */
  const reports = [];
  const counter = throttledCounter((received) => reports.push(received), 100, () => time);
  counter.add(10);
  time = 50;
  counter.add(10);
  time = 150;
  counter.add(10);
  counter.flush();
  assert.deepEqual(reports, [10, 30, 30]);
});
