"""The closure record on the checklist page: each task's details (date, reference
number, how and by whom it was confirmed), the follow-up dates and "Add to
calendar", saved at once like the rest, across reload and two tabs; keyboard
and 44 px targets; no axe violations; an older save migrated with nothing lost."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import icalendar
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

import checklist
from checklist.locales import t
from tests.browser.python_gate import python_held

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]

A = "application-submitted"
TARGET = 44


def open_follow_up(page: Page) -> None:
    """Open the follow-up dates, folded to their heading until a date is saved."""
    section = page.locator("[data-follow-up-section]")
    if not section.evaluate("details => details.open"):
        section.locator("summary").click()


def today(page: Page) -> str:
    return page.evaluate(
        "() => { const d = new Date(); const p = n => String(n).padStart(2, '0');"
        " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`; }"
    )


def tab_to(page: Page, target, most: int = 6) -> None:
    """Press Tab until ``target`` has the focus (a date field's parts are stops of their own)."""
    for _ in range(most):
        page.keyboard.press("Tab")
        if target.evaluate("node => node === document.activeElement"):
            return
    expect(target).to_be_focused()


def details(page: Page, item: str):
    return page.locator(f'[data-record="{item}"]')


def test_ticking_dates_the_step_and_details_are_saved_at_once_and_after_reload(
    page: Page, ui
) -> None:
    with python_held(page):
        ui.open(page, "zh", wait=None)
        page.locator(f'input[name="{A}"]').check()
    box = details(page, A)
    box.locator("summary").click()
    expect(page.locator(f'input[name="record.{A}.date"]')).to_have_value(today(page))
    page.locator(f'input[name="record.{A}.reference"]').fill("SQ20261028-0042")
    page.locator(f'select[name="record.{A}.how"]').select_option("app")
    page.locator(f'input[name="record.{A}.by"]').fill("客服 王女士")
    open_follow_up(page)
    page.locator('input[name="follow_up.refund_by"]').fill("2026-12-20")
    saved = ui.saved(page)
    assert saved["schema"] == checklist.SCHEMA
    assert saved["record"] == {
        A: {"date": today(page), "reference": "SQ20261028-0042", "how": "app", "by": "客服 王女士"}
    }
    assert saved["follow_up"] == {"refund_by": "2026-12-20"}
    assert checklist.evaluate(saved)["problems"] == [
        p for p in checklist.evaluate(saved)["problems"] if p["code"] == "out_of_order"
    ]
    page.reload()
    expect(page.locator(f'input[name="record.{A}.reference"]')).to_have_value("SQ20261028-0042")
    expect(box).to_have_attribute("open", "")
    expect(page.locator(f'select[name="record.{A}.how"]')).to_have_value("app")
    expect(page.locator('input[name="follow_up.refund_by"]')).to_have_value("2026-12-20")
    # Python's first answer after the reload folds the phases: wait for it and
    # open them, as a merchant would, so the date is not folded under the fill.
    ui.wait_engine(page)
    ui.unfold(page)
    # A date already given is kept when the task is ticked again.
    page.locator(f'input[name="record.{A}.date"]').fill("2026-10-28")
    page.locator(f'input[name="{A}"]').uncheck()
    page.locator(f'input[name="{A}"]').check()
    expect(page.locator(f'input[name="record.{A}.date"]')).to_have_value("2026-10-28")


def test_two_tabs_share_the_record(page: Page, ui) -> None:
    other = page.context.new_page()
    ui.open(page, "zh")  # the first verdict folds phases: open them before clicking
    ui.open(other, "en")
    page.bring_to_front()  # back to the first tab: the other follows from behind
    details(page, A).locator("summary").click()
    page.locator(f'input[name="record.{A}.reference"]').fill("SQ-7")
    expect(other.locator(f'input[name="record.{A}.reference"]')).to_have_value("SQ-7")
    other.bring_to_front()
    open_follow_up(other)
    other.locator('input[name="follow_up.deposit_by"]').fill("2027-01-15")
    expect(page.locator('input[name="follow_up.deposit_by"]')).to_have_value("2027-01-15")
    assert ui.saved(page)["record"] == {A: {"reference": "SQ-7"}}
    other.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_steps_that_want_a_reference_offer_it_by_name(page: Page, ui, lang: str) -> None:
    ui.open(page, lang, wait=None)
    wanting = page.locator("[data-record][data-wants-reference]")
    ids = wanting.evaluate_all("nodes => nodes.map(node => node.dataset.record)")
    from checklist.record import REFERENCE_ITEMS

    assert ids == list(REFERENCE_ITEMS)
    expect(wanting.first.locator("summary")).to_contain_text(t(lang, "page.record_add_reference"))
    expect(details(page, "terminal-stopped").locator("summary")).to_contain_text(
        t(lang, "page.record_add")
    )
    # One control per task, closed until wanted.
    assert page.locator("[data-record]").count() == len(checklist.catalogue()["items"])
    assert page.locator("[data-record][open]").count() == 0


def test_the_record_is_complete_by_keyboard(page: Page, ui) -> None:
    with python_held(page):
        ui.open(page, "en", wait=None)
        page.locator(f'input[name="{A}"]').focus()
        page.keyboard.press("Space")
    toggle = details(page, A).locator("summary")
    tab_to(page, toggle)
    page.keyboard.press("Enter")
    expect(details(page, A)).to_have_attribute("open", "")
    page.keyboard.press("Tab")
    expect(page.locator(f'input[name="record.{A}.date"]')).to_be_focused()
    tab_to(page, page.locator(f'input[name="record.{A}.reference"]'))
    page.keyboard.type("REF-1")
    tab_to(page, page.locator(f'select[name="record.{A}.how"]'))
    page.keyboard.press("ArrowDown")  # the first way of confirming
    tab_to(page, page.locator(f'input[name="record.{A}.by"]'))
    page.keyboard.type("Ms Li")
    saved = ui.saved(page)["record"][A]
    assert saved["reference"] == "REF-1" and saved["by"] == "Ms Li"
    assert saved["date"] == today(page) and saved["how"] == "phone"


def test_every_new_control_is_a_44_px_target_on_a_phone(page: Page, ui) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    ui.open(page, "zh")
    details(page, A).locator("summary").click()
    open_follow_up(page)
    controls = [
        details(page, A).locator("summary"),
        *(page.locator(f'[name="record.{A}.{key}"]') for key in ("date", "reference", "how", "by")),
        page.locator('input[name="follow_up.refund_by"]'),
        page.locator("[data-action=calendar]"),
        page.locator("[data-mask-references] + label"),
        page.locator("[data-print-both] + label"),
    ]
    for control in controls:
        box = control.bounding_box()
        assert box and box["height"] >= TARGET and box["width"] >= TARGET, (control, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_axe_violations_with_the_record_open(page: Page, ui, lang: str) -> None:
    ui.open(page, lang)
    for item in (A, "terminal-stopped"):
        details(page, item).locator("summary").click()
    page.locator(f'input[name="record.{A}.reference"]').fill("SQ-1")
    result = Axe().run(page, options={"resultTypes": ["violations"]})
    assert result.violations_count == 0, result.generate_report()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_add_to_calendar_downloads_a_file_a_real_parser_reads(page: Page, ui, lang: str) -> None:
    ui.open(page, lang)
    open_follow_up(page)
    button = page.locator("[data-action=calendar]")
    button.click()
    expect(page.locator("[data-calendar-status]")).to_have_text(t(lang, "page.calendar_none"))
    open_follow_up(page)
    page.locator('input[name="follow_up.refund_by"]').fill("2026-12-20")
    open_follow_up(page)
    page.locator('input[name="follow_up.collection_on"]').fill("2001-01-01")  # in the past
    with page.expect_download() as download:
        button.click()
    assert download.value.suggested_filename == "pos-closure-reminders.ics"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    events = icalendar.Calendar.from_ical(text).walk("VEVENT")
    assert [event["DTSTART"].dt for event in events] == [date(2026, 12, 20), date(2001, 1, 1)]
    words = checklist.data.STRINGS["record"]
    assert str(events[0]["SUMMARY"]).startswith(words["refund_by"][lang])
    assert str(events[0]["URL"]) == ui.url(lang).replace("checklist/", "go/#refunds-received")
    assert all(event.walk("VALARM") for event in events)
    expect(page.locator("[data-calendar-status]")).to_have_text(t(lang, "page.calendar_done"))


def test_a_schema_2_save_comes_forward_with_nothing_lost(page: Page, ui) -> None:
    v2 = {
        "schema": 2,
        "answers": {"registered_as": "person", "paid_deposit": "no"},
        "done": {"terminal-stopped": True, "balance-settled": True},
        "merchant": {"merchant_id": "822290059430BCY", "terminal_id": "A9254710", "name": "店"},
        "notes": "押金收据",
        "updated": "2026-11-30T09:00:00+08:00",
        "rules": checklist.RULES_VERSION,
    }
    ui.seed(page, {ui.storage_key: json.dumps(v2)})
    ui.open(page, "zh")
    expect(page.locator('input[name="balance-settled"]')).to_be_checked()
    saved = ui.saved(page)
    assert saved["schema"] == checklist.SCHEMA
    for key in ("answers", "done", "merchant", "notes"):
        assert saved[key] == v2[key], key
    open_follow_up(page)
    page.locator('input[name="follow_up.refund_by"]').fill("2026-12-20")
    assert ui.saved(page)["done"] == v2["done"]
