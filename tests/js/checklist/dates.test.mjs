import assert from "node:assert/strict";
import { test } from "node:test";

import { fileDate, localTimestamp } from "../../../overrides/assets/checklist/dates.js";

/**
 * A Date whose local fields and offset are fixed, whatever the machine's time zone.
 * @param {{year: number, month: number, day: number, hours: number, minutes: number,
 *   seconds: number, offset: number}} fields month is 1-based, offset as getTimezoneOffset gives it
 */
function fakeDate({ year, month, day, hours, minutes, seconds, offset }) {
  return /** @type {Date} */ ({
    getFullYear: () => year,
    getMonth: () => month - 1,
    getDate: () => day,
    getHours: () => hours,
    getMinutes: () => minutes,
    getSeconds: () => seconds,
    getTimezoneOffset: () => offset,
  });
}

test("localTimestamp writes local time with its offset", () => {
  const beijing = fakeDate({ year: 2026, month: 3, day: 4, hours: 7, minutes: 5, seconds: 9, offset: -480 });
  assert.equal(localTimestamp(beijing), "2026-03-04T07:05:09+08:00");
  const west = fakeDate({ year: 2026, month: 12, day: 31, hours: 23, minutes: 59, seconds: 0, offset: 210 });
  assert.equal(localTimestamp(west), "2026-12-31T23:59:00-03:30");
  const utc = fakeDate({ year: 2026, month: 1, day: 1, hours: 0, minutes: 0, seconds: 0, offset: 0 });
  assert.equal(localTimestamp(utc), "2026-01-01T00:00:00+00:00");
});

test("localTimestamp of now parses back to the same instant", () => {
  const now = new Date();
  now.setMilliseconds(0);
  assert.equal(Date.parse(localTimestamp(now)), now.getTime());
});

test("fileDate is the local calendar date, not the UTC one", () => {
  const early = fakeDate({ year: 2026, month: 7, day: 1, hours: 6, minutes: 0, seconds: 0, offset: -480 });
  assert.equal(fileDate(early), "2026-07-01");
});
