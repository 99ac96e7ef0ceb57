"""The closure record: per step, when it was done, its reference number, who
confirmed it and how; and the follow-up dates given after applying.

The data is ``record.toml`` (which steps want a reference, the ways of
confirming, the follow-up dates and the step each links to). The readers here
check the ``record`` and ``follow_up`` values of a saved state as
:mod:`checklist.validate` checks the rest: what is valid is kept, the rest is
dropped or cut and reported, text is cleaned like the name (invisible
characters removed, cut to its limit), and input of any size is read in
bounded time.

In a saved state (schema 3)::

    "record": {"<item id>": {"date": "2026-11-02", "reference": "SQ-0042",
                             "how": "phone", "by": "Ms Wang, customer service"}},
    "follow_up": {"refund_by": "2026-12-20", "collection_on": "2026-11-20"}

Every field is optional; an empty one is left out. Dates are ``YYYY-MM-DD``.
"""

import re
import tomllib
from collections.abc import Callable
from datetime import date
from importlib import resources
from typing import get_args

from .contract import RecordEntry, RecordField
from .data import ITEMS, LIMITS
from .problems import path, problem, shown
from .validate import _READ_FACTOR, INVISIBLE, Problems, _entries

_SPEC = tomllib.loads(
    resources.files(__package__).joinpath("record.toml").read_text(encoding="utf-8")
)
#: Steps whose details matter most, in guide order.
REFERENCE_ITEMS: tuple[str, ...] = tuple(item for item in ITEMS if item in _SPEC["reference"])
#: How a step can be confirmed.
HOW: tuple[str, ...] = tuple(_SPEC["how"])
#: Follow-up date keys and the step each links to, in the order shown.
FOLLOW_UP: dict[str, str] = {entry["key"]: entry["item"] for entry in _SPEC["follow_up"]}
#: The fields of one step's record, in the order kept.
FIELDS: tuple[RecordField, ...] = get_args(RecordField)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Line breaks, tabs and other control characters in a one-line field.
_SPACES = re.compile(r"[\s\x00-\x1f\x7f-\x9f]+")

_INVISIBLE = str.maketrans("", "", INVISIBLE)


def parse_date(value: str) -> date | None:
    """A ``YYYY-MM-DD`` date, or None."""
    if not _DATE.fullmatch(value):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _date(value: object, field: str, problems: Problems) -> str:
    if value in ("", None):
        return ""
    if not isinstance(value, str):
        problems.append(problem("wrong_type", field=field))
    elif len(value) == 10 and parse_date(value) is not None:
        return value
    else:
        problems.append(problem("invalid_date", field=field))
    return ""


def _line(key: str, value: str, field: str, problems: Problems) -> str:
    """One line of text, cleaned like the name (invisible characters removed, cut
    to its limit), with runs of spaces, line breaks and control characters made one space."""
    limit = LIMITS[f"record.{key}"]
    text = value[: limit * _READ_FACTOR]
    visible = text.translate(_INVISIBLE)
    if visible != text:
        problems.append(problem("invisible_removed", field=field))
    visible = _SPACES.sub(" ", visible).strip()
    if len(value) > len(text) or len(visible) > limit:
        problems.append(problem("too_long", field=field, limit=limit))
    return visible[:limit].strip()


def _entry(item: str, value: object, problems: Problems) -> RecordEntry:
    where = ("record", item)
    if not isinstance(value, dict):
        problems.append(problem("wrong_type", field=path(*where)))
        return {}
    kept: dict[object, str] = {}
    for key, field in _entries(value, path(*where), problems):
        here = path(*where, key)
        if key not in FIELDS:
            problems.append(problem("unknown_field", field=here, key=shown(key)))
        elif key == "date":
            kept[key] = _date(field, here, problems)
        elif field in ("", None):
            continue
        elif not isinstance(field, str):
            problems.append(problem("wrong_type", field=here))
        elif key == "how":
            if field in HOW:
                kept[key] = field
            else:
                problems.append(problem("unknown_answer", field=here))
        else:
            kept[key] = _line(key, field, here, problems)
    entry: RecordEntry = {}
    for name in FIELDS:
        if kept.get(name):
            entry[name] = kept[name]
    return entry


def read_record(value: object, problems: Problems) -> dict[str, RecordEntry]:
    """The ``record`` of a state: ``{item id: {field: text}}``, in guide order,
    empty ones left out."""
    if not isinstance(value, dict):
        problems.append(problem("wrong_type", field="record"))
        return {}
    kept: dict[str, RecordEntry] = {}
    for item, entry in _entries(value, "record", problems):
        if not isinstance(item, str) or item not in ITEMS:
            problems.append(problem("unknown_item", field=path("record", item), key=shown(item)))
            continue
        details = _entry(item, entry, problems)
        if details:
            kept[item] = details
    return {item: kept[item] for item in ITEMS if item in kept}


def read_follow_up(value: object, problems: Problems) -> dict[str, str]:
    """The ``follow_up`` dates of a state, in :data:`FOLLOW_UP` order, empty ones left out."""
    if not isinstance(value, dict):
        problems.append(problem("wrong_type", field="follow_up"))
        return {}
    kept: dict[str, str] = {}
    for key, when in _entries(value, "follow_up", problems):
        if not isinstance(key, str) or key not in FOLLOW_UP:
            problems.append(problem("unknown_field", field=path("follow_up", key), key=shown(key)))
        else:
            kept[key] = _date(when, path("follow_up", key), problems)
    return {key: kept[key] for key in FOLLOW_UP if kept.get(key)}


#: The readers of the record's keys of a saved state (see :func:`checklist.validate.normalise`).
READERS: dict[str, Callable[[object, Problems], object]] = {
    "record": read_record,
    "follow_up": read_follow_up,
}
