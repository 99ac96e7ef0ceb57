import assert from "node:assert/strict";
import { test } from "node:test";

import { classify, serialise, Store, storageKey } from "../../../overrides/assets/checklist/storage.js";

test("classify: current, older, newer, and anything else refused as unknown", () => {
  assert.equal(classify({ schema: 2 }, 2), "current");
  assert.equal(classify({ schema: 1 }, 2), "older");
  assert.equal(classify({}, 2), "older", "no schema key is schema 1");
  assert.equal(classify({ schema: 3 }, 2), "newer");
  for (const odd of ["3", "2", 3.5, 2.0001, 0, -1, null, true, [2], { n: 2 }, Number.NaN]) {
    assert.equal(classify({ schema: odd }, 2), "unknown", JSON.stringify(odd));
  }
  for (const notAState of [null, 3, "text", [1, 2], true]) {
    assert.equal(classify(notAState, 2), "invalid");
  }
});

test("storageKey is scoped by the site's path", () => {
  assert.equal(storageKey(new URL("https://example.org/guide/")), "pos-closure:/guide/:checklist");
});

/**
 * An array nested `depth` deep, built without recursion.
 * @param {number} depth
 */
function nested(depth) {
  /** @type {unknown[]} */
  let value = [];
  for (let index = 0; index < depth; index++) value = [value];
  return value;
}

test("serialise writes a normal state as JSON", () => {
  const state = { schema: 2, done: { a: true }, notes: "x" };
  assert.deepEqual(serialise(state), { text: JSON.stringify(state), dropped: [] });
});

test("serialise leaves out only the parts JSON cannot write", () => {
  const state = { schema: 2, done: { a: true }, junk: nested(100_000), notes: "kept" };
  const { text, dropped } = serialise(state);
  assert.deepEqual(dropped, ["junk"]);
  assert.deepEqual(JSON.parse(text), { schema: 2, done: { a: true }, notes: "kept" });
});

/** A Storage stand-in that can be told to refuse writes. */
class FakeStorage {
  constructor() {
    /** @type {Map<string, string>} */
    this.data = new Map();
    /** @type {DOMException | null} what setItem throws, if anything */
    this.refuse = null;
  }
  get length() {
    return this.data.size;
  }
  /** @param {number} index */
  key(index) {
    return [...this.data.keys()][index] ?? null;
  }
  /** @param {string} key */
  getItem(key) {
    return this.data.has(key) ? this.data.get(key) : null;
  }
  /**
   * @param {string} key
   * @param {string} value
   */
  setItem(key, value) {
    if (this.refuse) throw this.refuse;
    this.data.set(key, String(value));
  }
  /** @param {string} key */
  removeItem(key) {
    this.data.delete(key);
  }
}

test("Store.load tells empty, ok and corrupt apart; unavailable without storage", () => {
  const storage = new FakeStorage();
  const store = new Store("k", /** @type {Storage} */ (/** @type {unknown} */ (storage)));
  assert.deepEqual(store.load(), { status: "empty" });
  storage.setItem("k", '{"schema": 2}');
  assert.deepEqual(store.load(), { status: "ok", raw: '{"schema": 2}', value: { schema: 2 } });
  storage.setItem("k", "{broken");
  assert.deepEqual(store.load(), { status: "corrupt", raw: "{broken" });
  assert.deepEqual(new Store("k", null).load(), { status: "unavailable" });
});

test("Store.save reports a full quota apart from other refusals", () => {
  const storage = new FakeStorage();
  const store = new Store("k", /** @type {Storage} */ (/** @type {unknown} */ (storage)));
  assert.deepEqual(store.save({ a: 1 }), { status: "saved", dropped: [], text: '{"a":1}' });
  storage.refuse = new DOMException("full", "QuotaExceededError");
  assert.equal(store.save({ a: 2 }).status, "quota");
  storage.refuse = new DOMException("no", "SecurityError");
  assert.equal(store.save({ a: 3 }).status, "unavailable");
  assert.equal(storage.getItem("k"), '{"a":1}');
});

test("Store.keepAside keeps one copy only, however often it is asked", async () => {
  const storage = new FakeStorage();
  const store = new Store("k", /** @type {Storage} */ (/** @type {unknown} */ (storage)));
  assert.equal(await store.keepAside("{damaged"), "local");
  assert.equal(await store.keepAside("{damaged"), "local");
  const copies = [...storage.data.keys()].filter((key) => key.startsWith("k:corrupt:"));
  assert.equal(copies.length, 1);
  assert.equal(storage.getItem(copies[0]), "{damaged");
});

test("Store.keepAside says so when no copy could be kept anywhere", async () => {
  const storage = new FakeStorage();
  storage.refuse = new DOMException("full", "QuotaExceededError");
  const store = new Store("k", /** @type {Storage} */ (/** @type {unknown} */ (storage)));
  // Node has no IndexedDB: nowhere else to keep it.
  assert.equal(await store.keepAside("{damaged"), null);
});
