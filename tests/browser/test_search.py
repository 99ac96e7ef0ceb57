"""Material's search finds the right steps, in Chinese (segmented by jieba) and in English."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.search_box import search

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
    results = search(page, query)
    found = set()
    for i in range(results.count()):
        url = urlsplit(results.nth(i).get_attribute("href") or "")
        found.add(f"{url.path}#{url.fragment}")  # without Material's ?h= highlight query
    assert urlsplit(site_url).path + step in found, sorted(found)


@pytest.mark.parametrize(
    ("path", "query"), [("guide/before/", "押金"), ("en/guide/before/", "deposit")]
)
def test_text_that_arrives_without_a_key_press_is_searched(
    page: Page, site_url: str, path: str, query: str
) -> None:
    """A paste from a long-press menu or an input method fires `input` and no key events."""
    page.goto(site_url + path)
    box = page.locator("input.md-search__input")
    box.click()
    page.keyboard.insert_text(query)
    expect(page.locator(".md-search-result__item a").first).to_be_visible()
