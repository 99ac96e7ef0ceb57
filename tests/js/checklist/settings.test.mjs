import assert from "node:assert/strict";
import { test } from "node:test";

import { format } from "../../../overrides/assets/checklist/settings.js";

test("format fills known placeholders and leaves the others", () => {
  assert.equal(format("{done} / {total}", { done: 1, total: 3 }), "1 / 3");
  assert.equal(format("{missing} {done}", { done: 0 }), "{missing} 0");
  assert.equal(format("{toString}", {}), "{toString}", "no inherited properties");
});

test("timeoutOverride reads ?engine_timeout= and keeps it in range", async () => {
  const { timeoutOverride } = await import("../../../overrides/assets/checklist/settings.js");
  assert.equal(timeoutOverride("?engine_timeout=5000"), 5000);
  assert.equal(timeoutOverride("?engine_timeout=1"), 100);
  assert.equal(timeoutOverride("?engine_timeout=99999999"), 600_000);
  assert.equal(timeoutOverride("?engine_timeout=-5"), null);
  assert.equal(timeoutOverride("?engine_timeout=abc"), null);
  assert.equal(timeoutOverride(""), null);
});
