"""check() and check_import(): one engine call per change, and per imported file."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import ANYTHING

from checklist import __all__ as public
from checklist import check, check_import, evaluate, new_state, summary
from checklist.data import LANGS, LIMITS
from checklist.rules import VERDICTS

ANSWERED = {
    "registered_as": "business",
    "device_must_return": "no",
    "paid_deposit": "no",
    "closing_business": "no",
}
HERE = {
    "schema": 2,
    "answers": ANSWERED,
    "done": {"terminal-stopped": True, "stop-period-met": True},
    "merchant": {"merchant_id": "822290059430BCY", "terminal_id": "A9254710", "name": "小王便利店"},
    "notes": "押金收据在抽屉里",
    "updated": "2025-01-31T09:30:00+08:00",
}


def test_both_calls_are_public():
    assert {"check", "check_import"} <= set(public)


@pytest.mark.parametrize("lang", ["zh", "en", "fr"])
@pytest.mark.parametrize("mask", [False, True])
def test_check_is_evaluate_and_summary_together(lang, mask):
    result = check(HERE, lang, mask)
    assert list(result) == ["evaluation", "summary"]
    assert result["evaluation"] == evaluate(HERE)
    assert result["summary"] == summary(HERE, lang, mask=mask)
    assert check(HERE, lang, mask=mask) == result


def test_check_evaluates_the_state_once(monkeypatch):
    import checklist.checking as module

    calls = []
    real = module.evaluate
    monkeypatch.setattr(module, "evaluate", lambda state: calls.append(state) or real(state))
    check(HERE, "zh")
    assert calls == [HERE]


def test_check_masks_only_when_asked():
    assert check(HERE, "en")["summary"]["merchant"]["merchant_id"] == "822290059430BCY"
    assert check(HERE, "en", True)["summary"]["merchant"]["merchant_id"] == "822•••••••••BCY"


def counts(answers=0, ticks=0, merchant=0, notes=0, updated=None) -> dict:
    return {"answers": answers, "ticks": ticks, "merchant": merchant, "notes": notes,
            "updated": updated}  # fmt: skip


def test_a_clean_file_is_imported_with_no_changes_and_both_sides_counted():
    result = check_import(HERE, new_state())
    assert result == {
        "state": evaluate(HERE)["state"],
        "refused": None,
        "changes": [],
        "differences": result["differences"],
        "incoming": counts(4, 2, 3, 8, "2025-01-31T09:30:00+08:00"),
        "current": counts(),
    }
    # Everything the file holds is new here, field by field.
    assert [(each["field"], each["change"]) for each in result["differences"]] == [
        *((f"answers.{key}", "added") for key in HERE["answers"]),
        ("done.terminal-stopped", "added"),
        ("done.stop-period-met", "added"),
        ("merchant.merchant_id", "added"),
        ("merchant.terminal_id", "added"),
        ("merchant.name", "added"),
        ("notes", "added"),
    ]


def test_an_empty_file_holds_nothing_against_what_is_here():
    result = check_import({}, HERE)
    assert result["refused"] is None
    # A file without a rules version was saved before versions were recorded.
    assert result["state"] == {**new_state(), "rules": 1}
    assert result["changes"] == []
    assert result["incoming"] == counts()
    assert result["current"] == counts(4, 2, 3, 8, "2025-01-31T09:30:00+08:00")


@pytest.mark.parametrize(
    ("value", "code"),
    [
        (None, "wrong_type"),
        ([], "wrong_type"),
        ("progress", "wrong_type"),
        (7, "wrong_type"),
        ({"schema": 4, "done": {"terminal-stopped": True}}, "schema_too_new"),
        ({"schema": "3"}, "schema_invalid"),
        ({"schema": 3.5}, "schema_invalid"),
        ({"schema": True}, "schema_invalid"),
        ({"schema": "2", "done": ["terminal-stopped"]}, "schema_invalid"),
    ],
)
def test_a_file_that_is_not_readable_progress_is_refused_and_nothing_else_is_said(value, code):
    result = check_import(value, HERE)
    assert result["state"] is None
    assert result["refused"]["code"] == code
    assert result["refused"]["level"] == "error"
    for lang in LANGS:
        message = result["refused"]["message"][lang]
        assert "没有导入任何内容" in message or "nothing was imported" in message
    # Nothing was imported, so no change is listed next to the refusal.
    assert result["changes"] == []
    assert result["incoming"] is None
    assert result["current"] == counts(4, 2, 3, 8, "2025-01-31T09:30:00+08:00")


FILE = {
    "schema": 2,
    "answers": {"registered_as": "person", "paid_deposit": "maybe", "colour": "red"},
    "done": {"terminal-stopped": "yes", "fly-to-the-moon": True, "stop-period-met": True},
    "merchant": {"name": "字" * 101, "merchant_id": 822290059430, "phone": "1"},
    "notes": {"text": "押金"},
    "updated": "yesterday",
    "extra": [1],
}


def test_every_change_an_import_makes_is_listed():
    result = check_import(FILE, HERE)
    changes = [(change["code"], change["field"]) for change in result["changes"]]
    assert changes == [
        ("unknown_answer", "answers.paid_deposit"),
        ("unknown_question", "answers.colour"),
        ("wrong_type", "done.terminal-stopped"),
        ("unknown_item", "done.fly-to-the-moon"),
        ("too_long", "merchant.name"),
        ("wrong_type", "merchant.merchant_id"),
        ("unknown_field", "merchant.phone"),
        ("wrong_type", "notes"),
        ("invalid_date", "updated"),
        ("unknown_field", "extra"),
    ]
    assert all(change["level"] == "error" for change in result["changes"])
    assert result["state"]["done"] == {"stop-period-met": True}
    assert result["state"]["merchant"]["name"] == "字" * 100
    assert result["incoming"] == counts(1, 1, 1, 0, None)


def test_changes_are_never_cut_short_while_evaluate_lists_fifty():
    many = {"schema": 2, "done": {f"unknown-{n}": True for n in range(120)}}
    assert len(check_import(many, HERE)["changes"]) == 120
    problems = evaluate(many)["problems"]
    assert len(problems) == 51 and problems[-1]["code"] == "too_many_problems"


def test_a_huge_file_is_read_up_to_its_limits_and_says_so():
    huge = {"schema": 2, "done": {f"unknown-{n}": True for n in range(100_000)}}
    changes = check_import(huge, HERE)["changes"]
    assert changes[0]["code"] == "too_many_entries"
    assert len(changes) == 1 + LIMITS["entries"]


def test_warnings_are_not_changes():
    # An unusual number is kept (a warning), and so is a tick that does not apply.
    value = {**HERE, "merchant": {"merchant_id": "123"}, "done": {"device-returned": True}}
    result = check_import(value, HERE)
    assert result["changes"] == []
    assert result["state"]["merchant"]["merchant_id"] == "123"
    assert result["state"]["done"] == {"device-returned": True}


def test_invisible_characters_and_schema_1_conflicts_are_changes():
    value = {
        "schema": 1,
        "merchant": {"name": "小王便利店"},
        "merchant_name": "老王",
        "notes": "押金\u202e收据",
        "done": ["terminal-stopped"],
    }
    result = check_import(value, None)
    assert [(c["code"], c["field"]) for c in result["changes"]] == [
        ("merchant_conflict", "merchant.name"),
        ("invisible_removed", "notes"),
    ]
    assert result["state"]["merchant"]["name"] == "小王便利店"
    assert result["state"]["notes"] == "押金收据"
    assert result["current"] == counts()


def test_an_unreadable_current_state_is_not_counted_as_empty():
    assert check_import(HERE, {"schema": 99})["current"] is None


@settings(max_examples=60)
@given(ANYTHING, ANYTHING)
def test_check_import_never_raises_and_never_contradicts_itself(value, current):
    result = check_import(value, current)
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    if result["refused"] is None:
        assert result["state"] == evaluate(result["state"])["state"]
        assert result["incoming"] is not None
        assert all(change["level"] == "error" for change in result["changes"])
        # Importing the clean state again changes nothing.
        assert check_import(result["state"], current)["changes"] == []
    else:
        assert result["state"] is None and result["changes"] == []
        assert result["incoming"] is None


@settings(max_examples=40)
@given(ANYTHING, st.sampled_from(["zh", "en", None]), st.booleans())
def test_check_never_raises(state, lang, mask):
    result = check(state, lang, mask)
    assert result["evaluation"]["verdict"] in VERDICTS
    assert json.loads(json.dumps(result, allow_nan=False)) == result
