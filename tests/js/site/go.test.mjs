// Unit tests for overrides/assets/js/go.js's message choice (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";

import { goMessage } from "../../../overrides/assets/js/go.js";

const strings = { go_malformed: "damaged", go_failed: "failed" };

test("the page says why go/ could not open the step", () => {
  assert.equal(goMessage("malformed", strings), "damaged");
  assert.equal(goMessage("failed", strings), "failed");
  assert.equal(goMessage(undefined, strings), "");
});
