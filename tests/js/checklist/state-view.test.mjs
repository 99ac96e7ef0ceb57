import assert from "node:assert/strict";
import { test } from "node:test";

import { asText, savedView, withTextFields } from "../../../overrides/assets/checklist/state-view.js";

test("asText: text stays, nothing is empty, anything else is its JSON", () => {
  assert.equal(asText("a"), "a");
  assert.equal(asText(null), "");
  assert.equal(asText(undefined), "");
  assert.equal(asText(12), "12");
  assert.equal(asText({ a: 1 }), '{"a":1}');
  assert.equal(asText(["x"]), '["x"]');
  assert.notEqual(asText({}), "[object Object]");
});

test("withTextFields turns notes and merchant fields into text, and only them", () => {
  const state = { schema: 2, notes: { a: 1 }, merchant: { name: 5, merchant_id: "x", terminal_id: null } };
  assert.deepEqual(withTextFields(state), {
    schema: 2,
    notes: '{"a":1}',
    merchant: { name: "5", merchant_id: "x", terminal_id: null },
  });
  const fine = { schema: 2, notes: "n", merchant: { name: "a" } };
  assert.equal(withTextFields(fine), fine, "nothing to change: the same object");
});

test("savedView shows a schema-1 save in the current layout", () => {
  const view = savedView({
    schema: 1,
    answers: { registered_as: "person", bad: 3 },
    done: ["terminal-stopped", 7, "balance-settled"],
    merchant_id: "822290059430BCY",
    terminal_id: "A9254710",
    merchant_name: "小店",
    notes: "笔记",
  });
  assert.deepEqual(view, {
    answers: { registered_as: "person" },
    done: { "terminal-stopped": true, "balance-settled": true },
    merchant: { merchant_id: "822290059430BCY", terminal_id: "A9254710", name: "小店" },
    notes: "笔记",
  });
});

test("savedView prefers nested merchant fields and survives anything", () => {
  assert.equal(savedView({ merchant: { name: "nested" }, merchant_name: "flat" }).merchant.name, "nested");
  for (const odd of [null, 3, "x", [], { done: "all", answers: [] }]) {
    const view = savedView(odd);
    assert.deepEqual(view.done, {});
    assert.deepEqual(view.answers, {});
  }
});

test("nesting counts depth without recursion and stops past the limit", async () => {
  const { nesting } = await import("../../../overrides/assets/checklist/state-view.js");
  assert.equal(nesting("x", 5), 0);
  assert.equal(nesting({ a: { b: [1] } }, 5), 2);
  /** @type {unknown[]} */
  let deep = [];
  for (let index = 0; index < 1_000_000; index++) deep = [deep];
  const started = performance.now();
  assert.equal(nesting(deep, 32), 33);
  assert.ok(performance.now() - started < 100, "a million levels cost no more than the limit");
});

test("withoutTooDeep drops only the parts nested too deep", async () => {
  const { withoutTooDeep, MAX_DEPTH } = await import("../../../overrides/assets/checklist/state-view.js");
  /** @type {unknown[]} */
  let deep = [];
  for (let index = 0; index <= MAX_DEPTH; index++) deep = [deep];
  const state = { schema: 2, done: { a: true }, junk: deep, fine: [[["ok"]]] };
  assert.deepEqual(withoutTooDeep(state), {
    state: { schema: 2, done: { a: true }, fine: [[["ok"]]] },
    dropped: ["junk"],
  });
  const clean = { schema: 2 };
  assert.equal(withoutTooDeep(clean).state, clean);
});
