"""Schema 1 (or no schema) and schema 2 to schema 3, refusing newer schemas, idempotence."""

import copy

import pytest

from checklist import SCHEMA, evaluate, migrate, new_state
from checklist.state import FIELDS

V1 = {
    "schema": 1,
    "answers": {"registered_as": "person", "paid_deposit": "unsure"},
    "done": ["terminal-stopped", "records-exported"],
    "merchant_id": "822290059430BCY",
    "terminal_id": "A9254710",
    "merchant_name": "小王便利店",
    "notes": "押金收据在抽屉里",
}
V2 = {
    "schema": 2,
    "answers": {"registered_as": "person", "paid_deposit": "unsure"},
    "done": {"terminal-stopped": True, "records-exported": True},
    "merchant": {"merchant_id": "822290059430BCY", "terminal_id": "A9254710", "name": "小王便利店"},
    "notes": "押金收据在抽屉里",
}
WITHOUT_SCHEMA = {key: value for key, value in V1.items() if key != "schema"}
# Schema 2 brought forward: the same values, the closure record still empty.
V3_FROM_V2 = {**V2, "schema": 3}
V3 = {
    **V3_FROM_V2,
    "record": {"application-submitted": {"date": "2026-11-02", "reference": "SQ-0042"}},
    "follow_up": {"refund_by": "2026-12-20"},
}


def codes(result: dict) -> list[tuple[str, str]]:
    return [(p["code"], p["field"]) for p in result["problems"]]


@pytest.mark.parametrize(
    ("old", "new", "problems"),
    [
        (V1, V3_FROM_V2, []),
        (WITHOUT_SCHEMA, V3_FROM_V2, []),
        (V2, V3_FROM_V2, []),
        ({}, {"schema": SCHEMA}, []),
        ({"schema": 1}, {"schema": SCHEMA}, []),
        ({"done": []}, {"schema": SCHEMA, "done": {}}, []),
        ({"done": ["a", 5, None, "b"]}, {"schema": SCHEMA, "done": {"a": True, "b": True}},
         [("wrong_type", "done.1"), ("wrong_type", "done.2")]),
        # A done that is not a list, and keys schema 1 did not have, are left for validation.
        ({"done": "terminal-stopped"}, {"schema": SCHEMA, "done": "terminal-stopped"}, []),
        ({"done": {"tax-paid": True}}, {"schema": SCHEMA, "done": {"tax-paid": True}}, []),
        ({"extra": [1]}, {"schema": SCHEMA, "extra": [1]}, []),
        ({"merchant_name": 5}, {"schema": SCHEMA, "merchant": {"name": 5}}, []),
        # A schema-2 layout without its schema key keeps its merchant details...
        ({"merchant": {"name": "店"}}, {"schema": SCHEMA, "merchant": {"name": "店"}}, []),
        # ... and flat schema-1 details fill the empty ones; a nested value is kept,
        # and a different flat one is reported, never dropped silently.
        ({"merchant": {"name": "店", "terminal_id": "T"}, "terminal_id": "A9254710"},
         {"schema": SCHEMA, "merchant": {"name": "店", "terminal_id": "T"}},
         [("merchant_conflict", "merchant.terminal_id")]),
        ({"merchant": {"name": "小王便利店"}, "merchant_name": "小王便利店", "merchant_id": "M"},
         {"schema": SCHEMA, "merchant": {"name": "小王便利店", "merchant_id": "M"}}, []),
        ({"merchant": {"name": "", "terminal_id": None}, "merchant_name": "店", "terminal_id": "T"},
         {"schema": SCHEMA, "merchant": {"name": "店", "terminal_id": "T"}}, []),
        ({"merchant": {"name": "店"}, "merchant_name": ""},
         {"schema": SCHEMA, "merchant": {"name": "店"}}, []),
        ({"merchant": {"name": "店"}, "merchant_name": ["x"]},
         {"schema": SCHEMA, "merchant": {"name": "店"}}, [("merchant_conflict", "merchant.name")]),
        ({"merchant": "店", "merchant_id": "M"},
         {"schema": SCHEMA, "merchant": {"merchant_id": "M"}}, [("wrong_type", "merchant")]),
        ({"done": list(range(300))},
         {"schema": SCHEMA, "done": {}},
         [("too_many_entries", "done")] + [("wrong_type", f"done.{n}") for n in range(49)]
         + [("too_many_problems", "")]),
    ],
)  # fmt: skip
def test_migrates_to_the_current_layout(old, new, problems):
    before = copy.deepcopy(old)
    result = migrate(old)
    assert result["state"] == new
    assert codes(result) == problems
    assert old == before  # the input is not changed


def test_nothing_is_lost():
    state = evaluate(V1)["state"]
    assert list(state["done"]) == V1["done"]
    assert state["notes"] == V1["notes"]
    assert state["merchant"] == V2["merchant"]
    assert state["answers"] == V1["answers"]
    assert evaluate(V1) == evaluate(V2)


@pytest.mark.parametrize("state", [V3, new_state(), {"schema": SCHEMA, "anything": {"else": 1}}])
def test_current_states_come_back_unchanged(state):
    result = migrate(state)
    assert result == {"state": state, "problems": []}
    assert result["state"] is not state


@pytest.mark.parametrize("schema", [SCHEMA + 1, 99, 10**100])
def test_a_newer_schema_is_refused_not_raised(schema):
    result = migrate({"schema": schema, "done": {"terminal-stopped": True}})
    assert result["state"] is None
    assert codes(result) == [("schema_too_new", "schema")]
    assert result["problems"][0]["level"] == "error"


@pytest.mark.parametrize(
    "schema", ["3", "2", "1", 3.5, 2.0, 1.0, True, False, 0, -1, None, [2], {"v": 2}, ""]
)
def test_a_schema_that_is_not_a_known_whole_number_is_refused_never_read_as_schema_1(schema):
    result = migrate({"schema": schema, "done": ["terminal-stopped"], "notes": "押金"})
    assert result["state"] is None
    assert codes(result) == [("schema_invalid", "schema")]
    assert result["problems"][0]["level"] == "error"
    evaluated = evaluate({"schema": schema, "done": {"terminal-stopped": True}})
    assert evaluated["state"] == new_state()
    assert [p["code"] for p in evaluated["problems"]] == ["schema_invalid"]


def test_a_newer_schema_is_evaluated_as_empty_and_reported():
    result = evaluate({"schema": SCHEMA + 1, "done": {"terminal-stopped": True}})
    assert result["state"] == new_state()
    assert [p["code"] for p in result["problems"]] == ["schema_too_new"]
    assert result["verdict"] == "needs_answers"


@pytest.mark.parametrize("value", [None, [], ["terminal-stopped"], "state", 2, 2.5, True])
def test_not_an_object_gives_an_empty_state(value):
    result = migrate(value)
    assert result["state"] == new_state()
    assert codes(result) == [("wrong_type", "")]


@pytest.mark.parametrize(
    "state",
    [V1, WITHOUT_SCHEMA, V2, {}, None, {"done": [1]}, {f"k{n}": n for n in range(1000)}],
)
def test_migrating_twice_changes_nothing(state):
    once = migrate(state)["state"]
    twice = migrate(once)
    assert twice == {"state": once, "problems": []}


def test_problems_are_capped():
    result = migrate({"done": list(range(200))})
    assert len(result["problems"]) == 51
    assert result["problems"][-1]["code"] == "too_many_problems"


def test_the_text_fields_lead_to_text_in_a_new_state_and_schema_1_keeps_them_flat() -> None:
    for path in FIELDS.values():
        node: object = new_state()
        for key in path:
            assert isinstance(node, dict), path
            node = node[key]
        assert node == "", path
    flat = {name: f"value of {name}" for name, path in FIELDS.items() if path[0] == "merchant"}
    assert set(flat) == {"merchant_id", "terminal_id", "merchant_name"}
    migrated = migrate({"schema": 1, "answers": {}, "done": [], **flat})
    merchant = migrated["state"]["merchant"]
    for name, value in flat.items():
        assert merchant[FIELDS[name][1]] == value
