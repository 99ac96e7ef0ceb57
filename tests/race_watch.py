"""Fails a test that acts on the checklist before Python's first answer without
holding that answer back.

When Python first answers, the checklist folds the phases away from the current
one unless the merchant has started using the page (phase-fold.js). A test that
clicks, types or ticks in the checklist while Python is still loading has
therefore raced Python: on a machine where Python starts sooner, the answer
comes first, folds the phase, and the same action misses. Such a test must
either wait for the answer (``ui.open``, ``ui.wait_engine``) or hold it until
it is done (``python_held``, tests/browser/python_gate.py), so that its order
of events is the same on every machine.

Every browser context a test opens (``Browser.new_context``, which
pytest-playwright's ``context`` fixture calls too) gets ``WATCH``. It notes the
first action a person could take inside the checklist (a trusted pointer, key,
input or change event) once its script has started (``data-started``), while
``data-engine`` is still "loading" and the answer is not held. It reports that
action through a binding when Python answers on that page, or, if the test
ends first, while the context closes (``settle``). Once the test has used the
page while the answer was held (a pointer, key or change event: what
phase-fold.js counts), nothing folds any more, and later actions are not races.
A page whose Python never answers (its download refused or held) cannot race,
and is not reported. ``race_watch`` (tests/conftest.py) fails the test that got
a report.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from playwright.sync_api import Browser, BrowserContext
from playwright.sync_api import Error as PlaywrightError

BINDING = "__testRaceReport"
REPORTS: list[str] = []  # what the current test's contexts reported

WATCH = """(() => {
  const held = () => window.__pythonHolding?.() === true; // python_gate.py
  const describe = (node) => {
    if (!(node instanceof Element)) return String(node);
    const name = node.getAttribute("name") || node.getAttribute("data-action") || node.id;
    return node.tagName.toLowerCase() + (name ? `[${name}]` : "");
  };
  let settled = false; // engaged while the answer was held: nothing will fold
  const note = (event) => {
    if (window.__raceEarly || settled || !event.isTrusted) return;
    if (!(event.target instanceof Node)) return;
    const root = document.querySelector("[data-checklist]");
    if (!root?.contains(event.target) || !root.hasAttribute("data-started")) return;
    if (root.dataset.engine !== "loading") return;
    if (!held()) window.__raceEarly = `${event.type} on ${describe(event.target)}`;
    else if (event.type !== "input") settled = true;
  };
  for (const type of ["pointerdown", "keydown", "input", "change"]) {
    addEventListener(type, note, true);
  }
  const watch = () => {
    const root = document.querySelector("[data-checklist]");
    if (!root) return;
    new MutationObserver(() => {
      if (!window.__raceEarly || root.dataset.engine !== "ready") return;
      const what = window.__raceEarly;
      window[__BINDING__]?.(`${what} before Python's first answer, which was not held`);
      window.__raceEarly = "";
    }).observe(root, { attributeFilter: ["data-engine"] });
  };
  if (document.readyState === "loading") addEventListener("DOMContentLoaded", watch);
  else watch();
})();""".replace("__BINDING__", json.dumps(BINDING))


# A page that acted early and is still loading when its context closes.
PENDING = """() => Boolean(window.__raceEarly)
  && document.querySelector("[data-checklist]")?.dataset.engine === 'loading'"""
SETTLED = """() => document.querySelector("[data-checklist]")?.dataset.engine !== 'loading'"""
SETTLE_MS = 20_000


def settle(context: BrowserContext) -> None:
    """Before ``context`` closes: a page that acted early and is still loading
    gets up to SETTLE_MS for Python to answer, so that a race the test ended too
    soon to see is still reported. A page whose runtime the test holds never
    answers, and has nothing to report."""
    for page in context.pages:
        try:
            if page.evaluate(PENDING):
                page.wait_for_function(SETTLED, timeout=SETTLE_MS)
                page.evaluate("() => new Promise(requestAnimationFrame)")  # the report lands
        except PlaywrightError:  # held to the end, closed, or navigating away
            pass


def watch(context: BrowserContext, reports: list[str]) -> BrowserContext:
    """Report into ``reports`` every race of ``context``'s pages."""

    def report(source: dict[str, Any], text: str) -> None:
        reports.append(f"{source['page'].url}: {text}")

    context.expose_binding(BINDING, report)
    context.add_init_script(WATCH)
    return context


@contextmanager
def watching_every_context(reports: list[str] = REPORTS) -> Iterator[None]:
    """Within the block, every new browser context is watched."""
    original: Callable[..., BrowserContext] = Browser.new_context
    close: Callable[..., None] = BrowserContext.close

    def new_context(self: Browser, *args: Any, **kwargs: Any) -> BrowserContext:
        return watch(original(self, *args, **kwargs), reports)

    def settled_close(self: BrowserContext, *args: Any, **kwargs: Any) -> None:
        settle(self)
        close(self, *args, **kwargs)

    Browser.new_context = new_context  # type: ignore[method-assign]
    BrowserContext.close = settled_close  # type: ignore[method-assign]
    try:
        yield
    finally:
        Browser.new_context = original  # type: ignore[method-assign]
        BrowserContext.close = close  # type: ignore[method-assign]
