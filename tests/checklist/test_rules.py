"""evaluate(): the named scenarios, then the parts of the result one by one."""

import json

import pytest
from scenario_results import load_scenarios

from checklist import VERDICTS, evaluate, new_state
from checklist.data import ITEMS
from checklist.problems import MAX_PROBLEMS
from tests.guide_ids import BLOCKING

BEFORE_BLOCKING = list(BLOCKING)

SCENARIOS = load_scenarios()


def state(answers: dict | None = None, *done: str) -> dict:
    return {"schema": 2, "answers": answers or {}, "done": dict.fromkeys(done, True)}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario["name"])
def test_scenario(scenario):
    result = evaluate(scenario["state"])
    expect = scenario["expect"]
    assert result["verdict"] == expect["verdict"]
    assert result["blockers"] == expect["blockers"]
    assert result["next"] == expect["next"]
    assert [problem["code"] for problem in result["problems"]] == expect["problems"]


def test_the_scenarios_cover_every_verdict_and_every_conditional_item():
    assert len(SCENARIOS) >= 15
    assert {scenario["expect"]["verdict"] for scenario in SCENARIOS} == set(VERDICTS)
    conditional = {item for item, spec in ITEMS.items() if spec["applies"] != "always"}
    conditional |= {item for item, spec in ITEMS.items() if spec["phase"] in ("bank", "business")}
    for item in conditional:
        applies = [item in evaluate(s["state"])["applicable"] for s in SCENARIOS]
        assert any(applies) and not all(applies), item


def test_the_scenarios_are_self_explanatory_json():
    for scenario in SCENARIOS:
        assert set(scenario) == {"name", "about", "state", "expect"}
        assert set(scenario["expect"]) == {"verdict", "blockers", "next", "problems"}
    assert len({scenario["name"] for scenario in SCENARIOS}) == len(SCENARIOS)


def test_the_result_is_json_ready_with_the_agreed_keys():
    result = evaluate(new_state())
    assert list(result) == [
        "verdict",
        "blockers",
        "next",
        "applicable",
        "phases",
        "asked",
        "progress",
        "problems",
        "state",
    ]
    assert json.loads(json.dumps(result, allow_nan=False)) == result


def test_verdicts():
    assert VERDICTS == ("not_ready", "ready_to_apply", "in_progress", "closed")


@pytest.mark.parametrize(
    ("answers", "done", "verdict"),
    [
        ({}, [], "not_ready"),
        ({}, BEFORE_BLOCKING[:-1], "not_ready"),
        ({}, BEFORE_BLOCKING, "ready_to_apply"),
        ({"device_must_return": "no"}, BEFORE_BLOCKING[:4] + BEFORE_BLOCKING[5:], "ready_to_apply"),
        # Submitted while a blocker is open: blockers come first.
        ({}, ["application-submitted", *BEFORE_BLOCKING[1:]], "not_ready"),
        ({}, [*BEFORE_BLOCKING, "application-submitted"], "in_progress"),
        # Closure confirmed but items still open.
        ({}, [*BEFORE_BLOCKING, "application-submitted", "closure-confirmed"], "in_progress"),
        ({}, list(ITEMS), "closed"),
        # Everything but the application: it has not been submitted.
        ({}, [item for item in ITEMS if item != "application-submitted"], "ready_to_apply"),
    ],
)
def test_verdict(answers, done, verdict):
    assert evaluate(state(answers, *done))["verdict"] == verdict


def test_next_is_the_first_blocker_then_the_first_open_item():
    assert evaluate(state({}, "terminal-stopped", "records-exported"))["next"] == "stop-period-met"
    # All blockers done: the recommended export, which comes before them in the guide, is next.
    assert evaluate(state({}, *BEFORE_BLOCKING))["next"] == "records-exported"
    assert evaluate(state({}, *ITEMS))["next"] is None


def test_progress_counts_applicable_items_only():
    answers = {"device_must_return": "no", "paid_deposit": "no"}
    result = evaluate(state(answers, "terminal-stopped", "device-returned", "tax-paid"))
    assert result["progress"] == {"done": 1, "total": 18}
    assert result["progress"]["total"] == len(result["applicable"])


def test_asked():
    assert evaluate(state())["asked"] == [
        "registered_as",
        "device_must_return",
        "paid_deposit",
        "closing_business",
    ]
    person = evaluate(state({"registered_as": "person"}))["asked"]
    assert person[-1] == "close_bank_account"


def test_ticks_that_do_not_apply_are_kept_but_warned():
    answers = {"device_must_return": "no"}
    result = evaluate(state(answers, *BEFORE_BLOCKING))
    assert result["state"]["done"]["device-return-arranged"] is True
    assert [(p["code"], p["item"], p["level"]) for p in result["problems"]] == [
        ("not_applicable", "device-return-arranged", "warning")
    ]


def test_out_of_order_ticks_are_warned_one_by_one():
    result = evaluate(state({}, "terminal-stopped", "records-exported", "device-wiped", "tax-paid"))
    assert [(p["code"], p["item"]) for p in result["problems"]] == [
        ("not_applicable", "tax-paid"),
        ("out_of_order", "device-wiped"),
    ]


def test_no_out_of_order_warnings_without_blockers():
    result = evaluate(state({}, *BEFORE_BLOCKING, "device-wiped"))
    assert result["problems"] == []


@pytest.mark.parametrize(
    ("done", "warned"),
    [
        (["linked-services-unbound"], True),
        (["records-exported", "linked-services-unbound"], False),
        (["records-exported"], False),
        ([], False),
    ],
)
def test_unbinding_before_exporting_is_warned(done, warned):
    problems = evaluate(state({}, *BEFORE_BLOCKING, *done))["problems"]
    expected = [("unbound_before_export", "linked-services-unbound", "warning")] if warned else []
    assert [(p["code"], p["item"], p["level"]) for p in problems] == expected


def test_problems_are_capped():
    result = evaluate({"schema": 2, "done": {f"unknown-{n}": True for n in range(500)}})
    assert len(result["problems"]) == MAX_PROBLEMS + 1
    assert result["problems"][-1]["code"] == "too_many_problems"
    assert "50" in result["problems"][-1]["message"]["en"]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario["name"])
def test_the_returned_state_is_normalised_for_good(scenario):
    once = evaluate(scenario["state"])
    again = evaluate(once["state"])
    assert again["state"] == once["state"]
    for key in ("verdict", "blockers", "next", "applicable", "progress"):
        assert again[key] == once[key]
