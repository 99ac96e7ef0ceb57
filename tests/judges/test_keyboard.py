"""Keyboard only: the checklist can be used with Tab, Shift+Tab, Space and the
arrow keys alone, no mouse: in Chinese on a wide screen and in English on a
phone-sized one (the two languages share one template; the widths differ:
on a phone Material's navigation drawer sits in the tab order).

From the top of the page the test tabs to the first question and answers it
with Space and an arrow key, tabs on to a task and ticks it with Space, sees
the verdict change, then reaches the Print button (also backwards with
Shift+Tab) and presses it with Space; window.print is stubbed to count calls.
At every stop the focused element must be rendered, on screen and not hidden
under Material's sticky header (WCAG 2.4.7 and 2.4.11).

Contract with the checklist page: items are elements id=<item-id> holding
input[type=checkbox][name=<item-id>]; questions are radio groups (first one:
registered_as); the print button is button[data-action=print].
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.guide_ids import ROOTS
from tests.judges.harness import (
    PRINT_BUTTON,
    QUESTIONS,
    VERDICT,
    settle,
    wait_for_engine,
)

pytestmark = pytest.mark.browser

PRINT_STUB = "window.__printCalls = 0; window.print = () => { window.__printCalls += 1; };"

# What the test needs to know about the focused element, and whether a sighted
# keyboard user can see it: some point of it, or of its label (Material and
# the checklist draw some controls' focus on the label), is on screen, opaque
# and on top there, not covered by the sticky header or anything else.
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const next = el.nextElementSibling;
  const owners = [el, ...(el.labels || []), next && next.tagName === "LABEL" ? next : null]
    .filter(Boolean);
  const shown = (node) => {  // not invisible, not (nearly) transparent
    let opacity = 1;
    for (let n = node; n instanceof Element; n = n.parentElement) {
      const style = getComputedStyle(n);
      if (n === node && style.visibility !== "visible") return false;
      opacity *= Number(style.opacity);
    }
    return opacity >= 0.5;
  };
  const seen = owners.some((owner) => {
    const r = owner.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || !shown(owner)) return false;
    const xs = [r.left + 2, (r.left + r.right) / 2, r.right - 2];
    const ys = [r.top + 2, (r.top + r.bottom) / 2, r.bottom - 2];
    return xs.some((x) => ys.some((y) => {
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return Boolean(hit) && owners.some((o) => o === hit || o.contains(hit));
    }));
  });
  const item = el.name && el.parentElement &&
    el.parentElement.closest(`[id="${CSS.escape(el.name)}"]`);
  return {
    describe: `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}` +
      `${el.name ? "[name=" + el.name + "]" : ""} ${(el.textContent || "").trim().slice(0, 30)}`,
    type: el.type || "", name: el.name || "", value: el.value || "",
    checked: Boolean(el.checked), action: (el.dataset && el.dataset.action) || "",
    item: item ? item.id : "",  // the element id=<name> this control sits in
    toggle: Boolean(el.dataset && el.dataset.phaseToggle !== undefined),  // a phase's Show/Hide
    visible: seen,
  };
}"""


class Keyboard:
    """Presses keys and keeps every focus stop, to check them all at the end."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.stops: list[dict] = []

    def press(self, key: str) -> dict | None:
        self.page.keyboard.press(key)
        settle(self.page)  # smooth scrolling, the drawer sliding in
        focused = self.page.evaluate(FOCUSED)
        if focused:
            self.stops.append(focused)
        return focused

    def tab_until(self, wanted: Callable[[dict], bool], what: str, key: str = "Tab") -> dict:
        for _ in range(300):
            focused = self.press(key)
            if focused and wanted(focused):
                return focused
        raise AssertionError(f"{key} never reached {what}; last stops: {self.stops[-5:]}")

    def hidden_stops(self) -> list[str]:
        return [stop["describe"] for stop in self.stops if not stop["visible"]]


@pytest.mark.parametrize(
    ("lang", "viewport"),
    [("zh", {"width": 1280, "height": 800}), ("en", {"width": 320, "height": 640})],
    ids=["zh-1280px", "en-320px"],
)
def test_the_checklist_works_with_the_keyboard_alone(
    page: Page, site_url: str, lang: str, viewport: dict
) -> None:
    page.set_viewport_size(viewport)
    page.add_init_script(PRINT_STUB)
    page.goto(site_url + ROOTS[lang] + "checklist/")
    wait_for_engine(page)
    verdict = page.locator(VERDICT).first
    before = verdict.inner_text()
    keys = Keyboard(page)

    # A question: Space picks the focused answer, an arrow key moves to the next.
    question = QUESTIONS[0]
    first = keys.tab_until(
        lambda f: f["type"] == "radio" and f["name"] == question, f"the {question} radios"
    )
    assert keys.press("Space")["checked"], "Space did not pick the answer"
    moved = keys.press("ArrowDown")
    assert moved["name"] == question and moved["value"] != first["value"], moved
    assert moved["checked"], "the arrow key did not move the answer"
    checked = page.locator(f"input[type=radio][name={question}]:checked")
    expect(checked).to_have_attribute("value", moved["value"])

    # A task: open its phase (folded until the questions are answered) with
    # Enter, Tab to its checkbox, tick it with Space.
    keys.tab_until(lambda f: f["toggle"], "a phase's Show button")
    keys.press("Enter")
    task = keys.tab_until(
        lambda f: f["type"] == "checkbox" and f["item"] == f["name"] != "",
        "a task checkbox inside its item",
    )
    assert not task["checked"], task
    assert keys.press("Space")["checked"], "Space did not tick the task"
    expect(page.locator(f'[id="{task["item"]}"] input[name="{task["item"]}"]')).to_be_checked()
    expect(verdict).not_to_have_text(before)  # Python re-evaluated

    # Print: reach it, step back and forth, press it.
    keys.tab_until(lambda f: f["action"] == "print", PRINT_BUTTON)
    assert keys.press("Shift+Tab")["action"] != "print"
    assert keys.press("Tab")["action"] == "print"
    keys.press("Space")
    assert page.evaluate("() => window.__printCalls") == 1, "Space on Print did not print"

    assert keys.hidden_stops() == [], "\n".join(keys.hidden_stops())
