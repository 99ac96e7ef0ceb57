import assert from "node:assert/strict";
import { test } from "node:test";

import { lastVisit } from "../../../overrides/assets/checklist/returning.js";

const now = new Date("2026-12-04T12:00:00+08:00");

test("how long ago the last save was, in the page's language", () => {
  const cases = [
    ["2026-12-01T10:00:00+08:00", "zh", "3天前"],
    ["2026-12-01T10:00:00+08:00", "en", "3 days ago"],
    ["2026-12-04T08:00:00+08:00", "zh", "今天"],
    ["2026-12-03T08:00:00+08:00", "en", "yesterday"],
    ["2026-08-01T08:00:00+08:00", "en", "4 months ago"],
  ];
  for (const [updated, lang, expected] of cases) {
    assert.equal(lastVisit(updated, now, lang), expected, `${updated} ${lang}`);
  }
});

test("a save from the future is today, and no date says nothing", () => {
  assert.equal(lastVisit("2026-12-05T08:00:00+08:00", now, "en"), "today");
  for (const updated of [null, undefined, "", "not a date"]) {
    assert.equal(lastVisit(updated, now, "zh"), "");
  }
});
