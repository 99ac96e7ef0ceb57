import assert from "node:assert/strict";
import { test } from "node:test";

import { merchantConflicts, withOtherValues } from "../../../overrides/assets/checklist/conflicts.js";

const saved = {
  schema: 1,
  merchant: { merchant_id: "822290059430BCY", terminal_id: "A9254710", name: "小店" },
  merchant_id: "822290059430XYZ",
  terminal_id: 12345678,
  merchant_name: "大店",
};
/** @typedef {import("../../../types/engine.js").Problem} Problem */

/** @param {string} field @returns {Problem} */
const problem = (field) => ({ field, code: "merchant_conflict", level: "error", message: { en: field } });

test("merchantConflicts pairs each reported conflict with both saved values", () => {
  /** @type {Problem[]} */
  const problems = [
    problem("merchant.merchant_id"),
    { code: "wrong_type", level: "error", message: {} },
    problem("merchant.terminal_id"),
  ];
  assert.deepEqual(merchantConflicts(problems, saved), [
    { key: "merchant_id", kept: "822290059430BCY", other: "822290059430XYZ", message: { en: "merchant.merchant_id" } },
    { key: "terminal_id", kept: "A9254710", other: "12345678", message: { en: "merchant.terminal_id" } },
  ]);
});

test("merchantConflicts ignores fields it does not know and values that are not objects", () => {
  assert.deepEqual(merchantConflicts([problem("merchant.__proto__")], saved), []);
  assert.deepEqual(merchantConflicts(undefined, saved), []);
  assert.deepEqual(merchantConflicts([problem("merchant.name")], null), [
    { key: "name", kept: "", other: "", message: { en: "merchant.name" } },
  ]);
});

test("withOtherValues puts the other values in, and changes nothing else", () => {
  const state = { schema: 2, merchant: { merchant_id: "a", terminal_id: "b", name: "c" }, notes: "n" };
  const conflicts = merchantConflicts([problem("merchant.name")], saved);
  assert.deepEqual(withOtherValues(state, conflicts), {
    schema: 2,
    merchant: { merchant_id: "a", terminal_id: "b", name: "大店" },
    notes: "n",
  });
  assert.equal(state.merchant.name, "c");
});
