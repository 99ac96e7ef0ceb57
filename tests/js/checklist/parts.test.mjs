import assert from "node:assert/strict";
import { test } from "node:test";

import { part } from "../../../overrides/assets/checklist/parts.js";

test("a part is what the parent finds for the selector", () => {
  const found = { id: "verdict" };
  /** @type {string[]} */
  const asked = [];
  const parent = /** @type {ParentNode} */ (
    /** @type {unknown} */ ({
      querySelector: (/** @type {string} */ selector) => {
        asked.push(selector);
        return selector === "[data-verdict-text]" ? found : null;
      },
    })
  );
  assert.equal(part(parent, "[data-verdict-text]"), found);
  assert.deepEqual(asked, ["[data-verdict-text]"]);
});
