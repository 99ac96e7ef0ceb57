"""What changed since a merchant's last visit: the history as data, the changes that
concern one merchant, and their place in evaluate(), check() and the summary."""

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklist import RULES_VERSION, check, evaluate, new_state, summary
from checklist.changes import changes_since, message
from checklist.conditions import CONDITIONS
from checklist.data import HISTORY, ITEMS, LANGS, QUESTIONS, STRINGS
from checklist.progress_code import LAYOUTS

# A person who keeps the terminal, paid no deposit and keeps the business.
PERSON = {
    "registered_as": "person",
    "device_must_return": "no",
    "paid_deposit": "no",
    "closing_business": "no",
}
BUSINESS = {**PERSON, "registered_as": "business"}
ITEM_KINDS = {
    "added",
    "now_required",
    "no_longer_required",
    "moved",
    "reordered",
    "reworded",
    "now_applies",
    "no_longer_applies",
}
QUESTION_KINDS = {"question_changed"}


def state(answers: dict, *done: str, **extra: object) -> dict:
    return {"schema": 2, "answers": answers, "done": dict.fromkeys(done, True), **extra}


def told(value: object) -> list[tuple]:
    """(kind, item or question) of each change evaluate() lists for ``value``."""
    return [
        (change["kind"], change["item"] or change["question"])
        for change in evaluate(value)["changes"]
    ]


# --- The history as data -----------------------------------------------------


def test_the_history_runs_from_version_1_to_today_s_rules_one_by_one():
    assert list(HISTORY) == list(range(1, RULES_VERSION + 1))
    assert HISTORY[1] == []  # the first rules: nothing came before them


def test_today_s_rules_version_is_the_progress_code_s_last_layout():
    assert max(LAYOUTS) == RULES_VERSION


@pytest.mark.parametrize(
    "change", [change for changes in HISTORY.values() for change in changes], ids=str
)
def test_every_change_names_a_step_or_question_a_kind_and_a_condition(change):
    assert set(change) - {"when"} in ({"item", "kind"}, {"question", "kind"})
    if "item" in change:
        assert change["item"] in ITEMS
        assert change["kind"] in ITEM_KINDS
    else:
        assert change["question"] in QUESTIONS
        assert change["kind"] in QUESTION_KINDS
    assert change.get("when", "always") in CONDITIONS
    for lang in LANGS:
        assert message(change, lang).endswith(("。", "."))


def test_every_kind_has_a_message_in_both_languages_with_its_placeholders():
    assert set(STRINGS["changes"]) == ITEM_KINDS | QUESTION_KINDS
    for kind, words in STRINGS["changes"].items():
        for lang in LANGS:
            names = {name for _, name, _, _ in string.Formatter().parse(words[lang]) if name}
            allowed = {"question"} if kind in QUESTION_KINDS else {"step", "phase"}
            assert names and names <= allowed, (kind, lang)


# --- Version 1 to today, merchant by merchant ---------------------------------


def test_a_person_undecided_about_the_bank_account_learns_it_is_not_on_their_list():
    # Listed under version 2 ("not sure" kept it), optional since version 3.
    assert told(state(PERSON)) == [
        ("now_required", "records-exported"),
        ("reworded", "device-wiped"),
        ("added", "records-exported-again"),
        ("moved", "linked-services-unbound"),
        ("no_longer_applies", "bank-account-closed"),
    ]
    assert told(state(PERSON, rules=2)) == [
        ("added", "records-exported-again"),
        ("no_longer_applies", "bank-account-closed"),
    ]


def test_a_person_who_closes_the_account_learns_it_now_comes_last():
    assert told(state({**PERSON, "close_bank_account": "yes"})) == [
        ("question_changed", "close_bank_account"),
        ("now_required", "records-exported"),
        ("reworded", "device-wiped"),
        ("added", "records-exported-again"),
        ("moved", "linked-services-unbound"),
        ("reordered", "bank-account-closed"),
    ]


def test_a_person_keeping_the_account_is_asked_to_check_the_answer_and_told_no_bank_step():
    assert told(state({**PERSON, "close_bank_account": "no"})) == [
        ("question_changed", "close_bank_account"),
        ("now_required", "records-exported"),
        ("reworded", "device-wiped"),
        ("added", "records-exported-again"),
        ("moved", "linked-services-unbound"),
    ]


def test_a_business_hears_nothing_about_the_bank_account():
    # The question is not asked of a business, even with an answer left over from before.
    assert told(state({**BUSINESS, "close_bank_account": "yes"})) == [
        ("now_required", "records-exported"),
        ("reworded", "device-wiped"),
        ("added", "records-exported-again"),
        ("moved", "linked-services-unbound"),
        ("now_applies", "tax-filed"),
        ("now_applies", "tax-paid"),
    ]


def test_the_messages_name_the_step_and_its_phase_as_the_guide_does():
    result = evaluate(state(PERSON))
    by_item = {change["item"]: change["message"] for change in result["changes"]}
    assert by_item["records-exported"] == {
        "zh": "“导出账单和签购单”现在必须在申请销户前完成。",
        "en": "“Export your statements and card slips” must now be done before you apply.",
    }
    assert by_item["linked-services-unbound"] == {
        "zh": "“解绑关联的 App 和电子支付服务”移到了第四阶段：结清资金、确认销户。",
        "en": "“Unlink the merchant app and e-payment services” has moved to "
        "Phase 4: Settle the money, confirm the closure.",
    }
    # Listed under version 2, optional since version 3: no longer on an undecided list.
    assert by_item["bank-account-closed"]["en"] == (
        "From your answers, “Close the settlement bank account (optional)” is no longer "
        "on your list."
    )


def test_ticks_alone_are_progress_to_tell_about():
    assert told(state({}, "terminal-stopped"))[0] == ("now_required", "records-exported")


@pytest.mark.parametrize(
    "value",
    [
        {},
        {"schema": 2},
        {"schema": 1, "answers": {}, "done": [], "notes": "备注"},
        state({}, notes="only notes", merchant={"name": "店"}),
        state({"paid_deposit": None}),
        state({}, "fly-to-the-moon"),
    ],
    ids=str,
)
def test_nothing_answered_or_ticked_is_told_nothing(value):
    assert evaluate(value)["changes"] == []


@pytest.mark.parametrize(
    "value",
    [
        state(PERSON, rules=RULES_VERSION),
        {**new_state(), "answers": PERSON, "done": {"device-wiped": True}},
        state(PERSON, rules="1"),  # invalid: read as today's, with a problem
    ],
    ids=str,
)
def test_a_state_shown_with_today_s_rules_is_told_nothing(value):
    assert evaluate(value)["changes"] == []


def test_a_schema_1_state_is_told_what_changed_since_version_1():
    old = {"schema": 1, "answers": PERSON, "done": ["records-exported"]}
    assert told(old) == told(state(PERSON, "records-exported"))
    assert told(old) != []


def test_the_result_says_today_s_version_to_save_once_shown():
    result = evaluate(state(PERSON))
    assert result["state"]["rules"] == 1
    assert result["rules"] == RULES_VERSION
    assert evaluate({**result["state"], "rules": result["rules"]})["changes"] == []


# --- The summary and check() -------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_summary_lists_them_in_its_language_linked_to_the_step_or_question(lang):
    old = state({**PERSON, "close_bank_account": "yes"})
    evaluated = evaluate(old)["changes"]
    shown = summary(old, lang)["changes"]
    assert [change["message"] for change in shown] == [
        change["message"][lang] for change in evaluated
    ]
    assert [change["href"] for change in shown] == [
        "checklist/#question-close_bank_account",
        "guide/before/#records-exported",
        "guide/contract/#device-wiped",
        "guide/settle/#records-exported-again",
        "guide/settle/#linked-services-unbound",
        "guide/bank/#bank-account-closed",
    ]
    assert shown[1] == {
        "item": "records-exported",
        "question": None,
        "kind": "now_required",
        "href": "guide/before/#records-exported",
        "message": evaluated[1]["message"][lang],
    }
    assert summary(old, lang)["labels"]["changes"] == STRINGS["labels"]["changes"][lang]


def test_check_gives_the_same_changes_as_evaluate_and_summary():
    old = state(PERSON, "device-wiped")
    result = check(old, "en")
    assert result["evaluation"]["changes"] == evaluate(old)["changes"]
    assert result["summary"]["changes"] == summary(old, "en")["changes"]
    assert result["evaluation"]["changes"]


# --- Any history: every kind, several versions at once ------------------------

HISTORY_OF_3 = {
    1: [],
    2: [
        {"item": "terminal-stopped", "kind": "reworded"},
        {"item": "deposit-refunded", "kind": "no_longer_applies"},
        {"item": "annual-report-filed", "kind": "added"},
        {"question": "closing_business", "kind": "question_changed"},
    ],
    3: [
        {"item": "terminal-stopped", "kind": "reworded"},  # said again: told once
        {"item": "deposit-refunded", "kind": "now_applies", "when": "deposit_may_be_paid"},
        {"question": "close_bank_account", "kind": "question_changed"},
        {"item": "stop-period-met", "kind": "no_longer_required", "when": "is_person"},
    ],
}


def since(answers: dict, rules: int, done: tuple = ("tax-filed",)) -> list[tuple]:
    result = evaluate(state(answers, *done))
    clean = {**result["state"], "rules": rules}
    found = changes_since(clean, result["applicable"], result["asked"], HISTORY_OF_3)
    for change in found:
        assert set(change["message"]) == set(LANGS)
    return [(change["kind"], change["item"] or change["question"]) for change in found]


def test_every_version_after_the_state_s_is_told_each_change_once_in_guide_order():
    closing = {**BUSINESS, "closing_business": "yes"}
    assert since(closing, 1) == [
        ("question_changed", "closing_business"),
        ("reworded", "terminal-stopped"),
        ("no_longer_applies", "deposit-refunded"),
        ("added", "annual-report-filed"),
    ]
    assert since(closing, 2) == [("reworded", "terminal-stopped")]
    assert since(closing, 3) == []


def test_a_step_that_no_longer_applies_is_told_only_to_whom_it_does_not_apply():
    assert ("no_longer_applies", "deposit-refunded") in since(BUSINESS, 1)
    assert ("no_longer_applies", "deposit-refunded") not in since(
        {**BUSINESS, "paid_deposit": "yes"}, 1
    )
    assert ("now_applies", "deposit-refunded") in since({**BUSINESS, "paid_deposit": "yes"}, 1)


def test_a_step_that_does_not_apply_is_never_told_it_was_added_or_changed():
    # annual-report-filed applies only when the business itself closes.
    assert ("added", "annual-report-filed") not in since(BUSINESS, 1)


def test_a_question_change_is_told_only_when_it_is_asked_and_was_answered():
    with_bank = {**PERSON, "close_bank_account": "no"}
    assert ("question_changed", "close_bank_account") in since(with_bank, 2)
    assert ("question_changed", "close_bank_account") not in since(PERSON, 2)
    assert ("question_changed", "close_bank_account") not in since(
        {**BUSINESS, "close_bank_account": "no"}, 2
    )


def test_a_change_with_a_condition_is_told_only_when_it_holds():
    assert ("no_longer_required", "stop-period-met") in since(PERSON, 2)
    assert ("no_longer_required", "stop-period-met") not in since(BUSINESS, 2)


# --- Properties -----------------------------------------------------------------

ANSWERS = st.fixed_dictionaries(
    {},
    optional={
        key: st.sampled_from([option["value"] for option in spec["options"]])
        for key, spec in QUESTIONS.items()
    },
)
TICKS = st.sets(st.sampled_from(list(ITEMS)))


@given(ANSWERS, TICKS)
def test_a_state_with_today_s_rules_never_gets_changes(answers, ticks):
    assert evaluate(state(answers, *ticks, rules=RULES_VERSION))["changes"] == []


@given(ANSWERS, TICKS, st.sampled_from(["en", "zh"]))
def test_an_old_state_gets_only_its_own_steps_and_questions_in_guide_order(answers, ticks, lang):
    result = evaluate(state(answers, *ticks, rules=1))
    order = [*QUESTIONS, *ITEMS]
    positions = []
    for change in result["changes"]:
        if change["item"]:
            assert change["question"] is None
            gone = change["kind"] == "no_longer_applies"
            assert (change["item"] in result["applicable"]) is not gone
            positions.append(order.index(change["item"]))
        else:
            assert change["question"] in result["asked"]
            assert change["question"] in result["state"]["answers"]
            positions.append(order.index(change["question"]))
        assert all(change["message"][code] for code in LANGS)
    assert positions == sorted(positions)
    assert len(summary(state(answers, *ticks, rules=1), lang)["changes"]) == len(positions)
    assert bool(result["changes"]) == bool(answers or ticks)
