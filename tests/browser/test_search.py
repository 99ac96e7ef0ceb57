"""Material's search finds the right steps, in Chinese (segmented by jieba) and in English."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

CASES = [
    # (page, query, a step the results must link to)
    ("guide/before/", "押金", "guide/settle/#deposit-refunded"),
    ("guide/before/", "对账", "guide/settle/#accounts-reconciled"),
    ("guide/before/", "商户号", "guide/before/#documents-ready"),
    ("en/guide/before/", "deposit", "en/guide/settle/#deposit-refunded"),
    ("en/guide/before/", "reconcile", "en/guide/settle/#accounts-reconciled"),
]


@pytest.mark.parametrize(("path", "query", "step"), CASES)
def test_search_finds_the_step(page: Page, site_url: str, path: str, query: str, step: str) -> None:
    page.goto(site_url + path)
    page.locator("label.md-search__icon, label[for=__search]").first.click()
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # fill() alone does not fire Material's search
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    assert any(href.endswith(step) for href in hrefs), hrefs
