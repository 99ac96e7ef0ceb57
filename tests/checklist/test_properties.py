"""Properties over arbitrary input: never raises, always a valid JSON result."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from checklist import SCHEMA, VERDICTS, evaluate, migrate, summary
from checklist.data import ITEMS, PHASES, QUESTIONS

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda children: st.lists(children) | st.dictionaries(st.text(), children),
    max_leaves=20,
)
ITEM_IDS = st.sampled_from(list(ITEMS))
ANSWERS = st.fixed_dictionaries(
    {},
    optional={
        key: st.sampled_from([option["value"] for option in spec["options"]])
        for key, spec in QUESTIONS.items()
    },
)
VALID_STATES = st.builds(
    lambda answers, done: {"schema": SCHEMA, "answers": answers, "done": dict.fromkeys(done, True)},
    ANSWERS,
    st.sets(ITEM_IDS),
)
# Shaped like a state, of either schema, with anything in any place.
TEXTS = st.text() | st.text(alphabet="0123456789ABCDEFＡＢ０１２ -\u3000", max_size=20)
STATES = st.fixed_dictionaries(
    {},
    optional={
        "schema": st.sampled_from([1, 2, 1, 2, 3, 0, -1, "2", None, True, 2.0]) | JSON,
        "answers": st.dictionaries(
            st.sampled_from(list(QUESTIONS)) | st.text(),
            st.sampled_from(["person", "business", "yes", "no", "unsure", None]) | JSON,
        )
        | JSON,
        "done": st.dictionaries(ITEM_IDS | st.text(), st.booleans() | JSON)
        | st.lists(ITEM_IDS | JSON)
        | JSON,
        "merchant": st.fixed_dictionaries(
            {}, optional={"merchant_id": TEXTS | JSON, "terminal_id": TEXTS | JSON, "name": TEXTS}
        )
        | JSON,
        "merchant_id": TEXTS | JSON,
        "terminal_id": TEXTS | JSON,
        "merchant_name": TEXTS | JSON,
        "notes": st.text() | JSON,
        "updated": st.sampled_from(["2025-01-31T09:30:00+08:00", "2025-01-31"]) | JSON,
        "other": JSON,
    },
)
ANYTHING = JSON | STATES


def check(result: dict) -> None:
    assert result["verdict"] in VERDICTS
    assert json.loads(json.dumps(result, allow_nan=False)) == result
    everything_done = result["progress"]["done"] == result["progress"]["total"]
    asking = result["verdict"] == "needs_answers"
    assert asking == bool(result["unanswered"])
    assert (result["next"] is None) == (everything_done and not asking)
    if asking:
        assert result["next"]["kind"] == "question"
        assert result["next"]["id"] == result["unanswered"][0]
    elif result["next"] is not None:
        assert result["next"]["kind"] == "item"
        assert result["next"]["id"] in result["applicable"]
    assert set(result["blockers"]) <= set(result["applicable"])
    assert set(result["unsure"]) <= set(result["applicable"])
    for problem in result["problems"]:
        assert problem["level"] in ("error", "warning")
        assert set(problem["message"]) == {"zh", "en"}


@given(ANYTHING)
def test_evaluate_never_raises_and_gives_a_valid_result(state):
    check(evaluate(state))


@given(ANYTHING)
def test_the_returned_state_is_a_fixed_point(state):
    once = evaluate(state)["state"]
    assert evaluate(once)["state"] == once


@given(ANYTHING)
def test_migrate_is_idempotent(state):
    once = migrate(state)
    json.dumps(once["problems"], allow_nan=False)
    if once["state"] is not None:
        assert migrate(once["state"]) == {"state": once["state"], "problems": []}


@settings(max_examples=50)
@given(ANYTHING, st.sampled_from(["zh", "en", "fr", None]), st.booleans())
def test_summary_never_raises(state, lang, mask):
    result = summary(state, lang, mask=mask)
    assert result["lang"] in ("zh", "en")
    assert result["verdict"] in VERDICTS
    assert json.loads(json.dumps(result, allow_nan=False)) == result


@given(VALID_STATES, ITEM_IDS)
def test_ticking_an_item_never_adds_a_blocker(state, item):
    before = evaluate(state)
    ticked = evaluate({**state, "done": {**state["done"], item: True}})
    assert set(ticked["blockers"]) <= set(before["blockers"])
    assert ticked["progress"]["done"] >= before["progress"]["done"]
    assert VERDICTS.index(ticked["verdict"]) >= VERDICTS.index(before["verdict"])


@given(VALID_STATES, st.sampled_from(list(QUESTIONS)), st.sampled_from(["yes", "no", "unsure"]))
def test_answering_never_adds_a_blocker_that_does_not_depend_on_the_answer(state, key, answer):
    before = evaluate(state)
    answered = evaluate({**state, "answers": {**state["answers"], key: answer}})
    unconditional = [
        item
        for item in answered["blockers"]
        if ITEMS[item]["applies"] == "always"
        and PHASES[ITEMS[item]["phase"]]["applies"] == "always"
    ]
    assert set(unconditional) <= set(before["blockers"])


@given(VALID_STATES)
def test_an_unsure_answer_never_drops_a_step_that_yes_keeps(state):
    """The cautious reading of "not sure", for the steps that protect money or proof.

    The one exception is closing the settlement bank account: an optional step whose
    mistake (closing an account still needed) costs money, so only "yes" lists it.
    """
    for key, spec in QUESTIONS.items():
        values = [option["value"] for option in spec["options"]]
        if key == "close_bank_account":
            unsure = evaluate({**state, "answers": {**state["answers"], key: "unsure"}})
            assert "bank-account-closed" not in unsure["applicable"]
        elif "unsure" in values and "yes" in values:
            unsure = evaluate({**state, "answers": {**state["answers"], key: "unsure"}})
            yes = evaluate({**state, "answers": {**state["answers"], key: "yes"}})
            assert set(yes["applicable"]) <= set(unsure["applicable"])


@given(VALID_STATES)
def test_valid_states_have_no_errors(state):
    assert all(problem["level"] == "warning" for problem in evaluate(state)["problems"])


def test_deep_nesting_and_huge_values():
    deep: object = "leaf"
    for _ in range(100_000):
        deep = [deep]
    deep_dict: object = {}
    for _ in range(100_000):
        deep_dict = {"a": deep_dict}
    huge = "商" * 1_000_000
    state = {
        "answers": {"registered_as": deep, "paid_deposit": deep_dict},
        "done": {"terminal-stopped": deep, huge: True},
        "merchant_id": huge,
        "merchant_name": huge,
        "notes": huge,
        "updated": huge,
        huge: deep_dict,
    }
    result = evaluate(state)
    check(result)
    assert len(json.dumps(result)) < 20_000
    assert len(json.dumps(summary(state, "en"))) < 40_000
