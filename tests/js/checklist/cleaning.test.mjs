import assert from "node:assert/strict";
import { test } from "node:test";

import { cleaning } from "../../../overrides/assets/checklist/cleaning.js";

/** @typedef {import("../../../types/engine.js").Problem} Problem */

const merchant = { merchant_id: "", terminal_id: "", name: "店" };
/** @type {import("../../../types/engine.js").State} */
const checked = {
  schema: 2,
  answers: {},
  done: {},
  merchant: { ...merchant },
  notes: "abc",
  record: {},
  follow_up: {},
  updated: null,
  rules: 1,
};

test("cleaning takes the engine's cleaned text and drops the keys it does not know", () => {
  const sent = { schema: 2, notes: "a\u202eb\u200bc", merchant, done: {}, extra: 1 };
  /** @type {Problem[]} */
  const problems = [
    { code: "invisible_removed", level: "error", field: "notes", message: { en: "removed from the notes" } },
    { code: "unknown_field", level: "error", field: "extra", message: {} },
  ];
  assert.deepEqual(cleaning(sent, checked, problems), {
    state: { schema: 2, notes: "abc", merchant, done: {} },
    invisible: [{ en: "removed from the notes" }],
    unknown: ["extra"],
  });
  assert.equal(sent.notes, "a\u202eb\u200bc", "the sent state is left as it is");
});

test("cleaning is null when the engine cleaned nothing", () => {
  const sent = { schema: 2, notes: "abc", merchant, done: {} };
  assert.equal(cleaning(sent, checked, [{ code: "not_applicable", level: "warning", item: "x", message: {} }]), null);
  assert.equal(cleaning(sent, undefined, []), null);
});
