"""The support page reads a merchant's progress code (real Chromium, real Pyodide)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from checklist import encode_progress, evaluate
from checklist.data import ITEMS, QUESTIONS
from checklist.locales import t
from tests.guide_ids import ROOTS

pytestmark = pytest.mark.browser

ENGINE_WAIT_MS = 90_000
PREFIX = ROOTS


def read_code(page: Page, site_url: str, lang: str, code: str) -> None:
    page.goto(f"{site_url}{PREFIX[lang]}support/")
    box = page.locator('input[name="progress_code"]')
    box.focus()  # starts the engine
    box.fill(code)
    box.press("Enter")


def test_a_code_made_from_the_checklist_page_is_read_in_both_languages(page: Page, ui) -> None:
    ui.open(page)
    root = page.locator("[data-checklist]")
    root.locator('input[name="registered_as"][value="person"]').check()
    root.locator('input[name="close_bank_account"][value="yes"]').check()
    for item in ("terminal-stopped", "balance-settled", "bank-account-closed"):
        root.locator(f'input[type=checkbox][name="{item}"]').check()
    saved = ui.saved(page)
    assert saved and saved["done"].get("bank-account-closed") is True
    # The code as the checklist shows it in its verdict panel, and as it prints.
    shown = root.locator("[data-progress-code]")
    expect(shown).to_have_text(encode_progress(saved), timeout=ENGINE_WAIT_MS)
    code = shown.inner_text()
    expect(root.locator("[data-summary]")).to_contain_text(code)
    expected = evaluate(saved)
    for lang, words in (("zh", "适用的步骤"), ("en", "Steps that apply")):
        # As a merchant reads it out: lower case, spaces instead of dashes.
        read_code(page, ui.site_url, lang, code.lower().replace("-", " "))
        result = page.locator("#progress-code-result")
        expect(result.locator("[data-verdict]")).to_have_attribute(
            "data-verdict", expected["verdict"], timeout=ENGINE_WAIT_MS
        )
        expect(result).to_contain_text(words)
        steps = result.locator(".progress-code__steps [data-step]")
        expect(steps).to_have_count(len(expected["applicable"]))
        for item in expected["applicable"]:
            done = "true" if item in expected["state"]["done"] else "false"
            entry = result.locator(f'.progress-code__steps [data-step="{item}"]')
            expect(entry).to_have_attribute("data-done", done)
            expect(entry.locator("a")).to_have_attribute("href", f"{ui.site_url}go/#{item}")
            label = ITEMS[item]["label"][lang]
            expect(entry).to_contain_text(label)
        blockers = result.locator(".progress-code__blockers [data-step]")
        expect(blockers).to_have_count(len(expected["blockers"]))
        expect(page.locator("[data-code-error]")).to_have_count(0)


@pytest.mark.parametrize(("lang", "words"), [("zh", "核对"), ("en", "Check the code")])
def test_a_mistyped_code_is_refused_and_the_earlier_result_goes(
    page: Page, ui, lang: str, words: str
) -> None:
    code = encode_progress({"answers": {"registered_as": "business"}, "done": {"tax-paid": True}})
    read_code(page, ui.site_url, lang, code)
    result = page.locator("#progress-code-result")
    expect(result.locator("[data-verdict]")).to_be_visible(timeout=ENGINE_WAIT_MS)
    # One character swapped with its neighbour, as happens when reading aloud.
    plain = code.replace("-", "")
    at = next(i for i in range(1, len(plain) - 1) if plain[i] != plain[i + 1])
    swapped = plain[:at] + plain[at + 1] + plain[at] + plain[at + 2 :]
    box = page.locator('input[name="progress_code"]')
    box.fill(swapped)
    page.get_by_role("button", name="查看进度" if lang == "zh" else "Show progress").click()
    error = page.locator("[data-code-error]")
    expect(error).to_be_visible(timeout=ENGINE_WAIT_MS)
    expect(error).to_have_attribute("data-code-error", "code_check")
    expect(error).to_contain_text(words)
    expect(result).to_be_hidden()
    expect(page.locator("[data-verdict], [data-step][data-done]")).to_have_count(0)


def test_the_engine_is_not_loaded_until_the_box_is_focused(browser: Browser, site_url: str) -> None:
    context = browser.new_context()
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{site_url}support/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "/pyodide/" in url]
    page.locator('input[name="progress_code"]').focus()
    page.wait_for_event("request", lambda request: "/pyodide/" in request.url, timeout=30_000)
    context.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_decoded_code_names_every_question_and_tags_every_status(
    page: Page, ui, lang: str
) -> None:
    """Each answer sits under its question's own words, and each step's status
    is a tag of its own beside its title (never "undefined", never run in)."""
    state = {
        "answers": {"registered_as": "person", "close_bank_account": "yes"},
        "done": {"terminal-stopped": True},
    }
    expected = evaluate(state)
    read_code(page, ui.site_url, lang, encode_progress(state))
    result = page.locator("#progress-code-result")
    expect(result.locator("[data-verdict]")).to_be_visible(timeout=ENGINE_WAIT_MS)
    assert "undefined" not in result.inner_text()

    questions = result.locator(".progress-code__answers dt")
    assert (
        questions.evaluate_all("terms => terms.map(term => term.dataset.answer)")
        == expected["asked"]
    )
    for key in expected["asked"]:
        term = result.locator(f'dt[data-answer="{key}"]')
        expect(term).to_have_text(QUESTIONS[key]["label"][lang])
        expect(term.locator("+ dd")).not_to_be_empty()

    result.locator(".progress-code__all > summary").click()
    statuses = {True: t(lang, "links.code_done"), False: t(lang, "links.code_todo")}
    for item in expected["applicable"]:
        entry = result.locator(f'.progress-code__steps [data-step="{item}"]')
        tag = entry.locator(".progress-code__tag")
        title = entry.locator(".progress-code__label")
        expect(tag).to_have_text(statuses[item in expected["state"]["done"]])
        expect(title).to_have_text(ITEMS[item]["label"][lang])
        # A person reads the tag and the title apart: separate boxes, a space between.
        tag_box, title_box = tag.bounding_box(), title.bounding_box()
        assert tag_box and title_box
        assert tag_box["x"] + tag_box["width"] <= title_box["x"] or (
            tag_box["y"] + tag_box["height"] <= title_box["y"]
        )
        assert re.match(rf"{re.escape(tag.inner_text())}\s", entry.inner_text())
