"""Check every value of a current-schema state: keep what is valid, report the rest.

:func:`normalise` never raises. A value of the wrong type or an unknown key is
dropped and reported; merchant and terminal numbers are normalised and kept even
when their format is wrong (reported, never blocking the checklist); text longer
than its limit is cut and reported.
"""

import re
import unicodedata
from datetime import datetime

from .data import ITEMS, QUESTIONS
from .problems import path, problem, shown
from .state import new_state

MERCHANT_ID = re.compile(r"[0-9A-Z]{15}")
TERMINAL_ID = re.compile(r"[0-9A-Z]{8}")
_NUMBER_FORMATS = {"merchant_id": MERCHANT_ID, "terminal_id": TERMINAL_ID}
#: Longest text kept, in characters.
LIMITS = {"merchant.name": 100, "notes": 2000}
#: A wrong merchant or terminal number is kept (for the merchant to correct) up to this length.
NUMBER_KEPT = 32

# Hyphens, dashes and invisible characters that turn up when a number is copied.
_DROPPED = str.maketrans("", "", "-‐‑‒–—―−\u200b\u200c\u200d\u2060\ufeff")

Problems = list[dict]


def _normalise_number(text: object) -> str:
    if not isinstance(text, str):
        return ""
    half_width = unicodedata.normalize("NFKC", text)
    return "".join(half_width.split()).translate(_DROPPED).upper()


def normalise_merchant_id(text: object) -> str:
    """A merchant number as written on paper or typed on a phone, made comparable.

    NFKC (full-width letters and digits become half-width), spaces (U+3000
    included) and hyphens removed, upper case: ``"８２２ ２９００-５９４３０ｂｃｙ"`` ->
    ``"822290059430BCY"``. Not text -> ``""``. A valid number is 15 letters or digits.
    """
    return _normalise_number(text)


def normalise_terminal_id(text: object) -> str:
    """A terminal number made comparable, like :func:`normalise_merchant_id`.

    A valid terminal number is 8 letters or digits, e.g. ``A9254710``.
    """
    return _normalise_number(text)


def _limited(field: str, text: str, problems: Problems) -> str:
    limit = LIMITS[field]
    if len(text) > limit:
        problems.append(problem("too_long", field=field, limit=limit))
    return text[:limit]


def _answers(value: object, problems: Problems) -> dict:
    if not isinstance(value, dict):
        problems.append(problem("wrong_type", field="answers"))
        return {}
    answers = {}
    for key, answer in value.items():
        question = QUESTIONS.get(key)
        if question is None:
            problems.append(problem("unknown_question", field=path("answers", key), key=shown(key)))
        elif answer is None:
            continue  # unanswered
        elif answer in [option["value"] for option in question["options"]]:
            answers[key] = answer
        else:
            problems.append(problem("unknown_answer", field=path("answers", key)))
    return {key: answers[key] for key in QUESTIONS if key in answers}


def _done(value: object, problems: Problems) -> dict:
    if not isinstance(value, dict):
        problems.append(problem("wrong_type", field="done"))
        return {}
    ticked = set()
    for key, tick in value.items():
        if key not in ITEMS:
            problems.append(problem("unknown_item", field=path("done", key), key=shown(key)))
        elif tick is True:
            ticked.add(key)
        elif tick is not False and tick is not None:
            problems.append(problem("wrong_type", field=path("done", key)))
    return {item: True for item in ITEMS if item in ticked}


def _number(key: str, text: str, problems: Problems) -> str:
    number = _normalise_number(text)[:NUMBER_KEPT]
    if number and not _NUMBER_FORMATS[key].fullmatch(number):
        problems.append(problem(f"{key}_format", field=f"merchant.{key}"))
    return number


def _merchant(value: object, problems: Problems) -> dict:
    merchant = new_state()["merchant"]
    if not isinstance(value, dict):
        problems.append(problem("wrong_type", field="merchant"))
        return merchant
    for key, text in value.items():
        if key not in merchant:
            problems.append(problem("unknown_field", field=path("merchant", key), key=shown(key)))
        elif not isinstance(text, str):
            problems.append(problem("wrong_type", field=path("merchant", key)))
        elif key == "name":
            merchant[key] = _limited("merchant.name", text.strip(), problems)
        else:
            merchant[key] = _number(key, text, problems)
    return merchant


def _notes(value: object, problems: Problems) -> str:
    if not isinstance(value, str):
        problems.append(problem("wrong_type", field="notes"))
        return ""
    return _limited("notes", value, problems)


def _updated(value: object, problems: Problems) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        problems.append(problem("wrong_type", field="updated"))
        return None
    try:
        datetime.fromisoformat(value)
    except ValueError:
        problems.append(problem("invalid_date", field="updated"))
        return None
    return value


_READERS = {
    "answers": _answers,
    "done": _done,
    "merchant": _merchant,
    "notes": _notes,
    "updated": _updated,
}


def normalise(state: dict) -> tuple[dict, Problems]:
    """The state with every value checked, and the problems found.

    ``state`` has the current layout (the output of :func:`checklist.migrate`);
    missing keys take their empty value. The result is a complete
    current-schema state, answers in question order and ticks in guide order.
    """
    problems: Problems = []
    clean = new_state()
    for key, value in state.items():
        if key == "schema":
            continue  # migrate() has checked it
        read = _READERS.get(key)
        if read is None:
            problems.append(problem("unknown_field", field=path(key), key=shown(key)))
        else:
            clean[key] = read(value, problems)
    return clean, problems
