"""Faults on the checklist page that used to lose data or say something untrue:
two tabs on an older save, damaged or oversized saves, saves the browser cannot
write, odd schemas and notes, a blocked checker, problem marks on checkboxes,
test settings in a link, and masking without Python. ARCHITECTURE.md, "Faults and what
the merchant sees", lists each with its test."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

import checklist
from tests.browser.python_gate import python_held

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]

# Holds the page's calls of the engine's migrate until window.releaseMigrate().
HOLD_MIGRATE = """
(() => {
  const held = [];
  let released = false;
  const post = Worker.prototype.postMessage;
  window.releaseMigrate = () => {
    released = true;
    for (const [worker, message] of held.splice(0)) post.call(worker, message);
  };
  Worker.prototype.postMessage = function (message, ...rest) {
    if (!released && message?.type === "call" && message.op === "migrate") {
      held.push([this, message]);
      return;
    }
    return post.call(this, message, ...rest);
  };
})();
"""

# Makes every call of the engine's migrate fail (an op the engine does not have).
BREAK_MIGRATE = """
(() => {
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (message?.type === "call" && message.op === "migrate") {
      message = { ...message, op: "no_such_function" };
    }
    return post.call(this, message, ...rest);
  };
})();
"""

LOCALES = Path(__file__).resolve().parents[2] / "checklist" / "locales"


def page_strings(lang: str) -> dict[str, str]:
    """The page's strings in one language, from the locale files."""
    return tomllib.loads((LOCALES / f"{lang}.toml").read_text(encoding="utf-8"))["page"]


# Records the texts the engine's status line shows, and the worker's plan messages.
RECORD_LOADING = """
(() => {
  window.engineTexts = [];
  window.plans = [];
  new MutationObserver(() => {
    const text = document.querySelector("[data-engine-text]")?.textContent;
    if (text && window.engineTexts.at(-1) !== text) window.engineTexts.push(text);
  }).observe(document, { subtree: true, childList: true, characterData: true });
  const add = Worker.prototype.addEventListener;
  Worker.prototype.addEventListener = function (type, listener, ...rest) {
    if (type === "message") {
      add.call(this, type, ({ data }) => data?.type === "plan" && window.plans.push(data));
    }
    return add.call(this, type, listener, ...rest);
  };
})();
"""

# Damaged text finds no room anywhere: backup keys refused, IndexedDB refused.
NO_ROOM = """
(() => {
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (String(key).includes(":corrupt:")) throw new DOMException("full", "QuotaExceededError");
    return setItem.call(this, key, value);
  };
  IDBFactory.prototype.open = function () { throw new DOMException("no", "SecurityError"); };
})();
"""

OLD = {
    "schema": 1,
    "answers": {"registered_as": "person"},
    "done": ["terminal-stopped", "balance-settled"],
    "merchant_id": "822290059430BCY",
    "terminal_id": "A9254710",
    "merchant_name": "小店",
    "notes": "旧笔记",
}


def current(**parts: object) -> dict:
    return {**checklist.new_state(), **parts}


def damaged_copies(page: Page, storage_key: str) -> list[str]:
    """Every copy of damaged saved text: backup keys in localStorage and IndexedDB
    (read from the zh checklist page)."""
    return page.evaluate(
        """async (prefix) => {
             const local = Object.entries(localStorage)
               .filter(([key]) => key.startsWith(prefix)).map(([, value]) => value);
             const module = new URL("../assets/checklist/backup.js", location.href);
             const { keptInDatabase } = await import(module.href);
             return [...local, ...Object.values(await keptInDatabase())];
           }""",
        f"{storage_key}:corrupt:",
    )


def test_a_problem_adds_to_a_checkbox_description_and_goes_away_with_it(page: Page, ui) -> None:
    box = page.locator('input[name="terminal-stopped"]')
    late = page.locator('input[name="follow-up-done"]')
    ui.open(page, "en", wait=None)  # nothing saved: as built
    built = box.get_attribute("aria-describedby")
    late_built = late.get_attribute("aria-describedby")
    assert built and "-status" in built
    ui.seed(page, {ui.storage_key: json.dumps(current(done={"terminal-stopped": "yes"}))})
    ui.open(page, "en")
    error_slot = page.locator('[data-problem-for="terminal-stopped"]')
    expect(error_slot).to_be_visible()
    expect(box).to_have_attribute("aria-invalid", "true")
    described = box.get_attribute("aria-describedby").split()
    assert set(built.split()) <= set(described), "the status and hint stay described"
    assert error_slot.get_attribute("id") in described

    box.check()  # a real tick: the wrong value is gone
    expect(error_slot).to_be_hidden()
    expect(box).not_to_have_attribute("aria-invalid", "true")
    expect(box).to_have_attribute("aria-describedby", built)

    # An out-of-order warning keeps the item's own description too.
    late.check()
    warning = page.locator('[data-problem-for="follow-up-done"]')
    expect(warning).to_be_visible()
    assert set(late.get_attribute("aria-describedby").split()) == {
        *late_built.split(),
        warning.get_attribute("id"),
    }
    late.uncheck()
    expect(warning).to_be_hidden()
    expect(late).to_have_attribute("aria-describedby", late_built)


def test_a_failed_migration_is_logged_and_the_saved_ticks_shown(page: Page, ui) -> None:
    raw = json.dumps(OLD, ensure_ascii=False)
    ui.seed(page, {ui.storage_key: raw})
    warnings: list[str] = []

    def collect(message: ConsoleMessage) -> None:
        if message.type == "warning":
            warnings.append(message.text)

    page.on("console", collect)
    page.add_init_script(BREAK_MIGRATE)
    ui.open(page, "en", wait="ready")
    notice = page.locator('[data-notice="migrate"]')
    expect(notice).to_have_class("checklist-notice checklist-notice--warning")
    assert any(text.startswith("Checklist:") for text in warnings), warnings
    for item in OLD["done"]:
        expect(page.locator(f'input[name="{item}"]')).to_be_checked()
    assert ui.storage(page)[ui.storage_key] == raw


def test_the_form_is_locked_while_a_migration_runs_and_ticks_after_are_saved(
    page: Page, ui
) -> None:
    ui.seed(page, {ui.storage_key: json.dumps(OLD, ensure_ascii=False)})
    page.add_init_script(HOLD_MIGRATE)
    ui.open(page, "zh", wait=None)
    expect(page.locator('[data-notice="migrate"]')).to_be_visible()
    ui.wait_engine(page)
    # While migrate waits: the save is shown, locked (nothing typed could be saved).
    for item in OLD["done"]:
        expect(page.locator(f'input[name="{item}"]')).to_be_checked()
    assert page.locator("[data-form]").evaluate("form => form.inert")
    page.evaluate("window.releaseMigrate()")
    expect(page.locator('[data-notice="migrate"]')).to_have_class(
        "checklist-notice checklist-notice--success"
    )
    assert not page.locator("[data-form]").evaluate("form => form.inert")
    expect(page.locator("[data-verdict]")).to_have_count(1)
    ui.unfold(page)  # the first verdict folds the phases away from the next step
    page.locator('input[name="stop-period-met"]').check()
    expected = {"stop-period-met": True, **{item: True for item in OLD["done"]}}
    assert ui.saved(page)["done"] == expected


@pytest.mark.serial  # waits out a window
def test_a_slow_tab_never_overwrites_a_newer_save_with_its_migration(page: Page, ui) -> None:
    ui.seed(page, {ui.storage_key: json.dumps(OLD, ensure_ascii=False)})
    slow = page.context.new_page()
    slow.add_init_script(HOLD_MIGRATE)
    ui.open(slow, "zh", wait=None)
    ui.wait_engine(slow)
    # The other tab migrates, then the merchant ticks and types there.
    ui.open(page, "zh")
    page.locator('input[name="stop-period-met"]').check()
    page.locator('textarea[name="notes"]').fill("新的笔记")
    newer = ui.saved(page)
    assert newer["done"]["stop-period-met"] is True
    # The slow tab's migration of the old text finishes only now.
    slow.evaluate("window.releaseMigrate()")
    expect(slow.locator('input[name="stop-period-met"]')).to_be_checked()
    expect(slow.locator('textarea[name="notes"]')).to_have_value("新的笔记")
    slow.wait_for_timeout(500)
    assert ui.saved(page) == newer
    expect(page.locator('input[name="stop-period-met"]')).to_be_checked()
    slow.close()


def test_with_python_blocked_an_older_save_is_shown_read_only_with_one_message(
    page: Page, ui
) -> None:
    raw = json.dumps(OLD, ensure_ascii=False)
    ui.seed(page, {ui.storage_key: raw})
    page.route("**/*.wasm", lambda route: route.abort())
    ui.open(page, "en", wait="failed")
    for item in OLD["done"]:
        expect(page.locator(f'input[name="{item}"]')).to_be_checked()
    expect(page.locator('input[name="merchant_id"]')).to_have_value(OLD["merchant_id"])
    expect(page.locator("[data-engine-message]")).to_be_hidden()
    expect(page.locator("[data-notices] .checklist-notice")).to_have_count(1)
    expect(page.locator('[data-notice="migrate"]')).to_be_visible()
    assert page.locator("[data-form]").evaluate("form => form.inert")
    assert ui.storage(page)[ui.storage_key] == raw


@pytest.mark.parametrize("schema", ['"3"', "3.5", '"2"', "0"])
def test_a_schema_that_is_not_a_known_whole_number_cannot_be_read_and_is_kept(
    page: Page, ui, schema: str
) -> None:
    # Not "from a newer version, reload": no reload reads it. A copy is kept.
    raw = '{"schema": ' + schema + ', "done": {"terminal-stopped": true}, "notes": "keep"}'
    ui.seed(page, {ui.storage_key: raw})
    ui.open(page, "zh")
    notice = page.locator('[data-notice="corrupt"]')
    expect(notice.locator("p").first).to_have_text(page_strings("zh")["notice_unreadable"])
    expect(page.locator('[data-notice="storage"]')).to_have_count(0)
    assert damaged_copies(page, ui.storage_key) == [raw]
    page.locator('input[name="balance-settled"]').check()
    assert ui.saved(page)["done"] == {"balance-settled": True}


def test_notes_that_are_not_text_show_as_text(page: Page, ui) -> None:
    state = current(notes={"ticket": 7}, merchant={"name": ["a"]})
    ui.seed(page, {ui.storage_key: json.dumps(state)})
    ui.open(page, "en")
    expect(page.locator('textarea[name="notes"]')).to_have_value('{"ticket":7}')
    expect(page.locator('input[name="merchant_name"]')).to_have_value('["a"]')
    page.locator('input[name="terminal-stopped"]').check()
    assert ui.saved(page)["notes"] == '{"ticket":7}'


@pytest.mark.parametrize("megabytes", [1.5, 3])
def test_a_damaged_save_is_copied_once_and_saving_goes_on(page: Page, ui, megabytes: float) -> None:
    corrupt = '{"schema": 2, "notes": "' + "x" * int(megabytes * 1_000_000)
    ui.seed(page, {ui.storage_key: corrupt})
    ui.open(page, "zh", wait=None)
    expect(page.locator('[data-notice="corrupt"]')).to_be_visible()
    copies = damaged_copies(page, ui.storage_key)
    assert copies == [corrupt], [len(copy) for copy in copies]
    # Once the copy is kept, the damaged text is replaced: a reload finds no
    # damage and makes no second copy.
    page.wait_for_function(
        "([key, length]) => localStorage.getItem(key)?.length < length",
        arg=[ui.storage_key, len(corrupt)],
    )
    with python_held(page):
        ui.open(page, "zh", wait=None)
        expect(page.locator('[data-notice="corrupt"]')).to_have_count(0)
        assert damaged_copies(page, ui.storage_key) == [corrupt]
        page.locator('input[name="stop-period-met"]').check()
    assert ui.saved(page)["done"] == {"stop-period-met": True}
    expect(page.locator('[data-notice="storage"]')).to_have_count(0)
    assert damaged_copies(page, ui.storage_key) == [corrupt]


def test_a_part_the_browser_cannot_save_is_left_out_and_saving_goes_on(page: Page, ui) -> None:
    depth = 1_000_000  # far deeper than JSON.stringify can go
    raw = json.dumps(current(done={"terminal-stopped": True}))[:-1] + (
        ', "junk": ' + "[" * depth + "]" * depth + "}"
    )
    ui.seed(page, {ui.storage_key: raw})
    with python_held(page):
        ui.open(page, "en", wait=None)
        page.locator('input[name="balance-settled"]').check()
    saved = page.evaluate(
        """key => { const saved = JSON.parse(localStorage.getItem(key));
                    return { junk: "junk" in saved, done: saved.done }; }""",
        ui.storage_key,
    )
    assert saved == {"junk": False, "done": {"terminal-stopped": True, "balance-settled": True}}
    expect(page.locator('[data-notice="storage"]')).to_have_count(0)
    expect(page.locator('[data-notice="left-out"]')).to_contain_text("junk")


def test_engine_timeout_in_a_link_does_nothing_on_a_production_build(page: Page, ui) -> None:
    def production(route) -> None:
        response = route.fetch()
        body = response.text().replace('"testSettings": true', '"testSettings": false')
        assert '"testSettings": false' in body
        route.fulfill(response=response, body=body)

    page.route(re.compile(r"/checklist/\?engine_timeout="), production)
    page.route("**/assets/checklist/engine-worker.js", lambda route: None)  # never arrives
    page.clock.install()  # the page's timers, run forward below instead of waited for
    ui.open(page, "en", wait=None, query="engine_timeout=100")
    expect(page.locator("[data-checklist]")).to_have_attribute("data-engine", "loading")
    page.clock.run_for(1500)  # fifteen times the timeout the link asks for
    expect(page.locator("[data-checklist]")).to_have_attribute("data-engine", "loading")


def test_a_test_build_honours_engine_timeout(page: Page, ui) -> None:
    page.route("**/assets/checklist/engine-worker.js", lambda route: None)
    ui.open(page, "en", wait="failed", query="engine_timeout=100")


def test_masking_works_when_printing_without_python(page: Page, ui) -> None:
    page.route("**/*.wasm", lambda route: route.abort())
    ui.open(page, "en", wait="failed")
    page.locator('input[name="merchant_id"]').fill("822290059430BCY")
    page.locator('input[name="terminal_id"]').fill("A9254710")
    page.locator("[data-mask]").check()
    printed = page.evaluate(
        """() => {
             const field = (name) => document.querySelector(`[data-form] [name="${name}"]`);
             window.dispatchEvent(new Event("beforeprint"));
             const during = [field("merchant_id").value, field("terminal_id").value];
             window.dispatchEvent(new Event("afterprint"));
             return { during, after: [field("merchant_id").value, field("terminal_id").value] };
           }"""
    )
    assert printed["during"] == ["822•••••••••BCY", "A9••••10"]
    assert printed["after"] == ["822290059430BCY", "A9254710"]
    assert ui.saved(page)["merchant"]["merchant_id"] == "822290059430BCY"


def test_a_damaged_save_with_no_room_for_a_copy_is_offered_before_it_is_replaced(
    page: Page, ui
) -> None:
    corrupt = '{"schema": 2, "notes": "damaged'
    ui.seed(page, {ui.storage_key: corrupt})
    page.add_init_script(NO_ROOM)
    notice = page.locator('[data-notice="corrupt"]')
    with python_held(page):
        ui.open(page, "en", wait=None)
        expect(notice).to_have_text(
            re.compile(re.escape(page_strings("en")["notice_corrupt_no_copy"]))
        )
        page.locator('input[name="terminal-stopped"]').check()
    assert ui.storage(page)[ui.storage_key] == corrupt, "not replaced before the download"
    with page.expect_download() as download:
        notice.locator("[data-notice-action]").click()
    assert Path(download.value.path()).read_text(encoding="utf-8") == corrupt
    assert ui.saved(page)["done"] == {"terminal-stopped": True}


def test_without_storage_a_failed_checker_does_not_claim_saving(page: Page, ui) -> None:
    page.add_init_script(
        "for (const name of ['getItem', 'setItem', 'removeItem']) Storage.prototype[name] ="
        " () => { throw new DOMException('no', 'SecurityError'); };"
    )
    page.route("**/*.wasm", lambda route: route.abort())
    ui.open(page, "zh", wait="failed")
    strings = page_strings("zh")
    expect(page.locator("[data-engine-text]")).to_have_text(strings["engine_failed_unsaved"])
    expect(page.locator("[data-engine-hint]")).to_be_hidden()
    expect(page.locator('[data-notice="storage"]')).to_have_text(
        re.compile(re.escape(strings["notice_unavailable"]))
    )


def megabytes(size: int) -> str:
    mb = size / 1_000_000
    return str(round(mb)) if mb >= 10 else f"{max(0.1, round(mb * 10) / 10):g}"


def test_the_loading_text_states_what_this_visit_downloads(page: Page, ui) -> None:
    page.add_init_script(RECORD_LOADING)
    strings = page_strings("en")
    for _ in range(2):  # a first visit, then one with the files cached
        ui.open(page, "en")
        plans = page.evaluate("window.plans")
        assert len(plans) == 1, plans
        size = plans[0]["bytes"]
        expected = (
            strings["engine_loading"].replace("{mb}", megabytes(size))
            if size
            else strings["engine_loading_cached"]
        )
        assert expected in page.evaluate("window.engineTexts")


def test_an_import_is_shown_with_its_changes_and_asked_for_and_can_be_undone(
    page: Page, ui, tmp_path: Path
) -> None:
    ui.open(page, "en")
    page.locator('input[name="terminal-stopped"]').check()
    page.locator('input[name="balance-settled"]').check()
    before = ui.saved(page)
    file = {
        "schema": 2,
        "done": {"stop-period-met": True, "terminal-stopped": "yes", "nope": True},
        "answers": {"registered_as": "someone else"},
        "merchant": {"name": "x" * 200},
    }
    path = tmp_path / "progress.json"
    path.write_text(json.dumps(file), encoding="utf-8")
    page.locator("[data-import]").set_input_files(path)

    expected = checklist.check_import(file, before)
    assert expected["changes"], "the file needs changes, or this test shows nothing"
    notice = page.locator('[data-notice="import"]')
    strings = page_strings("en")
    preview = strings["import_preview"].format(
        incoming_done=expected["incoming"]["ticks"],
        incoming_answers=expected["incoming"]["answers"],
        current_done=expected["current"]["ticks"],
        current_answers=expected["current"]["answers"],
    )
    expect(notice).to_contain_text(preview)
    expect(notice.locator("[data-import-changes] li")).to_have_text(
        [change["message"]["en"] for change in expected["changes"]]
    )
    assert ui.saved(page) == before, "nothing replaced before the merchant confirms"

    notice.locator("[data-notice-action]").click()
    expect(notice).to_contain_text(strings["import_done"])
    expect(page.locator('input[name="stop-period-met"]')).to_be_checked()
    expect(page.locator('input[name="terminal-stopped"]')).not_to_be_checked()
    assert ui.saved(page)["done"] == {"stop-period-met": True}

    notice.locator("[data-notice-action]").click()  # undo
    expect(notice).to_contain_text(strings["import_undone"])
    expect(page.locator('input[name="terminal-stopped"]')).to_be_checked()
    assert ui.saved(page)["done"] == before["done"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_refused_import_says_why_once_and_lists_nothing_else(
    page: Page, ui, tmp_path: Path, lang: str
) -> None:
    ui.open(page, lang)
    page.locator('input[name="terminal-stopped"]').check()
    before = ui.storage(page)
    path = tmp_path / "list.json"
    path.write_text("[1]", encoding="utf-8")
    page.locator("[data-import]").set_input_files(path)
    notice = page.locator('[data-notice="import"]')
    expect(notice).to_have_class("checklist-notice checklist-notice--error")
    refusal = checklist.check_import([1], None)["refused"]["message"][lang]
    expect(notice.locator("p").first).to_have_text(refusal)
    expect(notice.locator("[data-import-changes]")).to_have_count(0)
    assert ui.storage(page) == before
