"""summary(): what the printed summary shows, per language."""

import json

import pytest
from scenario_results import ROOT, load_scenarios

from checklist import check, evaluate, summary
from checklist.data import CATALOGUE, ITEMS, PHASES, QUESTIONS, STRINGS
from checklist.summary import masked

SCENARIOS = load_scenarios()
MERCHANT = {"merchant_id": "822290059430BCY", "terminal_id": "A9254710", "name": "小王便利店"}
ANSWERED = {
    "registered_as": "business",
    "device_must_return": "no",
    "paid_deposit": "no",
    "closing_business": "no",
}


def state(*done: str, **extra: object) -> dict:
    extra.setdefault("answers", ANSWERED)
    return {"schema": 2, "done": dict.fromkeys(done, True), "merchant": MERCHANT, **extra}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_links_are_from_the_language_root(lang):
    href = "guide/before/#balance-settled"
    result = summary(state(), lang)
    (before,) = [phase for phase in result["phases"] if phase["id"] == "before"]
    assert before["href"] == href.split("#")[0]
    assert {item["id"]: item["href"] for item in before["items"]}["balance-settled"] == href
    assert result["blockers"][0]["href"] == href.replace("balance-settled", "terminal-stopped")
    assert result["next"]["href"] == href.replace("balance-settled", "terminal-stopped")


@pytest.mark.parametrize("lang", ["fr", "", None, 1, ["en"], {"en": 1}, "EN"])
def test_unknown_languages_fall_back_to_chinese(lang):
    assert summary(state(), lang) == summary(state(), "zh")


@pytest.mark.parametrize(
    ("text", "start", "end", "shown"),
    [
        ("822290059430BCY", 3, 3, "822•••••••••BCY"),
        ("A9254710", 2, 2, "A9••••10"),
        ("1234567", 3, 3, "123•567"),
        ("123456", 3, 3, "••••••"),
        ("12", 2, 2, "••"),
        ("", 3, 3, ""),
    ],
)
def test_masked(text, start, end, shown):
    assert masked(text, start, end) == shown


def test_mask_hides_the_middle_of_both_numbers_only():
    assert summary(state(), "zh")["merchant"] == MERCHANT
    assert summary(state(), "zh", mask=True)["merchant"] == {
        "merchant_id": "822•••••••••BCY",
        "terminal_id": "A9••••10",
        "name": "小王便利店",
    }


@pytest.mark.parametrize(
    ("updated", "date"),
    [
        (None, None),
        ("2025-01-31T23:30:00+08:00", "2025-01-31"),  # the date as written, in its own offset
        ("2025-01-31T01:30:00Z", "2025-01-31"),
        ("2025-01-31", "2025-01-31"),
        ("not a date", None),
    ],
)
def test_date(updated, date):
    assert summary(state(updated=updated), "en")["date"] == date


def test_notes_are_plain_text_as_given():
    notes = "<script>alert(1)</script> & 押金收据"
    assert summary(state(notes=notes), "zh")["notes"] == notes


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_words_come_from_the_strings_in_that_language(lang):
    result = summary(state("terminal-stopped"), lang)
    assert result["lang"] == lang
    assert result["title"] == STRINGS["title"][lang]
    assert result["labels"]["merchant_id"] == STRINGS["labels"]["merchant_id"][lang]
    assert result["verdict"] == "not_ready"
    assert result["verdict_text"] == STRINGS["verdicts"]["not_ready"][lang]
    items = {item["id"]: item for phase in result["phases"] for item in phase["items"]}
    status = STRINGS["status"]
    assert items["terminal-stopped"]["status"] == status["done"][lang]
    assert items["stop-period-met"]["status"] == status["required"][lang]
    assert items["support-contacted"]["status"] == status["todo"][lang]
    assert items["terminal-stopped"]["label"] == ITEMS["terminal-stopped"]["label"][lang]
    assert items["terminal-stopped"]["action"] == ITEMS["terminal-stopped"]["action"][lang]
    assert result["next"]["kind"] == "item"
    assert result["next"]["action"] == ITEMS["stop-period-met"]["action"][lang]
    assert result["next"]["label"] == ITEMS["stop-period-met"]["label"][lang]


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("zh", "第七阶段：注销结算银行账户（可选）"),
        ("en", "Phase 7: Close the settlement bank account (optional)"),
    ],
)
def test_phase_titles_carry_the_guide_s_number(lang, title):
    answers = {**ANSWERED, "registered_as": "person", "close_bank_account": "yes"}
    result = summary(state(answers=answers), lang)
    phases = {phase["id"]: phase for phase in result["phases"]}
    assert phases["bank"]["title"] == title
    assert phases["bank"]["number"] == 7
    # A phase that does not apply keeps its number: the next one is not renumbered.
    assert "business" not in phases
    assert phases["after"]["number"] == 6
    assert [phase["number"] for phase in result["phases"]] == [1, 2, 3, 4, 6, 7]
    (skipped,) = result["phases_not_applying"]
    assert skipped["id"] == "business" and skipped["number"] == 5
    assert skipped["title"].startswith(("第五阶段：", "Phase 5: "))


def test_the_phases_are_numbered_one_to_seven_in_guide_order():
    assert [spec["number"] for spec in PHASES.values()] == list(range(1, len(PHASES) + 1))
    assert len(STRINGS["phrases"]["numerals"]["zh"]) >= len(PHASES)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_next_is_the_first_unanswered_question_linked_on_the_page(lang):
    result = summary(state(answers={"registered_as": "person"}), lang)
    assert result["verdict"] == "needs_answers"
    assert result["verdict_text"] == STRINGS["verdicts"]["needs_answers"][lang]
    question = QUESTIONS["device_must_return"]["label"][lang]
    assert result["next"] == {
        "kind": "question",
        "id": "device_must_return",
        "label": question,
        "action": STRINGS["phrases"]["next_question"][lang].format(question=question),
        "href": "checklist/#question-device_must_return",
    }


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_checklist_page_is_where_questions_are_linked(lang):
    assert (ROOT / "docs" / f"{CATALOGUE['page'].strip('/')}.{lang}.md").is_file()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_ready_to_apply_the_next_step_is_how_to_apply(lang):
    blockers = [
        item for item, spec in ITEMS.items() if spec["blocks"] and spec["applies"] == "always"
    ]
    result = summary(state(*blockers), lang)
    assert result["verdict"] == "ready_to_apply"
    assert result["next"]["id"] == "support-contacted"
    assert result["next"]["action"] == ITEMS["support-contacted"]["action"][lang]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_not_sure_answer_keeps_the_step_with_how_to_find_out(lang):
    answers = {**ANSWERED, "paid_deposit": "unsure"}
    items = {
        item["id"]: item
        for phase in summary(state(answers=answers), lang)["phases"]
        for item in phase["items"]
    }
    (unsure,) = [o for o in QUESTIONS["paid_deposit"]["options"] if o["value"] == "unsure"]
    assert items["deposit-refunded"]["find_out"] == unsure["hint"][lang]
    assert items["refunds-received"]["find_out"] is None


def test_items_and_phases_are_the_applicable_ones_in_guide_order():
    result = summary(state(answers={"device_must_return": "no", "paid_deposit": "no"}), "en")
    evaluated = evaluate(state(answers={"device_must_return": "no", "paid_deposit": "no"}))
    assert [phase["id"] for phase in result["phases"]] == evaluated["phases"]
    ids = [item["id"] for phase in result["phases"] for item in phase["items"]]
    assert ids == evaluated["applicable"]
    assert "device-returned" not in ids
    first = result["phases"][0]["items"][0]
    assert set(first) == {"id", "label", "action", "href", "done", "blocks", "status", "find_out"}
    assert set(result["phases"][0]) == {"id", "number", "title", "href", "progress", "items"}


def test_each_phase_says_how_many_of_its_items_are_done():
    result = summary(state("terminal-stopped", "balance-settled", "device-wiped"), "en")
    progress = {phase["id"]: phase["progress"] for phase in result["phases"]}
    assert progress["before"] == {"done": 2, "total": 6}
    assert progress["contract"] == {"done": 1, "total": 2}
    assert progress["apply"] == {"done": 0, "total": 4}
    assert sum(p["total"] for p in progress.values()) == result["progress"]["total"]


def test_answers_show_the_asked_questions_in_words():
    result = summary(state(answers={"registered_as": "person", "paid_deposit": "unsure"}), "en")
    assert result["verdict"] == "needs_answers"
    assert [(a["key"], a["answer"]) for a in result["answers"]] == [
        ("registered_as", "Me, as a person"),
        ("device_must_return", "Not answered"),
        ("paid_deposit", "Not sure"),
        ("closing_business", "Not answered"),
        ("close_bank_account", "Not answered"),
    ]


def test_next_is_null_when_everything_is_done():
    result = summary(state(*ITEMS, answers={**ANSWERED, "closing_business": "yes"}), "zh")
    assert result["verdict"] == "closed"
    assert result["next"] is None
    assert result["blockers"] == []


def test_problems_are_messages_in_that_language():
    result = summary(state(merchant={"merchant_id": "123"}), "en")
    assert result["problems"] == [
        {
            "code": "merchant_id_format",
            "level": "warning",
            "message": STRINGS["problems"]["merchant_id_format"]["en"],
        }
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario["name"])
def test_every_scenario_summarises_to_json(scenario, lang):
    result = summary(scenario["state"], lang, mask=True)
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    assert result["verdict"] == scenario["expect"]["verdict"]
    assert [blocker["id"] for blocker in result["blockers"]] == scenario["expect"]["blockers"]
    assert result["next"] == check(scenario["state"], lang, True)["summary"]["next"]
    expected = scenario["expect"]["next"]
    assert (result["next"] or {}).get("id") == (expected or {}).get("id")
    assert (result["next"] or {}).get("kind") == (expected or {}).get("kind")
