import assert from "node:assert/strict";
import { test } from "node:test";

import { cleaning } from "../../../overrides/assets/checklist/cleaning.js";

const checked = { schema: 2, notes: "abc", merchant: { name: "店" }, done: {} };

test("cleaning takes the engine's cleaned text and drops the keys it does not know", () => {
  const sent = { schema: 2, notes: "a\u202eb\u200bc", merchant: { name: "店" }, done: {}, extra: 1 };
  const problems = [
    { code: "invisible_removed", field: "notes", message: { en: "removed from the notes" } },
    { code: "unknown_field", field: "extra" },
  ];
  assert.deepEqual(cleaning(sent, checked, problems), {
    state: { schema: 2, notes: "abc", merchant: { name: "店" }, done: {} },
    invisible: [{ en: "removed from the notes" }],
    unknown: ["extra"],
  });
  assert.equal(sent.notes, "a\u202eb\u200bc", "the sent state is left as it is");
});

test("cleaning is null when the engine cleaned nothing", () => {
  const sent = { schema: 2, notes: "abc", merchant: { name: "店" }, done: {} };
  assert.equal(cleaning(sent, checked, [{ code: "not_applicable", item: "x" }]), null);
  assert.equal(cleaning(sent, undefined, []), null);
});
