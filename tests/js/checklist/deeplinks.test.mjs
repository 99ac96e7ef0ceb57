import assert from "node:assert/strict";
import { test } from "node:test";

import { decodeHash } from "../../../overrides/assets/checklist/deeplinks.js";

test("decodeHash decodes a percent-encoded id", () => {
  assert.equal(decodeHash("#terminal-stopped"), "terminal-stopped");
  assert.equal(decodeHash("#%E7%BB%88%E7%AB%AF"), "终端");
  assert.equal(decodeHash(""), "");
  assert.equal(decodeHash("#"), "");
});

test("decodeHash keeps a malformed escape as typed instead of throwing", () => {
  assert.equal(decodeHash("#%E0%A4%A"), "%E0%A4%A");
});

test("decodeHash caps a very long id", () => {
  assert.equal(decodeHash("#" + "a".repeat(100_000)).length, 200);
});
