import assert from "node:assert/strict";
import { test } from "node:test";

import { throughput } from "../../../overrides/assets/checklist/engine.js";

/**
 * A resource timing entry: body bytes, bytes over the wire, first and last byte (ms).
 * @param {number} size
 * @param {number} transfer
 * @param {number} start
 * @param {number} end
 */
function entry(size, transfer, start, end) {
  return /** @type {PerformanceResourceTiming} */ ({
    encodedBodySize: size,
    transferSize: transfer,
    responseStart: start,
    responseEnd: end,
  });
}

test("throughput is the best rate of a file that came over the network", () => {
  assert.equal(throughput([entry(100_000, 100_300, 10, 110), entry(50_000, 50_300, 0, 100)]), 1_000_000);
});

test("small, cached and revalidated files do not count", () => {
  assert.equal(throughput([entry(4_000, 4_300, 0, 1)]), null, "smaller than a sample");
  assert.equal(throughput([entry(100_000, 0, 1, 11)]), null, "from the cache");
  assert.equal(throughput([entry(100_000, 300, 1, 11)]), null, "a 304");
  assert.equal(throughput([entry(100_000, 100_300, 1, 11)]), 10_000_000);
  assert.equal(throughput([]), null);
});

test("timings that make no sense are skipped, and so is a body that took no time", () => {
  assert.equal(throughput([entry(100_000, 100_300, 0, 0)]), null, "no response start");
  assert.equal(throughput([entry(100_000, 100_300, 50, 40)]), null, "ends before it starts");
  // WebKit's and Firefox's navigation entry on a 2 Mbit/s link: it once read as 17 MB/s.
  assert.equal(throughput([entry(17_000, 17_300, 5, 5)]), null, "no time between first and last byte");
});

test("megabytes says what a download costs, never zero", async () => {
  const { megabytes } = await import("../../../overrides/assets/checklist/engine.js");
  assert.equal(megabytes(13_400_000), "13");
  assert.equal(megabytes(5_260_000), "5.3");
  assert.equal(megabytes(850_000), "0.9");
  assert.equal(megabytes(1_000), "0.1");
});
