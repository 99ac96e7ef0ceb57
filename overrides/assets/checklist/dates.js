/**
 * Dates as the page writes them: the saved state's `updated` (local time with
 * its offset, so the printed summary shows the date the merchant saw) and the
 * date in an exported file's name. Pure functions.
 */

/** @param {number} number */
const pad = (number) => String(Math.abs(number)).padStart(2, "0");

/**
 * ISO 8601 local time with its offset, e.g. "2026-12-01T10:02:03+08:00".
 * @param {Date} [date]
 */
export function localTimestamp(date = new Date()) {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  return (
    `${fileDate(date)}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`
  );
}

/**
 * The local calendar date, "YYYY-MM-DD" (an export made at 7 in the morning
 * in Beijing carries that day's date, not yesterday's UTC one).
 * @param {Date} [date]
 */
export function fileDate(date = new Date()) {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
