"""The closure record in the summary: done steps dated in order, open steps with
the next one first, follow-up dates or "ask customer service", references
masked only when asked."""

import pytest
from scenario_results import load_scenarios

from checklist import SCHEMA, check, summary
from checklist.data import ITEMS, STRINGS
from checklist.record import FOLLOW_UP

TYPICAL_NAME = "closure-record-typical"
(TYPICAL,) = [each["state"] for each in load_scenarios() if each["name"] == TYPICAL_NAME]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_done_steps_come_in_date_order_with_their_details(lang):
    record = summary(TYPICAL, lang)["record"]
    dates = [step["date"] for step in record["done"]]
    assert dates == sorted(dates) and None not in dates
    assert {step["id"] for step in record["done"]} == set(TYPICAL["done"])
    (approved,) = [step for step in record["done"] if step["id"] == "application-approved"]
    details = TYPICAL["record"]["application-approved"]
    assert approved["reference"] == details["reference"]
    assert approved["how"] == STRINGS["record"][f"how_{details['how']}"][lang]
    assert approved["by"] == details["by"]
    assert approved["label"] == ITEMS["application-approved"]["label"][lang]
    assert approved["wants_reference"] is True


def test_undated_steps_come_last_in_guide_order():
    state = {
        "schema": SCHEMA,
        "done": {"terminal-stopped": True, "balance-settled": True, "no-unpaid-fees": True},
        "record": {"no-unpaid-fees": {"date": "2026-10-01"}},
    }
    record = summary(state, "en")["record"]
    assert [(step["id"], step["date"]) for step in record["done"]] == [
        ("no-unpaid-fees", "2026-10-01"),
        ("terminal-stopped", None),
        ("balance-settled", None),
    ]
    assert record["labels"]["undated"] == STRINGS["record"]["undated"]["en"]


def test_open_steps_start_with_the_next_step():
    record = summary(TYPICAL, "zh")["record"]
    assert record["open"][0]["id"] == "deposit-refunded" and record["open"][0]["next"]
    assert [step["next"] for step in record["open"][1:]] == [False] * (len(record["open"]) - 1)
    assert not {step["id"] for step in record["open"]} & set(TYPICAL["done"])


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_follow_up_date_not_given_says_to_ask(lang):
    dates = summary(TYPICAL, lang)["record"]["follow_up"]
    assert [date["key"] for date in dates] == list(FOLLOW_UP)
    given = {date["key"]: date["date"] for date in dates if date["date"]}
    assert given == TYPICAL["follow_up"]
    for date in dates:
        assert (date["ask"] is None) == (date["key"] in given)
        if date["ask"]:
            assert date["ask"] == STRINGS["record"]["ask"][lang]
        assert date["href"].endswith(f"#{date['item']}")


def test_references_are_masked_only_when_asked():
    plain = [step["reference"] for step in summary(TYPICAL, "en")["record"]["done"]]
    masked = [
        step["reference"] for step in summary(TYPICAL, "en", mask_references=True)["record"]["done"]
    ]
    assert "SQ20261028-0042" in plain
    assert "SQ•••••••••••42" in masked
    assert [bool(each) for each in plain] == [bool(each) for each in masked]
    # The merchant's numbers follow their own choice.
    result = check(TYPICAL, "en", False, True)["summary"]
    assert result["merchant"]["merchant_id"] == "822290059430BCY"
    assert "SQ20261028-0042" not in [step["reference"] for step in result["record"]["done"]]
    assert (
        check(TYPICAL, "en", True, "yes")["summary"]["record"]["done"]
        == (summary(TYPICAL, "en")["record"]["done"])
    )  # only True masks the references
