"""The gate the tests use to act before Python answers (python_gate.py): it holds
Python's first answer, and the fold that comes with it, until released."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import ENGINE_WAIT_MS, FOLDED
from tests.browser.python_gate import python_held

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]


def test_python_answers_only_once_released(page: Page, ui) -> None:
    root = page.locator("[data-checklist]")
    with python_held(page):
        ui.open(page, "zh", wait=None)
        # Python has started in its worker and said so; the page has not heard it.
        page.wait_for_function("() => window.__pythonHeld === 1", timeout=ENGINE_WAIT_MS)
        expect(root).to_have_attribute("data-engine", "loading")
        expect(page.locator("[data-verdict]")).to_have_count(0)
        expect(page.locator(FOLDED)).to_have_count(0)
    ui.wait_engine(page)
    expect(page.locator("[data-verdict]")).to_have_count(1)
    # Nothing saved, no tick: the first answer folds the phases as it does for a merchant.
    expect(page.locator(FOLDED).first).to_be_visible()
    # Released once, the tab's next page is not held.
    ui.open(page, "zh")
    assert page.evaluate("window.__pythonHeld") == 0
