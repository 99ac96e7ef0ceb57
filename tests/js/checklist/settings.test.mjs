import assert from "node:assert/strict";
import { test } from "node:test";

import { format } from "../../../docs/assets/checklist/settings.js";

test("format fills known placeholders and leaves the others", () => {
  assert.equal(format("{done} / {total}", { done: 1, total: 3 }), "1 / 3");
  assert.equal(format("{missing} {done}", { done: 0 }), "{missing} 0");
  assert.equal(format("{toString}", {}), "{toString}", "no inherited properties");
});
