import assert from "node:assert/strict";
import { test } from "node:test";

import {
  bytesToDownload,
  choosePlan,
  SNAPSHOT_MIN_THROUGHPUT,
  SOURCE_MAX_THROUGHPUT,
} from "../../../overrides/assets/checklist/startup-plan.js";

const none = {};

test("a cached snapshot is always used", () => {
  assert.equal(choosePlan({ cached: { snapshot: true }, saveData: true, effectiveType: "2g" }), "snapshot");
});

test("data saver and 2G links start from source", () => {
  assert.equal(choosePlan({ cached: none, saveData: true, throughput: 10_000_000 }), "source");
  assert.equal(choosePlan({ cached: none, effectiveType: "slow-2g" }), "source");
  assert.equal(choosePlan({ cached: none, effectiveType: "2g" }), "source");
});

test("the measured throughput picks snapshot, compiled or source", () => {
  assert.equal(choosePlan({ cached: none, throughput: SNAPSHOT_MIN_THROUGHPUT }), "snapshot");
  assert.equal(choosePlan({ cached: none, throughput: SNAPSHOT_MIN_THROUGHPUT - 1 }), "compiled");
  assert.equal(choosePlan({ cached: none, throughput: SOURCE_MAX_THROUGHPUT }), "compiled");
  assert.equal(choosePlan({ cached: none, throughput: SOURCE_MAX_THROUGHPUT - 1 }), "source");
  assert.equal(choosePlan({ cached: none, effectiveType: "4g", throughput: 100 }), "source");
});

test("without a measurement, what is cached decides", () => {
  assert.equal(choosePlan({ cached: none, throughput: null }), "compiled");
  assert.equal(choosePlan({ cached: { source: true } }), "source");
  assert.equal(choosePlan({ cached: { source: true, compiled: true } }), "compiled");
});

test("bytesToDownload counts only what is not cached", () => {
  const bytes = { runtime: 100, compiled: 20, source: 10, snapshot: 500 };
  assert.equal(bytesToDownload("compiled", none, bytes), 120);
  assert.equal(bytesToDownload("source", none, bytes), 110);
  assert.equal(bytesToDownload("snapshot", none, bytes), 620);
  assert.equal(bytesToDownload("snapshot", { snapshot: true }, bytes), 120);
  assert.equal(bytesToDownload("snapshot", { snapshot: true, compiled: true }, bytes), 0);
  assert.equal(bytesToDownload("source", { compiled: true }, bytes), 110);
});
