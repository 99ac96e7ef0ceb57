import assert from "node:assert/strict";
import { test } from "node:test";

import {
  bytesToDownload,
  choosePlan,
  SOURCE_MAX_THROUGHPUT,
} from "../../../overrides/assets/checklist/startup-plan.js";

const none = {};

test("a library already on the device is used, whatever the link", () => {
  assert.equal(choosePlan({ cached: { compiled: true }, saveData: true, effectiveType: "2g" }), "compiled");
  assert.equal(choosePlan({ cached: { source: true }, throughput: 10_000_000 }), "source");
  assert.equal(choosePlan({ cached: { source: true, compiled: true } }), "compiled");
});

test("data saver and 2G links start from source", () => {
  assert.equal(choosePlan({ cached: none, saveData: true, throughput: 10_000_000 }), "source");
  assert.equal(choosePlan({ cached: none, effectiveType: "slow-2g" }), "source");
  assert.equal(choosePlan({ cached: none, effectiveType: "2g" }), "source");
});

test("the measured throughput picks compiled or source", () => {
  assert.equal(choosePlan({ cached: none, throughput: SOURCE_MAX_THROUGHPUT }), "compiled");
  assert.equal(choosePlan({ cached: none, throughput: SOURCE_MAX_THROUGHPUT - 1 }), "source");
  assert.equal(choosePlan({ cached: none, effectiveType: "4g", throughput: 100 }), "source");
});

test("without a measurement, the bytecode is used", () => {
  assert.equal(choosePlan({ cached: none, throughput: null }), "compiled");
  assert.equal(choosePlan({ cached: { runtime: true } }), "compiled");
});

test("bytesToDownload counts only what is not on the device", () => {
  const bytes = { runtime: 100, compiled: 20, source: 10, engine: 1 };
  assert.equal(bytesToDownload("compiled", none, bytes), 121);
  assert.equal(bytesToDownload("source", none, bytes), 111);
  assert.equal(bytesToDownload("compiled", { runtime: true }, bytes), 21);
  assert.equal(bytesToDownload("compiled", { runtime: true, compiled: true }, bytes), 0);
  assert.equal(bytesToDownload("source", { compiled: true }, bytes), 111);
});
