import assert from "node:assert/strict";
import { test } from "node:test";

import { fingerprint } from "../../../overrides/assets/checklist/backup.js";

test("fingerprint is stable and tells different texts apart", () => {
  assert.equal(fingerprint("{damaged"), fingerprint("{damaged"));
  assert.notEqual(fingerprint("{damaged"), fingerprint("{damagee"));
  assert.notEqual(fingerprint("ab"), fingerprint("ba"));
  assert.match(fingerprint(""), /^0-[0-9a-z]+$/);
  assert.ok(fingerprint("x".repeat(3_000_000)).startsWith((3_000_000).toString(36) + "-"));
});
