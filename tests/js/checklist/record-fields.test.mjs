import assert from "node:assert/strict";
import { test } from "node:test";

import { isRecordName, localDate, recordFrom, valueAt } from "../../../overrides/assets/checklist/record-fields.js";

test("record controls are named by their path in the saved state", () => {
  assert.equal(isRecordName("record.application-submitted.reference"), true);
  assert.equal(isRecordName("follow_up.refund_by"), true);
  assert.equal(isRecordName("merchant_id"), false);
  assert.equal(isRecordName("recorded"), false);
});

test("the form's values become the record, empty ones left out", () => {
  const pairs = /** @type {Array<[string, string]>} */ ([
    ["record.a.date", "2026-11-02"],
    ["record.a.reference", "SQ-1"],
    ["record.a.how", ""],
    ["record.b.by", ""],
    ["follow_up.refund_by", "2026-12-20"],
    ["follow_up.deposit_by", ""],
    ["record.broken", "x"],
  ]);
  assert.deepEqual(recordFrom(pairs), {
    record: { a: { date: "2026-11-02", reference: "SQ-1" } },
    follow_up: { refund_by: "2026-12-20" },
  });
});

test("a value is read by its path, text only", () => {
  const state = { record: { a: { reference: "SQ-1", by: 5 } }, follow_up: ["x"] };
  assert.equal(valueAt(state, "record.a.reference"), "SQ-1");
  assert.equal(valueAt(state, "record.a.by"), "");
  assert.equal(valueAt(state, "record.b.date"), "");
  assert.equal(valueAt(state, "follow_up.0"), "");
  assert.equal(valueAt({ record: null }, "record.a.date"), "");
});

test("the day a task is ticked is this device's local date", () => {
  assert.equal(localDate(new Date(2026, 0, 5, 23, 59)), "2026-01-05");
  assert.equal(localDate(new Date(2026, 11, 31, 0, 1)), "2026-12-31");
});
