"""Printing the checklist: once Python has evaluated, print gives the engine's
summary (and nothing of the site's navigation); before that, or without
JavaScript, it gives the plain checklist. Printed at A4 and read back: page
numbers, the print time, the disclaimer, nothing past the margins, no heading
left at the foot of a page, state apart from priority."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

import checklist
from checklist.locales import t

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


def pdf(page: Page) -> bytes:
    """The page printed at A4 (print media), as the browser's print would."""
    return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)


def pdf_pages(data: bytes) -> list[str]:
    """Each page's text, squeezed (fonts print ligatures: NFKC undoes them)."""
    return [squeeze(pdf_page.extract_text()) for pdf_page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(page: Page) -> str:
    """The page printed to PDF (print media), as plain text without line breaks."""
    return "".join(pdf_pages(pdf(page)))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@dataclass
class Line:
    """One printed line: its words' box in points, and its squeezed text."""

    top: float
    bottom: float
    left: float
    right: float
    text: str


@dataclass
class PdfPage:
    width: float
    height: float
    lines: list[Line]


def pdf_layout(data: bytes, tmp_path: Path) -> list[PdfPage]:
    """Every word's box from `pdftotext -bbox`, grouped into lines, page by page."""
    source = tmp_path / "printed.pdf"
    source.write_bytes(data)
    out = subprocess.run(
        ["pdftotext", "-bbox", str(source), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = []
    for node in ET.fromstring(out).iter("{http://www.w3.org/1999/xhtml}page"):
        lines: list[Line] = []
        for word in node.iter("{http://www.w3.org/1999/xhtml}word"):
            box = {key: float(word.get(key)) for key in ("xMin", "yMin", "xMax", "yMax")}
            middle = (box["yMin"] + box["yMax"]) / 2
            line = next((line for line in lines if line.top <= middle <= line.bottom), None)
            if line is None:
                lines.append(Line(box["yMin"], box["yMax"], box["xMin"], box["xMax"], ""))
                line = lines[-1]
            line.left = min(line.left, box["xMin"])
            line.right = max(line.right, box["xMax"])
            line.text += squeeze(word.text or "")
        lines.sort(key=lambda line: line.top)
        pages.append(PdfPage(float(node.get("width")), float(node.get("height")), lines))
    return pages


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
        assert squeeze(blocker["action"]) in text
        assert f"go/#{blocker['id']}" in text  # its short permanent link
    next_step = summary["next"]
    assert squeeze(next_step.get("action") or next_step["label"]) in text
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
    for url in [*guard.requests, page.url]:
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


# The page's margins (checklist-print.css: @page { margin: 16mm 16mm 18mm }), in points.
MARGIN = 16 / 25.4 * 72
FOOT = 18 / 25.4 * 72
LONG_STATE = {
    **STATE,
    "merchant": {**STATE["merchant"], "name": "Wang" * 40},
    "notes": "https://example.invalid/" + "a-very-long-reference-without-spaces" * 8,
}


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_is_numbered_and_the_first_says_when_and_whose(
    page: Page, ui, lang: str, tmp_path: Path
) -> None:
    ui.open(page, lang)
    # Long notes in both languages: a typical closure fits one page
    # (test_checklist_record_print.py).
    state = {**STATE, "notes": ("工单号 A-778 " * 200)[: checklist.catalogue()["limits"]["notes"]]}
    enter(page, state)
    page.locator("[data-print-both]").check()
    expect(page.locator("[data-summary] .checklist-summary__other").first).to_be_attached()
    expect(page.locator("[data-summary]")).to_contain_text(STATE["notes"])
    data = pdf(page)
    pages = pdf_layout(data, tmp_path)
    assert len(pages) >= 2, "the summary should run over a page"
    for number, printed in enumerate(pages, start=1):
        last = printed.lines[-1]
        assert last.text == f"{number}/{len(pages)}", last
        assert last.top > printed.height - FOOT  # in the bottom margin

    first = pdf_pages(data)[0]
    year, month, day = page.evaluate(
        "() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; }"
    )
    if lang == "zh":
        date = f"{year}年{month}月{day}日"
    else:
        date = f"{day}{datetime(year, month, day):%B}{year}"
    printed_at = squeeze(t(lang, "page.summary_printed", time=""))
    assert re.search(re.escape(printed_at) + re.escape(date) + r"\D*\d{1,2}:\d{2}", first), first
    assert squeeze(t(lang, "page.summary_disclaimer")) in first
    # One address for the whole list (and where it was printed from), not one per step.
    assert "".join(pdf_pages(data)).count(squeeze(ui.site_url)) <= 2


@pytest.mark.parametrize("lang", LANGS)
def test_nothing_printed_runs_past_the_margins(page: Page, ui, lang: str, tmp_path: Path) -> None:
    ui.open(page, lang)
    enter(page, LONG_STATE)
    expect(page.locator("[data-summary] .checklist-summary__notes")).to_have_text(
        LONG_STATE["notes"]
    )
    pages = pdf_layout(pdf(page), tmp_path)
    for number, printed in enumerate(pages, start=1):
        for line in printed.lines:
            where = f"page {number}: {line.text[:40]}"
            assert line.left >= MARGIN - 1, where
            assert line.right <= printed.width - MARGIN + 1, where
            assert line.top >= 0 and line.bottom <= printed.height, where
    # Answers are set in the text font; only the two numbers in a fixed-width one.
    page.emulate_media(media="print")
    fonts = page.locator("[data-summary]").evaluate(
        """summary => ({
             answers: [...summary.querySelectorAll(".checklist-summary__facts dd")]
               .filter(dd => !dd.querySelector(".checklist-summary__number"))
               .map(dd => getComputedStyle(dd).fontFamily),
             numbers: [...summary.querySelectorAll(".checklist-summary__number")]
               .map(node => getComputedStyle(node).fontFamily),
           })"""
    )
    assert len(fonts["answers"]) >= len(STATE["answers"])
    assert not [font for font in fonts["answers"] if "mono" in font.lower()], fonts
    assert len(fonts["numbers"]) == 2
    assert all("mono" in font.lower() for font in fonts["numbers"]), fonts


@pytest.mark.parametrize("lang", LANGS)
def test_a_heading_never_ends_a_page(page: Page, ui, lang: str, tmp_path: Path) -> None:
    ui.open(page, lang)
    enter(page, STATE)
    summary = page.locator("[data-summary]")
    expect(summary).to_contain_text(STATE["notes"])
    headings = {squeeze(text) for text in summary.locator("h1, h2, h3").all_inner_texts()}
    headings.add(squeeze("".join(summary.locator("thead").first.all_inner_texts())))
    assert len(headings) >= 9
    # Push everything down a little at a time, so that every heading comes to
    # the foot of a page at some offset.
    for offset in range(0, 300, 12):
        summary.evaluate("(node, offset) => { node.style.paddingTop = `${offset}px`; }", offset)
        pages = pdf_layout(pdf(page), tmp_path)
        for number, printed in enumerate(pages[:-1], start=1):
            body = [line for line in printed.lines if line.bottom < printed.height - FOOT]
            assert body[-1].text not in headings, f"offset {offset}, page {number}: {body[-1]}"


@pytest.mark.parametrize("lang", LANGS)
def test_done_steps_are_dated_open_steps_keep_their_priority_and_skipped_phases_say_so(
    page: Page, ui, lang: str
) -> None:
    ui.open(page, lang)
    enter(page, STATE)
    expect(page.locator("[data-summary]")).to_contain_text(STATE["notes"])
    summary = checklist.summary(ui.saved(page), lang)
    record = summary["record"]
    # Ticked on the page: dated the day they were ticked.
    assert [step["date"] for step in record["done"]] == [today(page)] * len(STATE["done"])
    rows = page.locator("[data-summary] table.checklist-summary__done-steps tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.textContent))"
    )
    assert rows == [[step["date"], step["label"], "", ""] for step in record["done"]]
    required, following = t(lang, "status.required"), t(lang, "page.record_next")
    blocks = {item["id"]: item["blocks"] for phase in summary["phases"] for item in phase["items"]}
    rows = page.locator("[data-summary] table.checklist-summary__open-steps tbody tr").evaluate_all(
        "rows => rows.map(row => [...row.cells].map(cell => cell.textContent))"
    )
    assert [row[1] for row in rows] == [
        " · ".join(
            word
            for word in (following if step["next"] else "", required if blocks[step["id"]] else "")
            if word
        )
        for step in record["open"]
    ]
    for row, step in zip(rows, record["open"], strict=True):
        assert row[0].startswith(f"{step['action']} go/#{step['id']}"), row
    assert any(step["next"] for step in record["open"]) or summary["next"]["kind"] != "item"

    text = pdf_text(page)
    shown = {phase["id"] for phase in summary["phases"]}
    skipped = [phase for phase in checklist.catalogue()["phases"] if phase["id"] not in shown]
    assert skipped, "the state should leave a phase that does not apply"
    for phase in checklist.catalogue()["phases"]:
        title = page.locator(f'[data-phase="{phase["id"]}"] .checklist-phase__title')
        assert squeeze(title.inner_text()) in text  # numbered as on screen and in the guide
    not_applying = page.locator("[data-summary] .checklist-summary__skipped")
    expect(not_applying).to_have_count(len(skipped))
    for words in ("page.status_na", "page.phase_not_applicable"):
        expect(not_applying.first).to_contain_text(t(lang, words))
        assert squeeze(t(lang, words)) in text
    # No follow-up date given: each says to ask customer service.
    assert text.count(squeeze(t(lang, "record.ask"))) == len(record["follow_up"])


def today(page: Page) -> str:
    return page.evaluate(
        "() => { const d = new Date(); const p = n => String(n).padStart(2, '0');"
        " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; }"
    )


@pytest.mark.parametrize("lang", LANGS)
def test_an_unusual_number_is_a_warning_on_the_printout(page: Page, ui, lang: str) -> None:
    state = {**STATE, "merchant": {**STATE["merchant"], "merchant_id": "12345"}}
    ui.open(page, lang)
    enter(page, state)
    (warning,) = [
        problem
        for problem in checklist.summary(state, lang)["problems"]
        if problem["code"] == "merchant_id_format"
    ]
    assert warning["level"] == "warning"
    expect(page.locator("[data-summary] .checklist-summary__problems")).to_contain_text(
        warning["message"]
    )
    assert squeeze(warning["message"]) in pdf_text(page)
