"""Python's first answer held back while a test does what a merchant does before it.

When Python first answers, the checklist folds every phase but the current one,
unless the merchant has already started using the page (phase-fold.js). A test
that ticks "before Python answers" must really tick before, however fast Python
starts on the machine that runs it: otherwise the phase may fold between
Playwright finding the box and clicking it, and the click misses.

``python_held(page)`` holds the checker worker's ``ready`` message (engine.js)
until the block ends; nothing else of the page is changed. Once released in a
tab, later pages of that tab are not held.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager

from playwright.sync_api import Page

RELEASED = "test:python-released"  # sessionStorage: this tab has been released

HOLD = """(() => {
  if (window.__releasePython) return; // once per page, however often a test asks
  let open = false;
  try { open = sessionStorage.getItem(%(key)s) === "1"; } catch { /* storage off: hold */ }
  const held = [];
  window.__pythonHeld = 0;
  window.__pythonHolding = () => !open; // read by tests/race_watch.py
  window.__releasePython = () => {
    open = true;
    try { sessionStorage.setItem(%(key)s, "1"); } catch { /* storage off or full */ }
    for (const deliver of held.splice(0)) deliver();
  };
  const listen = EventTarget.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, options) {
    if (type !== "message" || typeof listener !== "function") {
      return listen.call(this, type, listener, options);
    }
    return listen.call(this, type, (event) => {
      if (open || event.data?.type !== "ready") return listener.call(this, event);
      window.__pythonHeld += 1;
      held.push(() => listener.call(this, event));
    }, options);
  };
})();"""


@contextmanager
def python_held(page: Page) -> Iterator[None]:
    """Within the block, the checklist's Python has not answered yet."""
    page.add_init_script(HOLD % {"key": json.dumps(RELEASED)})
    yield
    page.evaluate("window.__releasePython()")
