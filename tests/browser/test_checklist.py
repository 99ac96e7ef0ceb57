"""The checklist page in a real browser: answering and ticking drive the engine's
verdict, progress is kept, deep links land on their item, and the page still
works without JavaScript."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import checklist
from checklist.record import FOLLOW_UP
from tests.browser.python_gate import python_held

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]

LANGS = ("zh", "en")

STATE_KEYS = {"schema", "answers", "done", "merchant", "notes", "updated"}


def through_the_ui(scenario: dict) -> bool:
    """Whether a merchant could enter this scenario's state with the form alone."""
    state = scenario["state"]
    if not isinstance(state, dict) or set(state) != STATE_KEYS or state["schema"] != 2:
        return False
    result = checklist.evaluate(state)
    return (
        isinstance(state["merchant"], dict)
        and all(isinstance(value, str) for value in state["merchant"].values())
        and isinstance(state["answers"], dict)
        and state["answers"] == result["state"]["answers"]
        and set(state["answers"]) <= set(result["asked"])
        and isinstance(state["done"], dict)
        and all(value is True for value in state["done"].values())
        and set(state["done"]) <= set(result["applicable"])
    )


def enter(page: Page, state: dict) -> None:
    """Type a state into the form the way a merchant would."""
    root = page.locator("[data-checklist]")
    order = [question["key"] for question in checklist.catalogue()["questions"]]
    for key in sorted(state["answers"], key=order.index):
        root.locator(f'input[type=radio][name="{key}"][value="{state["answers"][key]}"]').check()
    for item in state["done"]:
        root.locator(f'input[type=checkbox][name="{item}"]').check()
    merchant = state["merchant"]
    root.locator('input[name="merchant_name"]').fill(merchant["name"])
    root.locator('input[name="merchant_id"]').fill(merchant["merchant_id"])
    root.locator('input[name="terminal_id"]').fill(merchant["terminal_id"])
    root.locator('textarea[name="notes"]').fill(state["notes"])


def start_again(page: Page) -> None:
    """Clear everything through the confirmation dialog, using the keyboard."""
    page.locator('[data-action="reset"]').click()
    dialog = page.locator("[data-reset-dialog]")
    expect(dialog).to_be_visible()
    confirm = dialog.locator("[data-reset-confirm]")
    confirm.focus()
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()


def expect_engine_result(page: Page, ui, state: dict, expect_: dict) -> None:
    """The page shows what the engine says about `state`."""
    result = checklist.evaluate(state)
    panel = page.locator("[data-verdict]")
    done, total = result["progress"]["done"], result["progress"]["total"]
    expect(panel.locator("[data-progress]")).to_contain_text(
        re.compile(rf"\b{done}\b.*\b{total}\b")
    )
    expect(panel).to_have_attribute("data-verdict", expect_["verdict"])
    assert ui.blockers(page) == expect_["blockers"]
    next_step = panel.locator("[data-next]")
    shown = {"item": "data-next-item", "question": "data-next-question"}
    for kind, attribute in shown.items():
        if expect_["next"] is not None and expect_["next"]["kind"] == kind:
            expect(next_step).to_have_attribute(attribute, expect_["next"]["id"])
        else:
            expect(next_step).not_to_have_attribute(attribute, re.compile(".*"))
    codes = page.locator("[data-checklist] [data-problem-code]").evaluate_all(
        "nodes => nodes.map(node => node.dataset.problemCode)"
    )
    # Invisible characters typed in are removed where they are saved and said
    # once, in a notice (cleaning.js): the checked state no longer has them.
    said = [code for code in expect_["problems"] if code == "invisible_removed"]
    if said:
        expect(page.locator('[data-notice="invisible"]')).to_be_visible()
    assert sorted(codes) == sorted(code for code in expect_["problems"] if code not in said)
    for item in checklist.catalogue()["items"]:
        element = page.locator(f'[data-checklist] [id="{item["id"]}"]')
        if item["id"] in result["applicable"]:
            expect(element).to_be_visible()
        else:
            expect(element).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_scenarios_entered_through_the_form_get_the_engines_verdict(
    page: Page, ui, scenarios: list[dict], lang: str
) -> None:
    usable = [scenario for scenario in scenarios if through_the_ui(scenario)]
    assert len(usable) >= 10, [scenario["name"] for scenario in usable]
    if lang == "en":
        usable = usable[::3]  # every scenario once in Chinese; a sample in English
    ui.open(page, lang)
    for scenario in usable:
        start_again(page)
        enter(page, scenario["state"])
        expect_engine_result(page, ui, scenario["state"], scenario["expect"])
        # "Start again" removed the saved state; entering nothing saves nothing.
        saved = ui.saved(page) or checklist.new_state()
        assert saved["schema"] == checklist.SCHEMA, scenario["name"]
        assert saved["answers"] == scenario["state"]["answers"], scenario["name"]
        assert saved["done"] == scenario["state"]["done"], scenario["name"]


def test_blockers_link_to_their_guide_steps(page: Page, ui) -> None:
    ui.open(page, "en")
    first = page.locator("[data-blockers] [data-blocker]").first
    item = first.get_attribute("data-blocker")
    assert first.locator("a").get_attribute("href") == f"{ui.site_url}en/guide/before/#{item}"
    link = page.locator(f'[id="{item}"] a.checklist-task__link')
    assert link.get_attribute("href") == f"../guide/before/#{item}"
    link.click()
    expect(page).to_have_url(f"{ui.site_url}en/guide/before/#{item}")
    expect(page.locator(f'[id="{item}"]')).to_be_visible()


def test_an_unusual_merchant_number_is_a_warning_next_to_the_field(page: Page, ui) -> None:
    ui.open(page, "zh")
    field = page.locator('input[name="merchant_id"]')
    field.fill("12345")
    problem = page.locator('[data-problem-for="merchant_id"]')
    expect(problem).to_be_visible()
    expect(problem.locator("[data-problem-code]")).to_have_attribute(
        "data-problem-code", "merchant_id_format"
    )
    # A number to check against the contract, not an error in the input.
    expect(field).not_to_have_attribute("aria-invalid", "true")
    field.fill("８２２２９００５９４３０ｂｃｙ")  # full-width, as typed on some phones
    expect(problem).to_be_hidden()


def test_non_applicable_questions_are_hidden_and_phases_say_they_do_not_apply(
    page: Page, ui
) -> None:
    ui.open(page, "zh")
    bank_question = page.locator('[data-question="close_bank_account"]')
    bank = page.locator('[data-phase="bank"]')
    answers: dict[str, str] = {}

    def answer(key: str, value: str) -> None:
        """Answer on the page; the bank phase shows what the engine says of it."""
        answers[key] = value
        page.locator(f'input[name="{key}"][value="{value}"]').check()
        applies = (
            "bank" in checklist.evaluate({**checklist.new_state(), "answers": answers})["phases"]
        )
        expect(bank).to_have_attribute("data-applies", str(applies).lower())
        expect(bank.locator(".checklist-tasks")).to_be_visible(visible=applies)
        expect(bank.locator("[data-phase-skipped]")).to_be_visible(visible=not applies)

    expect(bank_question).to_be_hidden()
    answer("registered_as", "person")
    expect(bank_question).to_be_visible()
    answer("close_bank_account", "no")
    answer("close_bank_account", "yes")
    answer("registered_as", "business")
    expect(bank_question).to_be_hidden()
    expect(bank).to_have_attribute("data-applies", "false")


def test_changes_are_saved_at_once_and_kept_across_reloads_and_languages(page: Page, ui) -> None:
    # Saved before Python has answered: do not wait for the engine, and hold its
    # first answer until the last field is typed.
    with python_held(page):
        ui.open(page, "zh", wait=None)
        root = page.locator("[data-checklist]")
        expect(root.locator("[data-engine-text]")).to_have_text(
            re.compile(r"正在下载自动检查要用的文件，约 [\d.]+ MB")
        )
        root.locator('input[name="device_must_return"][value="no"]').check()
        root.locator('input[name="terminal-stopped"]').check()
        root.locator('input[name="merchant_name"]').fill("小王便利店")
        root.locator('input[name="merchant_id"]').fill("822290059430BCY")
        root.locator('input[name="terminal_id"]').fill("A9254710")
        root.locator('textarea[name="notes"]').fill("工单号 12345\n第二行")
        saved = ui.saved(page)
        assert saved["answers"] == {"device_must_return": "no"}
        assert saved["done"] == {"terminal-stopped": True}
        assert saved["merchant"] == {
            "merchant_id": "822290059430BCY",
            "terminal_id": "A9254710",
            "name": "小王便利店",
        }
        assert saved["notes"] == "工单号 12345\n第二行"
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", saved["updated"])
    status = root.locator('[id="terminal-stopped"] [data-status]')
    expect(status).to_have_text("已完成")

    for lang in ("zh", "en"):
        ui.open(page, lang)
        expect(root.locator('input[name="device_must_return"][value="no"]')).to_be_checked()
        expect(root.locator('input[name="terminal-stopped"]')).to_be_checked()
        expect(root.locator('input[name="stop-period-met"]')).not_to_be_checked()
        expect(root.locator('input[name="merchant_id"]')).to_have_value("822290059430BCY")
        expect(root.locator('input[name="terminal_id"]')).to_have_value("A9254710")
        expect(root.locator('input[name="merchant_name"]')).to_have_value("小王便利店")
        expect(root.locator('textarea[name="notes"]')).to_have_value("工单号 12345\n第二行")
        # The device question was answered "no": its item does not apply.
        expect(root.locator('[id="device-return-arranged"]')).to_be_hidden()
    expect(root.locator('[id="terminal-stopped"] [data-status]')).to_have_text("Completed")
    assert ui.verdict(page) == checklist.evaluate(ui.saved(page))["verdict"]


def test_two_tabs_stay_consistent(page: Page, ui) -> None:
    other = page.context.new_page()
    ui.open(page, "zh")  # the first verdict folds phases: open them before ticking
    ui.open(other, "en")
    page.bring_to_front()  # back to the first tab: the other follows from behind
    page.locator('input[name="balance-settled"]').check()
    page.locator('input[name="merchant_id"]').fill("822290059430BCY")
    expect(other.locator('input[name="balance-settled"]')).to_be_checked()
    expect(other.locator('input[name="merchant_id"]')).to_have_value("822290059430BCY")
    expect(other.locator('[id="balance-settled"] [data-status]')).to_have_text("Completed")
    other.bring_to_front()
    other.locator('input[name="paid_deposit"][value="no"]').check()
    expect(page.locator('input[name="paid_deposit"][value="no"]')).to_be_checked()
    expect(page.locator('input[name="balance-settled"]')).to_be_checked()
    assert ui.saved(page)["answers"] == {"paid_deposit": "no"}
    other.close()


def test_deep_link_scrolls_to_and_highlights_the_item(page: Page, ui) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    ui.open(page, "zh", fragment="accounts-reconciled")
    item = page.locator('[id="accounts-reconciled"]')
    expect(item).to_have_class(re.compile(r"\bchecklist-task--target\b"))
    expect(item).to_be_in_viewport()
    header = page.locator(".md-header").bounding_box()
    box = item.bounding_box()
    assert box["y"] >= header["y"] + header["height"] - 1, (box, header)
    expect(page.locator('[data-notice="deeplink"]')).to_have_count(0)


@pytest.mark.parametrize("lang", LANGS)
def test_unknown_deep_link_shows_a_gentle_notice(page: Page, ui, lang: str) -> None:
    ui.open(page, lang, wait=None, fragment="no-such-step")
    notice = page.locator('[data-notice="deeplink"]')
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("no-such-step")


@pytest.mark.parametrize("lang", LANGS)
def test_without_javascript_the_checklist_is_readable(another_context, ui, lang: str) -> None:
    context = another_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(ui.url(lang))
    root = page.locator("[data-checklist]")
    note = root.locator("noscript .checklist-notice")
    expect(note).to_be_visible()
    expect(note).to_contain_text("JavaScript")
    catalogue = checklist.catalogue()
    for item in catalogue["items"]:
        element = root.locator(f'[id="{item["id"]}"]')
        expect(element).to_be_visible()
        expect(element).to_contain_text(item["label"][lang])
        expect(element.locator(f'input[type=checkbox][name="{item["id"]}"]')).to_be_visible()
    for question in catalogue["questions"]:
        for option in question["options"]:
            radio = root.locator(
                f'input[type=radio][name="{question["key"]}"][value="{option["value"]}"]'
            )
            expect(radio).to_be_visible()
            label = root.locator(f'label[for="{radio.get_attribute("id")}"]')
            expect(label).to_have_text(option["label"][lang])
    for name in ("merchant_name", "merchant_id", "terminal_id", "notes"):
        expect(root.locator(f'[name="{name}"]')).to_be_visible()
    # Controls that need JavaScript stay hidden.
    for hidden in ("[data-action=print]", "[data-verdict-panel]", ".checklist-status"):
        expect(root.locator(hidden)).to_be_hidden()


def test_the_site_works_under_a_sub_path(
    page: Page, ui, site_dir: Path, serve, tmp_path: Path
) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "path").symlink_to(site_dir, target_is_directory=True)
    base = serve(tmp_path) + "sub/path/"
    sub = dataclasses.replace(ui, site_url=base, storage_key="pos-closure:/sub/path/:checklist")
    sub.open(page, "en")
    page.locator('input[name="terminal-stopped"]').check()
    assert sub.saved(page)["done"] == {"terminal-stopped": True}
    blocker = page.locator("[data-blockers] a").first
    assert blocker.get_attribute("href").startswith(base + "en/guide/")


@pytest.mark.parametrize("width", [320, 1280])
def test_controls_are_labelled_and_large_enough_to_tap(page: Page, ui, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    ui.open(page, "zh", wait=None)
    root = page.locator("[data-checklist]")
    # Each fieldset has a legend; each control has a label.
    assert root.locator("fieldset:not(:has(> legend))").count() == 0
    controls = root.locator(
        "[data-form] input, [data-form] textarea, [data-form] select, [data-mask], [data-import],"
        " [data-mask-references], [data-print-both]"
    )
    catalogue = checklist.catalogue()
    options = sum(len(question["options"]) for question in catalogue["questions"])
    # items, radios, three text fields, notes, the mask and the import input; each
    # item's record (date, reference, how, by), the follow-up dates, and two print options
    record = 4 * len(catalogue["items"]) + len(FOLLOW_UP) + 2
    assert controls.count() == len(catalogue["items"]) + options + 4 + 2 + record
    unlabelled = controls.evaluate_all(
        "nodes => nodes.filter(node => !node.labels || node.labels.length === 0).map(n => n.id)"
    )
    assert unlabelled == []
    small = root.locator("input[type=checkbox], input[type=radio]").evaluate_all(
        """nodes => nodes.filter(node => node.getClientRects().length).map(node => {
             const box = node.getBoundingClientRect();
             return [node.id, box.width, box.height];
           }).filter(([, width, height]) => width < 24 || height < 24)"""
    )
    assert small == []
    # Our scripts are external modules; JSON data blocks are the only inline
    # scripts, but for the few lines that fold a returning merchant's answers
    # before the first paint (partials/checklist/answers-fold.js).
    inline = root.locator("script:not([src])").evaluate_all("nodes => nodes.map(n => n.type)")
    assert inline == ["application/json", ""]
    fold = root.locator("script:not([src]):not([type])").text_content() or ""
    assert "data-answers-line" in fold
    assert page.locator('script[type=module][src$="assets/checklist/checklist.js"]').count() == 1
