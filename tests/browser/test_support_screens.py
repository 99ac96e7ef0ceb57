"""The support page on a phone (390 × 844), read from the layout: its two jobs
(read a merchant's code; find a step and send its link) are two tabs, each
starting in the first screen; a decoded code fits in three screens; words
typed in the finder show their rows without scrolling past a decoded result;
each step has one copy button, the other links behind a small menu."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser, Page, expect

from checklist import encode_progress
from checklist.locales import t
from tests.guide_ids import ROOTS

pytestmark = pytest.mark.browser

ENGINE_WAIT_MS = 90_000
PHONE = {"width": 390, "height": 844}
LANGS = ("zh", "en")
# A typical code: a person's terminal, every question answered, a few ticks.
TYPICAL = {
    "answers": {
        "registered_as": "person",
        "device_must_return": "yes",
        "paid_deposit": "yes",
        "closing_business": "no",
        "close_bank_account": "unsure",
    },
    "done": {"terminal-stopped": True, "balance-settled": True, "records-exported": True},
}


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": PHONE, "is_mobile": True, "has_touch": True}


def bottom(page: Page, selector: str) -> float:
    box = page.locator(selector).bounding_box()
    assert box, selector
    return box["y"] + box["height"]


@pytest.mark.parametrize("lang", LANGS)
def test_both_jobs_start_in_the_first_screen(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{ROOTS[lang]}support/")
    code_tab = page.get_by_role("tab", name=t(lang, "links.support_tab_code"))
    find_tab = page.get_by_role("tab", name=t(lang, "links.support_tab_find"))
    expect(code_tab).to_have_attribute("aria-selected", "true")
    for selector in ("#support-tab-code", "#support-tab-find", "#progress-code-input"):
        assert bottom(page, selector) <= PHONE["height"], selector
    expect(page.locator("#support-filter")).to_be_hidden()

    find_tab.click()
    expect(find_tab).to_have_attribute("aria-selected", "true")
    expect(page.locator("#progress-code-input")).to_be_hidden()
    assert bottom(page, "#support-filter") <= PHONE["height"]
    # The first row starts in the first screen too; the caption uses the full width.
    row = page.locator("#support-table tbody tr").first.bounding_box()
    assert row and row["y"] < PHONE["height"]
    caption = page.locator("#support-table caption").bounding_box()
    table = page.locator("#support-table").bounding_box()
    assert caption and table and caption["width"] >= 0.9 * table["width"]
    # The keyboard moves between the tabs too.
    find_tab.press("ArrowLeft")
    expect(code_tab).to_be_focused()
    expect(code_tab).to_have_attribute("aria-selected", "true")


@pytest.mark.parametrize("lang", LANGS)
def test_a_link_to_a_row_opens_the_finder(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{ROOTS[lang]}support/#support-tax-paid")
    expect(page.locator("#support-tab-find")).to_have_attribute("aria-selected", "true")
    expect(page.locator("#support-tax-paid")).to_be_in_viewport()


@pytest.mark.parametrize("lang", LANGS)
def test_a_decoded_code_fits_three_screens_and_the_finder_is_a_tab_away(
    page: Page, site_url: str, lang: str
) -> None:
    page.goto(f"{site_url}{ROOTS[lang]}support/")
    box = page.locator("#progress-code-input")
    box.focus()
    box.fill(encode_progress(TYPICAL))
    box.press("Enter")
    result = page.locator("#progress-code-result")
    expect(result.locator("[data-verdict]")).to_be_visible(timeout=ENGINE_WAIT_MS)
    height = result.bounding_box()
    assert height and height["height"] <= 3 * PHONE["height"], height
    # The steps that apply are one line that opens.
    expect(result.locator(".progress-code__steps").first).to_be_hidden()

    page.evaluate("window.scrollTo(0, 0)")
    page.locator("#support-tab-find").click()
    page.locator("#support-filter").fill("tax")
    first = page.locator("#support-table tbody tr:visible").first
    expect(first).to_be_visible()
    row = first.bounding_box()
    assert row and row["y"] < PHONE["height"], row


@pytest.mark.parametrize("lang", LANGS)
def test_each_step_has_one_copy_button_and_a_menu_of_the_others(
    browser: Browser, site_url: str, lang: str
) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}{ROOTS[lang]}support/#support-tax-paid")
    row = page.locator("#support-tax-paid")
    group = row.locator(".support-copy")
    buttons = group.get_by_role("button")
    expect(buttons).to_have_count(1)
    expect(buttons).to_have_text(t(lang, "links.copy_link"))
    buttons.click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}go/#tax-paid"

    group.locator("summary").click()
    expect(buttons).to_have_count(5)
    links = {
        t(lang, "links.copy_go_zh"): f"{site_url}go/?lang=zh#tax-paid",
        t(lang, "links.copy_go_en"): f"{site_url}en/go/#tax-paid",
    }
    for kind, words in (("page", "links.copy_page"), ("checklist", "links.copy_checklist")):
        href = row.locator(f'a[data-kind="{kind}"]').get_attribute("href") or ""
        links[t(lang, words)] = urljoin(page.url, href)
    for text, link in links.items():
        group.get_by_role("button", name=text).click()
        assert page.evaluate("navigator.clipboard.readText()") == link, text
    context.close()
