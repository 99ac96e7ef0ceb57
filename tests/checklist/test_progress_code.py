"""The progress code: round trips, the check characters, bad input, old rules versions."""

import itertools
import json
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_properties import ANYTHING, VALID_STATES

import checklist
from checklist import decode_progress, encode_progress, evaluate, new_state
from checklist.data import ITEMS, QUESTIONS, STRINGS
from checklist.progress_code import (
    ALPHABET,
    CHECKS,
    LAYOUTS,
    MAX_LENGTH,
    _checks,
    _decode,
    _encode,
    is_code_word,
    load_layouts,
)

CURRENT = LAYOUTS[max(LAYOUTS)]


def plain(code: str) -> str:
    return code.replace("-", "")


def code_word(symbols: list[int]) -> str:
    """``symbols`` with their check characters, as text: a code that passes the check."""
    return "".join(ALPHABET[symbol] for symbol in [*symbols, *_checks(symbols)])


def refused(result: dict) -> str:
    assert result["state"] is None
    (problem,) = result["problems"]
    assert problem["field"] == "progress_code"
    assert problem["level"] == "error"
    assert problem["message"]["zh"] and problem["message"]["en"]
    return problem["code"]


def test_the_public_api_lists_both_functions():
    assert {"encode_progress", "decode_progress"} <= set(checklist.__all__)


# --- The layout file --------------------------------------------------------


def test_versions_are_numbered_from_one_without_gaps_and_fit_the_first_character():
    assert list(LAYOUTS) == list(range(1, len(LAYOUTS) + 1))
    assert max(LAYOUTS) < len(ALPHABET)


def test_every_version_fits_in_sixteen_characters_with_unique_keys_and_ids():
    for layout in LAYOUTS.values():
        assert layout.length <= MAX_LENGTH
        keys = [key for key, _ in layout.questions]
        assert len(set(keys)) == len(keys)
        assert len(set(layout.items)) == len(layout.items)
        for _, values in layout.questions:
            assert len(set(values)) == len(values)


def test_the_current_version_holds_every_question_option_and_item_of_the_rules():
    """A new question, option or item needs a new version, or it would be lost in the code."""
    assert {key: values for key, values in CURRENT.questions} == {
        key: [option["value"] for option in spec["options"]] for key, spec in QUESTIONS.items()
    }
    assert sorted(CURRENT.items) == sorted(ITEMS)
    # A code holds answers and ticks only: decoded, it is brought to the current schema.
    assert checklist.decode_progress(encode_progress(new_state()))["state"]["schema"] == (
        checklist.SCHEMA
    )


def test_the_current_code_is_eleven_characters_in_groups_of_four():
    code = encode_progress(new_state())
    assert code == f"{CURRENT.version}000-0000-0" + code[-2:]
    assert [len(group) for group in code.split("-")] == [4, 4, 3]


# A code published with rules version 1: it must keep its meaning for good,
# whatever order the guide and items.toml take later.
PUBLISHED = {
    "1910-0001-9J": (
        {"registered_as": "person"},
        {"terminal-stopped", "follow-up-done"},
    ),
    "1T20-0000-ER": (
        {
            "registered_as": "business",
            "device_must_return": "unsure",
            "paid_deposit": "no",
            "closing_business": "yes",
        },
        set(),
    ),
}


@pytest.mark.parametrize("code", PUBLISHED)
def test_a_published_code_keeps_its_meaning(code):
    answers, done = PUBLISHED[code]
    result = decode_progress(code)
    assert result["problems"] == []
    assert result["state"]["answers"] == answers
    assert set(result["state"]["done"]) == done
    # Re-encoded, it is written in the current version and means the same.
    again = decode_progress(encode_progress(result["state"]))
    assert again["state"]["answers"] == answers
    assert set(again["state"]["done"]) == done


# --- Round trips ------------------------------------------------------------


@settings(max_examples=300)
@given(VALID_STATES)
def test_every_state_round_trips(state):
    code = encode_progress(state)
    assert len(plain(code)) <= MAX_LENGTH
    assert set(plain(code)) <= set(ALPHABET)
    result = decode_progress(code)
    assert result["problems"] == []
    expected = evaluate(state)["state"]
    assert result["state"] == {
        **new_state(),
        "answers": expected["answers"],
        "done": expected["done"],
    }


def test_every_answer_combination_round_trips_with_all_and_no_ticks():
    choices = [[None, *values] for _, values in CURRENT.questions]
    for combination in itertools.product(*choices):
        answers = {
            key: answer
            for (key, _), answer in zip(CURRENT.questions, combination, strict=True)
            if answer
        }
        for done in ({}, dict.fromkeys(ITEMS, True)):
            state = {"schema": 2, "answers": answers, "done": done}
            decoded = decode_progress(encode_progress(state))["state"]
            assert (decoded["answers"], decoded["done"]) == (answers, done)


def test_each_tick_alone_round_trips():
    for item in ITEMS:
        decoded = decode_progress(encode_progress({"done": {item: True}}))["state"]
        assert decoded["done"] == {item: True}


def test_the_code_holds_only_answers_and_ticks():
    bare = {"schema": 2, "answers": {"paid_deposit": "yes"}, "done": {"tax-paid": True}}
    full = {
        **bare,
        "merchant": {"merchant_id": "822290059430BCY", "terminal_id": "A9254710", "name": "店"},
        "notes": "secret",
        "updated": "2025-01-31T09:30:00+08:00",
    }
    assert encode_progress(full) == encode_progress(bare)
    state = decode_progress(encode_progress(full))["state"]
    assert state["merchant"] == new_state()["merchant"]
    assert (state["notes"], state["updated"]) == ("", None)


def test_an_older_saved_state_is_encoded_after_migration():
    old = {"schema": 1, "done": ["tax-paid"], "answers": {"registered_as": "person"}}
    new = {"schema": 2, "done": {"tax-paid": True}, "answers": {"registered_as": "person"}}
    assert encode_progress(old) == encode_progress(new)


def test_what_the_engine_drops_is_left_out_and_a_newer_schema_has_no_code():
    messy = {"answers": {"paid_deposit": "maybe", "x": 1}, "done": {"nope": True, "tax-paid": 1}}
    assert encode_progress(messy) == encode_progress(new_state())
    assert encode_progress({"schema": 99}) == ""


@settings(max_examples=300)
@given(ANYTHING)
def test_encoding_never_raises_and_decodes_to_what_the_engine_reads(state):
    code = encode_progress(state)
    if code:
        expected = evaluate(state)["state"]
        decoded = decode_progress(code)["state"]
        assert (decoded["answers"], decoded["done"]) == (expected["answers"], expected["done"])


# --- How a code may be typed -------------------------------------------------


def test_case_spaces_dashes_full_width_and_look_alikes_are_read_as_the_code():
    code = encode_progress({"answers": {"registered_as": "person"}, "done": {"tax-paid": True}})
    expected = decode_progress(code)
    assert "1" in code and "0" in code
    variants = [
        code.lower(),
        plain(code),
        " ".join(plain(code)),
        code.replace("-", " — "),
        code.replace("1", "I").replace("0", "o"),
        code.replace("1", "l"),
        "".join(chr(ord(char) + 0xFEE0) if char != "-" else "－" for char in code),
        f"\u3000{code}\n",
    ]
    for variant in variants:
        assert decode_progress(variant) == expected, variant


# --- Every mistake is caught -------------------------------------------------


@pytest.mark.parametrize("length", sorted({CURRENT.length, MAX_LENGTH}))
def test_every_change_of_one_or_two_characters_is_caught_exhaustively(length):
    """The check is linear over GF(32): a change is caught in every code exactly when
    the change alone (added to the all-zero code) is not a code word. So trying every
    change of one or two characters here proves it for every code of this length:
    each mistyped character, each swap of two characters (neighbours or not).
    """
    zero = [0] * length
    assert is_code_word(zero)
    for position, value in itertools.product(range(length), range(1, 32)):
        word = zero.copy()
        word[position] = value
        assert not is_code_word(word), (position, value)
    for first, second in itertools.combinations(range(length), 2):
        for one, two in itertools.product(range(1, 32), repeat=2):
            word = zero.copy()
            word[first], word[second] = one, two
            assert not is_code_word(word), (first, second, one, two)


@given(st.lists(st.integers(0, 31), min_size=1, max_size=MAX_LENGTH - CHECKS), st.data())
def test_the_check_is_linear(first, data):
    """What the exhaustive test relies on: the sum of two code words is a code word."""
    second = data.draw(st.lists(st.integers(0, 31), min_size=len(first), max_size=len(first)))
    words = [[*symbols, *_checks(symbols)] for symbols in (first, second)]
    assert all(map(is_code_word, words))
    assert is_code_word([a ^ b for a, b in zip(*words, strict=True)])


@settings(max_examples=100)
@given(VALID_STATES)
def test_every_single_character_change_and_neighbour_swap_of_a_code_is_refused(state):
    code = plain(encode_progress(state))
    for position, char in itertools.product(range(len(code)), ALPHABET):
        if char != code[position]:
            typo = code[:position] + char + code[position + 1 :]
            assert refused(decode_progress(typo)) == "code_check", typo
    for position in range(len(code) - 1):
        if code[position] != code[position + 1]:
            swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
            assert refused(decode_progress(swapped)) == "code_check", swapped


@settings(max_examples=100)
@given(VALID_STATES)
def test_a_dropped_or_extra_character_is_refused(state):
    code = plain(encode_progress(state))
    for position in range(len(code)):
        assert refused(decode_progress(code[:position] + code[position + 1 :]))
        for char in "0AZ":
            assert refused(decode_progress(code[:position] + char + code[position:]))


# --- Bad input gets a clear message --------------------------------------------


@pytest.mark.parametrize("text", ["", "  - ", None, 12, ["1"]])
def test_nothing_typed(text):
    assert refused(decode_progress(text)) == "code_empty"


def test_a_character_no_code_has_is_named_by_its_position():
    result = decode_progress("1000-U000-00")
    assert refused(result) == "code_character"
    assert "5" in result["problems"][0]["message"]["en"]
    assert refused(decode_progress("1000*")) == "code_character"


@pytest.mark.parametrize("text", ["10", "1" * (MAX_LENGTH + 1)])
def test_too_short_or_too_long_says_how_long_a_code_is(text):
    result = decode_progress(text)
    assert refused(result) == "code_length"
    message = result["problems"][0]["message"]
    assert f"{CURRENT.length} characters" in message["en"]
    assert f"{CURRENT.length} 个字符" in message["zh"]


def test_a_code_word_of_the_wrong_length_for_its_version_is_refused():
    assert refused(decode_progress(code_word([1, 0, 0]))) == "code_length"


def test_a_code_from_a_newer_version_asks_for_a_reload():
    word = code_word([max(LAYOUTS) + 1] + [0] * CURRENT.data_length)
    assert refused(decode_progress(word)) == "code_too_new"


def test_a_code_word_no_version_makes_is_refused():
    assert refused(decode_progress(code_word([0] * (CURRENT.length - CHECKS)))) == "code_invalid"
    too_big = [CURRENT.version] + [31] * CURRENT.data_length
    assert refused(decode_progress(code_word(too_big))) == "code_invalid"


def test_the_messages_are_in_the_strings_file():
    for code in ("code_empty", "code_character", "code_length", "code_check"):
        assert STRINGS["problems"][code]["level"] == "error"


@settings(max_examples=300)
@given(st.text() | st.text(alphabet=ALPHABET + "ILOU -", max_size=20) | ANYTHING)
def test_decoding_never_raises(text):
    result = decode_progress(text)
    assert set(result) == {"state", "problems"}
    assert json.loads(json.dumps(result)) == result
    assert (result["state"] is None) == bool(result["problems"])


# --- An older rules version reads as today's state ------------------------------

OLD_AND_NEW = tomllib.loads(
    """
[[versions]]
version = 1
schema = 1
questions = [{ key = "paid_deposit", values = ["yes", "no"] }]
items = ["tax-paid", "terminal-stopped"]

[[versions]]
version = 2
schema = 2
questions = [
    { key = "registered_as", values = ["person", "business"] },
    { key = "paid_deposit", values = ["yes", "no", "unsure"] },
]
items = ["terminal-stopped", "stop-period-met", "tax-paid"]
"""
)


def test_a_code_of_an_older_version_is_read_through_migrate():
    layouts = load_layouts(OLD_AND_NEW)
    old = _encode({"answers": {"paid_deposit": "no"}, "done": {"tax-paid": True}}, layouts[1])
    assert old.startswith("1")
    result = _decode(old, layouts)
    assert result["problems"] == []
    assert result["state"] == {
        **new_state(),
        "answers": {"paid_deposit": "no"},
        "done": {"tax-paid": True},
    }
    new = _encode(result["state"], layouts[2])
    assert new.startswith("2") and new != old
    assert _decode(new, layouts) == result
