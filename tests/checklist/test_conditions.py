"""The conditions, one by one, and every combination of answers against the rules in words."""

from itertools import product

import pytest

from checklist import evaluate
from checklist.conditions import CONDITIONS, holds
from checklist.data import ITEMS, PHASES, QUESTIONS

PERSON = {"registered_as": "person"}

CASES = [
    # (condition, answers, holds)
    ("always", {}, True),
    ("is_person", {}, False),
    ("is_person", {"registered_as": "person"}, True),
    ("is_person", {"registered_as": "business"}, False),
    ("device_may_return", {}, True),
    ("device_may_return", {"device_must_return": "yes"}, True),
    ("device_may_return", {"device_must_return": "unsure"}, True),
    ("device_may_return", {"device_must_return": "no"}, False),
    ("deposit_may_be_paid", {}, True),
    ("deposit_may_be_paid", {"paid_deposit": "yes"}, True),
    ("deposit_may_be_paid", {"paid_deposit": "unsure"}, True),
    ("deposit_may_be_paid", {"paid_deposit": "no"}, False),
    ("closing_bank_account", {}, False),
    ("closing_bank_account", {"registered_as": "person"}, False),
    ("closing_bank_account", {"registered_as": "person", "close_bank_account": "yes"}, True),
    ("closing_bank_account", {"registered_as": "person", "close_bank_account": "unsure"}, False),
    ("closing_bank_account", {"registered_as": "person", "close_bank_account": "no"}, False),
    ("closing_bank_account", {"registered_as": "business", "close_bank_account": "yes"}, False),
    ("closing_bank_account", {"close_bank_account": "yes"}, False),
    ("has_business_registration", {}, True),
    ("has_business_registration", {"registered_as": "business"}, True),
    ("has_business_registration", {"registered_as": "person"}, False),
    ("has_business_registration", {"registered_as": "person", "closing_business": "yes"}, True),
    ("has_business_registration", {"registered_as": "person", "closing_business": "no"}, False),
    ("business_staying_open", {}, True),
    ("business_staying_open", {"closing_business": "no"}, True),
    ("business_staying_open", {"closing_business": "yes"}, False),
    ("business_closing", {}, False),
    ("business_closing", {"closing_business": "yes"}, True),
    ("business_closing", {"closing_business": "no"}, False),
    ("bank_account_was_closing", {}, False),
    ("bank_account_was_closing", PERSON, False),
    ("bank_account_was_closing", {**PERSON, "close_bank_account": "yes"}, True),
    ("bank_account_was_closing", {**PERSON, "close_bank_account": "unsure"}, False),
    ("bank_account_was_closing", {**PERSON, "close_bank_account": "no"}, False),
    ("bank_account_was_closing", {"registered_as": "business", "close_bank_account": "yes"}, False),
    ("bank_account_undecided", {}, False),
    ("bank_account_undecided", PERSON, True),
    ("bank_account_undecided", {**PERSON, "close_bank_account": "unsure"}, True),
    ("bank_account_undecided", {**PERSON, "close_bank_account": "yes"}, False),
    ("bank_account_undecided", {**PERSON, "close_bank_account": "no"}, False),
    ("bank_account_undecided", {"registered_as": "business"}, False),
]


@pytest.mark.parametrize(("name", "answers", "expected"), CASES)
def test_condition(name, answers, expected):
    assert holds(name, answers) is expected
    assert CONDITIONS[name](answers) is expected


def test_every_condition_has_cases():
    assert {name for name, _, _ in CASES} == set(CONDITIONS)


# Every combination of answers, each question also unanswered (None).
COMBINATIONS = list(
    product(*([None, *(option["value"] for option in q["options"])] for q in QUESTIONS.values()))
)


@pytest.mark.parametrize("combination", COMBINATIONS, ids=str)
def test_what_applies_follows_the_rules(combination):
    answers = {key: value for key, value in zip(QUESTIONS, combination, strict=True) if value}
    result = evaluate({"schema": 2, "answers": answers})

    person = answers.get("registered_as") == "person"
    device = answers.get("device_must_return") in (None, "yes", "unsure")
    deposit = answers.get("paid_deposit") in (None, "yes", "unsure")
    # Optional: only a person who decided to close it.
    bank = person and answers.get("close_bank_account") == "yes"
    business = answers.get("closing_business") == "yes"
    # Tax filings: any business registration (not said yet counts), or one that closes.
    tax = not person or business

    left_out = set()
    if not device:
        left_out |= {"device-return-arranged", "device-returned"}
    if not deposit:
        left_out.add("deposit-refunded")
    if not bank:
        left_out.add("bank-account-closed")
    if not tax:
        left_out |= {"tax-filed", "tax-paid"}
    if not business:
        left_out |= {"annual-report-filed", "business-deregistered"}

    assert result["applicable"] == [item for item in ITEMS if item not in left_out]
    assert result["phases"] == [
        phase for phase in PHASES if (phase != "bank" or bank) and (phase != "business" or tax)
    ]
    assert ("close_bank_account" in result["asked"]) is person
    unanswered = [key for key in result["asked"] if key not in answers]
    assert result["unanswered"] == unanswered
    assert (result["verdict"] == "needs_answers") is bool(unanswered)
    # Until every question is answered, no conditional item blocks.
    blocks = device and not unanswered
    assert ("device-return-arranged" in result["blockers"]) is blocks
    assert len(result["blockers"]) == 6 + blocks
    unsure = {key for key in ("device_must_return", "paid_deposit") if answers.get(key) == "unsure"}
    assert set(result["unsure"].values()) == unsure
