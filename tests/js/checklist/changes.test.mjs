// Unit tests for overrides/assets/checklist/changes.js (node --test).
import assert from "node:assert/strict";
import { test } from "node:test";

import { caughtUp, changesList, changesNotice } from "../../../overrides/assets/checklist/changes.js";

const labels = { changes: "What changed since your last visit" };
const root = "https://example.org/sub/en/";
/** As checklist.summary(state, "en")["changes"] gives them. */
const changes = [
  {
    kind: "question_changed",
    item: null,
    question: "close_bank_account",
    href: "checklist/#question-close_bank_account",
    message: "The question “Does the bank account …?” and its answers have changed.",
  },
  {
    kind: "now_required",
    item: "records-exported",
    question: null,
    href: "guide/before/#records-exported",
    message: "“Export your statements and card slips” must now be done before you apply.",
  },
];

/**
 * The element stand-in fakeDocument makes.
 * @typedef {{tagName: string, className: string, textContent: string, href: string,
 *   dataset: Record<string, string>, children: FakeElement[],
 *   append: (...nodes: FakeElement[]) => void}} FakeElement
 */

/**
 * The little of the DOM the list needs, so the test runs in Node without a browser.
 * @returns {Document}
 */
function fakeDocument() {
  /**
   * @param {string} tagName
   * @returns {FakeElement}
   */
  const createElement = (tagName) => ({
    tagName: tagName.toUpperCase(),
    className: "",
    textContent: "",
    href: "",
    dataset: {},
    children: [],
    append(...nodes) {
      this.children.push(...nodes);
    },
  });
  return /** @type {Document} */ (/** @type {unknown} */ ({ createElement }));
}

test("nothing changed: no notice", () => {
  assert.equal(changesNotice([], labels, root), null);
  assert.equal(changesNotice(undefined, labels, root), null);
});

test("the notice has the summary's title and one line per change, in the engine's order", () => {
  const notice = changesNotice(changes, labels, root);
  assert.deepEqual(notice, {
    title: "What changed since your last visit",
    entries: [
      {
        kind: "question_changed",
        text: changes[0].message,
        href: "https://example.org/sub/en/checklist/#question-close_bank_account",
      },
      {
        kind: "now_required",
        text: changes[1].message,
        href: "https://example.org/sub/en/guide/before/#records-exported",
      },
    ],
  });
});

test("links resolve against the language's root, also for the default language", () => {
  const notice = changesNotice([changes[1]], labels, new URL("https://example.org/"));
  assert.equal(notice?.entries[0].href, "https://example.org/guide/before/#records-exported");
});

test("the list is one link per change, its message as text (never as HTML)", () => {
  const reworded = {
    ...changes[1],
    kind: "reworded",
    message: "<b>“Wipe”</b> is explained differently now.",
  };
  const notice = changesNotice([...changes, reworded], labels, root);
  assert.ok(notice);
  const list = /** @type {FakeElement} */ (/** @type {unknown} */ (changesList(notice, fakeDocument())));
  assert.equal(list.tagName, "UL");
  assert.equal(list.className, "checklist-changes");
  assert.deepEqual(
    list.children.map((line) => [line.tagName, line.dataset.change, line.children[0].tagName]),
    [
      ["LI", "question_changed", "A"],
      ["LI", "now_required", "A"],
      ["LI", "reworded", "A"],
    ],
  );
  const links = list.children.map((line) => line.children[0]);
  assert.deepEqual(
    links.map((link) => link.href),
    notice.entries.map((entry) => entry.href),
  );
  assert.equal(links[2].textContent, "<b>“Wipe”</b> is explained differently now.");
  assert.equal(links[2].children.length, 0);
});

test("once the engine has seen a state, it is saved with today's rules version", () => {
  /** @type {{schema: number, answers: Record<string, string>, done: object, rules?: unknown}} */
  const state = { schema: 2, answers: { paid_deposit: "no" }, done: {} };
  assert.deepEqual(caughtUp(state, { rules: 2 }), { ...state, rules: 2 });
  assert.deepEqual(caughtUp({ ...state, rules: 1 }, { rules: 2 }), { ...state, rules: 2 });
  assert.deepEqual(caughtUp({ ...state, rules: "2" }, { rules: 2 }), { ...state, rules: 2 });
  assert.equal(state.rules, undefined, "the page's state is not changed in place");
});

test("a state that has today's rules version needs no saving", () => {
  assert.equal(caughtUp({ schema: 2, rules: 2 }, { rules: 2 }), null);
});
