"""Printing the checklist: once Python has evaluated, print gives the engine's
summary (and nothing of the site's navigation); before that, or without
JavaScript, it gives the plain checklist."""

from __future__ import annotations

import io
import re
import shutil
import subprocess

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

import checklist

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]

LANGS = ("zh", "en")

MERCHANT_ID = "822290059430BCY"
TERMINAL_ID = "A9254710"
STATE = {
    "schema": checklist.SCHEMA,
    "answers": {
        "registered_as": "person",
        "device_must_return": "yes",
        "paid_deposit": "no",
        "closing_business": "no",
        "close_bank_account": "no",
    },
    "done": {"terminal-stopped": True, "balance-settled": True},
    "merchant": {"merchant_id": MERCHANT_ID, "terminal_id": TERMINAL_ID, "name": "小王便利店"},
    "notes": "工单号 A-778",
    "updated": None,
}


@pytest.fixture(scope="module", autouse=True)
def chinese_font() -> None:
    """Chinese text prints (and reads back from the PDF) only with a CJK font."""
    found = (
        shutil.which("fc-list")
        and subprocess.run(
            ["fc-list", ":lang=zh", "family"], capture_output=True, text=True, check=False
        ).stdout.strip()
    )
    if not found:
        pytest.fail("No Chinese font: install one, e.g. `apt-get install fonts-wqy-microhei`.")


def pdf_text(page: Page) -> str:
    """The page printed to PDF (print media), as plain text without line breaks."""
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    text = "".join(pdf_page.extract_text() for pdf_page in reader.pages)
    return re.sub(r"\s+", "", text)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def site_chrome(page: Page) -> list[str]:
    """Texts only the site's header, navigation and footer show (not the page's content)."""
    texts = page.locator(
        ".md-header__topic:first-child .md-ellipsis, .md-copyright"
    ).all_inner_texts()
    texts += page.locator(".md-nav--primary .md-nav__link").all_inner_texts()
    content = squeeze(page.locator(".md-content").text_content() or "")
    chrome = {squeeze(text) for text in texts}
    return sorted(text for text in chrome if len(text) > 1 and text not in content)


def enter(page: Page, state: dict) -> None:
    root = page.locator("[data-checklist]")
    for key, value in state["answers"].items():
        root.locator(f'input[type=radio][name="{key}"][value="{value}"]').check()
    for item in state["done"]:
        root.locator(f'input[type=checkbox][name="{item}"]').check()
    root.locator('input[name="merchant_name"]').fill(state["merchant"]["name"])
    root.locator('input[name="merchant_id"]').fill(state["merchant"]["merchant_id"])
    root.locator('input[name="terminal_id"]').fill(state["merchant"]["terminal_id"])
    root.locator('textarea[name="notes"]').fill(state["notes"])


@pytest.mark.parametrize("lang", LANGS)
def test_print_gives_the_engines_summary_without_the_site_chrome(page: Page, ui, lang: str) -> None:
    ui.open(page, lang)
    enter(page, STATE)
    summary = checklist.summary(STATE, lang)
    expect(page.locator("[data-summary]")).to_contain_text(summary["verdict_text"])
    expect(page.locator("[data-summary]")).to_contain_text(STATE["notes"])
    text = pdf_text(page)

    assert squeeze(summary["title"]) in text
    assert squeeze(summary["verdict_text"]) in text
    assert MERCHANT_ID in text and TERMINAL_ID in text
    assert squeeze(STATE["merchant"]["name"]) in text
    assert summary["blockers"], "the state should leave blockers open"
    for blocker in summary["blockers"]:
        assert squeeze(blocker["label"]) in text
        assert squeeze(ui.site_url + blocker["href"]) in text  # written out in full
    assert squeeze(summary["next"]["label"]) in text
    assert squeeze(STATE["notes"]) in text
    assert squeeze(ui.url(lang)) in text  # the site's address
    for phase in summary["phases"]:
        assert squeeze(phase["title"]) in text
    chrome = site_chrome(page)
    assert chrome, "expected navigation texts to compare with"
    for words in chrome:
        assert words not in text, f"site chrome printed: {words}"
    for button in ("[data-action=print]", "[data-action=export]", "[data-action=reset]"):
        assert squeeze(page.locator(button).inner_text()) not in text


def test_identifiers_never_go_into_a_url(page: Page, ui, guard) -> None:
    ui.open(page, "zh")
    enter(page, STATE)
    page.locator("[data-action=export]").click()
    expect(page.locator("[data-summary]")).to_contain_text(MERCHANT_ID)
    for url in [*guard.urls, page.url]:
        assert MERCHANT_ID not in url and TERMINAL_ID not in url, url


def test_masking_hides_the_middle_of_the_numbers(page: Page, ui) -> None:
    ui.open(page, "zh")
    enter(page, STATE)
    page.locator("[data-mask]").check()
    masked = checklist.summary(STATE, "zh", mask=True)["merchant"]
    expect(page.locator("[data-summary]")).to_contain_text(masked["merchant_id"])
    text = pdf_text(page)
    assert masked["merchant_id"] in text and masked["terminal_id"] in text
    assert MERCHANT_ID not in text and TERMINAL_ID not in text
    # On screen the numbers stay as typed.
    expect(page.locator('input[name="merchant_id"]')).to_have_value(MERCHANT_ID)


def test_the_print_button_calls_window_print(page: Page, ui) -> None:
    page.add_init_script(
        "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"
    )
    ui.open(page, "en")
    page.locator("[data-action=print]").click()
    assert page.evaluate("window.__printed") == 1


def test_notes_are_printed_as_text_and_never_run(page: Page, ui) -> None:
    notes = (
        '<script>window.__pwned = 1</script><img src="x" onerror="window.__pwned = 2"><b>bold</b>'
    )
    ui.open(page, "en")
    page.locator('textarea[name="notes"]').fill(notes)
    summary = page.locator("[data-summary]")
    expect(summary.locator(".checklist-summary__notes")).to_have_text(notes)
    assert summary.locator("script, img, b").count() == 0
    assert page.evaluate("window.__pwned") is None
    text = pdf_text(page)
    assert squeeze(notes) in text
    assert page.evaluate("window.__pwned") is None


@pytest.mark.parametrize("lang", LANGS)
def test_before_python_print_shows_the_plain_checklist(page: Page, ui, lang: str) -> None:
    page.route("**/*.wasm", lambda route: route.abort())  # Python never arrives
    ui.open(page, lang, wait="failed", query="engine_timeout=3000")
    text = pdf_text(page)
    for item in checklist.catalogue()["items"][:5]:
        assert squeeze(item["label"][lang]) in text
    assert squeeze(checklist.catalogue()["questions"][0]["label"][lang]) in text
    for words in site_chrome(page):
        assert words not in text, f"site chrome printed: {words}"


def test_without_javascript_the_checklist_prints(another_context, ui) -> None:
    page = another_context(java_script_enabled=False).new_page()
    page.goto(ui.url("zh"))
    text = pdf_text(page)
    for item in checklist.catalogue()["items"]:
        assert squeeze(item["label"]["zh"]) in text
    for words in site_chrome(page):
        assert words not in text, f"site chrome printed: {words}"
