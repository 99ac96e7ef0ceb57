"""evaluate(): the named scenarios, then the parts of the result one by one."""

import json

import pytest
from scenario_results import load_scenarios

from checklist import VERDICTS, evaluate, new_state
from checklist.data import ITEMS, QUESTIONS, RULES
from checklist.problems import MAX_PROBLEMS
from tests.guide_ids import BLOCKING

SCENARIOS = load_scenarios()
# Every question answered: a business, terminal kept, no deposit, only the POS account closes.
ANSWERED = {
    "registered_as": "business",
    "device_must_return": "no",
    "paid_deposit": "no",
    "closing_business": "no",
}
PERSON = {**ANSWERED, "registered_as": "person", "paid_deposit": "yes", "close_bank_account": "yes"}
# The blockers that apply whatever the answers are.
UNCONDITIONAL = [item for item in BLOCKING if item != "device-return-arranged"]


def state(answers: dict | None = None, *done: str) -> dict:
    return {"schema": 2, "answers": answers or {}, "done": dict.fromkeys(done, True)}


def item(step: str) -> dict:
    return {"kind": "item", "id": step, "anchor": step}


def codes(result: dict) -> list[tuple]:
    return [(p["code"], p.get("item", p.get("field")), p["level"]) for p in result["problems"]]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario["name"])
def test_scenario(scenario):
    result = evaluate(scenario["state"])
    expect = scenario["expect"]
    assert result["verdict"] == expect["verdict"]
    assert result["blockers"] == expect["blockers"]
    assert result["next"] == expect["next"]
    assert [problem["code"] for problem in result["problems"]] == expect["problems"]
    # What changed since the state's rules version, where the scenario is about it.
    changes = [[each["kind"], each["item"] or each["question"]] for each in result["changes"]]
    assert changes == expect.get("changes", changes)


def test_the_scenarios_cover_every_verdict_and_every_conditional_item():
    assert len(SCENARIOS) >= 30
    assert {scenario["expect"]["verdict"] for scenario in SCENARIOS} == set(VERDICTS)
    told = [scenario["expect"].get("changes") for scenario in SCENARIOS]
    assert [] in told and any(told), "scenarios with and without changes to tell"
    conditional = {item for item, spec in ITEMS.items() if spec["applies"] != "always"}
    conditional |= {item for item, spec in ITEMS.items() if spec["phase"] in ("bank", "business")}
    for step in conditional:
        applies = [step in evaluate(s["state"])["applicable"] for s in SCENARIOS]
        assert any(applies) and not all(applies), step


def test_the_scenarios_cover_every_order_rule_and_an_unsure_answer():
    codes_seen = {code for s in SCENARIOS for code in s["expect"]["problems"]}
    assert {rule["code"] for rule in RULES["order"]} <= codes_seen
    assert any(evaluate(s["state"])["unsure"] for s in SCENARIOS)


def test_the_scenarios_are_self_explanatory_json():
    for scenario in SCENARIOS:
        assert set(scenario) == {"name", "about", "state", "expect"}
        # "changes" is optional: only the scenarios about a returning merchant check it.
        assert set(scenario["expect"]) - {"changes"} == {"verdict", "blockers", "next", "problems"}
    assert len({scenario["name"] for scenario in SCENARIOS}) == len(SCENARIOS)


def test_the_result_is_json_ready_with_the_agreed_keys():
    result = evaluate(new_state())
    assert list(result) == [
        "verdict",
        "unanswered",
        "blockers",
        "next",
        "applicable",
        "phases",
        "asked",
        "unsure",
        "progress",
        "changes",
        "rules",
        "problems",
        "state",
    ]
    assert json.loads(json.dumps(result, allow_nan=False)) == result


def test_verdicts():
    assert VERDICTS == ("needs_answers", "not_ready", "ready_to_apply", "in_progress", "closed")


@pytest.mark.parametrize(
    ("answers", "done", "verdict"),
    [
        ({}, [], "needs_answers"),
        ({}, list(ITEMS), "needs_answers"),
        ({key: ANSWERED[key] for key in list(ANSWERED)[:3]}, list(ITEMS), "needs_answers"),
        # A person is asked one more question.
        ({**ANSWERED, "registered_as": "person"}, list(ITEMS), "needs_answers"),
        (ANSWERED, [], "not_ready"),
        (ANSWERED, UNCONDITIONAL[:-1], "not_ready"),
        (ANSWERED, UNCONDITIONAL, "ready_to_apply"),
        ({**ANSWERED, "device_must_return": "unsure"}, UNCONDITIONAL, "not_ready"),
        ({**ANSWERED, "device_must_return": "yes"}, BLOCKING, "ready_to_apply"),
        # Submitted while a blocker is open: blockers come first.
        (ANSWERED, ["application-submitted", *UNCONDITIONAL[1:]], "not_ready"),
        (ANSWERED, [*UNCONDITIONAL, "application-submitted"], "in_progress"),
        (ANSWERED, [*UNCONDITIONAL, "application-submitted", "closure-confirmed"], "in_progress"),
        (PERSON, list(ITEMS), "closed"),
        # Everything but the application: it has not been submitted.
        (PERSON, [step for step in ITEMS if step != RULES["submitted"]], "ready_to_apply"),
    ],
)
def test_verdict(answers, done, verdict):
    assert evaluate(state(answers, *done))["verdict"] == verdict


def test_unanswered_questions_in_display_order_and_next_links_to_the_first():
    result = evaluate(state({"device_must_return": "yes", "registered_as": "person"}))
    assert result["unanswered"] == ["paid_deposit", "closing_business", "close_bank_account"]
    assert result["next"] == {
        "kind": "question",
        "id": "paid_deposit",
        "anchor": "question-paid_deposit",
    }
    assert evaluate(state(PERSON))["unanswered"] == []


def test_no_conditional_item_blocks_before_the_questions_are_answered():
    assert evaluate(state())["blockers"] == UNCONDITIONAL
    assert evaluate(state({"device_must_return": "yes"}))["blockers"] == UNCONDITIONAL
    answered = {**ANSWERED, "device_must_return": "yes"}
    assert evaluate(state(answered))["blockers"] == list(BLOCKING)


def test_next_is_the_first_blocker_then_the_apply_step_then_the_first_open_item():
    assert evaluate(state(ANSWERED, "terminal-stopped"))["next"] == item("stop-period-met")
    # Ready to apply: contacting customer service, even with a later item open before it.
    ready = evaluate(state(ANSWERED, *UNCONDITIONAL))
    assert ready["verdict"] == "ready_to_apply"
    assert ready["next"] == item("support-contacted")
    assert evaluate(state(ANSWERED, *UNCONDITIONAL, "support-contacted"))["next"] == item(
        "reason-stated"
    )
    applied = evaluate(state(ANSWERED, *UNCONDITIONAL, "support-contacted", RULES["submitted"]))
    assert applied["next"] == item("reason-stated")
    assert evaluate(state(PERSON, *ITEMS))["next"] is None


def test_the_apply_phase_holds_the_submitted_item():
    assert ITEMS[RULES["submitted"]]["phase"] == RULES["apply_phase"]
    assert ITEMS[RULES["submitted"]]["applies"] == "always"


def test_progress_counts_applicable_items_only():
    answers = {"device_must_return": "no", "paid_deposit": "no"}
    # Registered to no one yet: the tax filings count (a business may be answered), not
    # the annual report and deregistration (the business is not said to close).
    result = evaluate(state(answers, "terminal-stopped", "device-returned", "tax-paid"))
    assert result["progress"] == {"done": 2, "total": 21}
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


@pytest.mark.parametrize(
    ("answers", "unsure"),
    [
        (ANSWERED, {}),
        (
            {**ANSWERED, "device_must_return": "unsure"},
            {
                "device-return-arranged": "device_must_return",
                "device-returned": "device_must_return",
            },
        ),
        ({**ANSWERED, "paid_deposit": "unsure"}, {"deposit-refunded": "paid_deposit"}),
        # Closing the bank account is optional: "not decided" lists nothing.
        ({**PERSON, "close_bank_account": "unsure"}, {}),
    ],
)
def test_unsure_answers_keep_their_steps_and_say_which_question(answers, unsure):
    result = evaluate(state(answers))
    assert result["unsure"] == unsure
    assert set(unsure) <= set(result["applicable"])


@pytest.mark.parametrize(
    ("answer", "bank_phase"),
    [("yes", True), ("unsure", False), ("no", False), (None, False)],
)
def test_the_bank_phase_is_listed_only_for_a_person_who_decided_to_close(answer, bank_phase):
    """Optional and last: "not sure" or no answer never pushes a merchant to close it."""
    answers = {**PERSON, "close_bank_account": answer}
    assert ("bank" in evaluate(state(answers))["phases"]) is bank_phase
    business = {**answers, "registered_as": "business"}
    assert "bank" not in evaluate(state(business))["phases"]


def test_ticks_that_do_not_apply_are_kept_but_warned():
    result = evaluate(state(ANSWERED, *BLOCKING))
    assert result["state"]["done"]["device-return-arranged"] is True
    assert codes(result) == [("not_applicable", "device-return-arranged", "warning")]


def test_out_of_order_ticks_are_warned_one_by_one():
    result = evaluate(
        state(ANSWERED, "terminal-stopped", "support-contacted", "annual-report-filed")
    )
    assert [(code, where) for code, where, _ in codes(result)] == [
        ("not_applicable", "annual-report-filed"),
        ("out_of_order", "support-contacted"),
    ]


def test_no_out_of_order_warnings_without_blockers():
    assert evaluate(state(ANSWERED, *UNCONDITIONAL, "support-contacted"))["problems"] == []


# What is paid into the settlement account, and the follow-up of it after the closure.
MONEY = ["balance-settled", "refunds-received", "deposit-refunded", "closure-confirmed",
         "follow-up-done"]  # fmt: skip
UNLINKED = [("unlinked_before_export", "linked-services-unbound")]
UNLINKED_EARLY = [("unlinked_before_money", "linked-services-unbound")]
BOTH_EXPORTS = ["records-exported", "records-exported-again"]
BANK_EARLY = [("bank_closed_before_money", "bank-account-closed")]
RETURNED_EARLY = [("returned_before_wipe", "device-returned")]
DEVICE = {**ANSWERED, "device_must_return": "yes"}


@pytest.mark.parametrize(
    ("answers", "done", "warned"),
    [
        (ANSWERED, ["linked-services-unbound"], UNLINKED + UNLINKED_EARLY),
        (ANSWERED, [*BOTH_EXPORTS, "refunds-received", "linked-services-unbound"], []),
        # The second export (in the settle phase) counts as much as the first.
        (ANSWERED, ["records-exported", "refunds-received", "linked-services-unbound"], UNLINKED),
        # Unlinking before the refunds or the deposit have arrived.
        (ANSWERED, [*BOTH_EXPORTS, "linked-services-unbound"], UNLINKED_EARLY),
        ({**ANSWERED, "paid_deposit": "yes"},
         [*BOTH_EXPORTS, "refunds-received", "linked-services-unbound"], UNLINKED_EARLY),
        # Returning the terminal before its data is exported and wiped.
        (DEVICE, ["records-exported", "device-returned"], RETURNED_EARLY),
        (DEVICE, ["device-wiped", "device-returned"],
         [("wiped_before_export", "device-wiped"), *RETURNED_EARLY]),
        (DEVICE, ["records-exported", "device-wiped", "device-returned"], []),
        (ANSWERED, ["device-wiped"], [("wiped_before_export", "device-wiped")]),
        (ANSWERED, ["records-exported", "device-wiped"], []),
        (ANSWERED, ["records-exported"], []),
        (PERSON, ["bank-account-closed"], BANK_EARLY),
        (PERSON, [*MONEY[1:], "bank-account-closed"], BANK_EARLY),
        # The closure confirmed but refunds and statements not yet followed up after it.
        (PERSON, [*MONEY[:-1], "bank-account-closed"], BANK_EARLY),
        (PERSON, [*MONEY, "bank-account-closed"], []),
        # No deposit was paid: getting it back does not apply, so it is not waited for.
        ({**PERSON, "paid_deposit": "no"},
         [step for step in MONEY if step != "deposit-refunded"] + ["bank-account-closed"], []),
        ({**PERSON, "paid_deposit": "yes"},
         [step for step in MONEY if step != "deposit-refunded"] + ["bank-account-closed"],
         BANK_EARLY),
        # The bank item does not apply to a business: only that is said.
        ({**ANSWERED, "close_bank_account": "yes"}, ["bank-account-closed"],
         [("not_applicable", "bank-account-closed")]),
    ],
)  # fmt: skip
def test_order_warnings(answers, done, warned):
    # The other blockers done (the export and the balance only when listed).
    others = [step for step in UNCONDITIONAL if step not in ("records-exported", "balance-settled")]
    result = evaluate(state(answers, *others, *done))
    found = [(code, where) for code, where, level in codes(result) if code != "out_of_order"]
    assert found == warned
    assert all(level == "warning" for _, _, level in codes(result))


def test_problems_are_capped():
    result = evaluate({"schema": 2, "done": {f"unknown-{n}": True for n in range(150)}})
    assert len(result["problems"]) == MAX_PROBLEMS + 1
    assert result["problems"][-1]["code"] == "too_many_problems"
    assert "50" in result["problems"][-1]["message"]["en"]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda scenario: scenario["name"])
def test_the_returned_state_is_normalised_for_good(scenario):
    once = evaluate(scenario["state"])
    again = evaluate(once["state"])
    assert again["state"] == once["state"]
    for key in ("verdict", "unanswered", "blockers", "next", "applicable", "progress", "unsure"):
        assert again[key] == once[key]


def test_every_question_with_an_unsure_option_says_how_to_find_out():
    for spec in QUESTIONS.values():
        for option in spec["options"]:
            assert ("hint" in option) == (option["value"] == "unsure"), spec["key"]
