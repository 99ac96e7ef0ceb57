import assert from "node:assert/strict";
import { test } from "node:test";

import { oneAtATime, pageAddress } from "../../../overrides/assets/checklist/refresh.js";

/** @typedef {{promise: Promise<void>, resolve: () => void}} Deferred */

/**
 * A promise and its resolver.
 * @returns {Deferred}
 */
function deferred() {
  // Replaced at once: a promise runs its executor before the constructor returns.
  let resolve = () => {};
  /** @type {Promise<void>} */
  const promise = new Promise((done) => (resolve = done));
  return { promise, resolve };
}

test("one call at a time: requests during a call give exactly one more call", async () => {
  /** @type {Deferred[]} */
  const gates = [];
  let calls = 0;
  let running = 0;
  let most = 0;
  const request = oneAtATime(async () => {
    calls++;
    running++;
    most = Math.max(most, running);
    const gate = deferred();
    gates.push(gate);
    await gate.promise;
    running--;
  });
  const first = request();
  const others = [request(), request(), request()];
  assert.equal(calls, 1);
  gates[0].resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.equal(calls, 2, "one more call for all the requests made meanwhile");
  gates[1].resolve();
  await Promise.all([first, ...others]);
  assert.equal(calls, 2);
  assert.equal(most, 1, "never two at once");
  request();
  assert.equal(calls, 3, "a later request runs again");
  gates[2].resolve();
});

test("a failing call does not stop later requests", async () => {
  let calls = 0;
  const request = oneAtATime(async () => {
    calls++;
    if (calls === 1) throw new Error("boom");
  });
  await assert.rejects(request(), /boom/);
  await request();
  assert.equal(calls, 2);
});

test("pageAddress drops the query and the fragment", () => {
  assert.equal(
    pageAddress("https://example.org/en/checklist/?engine_timeout=1#terminal-stopped"),
    "https://example.org/en/checklist/",
  );
});
