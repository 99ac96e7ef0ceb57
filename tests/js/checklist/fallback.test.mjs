// The page's no-Python fallback, checked against the engine on the same states:
// tests/js/fixtures/engine-fallback.json is the engine's answer for each case,
// written by scripts/engine_fixture.py (make lint fails when it is out of date).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { masked } from "../../../overrides/assets/checklist/print-mask.js";
import { savedView } from "../../../overrides/assets/checklist/state-view.js";
import { classify } from "../../../overrides/assets/checklist/storage.js";

/** @type {{schema: number, classify: {saved: unknown, kind: string}[],
 *   savedView: {saved: Record<string, unknown>, view: object}[],
 *   masks: {fields: Record<string, [number, number]>, mark: string},
 *   masked: {text: string, field: string, masked: string}[]}} */
const fixture = JSON.parse(readFileSync(new URL("../fixtures/engine-fallback.json", import.meta.url), "utf8"));

test("classify sorts a save as the engine's migrate does", () => {
  assert.ok(fixture.classify.length > 10);
  for (const { saved, kind } of fixture.classify) {
    assert.equal(classify(saved, fixture.schema), kind, JSON.stringify(saved));
  }
});

test("savedView reads a valid save (either schema) as the engine does", () => {
  assert.ok(fixture.savedView.some(({ saved }) => saved.schema === 1));
  for (const { saved, view } of fixture.savedView) {
    assert.deepEqual(savedView(saved), view, JSON.stringify(saved));
  }
});

test("masked hides what the engine's summary hides, with the engine's rule", () => {
  const { fields, mark } = fixture.masks;
  for (const { text, field, masked: expected } of fixture.masked) {
    const [start, end] = fields[field];
    assert.equal(masked(text, start, end, mark), expected, `${field}: ${text}`);
  }
});
