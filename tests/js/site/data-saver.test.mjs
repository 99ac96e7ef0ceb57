// Unit tests for overrides/assets/js/data-saver.js (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";

import { savesData } from "../../../overrides/assets/js/data-saver.js";

test("save data, or a 2G link, asks for little data", () => {
  assert.equal(savesData({ saveData: true, effectiveType: "4g" }), true);
  assert.equal(savesData({ saveData: false, effectiveType: "2g" }), true);
  assert.equal(savesData({ effectiveType: "slow-2g" }), true);
});

test("any other link, or a browser that says nothing, does not", () => {
  assert.equal(savesData(undefined), false);
  assert.equal(savesData({}), false);
  assert.equal(savesData({ saveData: false, effectiveType: "3g" }), false);
  assert.equal(savesData({ effectiveType: "4g" }), false);
  assert.equal(savesData({ effectiveType: "12g" }), false);
});
