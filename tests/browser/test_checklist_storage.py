"""Saved progress on the checklist page: export and import, starting again, and
storage that is damaged, refused, full, older or newer than the page."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Page, Route, expect

import checklist
from tests.browser.python_gate import python_held

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]

# Overrides Storage so that `methods` throw `error` (a DOMException name).
THROWING_STORAGE = """
(() => {
  const methods = %(methods)s;
  for (const name of methods) {
    Storage.prototype[name] = function () {
      throw new DOMException("refused by the test", %(error)s);
    };
  }
})();
"""


def make_storage_throw(context: BrowserContext, methods: list[str], error: str) -> None:
    context.add_init_script(
        THROWING_STORAGE % {"methods": json.dumps(methods), "error": json.dumps(error)}
    )


def scenario_state(scenarios: list[dict], name: str) -> dict:
    return next(scenario["state"] for scenario in scenarios if scenario["name"] == name)


def test_export_start_again_import_restores_everything(page: Page, ui, tmp_path: Path) -> None:
    ui.open(page, "zh")
    root = page.locator("[data-checklist]")
    root.locator('input[name="registered_as"][value="person"]').check()
    root.locator('input[name="close_bank_account"][value="yes"]').check()
    root.locator('input[name="terminal-stopped"]').check()
    root.locator('input[name="merchant_id"]').fill("822290059430BCY")
    root.locator('textarea[name="notes"]').fill("导出测试")
    before = ui.saved(page)

    with page.expect_download() as download:
        root.locator('[data-action="export"]').click()
    exported = tmp_path / download.value.suggested_filename
    download.value.save_as(exported)
    assert exported.name.startswith("pos-closure-checklist-") and exported.suffix == ".json"
    assert "822290059430BCY" not in exported.name
    assert json.loads(exported.read_text(encoding="utf-8")) == before

    # Start again: cancelling changes nothing, confirming clears everything.
    root.locator('[data-action="reset"]').click()
    page.keyboard.press("Escape")
    expect(root.locator("[data-reset-dialog]")).to_be_hidden()
    expect(root.locator('[data-action="reset"]')).to_be_focused()
    assert ui.saved(page) == before
    root.locator('[data-action="reset"]').click()
    root.locator("[data-reset-confirm]").click()
    expect(root.locator('[data-notice="reset"]')).to_be_visible()
    assert ui.saved(page) is None
    expect(root.locator('input[name="terminal-stopped"]')).not_to_be_checked()
    expect(root.locator('input[name="merchant_id"]')).to_have_value("")
    expect(root.locator('[data-phase="bank"]')).to_have_attribute("data-applies", "false")

    root.locator("[data-import]").set_input_files(exported)
    # Shown first, against the (empty) progress there now; replaced on confirmation.
    assert ui.saved(page) is None
    root.locator('[data-notice="import"] [data-notice-action]').click()
    expect(root.locator('[data-notice="import"]')).to_have_class(
        "checklist-notice checklist-notice--success"
    )
    expect(root.locator('input[name="terminal-stopped"]')).to_be_checked()
    expect(root.locator('input[name="registered_as"][value="person"]')).to_be_checked()
    expect(root.locator('input[name="merchant_id"]')).to_have_value("822290059430BCY")
    expect(root.locator('textarea[name="notes"]')).to_have_value("导出测试")
    expect(root.locator('[data-phase="bank"]')).to_be_visible()
    # Everything comes back; `updated` is the time of the import, not the file's.
    restored = ui.saved(page)
    assert restored["updated"] >= before["updated"]
    assert {**restored, "updated": None} == {**checklist.evaluate(before)["state"], "updated": None}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_bad_import_file_changes_nothing(page: Page, ui, tmp_path: Path, lang: str) -> None:
    ui.open(page, lang)
    root = page.locator("[data-checklist]")
    root.locator('input[name="balance-settled"]').check()
    before = ui.storage(page)
    files = {
        "not-json.json": "{this is not json",
        "a-list.json": "[1, 2, 3]",
        "newer.json": json.dumps({"schema": checklist.SCHEMA + 1, "done": {}}),
    }
    for name, text in files.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        root.locator("[data-import]").set_input_files(path)
        notice = root.locator('[data-notice="import"]')
        expect(notice).to_have_class("checklist-notice checklist-notice--error")
        assert ui.storage(page) == before, name
        expect(root.locator('input[name="balance-settled"]')).to_be_checked()
        notice.locator(".checklist-notice__dismiss").click()
        expect(notice).to_have_count(0)
    # Parts of the wrong type: the engine drops them, and the page lists that
    # and asks first; dismissing the question changes nothing.
    path = tmp_path / "broken-parts.json"
    path.write_text(json.dumps({"schema": 2, "done": "everything", "answers": []}), "utf-8")
    root.locator("[data-import]").set_input_files(path)
    notice = root.locator('[data-notice="import"]')
    expect(notice.locator("[data-import-changes] li")).to_have_count(2)
    notice.locator(".checklist-notice__dismiss").click()
    assert ui.storage(page) == before
    expect(root.locator('input[name="balance-settled"]')).to_be_checked()


def test_corrupt_saved_json_is_kept_aside_and_offered_for_download(
    page: Page, ui, tmp_path: Path
) -> None:
    corrupt = '{"schema": 2, "done": {"terminal-stopped": tru'
    ui.seed(page, {ui.storage_key: corrupt})
    # All of it before Python answers, as a merchant on a slow phone would.
    with python_held(page):
        ui.open(page, "zh", wait=None)
        notice = page.locator('[data-notice="corrupt"]')
        expect(notice).to_be_visible()
        backups = {
            key: value
            for key, value in ui.storage(page).items()
            if key.startswith(f"{ui.storage_key}:corrupt:")
        }
        assert list(backups.values()) == [corrupt]
        with page.expect_download() as download:
            notice.locator("[data-notice-action]").click()
        saved = tmp_path / "damaged.txt"
        download.value.save_as(saved)
        assert saved.read_text(encoding="utf-8") == corrupt
        # The checklist starts empty and saves again.
        page.locator('input[name="stop-period-met"]').check()
        assert ui.saved(page)["done"] == {"stop-period-met": True}
        assert [
            key for key in ui.storage(page) if key.startswith(f"{ui.storage_key}:corrupt:")
        ] == list(backups)


def test_storage_that_throws_leaves_the_page_working_in_memory(page: Page, ui) -> None:
    make_storage_throw(
        page.context, ["getItem", "setItem", "removeItem", "key", "clear"], "SecurityError"
    )
    ui.open(page, "en")
    notice = page.locator('[data-notice="storage"]')
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("does not allow saving")
    assert ui.verdict(page) == "needs_answers"
    answers = {
        "registered_as": "business",
        "device_must_return": "no",
        "paid_deposit": "no",
        "closing_business": "no",
    }
    for key, value in answers.items():
        page.locator(f'input[name="{key}"][value="{value}"]').check()
    for item in checklist.evaluate({"answers": answers})["blockers"]:
        page.locator(f'input[name="{item}"]').check()
    expect(page.locator("[data-verdict]")).to_have_attribute("data-verdict", "ready_to_apply")
    expect(page.locator('[id="terminal-stopped"] [data-status]')).to_have_text("Completed")


def test_a_full_quota_is_reported_and_the_page_keeps_working(page: Page, ui) -> None:
    make_storage_throw(page.context, ["setItem"], "QuotaExceededError")
    with python_held(page):
        ui.open(page, "zh", wait=None)
        page.locator('input[name="terminal-stopped"]').check()
    notice = page.locator('[data-notice="storage"]')
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("存储空间已满")
    expect(page.locator('[id="terminal-stopped"] [data-status]')).to_have_text("已完成")
    assert ui.saved(page) is None
    ui.wait_engine(page)
    expect(page.locator("[data-verdict]")).to_have_attribute("data-verdict", "needs_answers")


def test_an_older_saved_schema_is_migrated_and_its_ticks_kept(
    page: Page, ui, scenarios: list[dict]
) -> None:
    old = scenario_state(scenarios, "schema-1-migrated")
    raw = json.dumps(old, ensure_ascii=False)
    ui.seed(page, {ui.storage_key: raw})
    ui.open(page, "zh", wait=None)
    # Before Python: the old value is kept as it was, and nothing overwrites it.
    expect(page.locator('[data-notice="migrate"]')).to_be_visible()
    assert ui.storage(page)[ui.storage_key] == raw

    ui.wait_engine(page)
    expect(page.locator('[data-notice="migrate"]')).to_have_class(
        "checklist-notice checklist-notice--success"
    )
    for item in old["done"]:
        expect(page.locator(f'input[name="{item}"]')).to_be_checked()
    expect(page.locator('input[name="merchant_id"]')).to_have_value(old["merchant_id"])
    expect(page.locator('input[name="merchant_name"]')).to_have_value(old["merchant_name"])
    expect(page.locator('textarea[name="notes"]')).to_have_value(old["notes"])
    expected = checklist.evaluate(old)
    expect(page.locator("[data-verdict]")).to_have_attribute("data-verdict", expected["verdict"])
    saved = ui.saved(page)
    # Once the page has shown the rules' changes, it records today's rules version.
    assert {**checklist.migrate(old)["state"], "rules": checklist.RULES_VERSION} == saved
    assert saved["schema"] == checklist.SCHEMA
    assert saved["done"] == {item: True for item in old["done"]}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_newer_saved_schema_is_refused_and_left_untouched(page: Page, ui, lang: str) -> None:
    newer = json.dumps(
        {"schema": checklist.SCHEMA + 1, "done": {"terminal-stopped": True}, "future": "field"}
    )
    ui.seed(page, {ui.storage_key: newer})
    with python_held(page):
        ui.open(page, lang, wait=None)
        expect(page.locator('[data-notice="storage"]')).to_be_visible()
        page.locator('input[name="balance-settled"]').check()
    page.locator('input[name="merchant_id"]').fill("822290059430BCY")
    assert ui.storage(page)[ui.storage_key] == newer
    ui.wait_engine(page)
    page.locator('input[name="no-unpaid-fees"]').check()
    expect(page.locator('[id="no-unpaid-fees"] [data-status]')).to_have_text(
        "已完成" if lang == "zh" else "Completed"
    )
    assert ui.storage(page)[ui.storage_key] == newer


def open_without_script(page: Page, ui) -> Route:
    """Open the checklist with its script's request held (a slow link): the page is
    shown and usable, and the script runs once the returned route is continued."""
    held: list[Route] = []
    page.route("**/assets/checklist/checklist.js", lambda route: held.append(route))
    page.goto(ui.url("zh"), wait_until="domcontentloaded")
    for _ in range(100):
        if held:
            return held[0]
        page.wait_for_timeout(50)
    raise AssertionError("the checklist's script was never requested")


def test_ticks_made_before_the_script_arrives_are_kept_and_saved(page: Page, ui) -> None:
    """On a slow link the checklist can be used before its script runs: what the
    merchant did then is added to the saved progress, not undone by it."""
    with python_held(page):
        ui.open(page, "zh", wait=None)
        page.locator('input[name="balance-settled"]').check()
    assert ui.saved(page)["done"] == {"balance-settled": True}

    script = open_without_script(page, ui)
    expect(page.locator("[data-checklist]")).not_to_have_attribute("data-started", "")
    page.locator('input[name="terminal-stopped"]').check()
    page.locator('input[name="merchant_id"]').fill("822290059430BCY")
    page.locator('input[name="registered_as"][value="person"]').check()
    script.continue_()

    expect(page.locator("[data-checklist]")).to_have_attribute("data-started", "")
    for name in ("balance-settled", "terminal-stopped"):
        expect(page.locator(f'input[name="{name}"]')).to_be_checked()
    expect(page.locator('input[name="merchant_id"]')).to_have_value("822290059430BCY")
    saved = ui.saved(page)
    assert saved["done"] == {"balance-settled": True, "terminal-stopped": True}
    assert saved["merchant"]["merchant_id"] == "822290059430BCY"
    assert saved["answers"]["registered_as"] == "person"


def test_ticks_made_before_the_script_survive_an_older_saved_schema(
    page: Page, ui, scenarios: list[dict]
) -> None:
    """Older saved progress waits for Python's migration; early ticks join it after."""
    old = scenario_state(scenarios, "schema-1-migrated")
    ui.seed(page, {ui.storage_key: json.dumps(old, ensure_ascii=False)})
    script = open_without_script(page, ui)
    assert "records-exported" not in old["done"]
    page.locator('input[name="records-exported"]').check()
    script.continue_()

    ui.wait_engine(page)
    expect(page.locator('[data-notice="migrate"]')).to_have_class(
        "checklist-notice checklist-notice--success"
    )
    expected = {item: True for item in [*old["done"], "records-exported"]}
    assert ui.saved(page)["done"] == expected
    for item in expected:
        expect(page.locator(f'input[name="{item}"]')).to_be_checked()
