"""The printout as the closure record, printed at A4 by Chromium and read back:
a typical closure (the scenario `closure-record-typical`: 26 steps, five
references, two follow-up dates) on one page in both page languages; the
longest allowed fields paginating cleanly; "both languages"; reference numbers
masked on request. The filled example under tests/fixtures/ is that scenario
printed (set UPDATE_FIXTURES=1 to write it again)."""

from __future__ import annotations

import copy
import json
import os
import re
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

import checklist
from checklist.data import ITEMS, LIMITS
from checklist.locales import t
from tests.browser.test_checklist_print import (
    FOOT,
    MARGIN,
    chinese_font,  # noqa: F401  (the fixture: Chinese prints only with a CJK font)
    pdf,
    pdf_layout,
    pdf_pages,
    squeeze,
)

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard", "chinese_font")]

LANGS = ("zh", "en")
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SCENARIO = "closure-record-typical"
# The example is printed as if at this moment, so that it reads the same each time.
PRINTED_AT = datetime(2026, 12, 4, 10, 30)


def scenario(scenarios: list[dict]) -> dict:
    (found,) = [each["state"] for each in scenarios if each["name"] == SCENARIO]
    return copy.deepcopy(found)


def open_with(page: Page, ui, state: dict, lang: str, *, both: bool = False) -> None:
    ui.seed(page, {ui.storage_key: json.dumps(state)})
    ui.open(page, lang)
    if both:
        page.locator("[data-print-both]").check()
        expect(page.locator("[data-summary] .checklist-summary__other").first).to_be_attached()
    expect(page.locator("[data-summary] .checklist-summary__done-steps")).to_be_attached()


@pytest.mark.parametrize("lang", LANGS)
def test_a_typical_closure_is_one_a4_page_with_dates_references_and_what_is_open(
    page: Page, ui, scenarios, lang: str
) -> None:
    state = scenario(scenarios)
    assert len(checklist.evaluate(state)["applicable"]) == 26
    open_with(page, ui, state, lang)
    pages = pdf_pages(pdf(page))
    assert len(pages) == 1, f"{len(pages)} pages"
    text = pages[0]
    record = checklist.summary(state, lang)["record"]
    for step in record["done"]:
        assert squeeze(step["label"]) in text
        if step["reference"]:
            assert squeeze(f"{step['reference']}") in text
    dates = [step["date"] for step in record["done"]]
    assert dates == sorted(dates)  # a timeline
    assert text.index(dates[0]) < text.index(dates[-1])
    for step in record["open"]:
        assert squeeze(step["action"]) in text
    assert "2026-12-20" in text and "2027-01-05" in text  # the dates given
    assert text.count(squeeze(t(lang, "record.ask"))) == 2  # the two not given
    # The record comes first, the merchant's details after it.
    done_at = text.index(squeeze(t(lang, "record.done_heading")))
    open_at = text.index(squeeze(t(lang, "record.open_heading")))
    details_at = text.index(squeeze(t(lang, "page.merchant_heading")))
    assert done_at < open_at < details_at
    assert "822290059430BCY" in text


LONGEST_REFERENCE = "R" * (LIMITS["record.reference"] - 6) + "-0042X"


def longest(state: dict) -> dict:
    """Every step done, every field at its longest, long notes."""
    state = copy.deepcopy(state)
    state["done"] = {item: True for item in checklist.evaluate(state)["applicable"]}
    state["record"] = {
        item: {
            "date": f"2026-11-{day:02d}",
            "reference": LONGEST_REFERENCE,
            "how": "counter",
            "by": "客服" * (LIMITS["record.by"] // 2),
        }
        for day, item in enumerate(state["done"], start=1)
    }
    notes = "押金收据原件在抽屉里。Deposit receipt in the drawer. " * 60
    state["notes"] = notes[: LIMITS["notes"]]
    return state


@pytest.mark.parametrize("lang", LANGS)
def test_the_longest_fields_paginate_cleanly(
    page: Page, ui, scenarios, lang: str, tmp_path: Path
) -> None:
    state = longest(scenario(scenarios))
    assert checklist.evaluate(state)["problems"] == []
    open_with(page, ui, state, lang, both=True)
    data = pdf(page)
    pages = pdf_layout(data, tmp_path)
    assert len(pages) >= 2
    for number, printed in enumerate(pages, start=1):
        assert printed.lines[-1].text == f"{number}/{len(pages)}"
        for line in printed.lines:
            where = f"page {number}: {line.text[:40]}"
            assert line.left >= MARGIN - 1, where
            assert line.right <= printed.width - MARGIN + 1, where
        body = [line for line in printed.lines if line.bottom < printed.height - FOOT]
        headings = {squeeze(t(lang, f"record.{key}")) for key in ("done_heading", "open_heading")}
        assert not any(body[-1].text.startswith(heading) for heading in headings), where
    text = "".join(pdf_pages(data))
    assert text.count(LONGEST_REFERENCE) == len(state["done"])


@pytest.mark.parametrize("lang", LANGS)
def test_both_languages_print_each_line_in_chinese_and_english(
    page: Page, ui, scenarios, lang: str
) -> None:
    state = scenario(scenarios)
    open_with(page, ui, state, lang, both=True)
    other = "en" if lang == "zh" else "zh"
    marked = page.locator("[data-summary] .checklist-summary__other").evaluate_all(
        "nodes => [...new Set(nodes.map(node => node.lang))]"
    )
    assert marked == ["zh-CN" if other == "zh" else "en"]
    text = "".join(pdf_pages(pdf(page)))
    for item in state["done"]:
        assert squeeze(ITEMS[item]["label"]["zh"]) in text
        assert squeeze(ITEMS[item]["label"]["en"]) in text
    for key in ("done_heading", "open_heading", "follow_up_heading"):
        assert squeeze(t("zh", f"record.{key}")) in text
        assert squeeze(t("en", f"record.{key}")) in text
    # Unticked again, one language only.
    page.locator("[data-print-both]").uncheck()
    expect(page.locator("[data-summary] .checklist-summary__other")).to_have_count(0)


def test_reference_numbers_are_masked_on_request(page: Page, ui, scenarios) -> None:
    state = scenario(scenarios)
    references = [each["reference"] for each in state["record"].values() if "reference" in each]
    open_with(page, ui, state, "zh")
    page.locator("[data-mask-references]").check()
    masked = checklist.summary(state, "zh", mask_references=True)["record"]["done"]
    shown = [step["reference"] for step in masked if step["reference"]]
    assert shown and all("•" in reference for reference in shown)
    expect(page.locator("[data-summary]")).to_contain_text(shown[0])
    text = "".join(pdf_pages(pdf(page)))
    assert not [reference for reference in references if reference in text]
    assert all(reference in text for reference in shown)
    # The numbers are masked separately: still shown in full.
    assert "822290059430BCY" in text


EXAMPLES = {"closure-record-zh.pdf": ("zh", False), "closure-record-en-both.pdf": ("en", True)}


def comparable(text: str) -> str:
    """A printout's text without the test server's address (its port changes)."""
    return re.sub(r"http://127\.0\.0\.1:\d+", "", text)


@pytest.mark.parametrize("name", EXAMPLES)
def test_the_filled_example_in_fixtures_is_the_scenario_printed_today(
    page: Page, ui, scenarios, name: str
) -> None:
    lang, both = EXAMPLES[name]
    page.clock.set_fixed_time(PRINTED_AT)
    open_with(page, ui, scenario(scenarios), lang, both=both)
    data = pdf(page)
    path = FIXTURES / name
    if os.environ.get("UPDATE_FIXTURES") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
    kept = [squeeze(each.extract_text()) for each in PdfReader(path).pages]
    assert [comparable(text) for text in kept] == [comparable(text) for text in pdf_pages(data)]
    assert len(kept) == (1 if not both else len(kept))
