"""Check every value of a current-schema state: keep what is valid, report the rest.

:func:`normalise` never raises. A value of the wrong type or an unknown key is
dropped and reported; merchant and terminal numbers are normalised and kept even
when their format is unusual (a warning, never blocking the checklist); text
longer than its limit is cut and reported; invisible characters that could hide
or reorder text (zero-width characters, direction overrides) are removed from
the name and the notes and reported. Every object is read up to
``LIMITS["entries"]`` entries and every text up to a few times its limit before
any other work, so input of any size is checked in bounded time.
"""

import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import datetime
from itertools import islice
from typing import cast

from .contract import Merchant, Problem, State
from .data import ITEMS, LIMITS, QUESTIONS, RULES_VERSION
from .problems import path, problem, shown
from .state import FIRST_RULES, new_state

MERCHANT_ID = re.compile(r"[0-9A-Z]{15}")
TERMINAL_ID = re.compile(r"[0-9A-Z]{8}")
_NUMBER_FORMATS = {"merchant_id": MERCHANT_ID, "terminal_id": TERMINAL_ID}
# Text longer than this many times its limit is cut before it is looked at.
_READ_FACTOR = 4
# Longer than this, `updated` is no date.
_DATE_LENGTH = 64

# Zero-width characters and bidirectional controls: they hide or reorder text.
INVISIBLE = (
    "\u061c\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    + "".join(map(chr, range(0x2060, 0x2070)))
    + "\ufeff"
)
_INVISIBLE = str.maketrans("", "", INVISIBLE)
# Hyphens, dashes and the invisible characters that turn up when a number is copied.
_DROPPED = str.maketrans("", "", "-‐‑‒–—―−" + INVISIBLE)

Problems = list[Problem]


def _normalise_number(text: object) -> str:
    if not isinstance(text, str):
        return ""
    number = unicodedata.normalize("NFKC", text)
    number = "".join(number.split()).translate(_DROPPED).upper()
    # Removing a hyphen can join a letter to a combining mark ("e-\u0301"):
    # compose again, so that normalising twice gives the same result as once.
    return unicodedata.normalize("NFC", number)


def normalise_merchant_id(text: object) -> str:
    """A merchant number as written on paper or typed on a phone, made comparable.

    NFKC (full-width letters and digits become half-width), spaces (U+3000
    included), hyphens and invisible characters removed, upper case:
    ``"８２２ ２９００-５９４３０ｂｃｙ"`` -> ``"822290059430BCY"``. Not text -> ``""``.
    Normalising twice gives the same result as once. A usual number is 15
    letters or digits.
    """
    return _normalise_number(text)


def normalise_terminal_id(text: object) -> str:
    """A terminal number made comparable, like :func:`normalise_merchant_id`.

    A usual terminal number is 8 letters or digits, e.g. ``A9254710``.
    """
    return _normalise_number(text)


def _entries(
    value: dict[object, object], field: str, problems: Problems
) -> list[tuple[object, object]]:
    """The first ``LIMITS["entries"]`` entries of ``value``; the rest are reported."""
    limit = LIMITS["entries"]
    if len(value) > limit:
        problems.append(problem("too_many_entries", field=field, limit=limit))
    return list(islice(value.items(), limit))


def _read(field: str, text: str) -> tuple[str, bool]:
    """``text`` cut to a few times the limit of ``field`` before it is looked at."""
    most = LIMITS[field] * _READ_FACTOR
    return text[:most], len(text) > most


def _text(field: str, text: str, problems: Problems, *, strip: bool = False) -> str:
    """Text without invisible characters (and surrounding spaces with ``strip``),
    cut to its limit."""
    text, cut = _read(field, text)
    visible = text.translate(_INVISIBLE)
    if visible != text:
        problems.append(problem("invisible_removed", field=field))
    if strip:
        visible = visible.strip()
    limit = LIMITS[field]
    if cut or len(visible) > limit:
        problems.append(problem("too_long", field=field, limit=limit))
    return visible[:limit]


def _answers(value: object, problems: Problems) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(problem("wrong_type", field="answers"))
        return {}
    answers: dict[str, str] = {}
    for key, answer in _entries(value, "answers", problems):
        question = QUESTIONS.get(key) if isinstance(key, str) else None
        if question is None or not isinstance(key, str):
            problems.append(problem("unknown_question", field=path("answers", key), key=shown(key)))
        elif answer is None:
            continue  # unanswered
        elif isinstance(answer, str) and answer in [o["value"] for o in question["options"]]:
            answers[key] = answer
        else:
            problems.append(problem("unknown_answer", field=path("answers", key)))
    return {key: answers[key] for key in QUESTIONS if key in answers}


def _done(value: object, problems: Problems) -> dict[str, bool]:
    if not isinstance(value, dict):
        problems.append(problem("wrong_type", field="done"))
        return {}
    ticked = set()
    for key, tick in _entries(value, "done", problems):
        if not isinstance(key, str) or key not in ITEMS:
            problems.append(problem("unknown_item", field=path("done", key), key=shown(key)))
        elif tick is True:
            ticked.add(key)
        elif tick is not False and tick is not None:
            problems.append(problem("wrong_type", field=path("done", key)))
    return {item: True for item in ITEMS if item in ticked}


def _number(key: str, text: str, problems: Problems) -> str:
    field = f"merchant.{key}"
    text, cut = _read(field, text)
    number = _normalise_number(text)
    limit = LIMITS[field]
    if cut or len(number) > limit:
        problems.append(problem("too_long", field=field, limit=limit))
        number = _normalise_number(number[:limit])
    if number and not _NUMBER_FORMATS[key].fullmatch(number):
        problems.append(problem(f"{key}_format", field=field))
    return number


def _merchant(value: object, problems: Problems) -> Merchant:
    merchant = new_state()["merchant"]
    if not isinstance(value, dict):
        problems.append(problem("wrong_type", field="merchant"))
        return merchant
    for key, text in _entries(value, "merchant", problems):
        if key not in merchant or not isinstance(key, str):
            problems.append(problem("unknown_field", field=path("merchant", key), key=shown(key)))
        elif not isinstance(text, str):
            problems.append(problem("wrong_type", field=path("merchant", key)))
        elif key == "name":
            merchant["name"] = _text("merchant.name", text, problems, strip=True)
        elif key == "merchant_id":
            merchant["merchant_id"] = _number(key, text, problems)
        else:
            merchant["terminal_id"] = _number(key, text, problems)
    return merchant


def _notes(value: object, problems: Problems) -> str:
    if not isinstance(value, str):
        problems.append(problem("wrong_type", field="notes"))
        return ""
    return _text("notes", value, problems)


def _updated(value: object, problems: Problems) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(problem("wrong_type", field="updated"))
        return None
    try:
        if len(value) > _DATE_LENGTH:
            raise ValueError(value[:_DATE_LENGTH])
        datetime.fromisoformat(value)
    except ValueError:
        problems.append(problem("invalid_date", field="updated"))
        return None
    return value


def _rules(value: object, problems: Problems) -> int:
    """The rules version the state was last shown with: a whole number up to today's."""
    whole = isinstance(value, int) and not isinstance(value, bool)
    if whole and isinstance(value, int) and FIRST_RULES <= value <= RULES_VERSION:
        return value
    problems.append(problem("rules_invalid", field="rules"))
    return RULES_VERSION


_READERS: dict[str, Callable[[object, Problems], object]] = {
    "answers": _answers,
    "done": _done,
    "merchant": _merchant,
    "notes": _notes,
    "updated": _updated,
    "rules": _rules,
}


def normalise(state: Mapping[str, object]) -> tuple[State, Problems]:
    """The state with every value checked, and the problems found.

    ``state`` has the current layout (the output of :func:`checklist.migrate`,
    which bounds its number of keys); missing keys take their empty value, and a
    missing ``rules`` is :data:`FIRST_RULES` (saved before versions were
    recorded). The result is a complete current-schema state, answers in
    question order and ticks in guide order.
    """
    # The closure record's readers build on this module's helpers: imported here.
    from .record import READERS

    problems: Problems = []
    clean: dict[str, object] = {**new_state(), "rules": FIRST_RULES}
    for key, value in state.items():
        if key == "schema":
            continue  # migrate() has checked it
        read = _READERS.get(key) or READERS.get(key)
        if read is None:
            problems.append(problem("unknown_field", field=path(key), key=shown(key)))
        else:
            clean[key] = read(value, problems)
    # Every key of a new state, each value from its reader: a State.
    return cast(State, clean), problems
