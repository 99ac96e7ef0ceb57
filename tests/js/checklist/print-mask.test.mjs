import assert from "node:assert/strict";
import { test } from "node:test";

import { masked } from "../../../overrides/assets/checklist/print-mask.js";

test("masked keeps the ends and hides the middle, as the engine's summary does", () => {
  assert.equal(masked("822290059430BCY", 3, 3, "•"), "822•••••••••BCY");
  assert.equal(masked("A9254710", 2, 2, "•"), "A9••••10");
});

test("masked hides everything when the text is too short", () => {
  assert.equal(masked("123456", 3, 3, "•"), "••••••");
  assert.equal(masked("", 3, 3, "•"), "");
});

test("masked counts characters, not UTF-16 units", () => {
  assert.equal(masked("𝟏𝟐𝟑𝟒𝟓", 1, 1, "*"), "𝟏***𝟓");
  assert.equal(masked("abcd", 1, 0, "*"), "a***");
});
