// Unit tests for overrides/assets/checklist/fields.js (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";

import { controlOf, FIELDS, MERCHANT_FLAT, setAt, valueAt } from "../../../overrides/assets/checklist/fields.js";

test("a problem's field names the control that holds it", () => {
  assert.equal(controlOf("merchant.name"), "merchant_name");
  assert.equal(controlOf("merchant.merchant_id"), "merchant_id");
  assert.equal(controlOf("notes"), "notes");
  assert.equal(controlOf("answers.registered_as"), "registered_as");
  assert.equal(controlOf("done.tax-paid"), "tax-paid");
});

test("every text field's path leads back to its control", () => {
  for (const [name, path] of Object.entries(FIELDS)) assert.equal(controlOf(path.join(".")), name);
});

test("schema 1's flat keys of the merchant's details are the controls' names", () => {
  assert.deepEqual(MERCHANT_FLAT, {
    merchant_id: "merchant_id",
    terminal_id: "terminal_id",
    name: "merchant_name",
  });
  assert.throws(() => {
    "use strict";
    /** @type {Record<string, unknown>} */ (FIELDS).extra = ["x"];
  }, TypeError);
});

test("a value is written at its path, the objects on the way made or kept", () => {
  /** @type {Record<string, unknown>} */
  const state = { merchant: { merchant_id: "8222" }, notes: "old" };
  setAt(state, FIELDS.merchant_name, "Shop");
  setAt(state, FIELDS.notes, "new");
  setAt(state, ["record", "tax-paid", "ref"], "A1");
  assert.deepEqual(state, {
    merchant: { merchant_id: "8222", name: "Shop" },
    notes: "new",
    record: { "tax-paid": { ref: "A1" } },
  });
});

test("writing undefined removes the value and keeps its neighbours", () => {
  /** @type {Record<string, unknown>} */
  const state = { record: { "tax-paid": { ref: "A1", date: "2026-10-08" } } };
  setAt(state, ["record", "tax-paid", "ref"], undefined);
  assert.deepEqual(state, { record: { "tax-paid": { date: "2026-10-08" } } });
});

test("a value is read at its path; a path through anything but an object gives undefined", () => {
  const state = { merchant: { name: "店" }, notes: "n", record: "broken" };
  assert.equal(valueAt(state, FIELDS.merchant_name), "店");
  assert.equal(valueAt(state, FIELDS.notes), "n");
  assert.equal(valueAt(state, ["record", "tax-paid", "ref"]), undefined);
  assert.equal(valueAt(state, FIELDS.merchant_id), undefined);
  assert.equal(valueAt(null, FIELDS.merchant_name), undefined);
});
