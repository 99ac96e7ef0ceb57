// The resolver inlined in go/'s head (overrides/partials/go-resolver.js), run
// as the browser runs it, in a fresh context with a page's globals faked.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { test } from "node:test";
import vm from "node:vm";

const source = await readFile(
  new URL("../../../overrides/partials/go-resolver.js", import.meta.url),
  "utf8",
);

const MAP = {
  steps: { "tax-paid": "guide/business/#tax-paid", before: "guide/before/#before" },
  aliases: { "old-tax": "tax-paid" },
  start: "guide/before/",
};

/**
 * Run the resolver on `href` and report where it sent the reader.
 * @param {string} href
 * @param {{lang?: string, languages?: string[], saved?: string | null, map?: object | null}} [options]
 */
function run(href, options = {}) {
  const url = new URL(href);
  /** @type {string[]} */
  const replaced = [];
  /** @type {Set<string>} */
  const classes = new Set();
  /** @type {Record<string, string>} */
  const dataset = {};
  /** @type {Record<string, unknown>} the JSON blocks in the page, by id */
  const blocks = {
    // base_url is relative to the page: go/ is one level down, en/go/ two.
    "site-config": {
      base: options.lang === "en" ? "../.." : "..",
      lang: options.lang ?? "zh",
      roots: { en: "en/", zh: "" },
    },
    "go-map": "map" in options ? options.map : MAP,
  };
  const context = {
    URL,
    URLSearchParams,
    JSON,
    Object,
    document: {
      documentElement: {
        classList: {
          add: (/** @type {string} */ name) => classes.add(name),
          remove: (/** @type {string} */ name) => classes.delete(name),
        },
        dataset,
      },
      getElementById: (/** @type {string} */ id) => (id in blocks ? { textContent: JSON.stringify(blocks[id]) } : null),
    },
    location: {
      href: url.href,
      hash: url.hash,
      search: url.search,
      replace: (/** @type {string} */ to) => replaced.push(to),
    },
    navigator: { languages: options.languages ?? ["zh-CN"] },
    window: {
      addEventListener() {},
      localStorage: {
        getItem: (/** @type {string} */ key) => (key === "pos-closure:/:lang" ? (options.saved ?? null) : null),
      },
    },
  };
  vm.runInNewContext(source, context);
  return { replaced, pending: classes.has("go-pending"), go: dataset.go };
}

test("a step opens where it lives now, in the reader's language", () => {
  assert.deepEqual(run("https://x.org/go/#tax-paid").replaced, [
    "https://x.org/guide/business/#tax-paid",
  ]);
  const english = run("https://x.org/go/#tax-paid", { languages: ["en-GB"] });
  assert.deepEqual(english.replaced, ["https://x.org/en/guide/business/#tax-paid"]);
  assert.equal(english.pending, true, "the page stays hidden while it goes");
});

test("the path's language, then the link's ?lang=, then a saved choice decide", () => {
  const fromPath = run("https://x.org/en/go/#tax-paid", { lang: "en" });
  assert.deepEqual(fromPath.replaced, ["https://x.org/en/guide/business/#tax-paid"]);
  const named = run("https://x.org/go/?lang=zh#tax-paid", { languages: ["en"], saved: "en" });
  assert.deepEqual(named.replaced, ["https://x.org/guide/business/#tax-paid"]);
  const saved = run("https://x.org/go/#tax-paid", { saved: "en" });
  assert.deepEqual(saved.replaced, ["https://x.org/en/guide/business/#tax-paid"]);
  const unknown = run("https://x.org/go/?lang=fr#tax-paid");
  assert.deepEqual(unknown.replaced, ["https://x.org/guide/business/#tax-paid"]);
});

test("an alias leads to the current id", () => {
  assert.deepEqual(run("https://x.org/go/#old-tax").replaced, [
    "https://x.org/guide/business/#tax-paid",
  ]);
});

for (const id of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"]) {
  test(`"${id}" is an unknown step, not a property of the map`, () => {
    assert.deepEqual(run(`https://x.org/go/#${id}`).replaced, [
      `https://x.org/guide/before/?missing=${id}`,
    ]);
  });
}

test("a very long id is cut before it goes into the address", () => {
  const [to] = run(`https://x.org/go/#${"a".repeat(100_000)}`).replaced;
  assert.equal(to, `https://x.org/guide/before/?missing=${"a".repeat(80)}`);
});

test("a damaged escape is reported, not thrown, and the page is shown", () => {
  const result = run("https://x.org/go/#%E0%A4%A");
  assert.deepEqual(result.replaced, []);
  assert.equal(result.go, "malformed");
  assert.equal(result.pending, false);
});

test("missing data is reported and the page is shown", () => {
  const result = run("https://x.org/go/#tax-paid", { map: null });
  assert.deepEqual(result.replaced, []);
  assert.equal(result.go, "failed");
  assert.equal(result.pending, false);
});

test("a bare go/ page stays", () => {
  const result = run("https://x.org/go/");
  assert.deepEqual(result.replaced, []);
  assert.equal(result.pending, false);
  assert.equal(result.go, undefined);
});
