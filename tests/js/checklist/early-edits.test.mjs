import assert from "node:assert/strict";
import { test } from "node:test";

import { withEdits } from "../../../overrides/assets/checklist/early-edits.js";

const saved = {
  schema: 2,
  answers: { registered_as: "person", close_bank_account: "yes" },
  done: { "terminal-stopped": true, "balance-settled": true },
  merchant: { merchant_id: "822290059430BCY", terminal_id: "", name: "小店" },
  notes: "old",
  updated: "2026-01-01T08:00:00+08:00",
};

test("withEdits without edits returns the state as it is", () => {
  assert.equal(withEdits(saved, null), saved);
});

test("withEdits lays ticks, unticks, answers and fields over a saved state", () => {
  const before = structuredClone(saved);
  const next = withEdits(saved, {
    answers: { registered_as: "company", close_bank_account: undefined },
    done: { "terminal-stopped": false, "stop-period-met": true },
    fields: { terminal_id: "A9254710", notes: "new" },
  });
  assert.deepEqual(next.answers, { registered_as: "company" });
  assert.deepEqual(next.done, { "balance-settled": true, "stop-period-met": true });
  assert.deepEqual(next.merchant, { merchant_id: "822290059430BCY", terminal_id: "A9254710", name: "小店" });
  assert.equal(next.notes, "new");
  assert.equal(next.updated, saved.updated);
  assert.deepEqual(saved, before, "the saved state is not changed");
});

test("withEdits makes the merchant part when the state has none", () => {
  const next = withEdits({ schema: 2, answers: {}, done: {} }, {
    answers: {},
    done: {},
    fields: { merchant_name: "店" },
  });
  assert.deepEqual(next.merchant, { name: "店" });
});

test("early edits to the closure record go to their path; an emptied field is removed", () => {
  const state = { ...saved, record: { "terminal-stopped": { date: "2026-10-08", by: "x" } } };
  const next = withEdits(state, {
    answers: {},
    done: {},
    fields: {
      "record.terminal-stopped.by": "",
      "record.application-submitted.reference": "SQ-1",
      "follow_up.refund_by": "2026-12-20",
    },
  });
  assert.deepEqual(next.record, {
    "terminal-stopped": { date: "2026-10-08" },
    "application-submitted": { reference: "SQ-1" },
  });
  assert.deepEqual(next.follow_up, { refund_by: "2026-12-20" });
  assert.deepEqual(state.record["terminal-stopped"], { date: "2026-10-08", by: "x" });
});
