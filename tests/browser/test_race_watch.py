"""The race watch (tests/race_watch.py) reports a test that acts in the checklist
before Python's first answer without holding it, and only such a test."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import BrowserContext, Page, Route

from tests.browser.python_gate import python_held
from tests.race_watch import REPORTS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]


def reports_after_python_answers(page: Page, ui) -> list[str]:
    """What the watch reported once Python has answered and the page is idle."""
    ui.wait_engine(page)
    page.evaluate("() => new Promise(requestAnimationFrame)")  # a binding call in flight lands
    deadline = time.monotonic() + 5
    while not REPORTS and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    found = list(REPORTS)
    REPORTS.clear()  # this test planted them; the fixture checks what comes after
    return found


def start_with_the_runtime_held(page: Page, ui) -> list[Route]:
    """Open the checklist while Python's runtime waits for the test to let it through."""
    waiting: list[Route] = []
    page.route("**/pyodide.asm.wasm", lambda route: waiting.append(route))
    ui.open(page, "zh", wait=None)
    return waiting


def let_through(page: Page, waiting: list[Route]) -> None:
    deadline = time.monotonic() + 60
    while not waiting and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    assert waiting, "the runtime was never asked for"
    page.unroute("**/pyodide.asm.wasm")
    waiting[0].fallback()


def test_typing_before_an_unheld_first_answer_is_reported(page: Page, ui) -> None:
    waiting = start_with_the_runtime_held(page, ui)
    page.locator('input[name="merchant_name"]').fill("张三小店")
    let_through(page, waiting)
    found = reports_after_python_answers(page, ui)
    assert len(found) == 1, found
    assert "input on input[merchant_name] before Python's first answer" in found[0]


def test_ticking_while_the_answer_is_held_is_not_reported(page: Page, ui) -> None:
    with python_held(page):
        ui.open(page, "zh", wait=None)
        page.locator('input[name="merchant_name"]').fill("张三小店")
        page.locator("[data-checklist] input[type=checkbox]").first.check()
    assert reports_after_python_answers(page, ui) == []


def test_acting_after_the_first_answer_is_not_reported(page: Page, ui) -> None:
    ui.open(page, "zh")
    page.locator('input[name="merchant_name"]').fill("张三小店")
    page.locator("[data-checklist] input[type=checkbox]").first.check()
    assert reports_after_python_answers(page, ui) == []


def test_typing_after_a_held_tick_and_its_release_is_not_reported(page: Page, ui) -> None:
    # The tick under the hold has already kept the phases open for good.
    with python_held(page):
        ui.open(page, "zh", wait=None)
        page.locator("[data-checklist] input[type=checkbox]").first.check()
    page.locator('input[name="merchant_name"]').fill("张三小店")
    assert reports_after_python_answers(page, ui) == []


def test_a_race_the_test_ends_too_soon_to_see_is_reported_as_it_closes(
    context: BrowserContext, ui
) -> None:
    page = context.new_page()
    waiting = start_with_the_runtime_held(page, ui)
    page.locator('input[name="merchant_name"]').fill("张三小店")
    let_through(page, waiting)
    assert page.locator("[data-checklist]").get_attribute("data-engine") == "loading"
    context.close()  # as the fixture does when a test ends, Python still starting
    assert len(REPORTS) == 1 and "input on input[merchant_name]" in REPORTS[0], REPORTS
    REPORTS.clear()
