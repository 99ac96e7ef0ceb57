"""Faults found by a second adversarial run against the built site: an import
undone by another tab, edits typed while an older save is upgraded, merchant
fields that conflict in an older save, and messages that were not true.
README, "Faults and what the merchant sees", lists each with its test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Page, Route, expect

import checklist
from tests.browser.test_checklist_faults import OLD, damaged_copies, page_strings

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]


def import_file(page: Page, path: Path) -> None:
    """Import `path` on the checklist and confirm it."""
    page.locator("[data-import]").set_input_files(path)
    notice = page.locator('[data-notice="import"]')
    notice.locator("[data-notice-action]").click()
    expect(notice).to_have_class("checklist-notice checklist-notice--success")


@pytest.mark.parametrize("updated", ["2025-01-31T09:30:00+08:00", "2099-01-01T00:00:00+08:00"])
@pytest.mark.serial  # waits out a window
def test_an_import_is_not_undone_by_another_tab(
    page: Page, ui, tmp_path: Path, updated: str
) -> None:
    other = page.context.new_page()
    ui.open(page, "zh")
    ui.open(other, "zh")
    page.bring_to_front()  # back to the first tab: the other follows from behind
    page.locator('input[name="balance-settled"]').check()
    expect(other.locator('input[name="balance-settled"]')).to_be_checked()
    file = {**checklist.new_state(), "done": {"terminal-stopped": True}, "updated": updated}
    path = tmp_path / "progress.json"
    path.write_text(json.dumps(file), encoding="utf-8")
    import_file(page, path)
    expect(other.locator('input[name="terminal-stopped"]')).to_be_checked()
    # Edits after the import stay, whatever time the file carried.
    page.locator('input[name="stop-period-met"]').check()
    expect(other.locator('input[name="stop-period-met"]')).to_be_checked()
    page.wait_for_timeout(1500)
    expected = {"terminal-stopped": True, "stop-period-met": True}
    assert ui.saved(page)["done"] == expected
    assert ui.saved(page)["updated"] != updated, "stamped with the time it was imported"
    other.close()
    page.reload()
    expect(page.locator('input[name="stop-period-met"]')).to_be_checked()
    assert ui.saved(page)["done"] == expected


def test_while_an_older_save_waits_for_a_slow_engine_nothing_unsaved_can_be_typed(
    page: Page, ui
) -> None:
    """A slow link: the engine (which upgrades a schema-1 save) arrives late. The
    page never both says "saved" and leaves an edit out of storage."""
    raw = json.dumps(OLD, ensure_ascii=False)
    ui.seed(page, {ui.storage_key: raw})
    held: list[Route] = []
    page.route("**/*.wasm", lambda route: held.append(route))
    ui.open(page, "en", wait=None)
    notice = page.locator('[data-notice="migrate"]')
    expect(notice.locator("p").first).to_have_text(page_strings("en")["notice_migrating"])
    expect(page.locator("[data-engine-hint]")).to_be_hidden()
    for item in OLD["done"]:
        expect(page.locator(f'input[name="{item}"]')).to_be_checked()
    expect(page.locator('input[name="merchant_id"]')).to_have_value(OLD["merchant_id"])
    form = page.locator("[data-form]")
    assert form.evaluate("form => form.inert"), "editable, yet nothing typed now is saved"
    assert ui.storage(page)[ui.storage_key] == raw
    for route in held:
        route.continue_()
    page.unroute("**/*.wasm")
    ui.wait_engine(page)
    expect(notice).to_have_class("checklist-notice checklist-notice--success")
    assert not form.evaluate("form => form.inert")
    expect(page.locator("[data-verdict]")).to_have_count(1)
    ui.unfold(page)  # the first verdict folds the phases away from the next step
    page.locator('input[name="stop-period-met"]').check()
    page.locator('textarea[name="notes"]').fill("typed after the upgrade")
    saved = ui.saved(page)
    assert saved["done"] == {"stop-period-met": True, **{item: True for item in OLD["done"]}}
    assert saved["notes"] == "typed after the upgrade"


def test_merchant_details_saved_twice_differently_are_shown_kept_and_chosen(page: Page, ui) -> None:
    """A schema-1 save with the details both nested and flat, all different."""
    old = {
        "schema": 1,
        "done": ["terminal-stopped"],
        "merchant": {"merchant_id": "822290059430BCY", "terminal_id": "A9254710", "name": "小店"},
        "merchant_id": "822290059430XYZ",
        "terminal_id": "D9285650",
        "merchant_name": "大店",
    }
    raw = json.dumps(old, ensure_ascii=False)
    ui.seed(page, {ui.storage_key: raw})
    ui.open(page, "zh")
    notice = page.locator('[data-notice="conflict"]')
    expect(notice.locator("p").first).to_have_text(page_strings("zh")["notice_conflict"])
    lines = notice.locator("[data-conflicts] li")
    expect(lines).to_have_count(3)
    for kept, other in [("822290059430BCY", "822290059430XYZ"), ("小店", "大店")]:
        expect(notice).to_contain_text(kept)
        expect(notice).to_contain_text(other)
    # The original is kept aside, and can be downloaded.
    assert damaged_copies(page, ui.storage_key) == [raw]
    with page.expect_download() as download:
        notice.locator("[data-conflict-download]").click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == raw
    assert ui.saved(page)["merchant"]["merchant_id"] == "822290059430BCY"
    # The merchant chooses the other values.
    notice.locator("[data-notice-action]").click()
    expect(page.locator('input[name="merchant_id"]')).to_have_value("822290059430XYZ")
    expect(page.locator('input[name="merchant_name"]')).to_have_value("大店")
    assert ui.saved(page)["merchant"] == {
        "merchant_id": "822290059430XYZ",
        "terminal_id": "D9285650",
        "name": "大店",
    }


INVISIBLE = "\u202e\u200b"


def test_invisible_characters_are_cleaned_where_they_are_saved_and_said_once(
    page: Page, ui
) -> None:
    ui.open(page, "en")
    page.locator('textarea[name="notes"]').fill(f"ticket{INVISIBLE} 12345")
    expect(page.locator('textarea[name="notes"]')).to_have_value("ticket 12345")
    assert ui.saved(page)["notes"] == "ticket 12345"
    removed = checklist.check({**checklist.new_state(), "notes": INVISIBLE}, "en")
    (said,) = [p["message"]["en"] for p in removed["evaluation"]["problems"]]
    expect(page.locator('[data-notice="invisible"] p').first).to_have_text(said)
    page.locator('input[name="terminal-stopped"]').check()
    expect(page.locator("[data-checklist]")).to_have_attribute("data-print", "summary")
    # Said once (the notice), not again by the printout of a state that is clean.
    for part in ("[data-summary]", "[data-problems]"):
        assert said not in (page.locator(part).text_content() or ""), part
    assert INVISIBLE[0] not in json.dumps(ui.saved(page))


def test_unknown_keys_are_dropped_from_the_save_once_told_and_copied(page: Page, ui) -> None:
    state = {**checklist.new_state(), "done": {"terminal-stopped": True}}
    state.update({f"junk{index}": index for index in range(100_000)})
    raw = json.dumps(state)
    ui.seed(page, {ui.storage_key: raw})
    ui.open(page, "zh")
    notice = page.locator('[data-notice="unknown"]')
    expect(notice.locator("p").first).to_have_text(
        page_strings("zh")["notice_unknown_dropped"].format(count=100_000)
    )
    saved = ui.saved(page)
    assert sorted(saved) == sorted(checklist.new_state())
    assert saved["done"] == {"terminal-stopped": True}
    assert damaged_copies(page, ui.storage_key) == [raw]
