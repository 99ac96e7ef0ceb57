// Unit tests for overrides/assets/js/step-links.js (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";

import { addressParts, stepLinks } from "../../../overrides/assets/js/step-links.js";

const roots = { en: "en/", zh: "" };

test("a step's permanent links are full addresses on the site root", () => {
  const links = stepLinks("https://example.org/sub/", roots, "tax-paid");
  assert.equal(links.any, "https://example.org/sub/go/#tax-paid");
  assert.deepEqual(links.fixed, {
    zh: "https://example.org/sub/go/?lang=zh#tax-paid",
    en: "https://example.org/sub/en/go/#tax-paid",
  });
  assert.deepEqual(Object.keys(links.fixed), ["zh", "en"], "the default language comes first");
});

test("an odd id is escaped, never read as part of the address", () => {
  const links = stepLinks("https://example.org/", roots, "a b#c");
  assert.equal(links.any, "https://example.org/go/#a%20b%23c");
});

test("an address is cut only after separators, never inside a word", () => {
  const address = "http://127.0.0.1:8000/en/go/?lang=zh#linked-services-unbound";
  const parts = addressParts(address);
  assert.equal(parts.join(""), address);
  assert.equal(parts.at(-1), "linked-services-unbound");
  for (const part of parts.slice(0, -1)) assert.match(part, /[/#?&=.]$/);
  assert.deepEqual(addressParts(""), []);
});
