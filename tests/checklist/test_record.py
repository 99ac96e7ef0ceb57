"""The closure record: per-step details and follow-up dates, checked like the rest
(hostile input, limits, wrong types), carried through schema 1 and 2 saves, and
kept out of the progress code."""

import copy

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checklist import (
    SCHEMA,
    check_import,
    decode_progress,
    encode_progress,
    evaluate,
    migrate,
    new_state,
)
from checklist.data import ITEMS, LIMITS, QUESTIONS
from checklist.record import FIELDS, FOLLOW_UP, HOW, REFERENCE_ITEMS, read_record
from checklist.validate import INVISIBLE

REFERENCE = LIMITS["record.reference"]
BY = LIMITS["record.by"]


def record_of(details: object, item: str = "application-submitted") -> tuple[dict, list]:
    result = evaluate({"schema": SCHEMA, "record": {item: details}})
    found = [(p["code"], p["field"]) for p in result["problems"] if "field" in p]
    return result["state"]["record"], found


def test_the_data_names_real_items_and_the_agreed_fields():
    assert set(REFERENCE_ITEMS) <= set(ITEMS)
    assert set(FOLLOW_UP.values()) <= set(ITEMS)
    assert {
        "application-submitted",
        "application-approved",
        "termination-signed",
        "device-returned",
        "refunds-received",
        "deposit-refunded",
        "closure-confirmed",
    } == set(REFERENCE_ITEMS)
    assert list(FOLLOW_UP) == ["refund_by", "deposit_by", "collection_on", "statement_on"]
    assert HOW == ("phone", "app", "counter", "sms", "letter")
    assert FIELDS == ("date", "reference", "how", "by")
    assert (REFERENCE, BY) == (40, 60)


A = "application-submitted"
PATH = f"record.{A}"


@pytest.mark.parametrize(
    ("details", "kept", "problems"),
    [
        ({"date": "2026-11-02", "reference": "SQ-0042", "how": "phone", "by": "王女士"},
         {"date": "2026-11-02", "reference": "SQ-0042", "how": "phone", "by": "王女士"}, []),
        # Fields come back in their own order; empty ones are left out.
        ({"by": "Ms Li", "date": "", "reference": None, "how": ""}, {"by": "Ms Li"}, []),
        ({}, None, []),
        # Overlong text is cut to its limit and reported.
        ({"reference": "R" * 1000}, {"reference": "R" * REFERENCE},
         [("too_long", f"{PATH}.reference")]),
        ({"by": "人" * (BY + 1)}, {"by": "人" * BY}, [("too_long", f"{PATH}.by")]),
        ({"reference": "R" * 10**6}, {"reference": "R" * REFERENCE},
         [("too_long", f"{PATH}.reference")]),
        # Zero-width and direction characters are removed and reported.
        ({"reference": "SQ\u200b-00\u202e42\ufeff"}, {"reference": "SQ-0042"},
         [("invisible_removed", f"{PATH}.reference")]),
        # One line: line breaks, tabs and control characters become one space.
        ({"by": " 王\n\n女士\t\x00x "}, {"by": "王 女士 x"}, []),
        # HTML is plain text: kept as written, never markup.
        ({"reference": "<b>1</b>&amp;"}, {"reference": "<b>1</b>&amp;"}, []),
        # Wrong types and unknown values.
        ({"reference": 42, "by": ["x"], "date": 20261102, "how": True}, None,
         [("wrong_type", f"{PATH}.reference"), ("wrong_type", f"{PATH}.by"),
          ("wrong_type", f"{PATH}.date"), ("wrong_type", f"{PATH}.how")]),
        ({"how": "fax"}, None, [("unknown_answer", f"{PATH}.how")]),
        ({"colour": "red"}, None, [("unknown_field", f"{PATH}.colour")]),
        ({"date": "2026-02-30"}, None, [("invalid_date", f"{PATH}.date")]),
        ({"date": "2026-11-02T10:00"}, None, [("invalid_date", f"{PATH}.date")]),
        ({"date": "２０２６-11-02"}, None, [("invalid_date", f"{PATH}.date")]),
        ({"date": "2026-11-02" * 10**5}, None, [("invalid_date", f"{PATH}.date")]),
        ("SQ-0042", None, [("wrong_type", PATH)]),
    ],
)  # fmt: skip
def test_a_step_s_details_are_checked(details, kept, problems):
    record, found = record_of(copy.deepcopy(details))
    assert record == ({A: kept} if kept else {})
    assert found == problems


def test_a_record_that_is_not_an_object_or_names_no_item_is_reported():
    assert evaluate({"schema": SCHEMA, "record": ["x"]})["state"]["record"] == {}
    result = evaluate({"schema": SCHEMA, "record": {"<script>": {"reference": "1"}}})
    assert [(p["code"], p["field"]) for p in result["problems"]] == [
        ("unknown_item", "record.<script>")
    ]
    many = {f"k{n}": {} for n in range(1000)}
    codes = [p["code"] for p in evaluate({"schema": SCHEMA, "record": many})["problems"]]
    assert codes[0] == "too_many_entries"


def test_records_come_back_in_guide_order_even_for_open_steps():
    items = list(ITEMS)
    record = {item: {"reference": item} for item in reversed(items)}
    assert list(read_record(record, [])) == items


@pytest.mark.parametrize(
    ("dates", "kept", "problems"),
    [
        ({"statement_on": "2027-01-05", "refund_by": "2026-12-20"},
         {"refund_by": "2026-12-20", "statement_on": "2027-01-05"}, []),
        ({"refund_by": "", "deposit_by": None}, {}, []),
        ({"refund_by": "soon"}, {}, [("invalid_date", "follow_up.refund_by")]),
        # Ten characters, as a date has, but not one; and one that does not exist.
        ({"refund_by": "2026/12/20"}, {}, [("invalid_date", "follow_up.refund_by")]),
        ({"refund_by": "2026-02-30"}, {}, [("invalid_date", "follow_up.refund_by")]),
        ({"refund_by": 3}, {}, [("wrong_type", "follow_up.refund_by")]),
        ({"payday": "2026-12-20"}, {}, [("unknown_field", "follow_up.payday")]),
        ("2026-12-20", {}, [("wrong_type", "follow_up")]),
    ],
)  # fmt: skip
def test_follow_up_dates_are_checked(dates, kept, problems):
    result = evaluate({"schema": SCHEMA, "follow_up": dates})
    assert result["state"]["follow_up"] == kept
    assert [(p["code"], p["field"]) for p in result["problems"]] == problems


def test_messages_name_the_step_never_the_value():
    result = evaluate({"schema": SCHEMA, "record": {A: {"reference": "<img src=x>\u200b"}}})
    (message,) = [p["message"] for p in result["problems"] if p["code"] == "invisible_removed"]
    assert "<img" not in message["en"] and "<img" not in message["zh"]
    assert ITEMS[A]["label"]["en"] in message["en"]
    assert ITEMS[A]["label"]["zh"] in message["zh"]


FULL = {
    **new_state(),
    "answers": {"registered_as": "person"},
    "done": {A: True},
    "record": {A: {"date": "2026-11-02", "reference": "SQ-0042", "how": "sms", "by": "客服"}},
    "follow_up": {"refund_by": "2026-12-20"},
}


def test_the_progress_code_never_holds_the_record():
    without = {**FULL, "record": {}, "follow_up": {}}
    assert encode_progress(FULL) == encode_progress(without)
    decoded = decode_progress(encode_progress(FULL))["state"]
    assert decoded["record"] == {} and decoded["follow_up"] == {}
    assert decoded["done"] == FULL["done"]


def test_export_and_import_carry_the_record():
    result = check_import(copy.deepcopy(FULL), new_state())
    assert result["changes"] == []
    assert result["state"]["record"] == FULL["record"]
    assert result["state"]["follow_up"] == FULL["follow_up"]


def test_the_import_check_says_field_by_field_what_would_change():
    current = copy.deepcopy(FULL)
    incoming = copy.deepcopy(FULL)
    incoming["record"][A]["reference"] = "SQ-0043"
    del incoming["record"][A]["by"]
    incoming["follow_up"] = {"deposit_by": "2026-12-30"}
    incoming["notes"] = "押金收据"
    found = check_import(incoming, current)["differences"]
    assert [(each["field"], each["change"]) for each in found] == [
        ("notes", "added"),
        (f"record.{A}.reference", "changed"),
        ("follow_up.deposit_by", "added"),
        (f"record.{A}.by", "removed"),
        ("follow_up.refund_by", "removed"),
    ]
    changed = found[1]["message"]
    label = ITEMS[A]["label"]["en"]
    assert changed["en"] == f"Changes the details of “{label}” (Reference number)."
    assert "SQ-0043" not in changed["en"] + changed["zh"]
    assert check_import(copy.deepcopy(FULL), copy.deepcopy(FULL))["differences"] == []
    assert check_import(None, FULL)["differences"] == []


# Saves as schema 1 and 2 pages wrote them, with anything the merchant could enter.
TEXT = st.text(max_size=30).filter(lambda text: not set(text) & set(INVISIBLE))
ANSWERS = st.fixed_dictionaries(
    {},
    optional={
        key: st.sampled_from([option["value"] for option in spec["options"]])
        for key, spec in QUESTIONS.items()
    },
)
TICKS = st.lists(st.sampled_from(list(ITEMS)), unique=True)
MERCHANT = st.fixed_dictionaries(
    {"merchant_id": st.from_regex(r"[0-9A-Z]{15}", fullmatch=True),
     "terminal_id": st.from_regex(r"[0-9A-Z]{8}", fullmatch=True),
     "name": TEXT.map(str.strip)}
)  # fmt: skip


@given(ANSWERS, TICKS, MERCHANT, TEXT)
def test_fuzzed_schema_1_and_2_saves_come_forward_with_nothing_lost(
    answers, ticks, merchant, notes
):
    v1 = {"schema": 1, "answers": answers, "done": ticks, "notes": notes,
          "merchant_id": merchant["merchant_id"], "terminal_id": merchant["terminal_id"],
          "merchant_name": merchant["name"]}  # fmt: skip
    v2 = {"schema": 2, "answers": answers, "done": dict.fromkeys(ticks, True),
          "merchant": merchant, "notes": notes}  # fmt: skip
    for old in (v1, v2):
        migrated = migrate(copy.deepcopy(old))
        assert migrated["problems"] == []
        assert migrated["state"]["schema"] == SCHEMA
        state = evaluate(old)["state"]
        assert state["answers"] == answers
        assert sorted(state["done"]) == sorted(ticks)
        assert state["merchant"] == merchant
        assert state["notes"] == notes
        assert (state["record"], state["follow_up"]) == ({}, {})
        # Migrating the result again changes nothing.
        assert evaluate(state)["state"] == state
