"""Material's search box, driven as a reader uses it (for browser tests)."""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect


def search(page: Page, query: str) -> Locator:
    """Type `query` into the page's search box; return the result links once shown."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query)
    box.press("End")  # fill() alone does not fire Material's search
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    return results
