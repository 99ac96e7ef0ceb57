"""Bring a saved state of any known schema to the current layout.

Only the layout changes here; values are checked afterwards by
:func:`checklist.validate.normalise`. Nothing the merchant entered is lost
silently: every tick, answer, note and number is carried over, keys this module
does not know are carried over too (so that validation can report them), and
whatever cannot be carried over is reported.

Input is bounded before any work: at most ``LIMITS["entries"]`` keys of the
state and entries of a schema-1 ``done`` list are read (the rest is reported
as ``too_many_entries``), so a state of any size is migrated in bounded time.
"""

from itertools import islice

from .contract import Migrated, Problem
from .data import LIMITS
from .problems import capped, problem
from .state import FIELDS, SCHEMA, new_state

#: The schemas this engine reads.
KNOWN_SCHEMAS = range(1, SCHEMA + 1)
# Schema 1 kept the merchant's details at the top level, under the controls' names.
_V1_MERCHANT = {name: path[1] for name, path in FIELDS.items() if path[0] == "merchant"}
# Every key a saved state of a known schema has.
_KNOWN = (*new_state(), *_V1_MERCHANT)


def _schema(state: dict[str, object]) -> Problem | None:
    """None when the schema is one this engine reads (missing means 1), else the refusal."""
    number = state.get("schema", 1)
    if isinstance(number, bool) or not isinstance(number, int):
        return problem("schema_invalid", field="schema")
    if number > SCHEMA:
        return problem("schema_too_new", field="schema")
    if number not in KNOWN_SCHEMAS:
        return problem("schema_invalid", field="schema")
    return None


def _bounded(state: dict[str, object], problems: list[Problem]) -> dict[str, object]:
    """The state's known keys wherever they are, and its first other keys: at most
    ``LIMITS["entries"]`` keys in all, with room for the keys migrating adds."""
    known = {key: state[key] for key in _KNOWN if key in state}
    room = LIMITS["entries"] - len(_KNOWN)
    if len(state) - len(known) <= room:
        return dict(state)
    problems.append(problem("too_many_entries", limit=LIMITS["entries"]))
    others = ((key, value) for key, value in state.items() if key not in known)
    return {**dict(islice(others, room)), **known}


def _merchant_v1(out: dict[str, object], state: dict[str, object], problems: list[Problem]) -> None:
    """Nest the flat schema-1 merchant details; a nested value already there is kept."""
    flat = {new: state[old] for old, new in _V1_MERCHANT.items() if old in state}
    if not flat:
        return
    nested = out.get("merchant", {})
    if not isinstance(nested, dict):
        problems.append(problem("wrong_type", field="merchant"))
        nested = {}
    merged = dict(nested)
    for key, value in flat.items():
        kept = nested.get(key)
        if kept in ("", None):
            merged[key] = value
        elif value not in ("", None) and not (isinstance(value, str) and value == kept):
            problems.append(problem("merchant_conflict", field=f"merchant.{key}"))
    out["merchant"] = merged


def _done_v1(out: dict[str, object], problems: list[Problem]) -> None:
    """A schema-1 ``done`` list of ids becomes ``{id: true}``."""
    ticks = out.get("done")
    if not isinstance(ticks, list):
        return
    limit = LIMITS["entries"]
    if len(ticks) > limit:
        problems.append(problem("too_many_entries", field="done", limit=limit))
    done = {}
    for index, item in enumerate(ticks[:limit]):
        if isinstance(item, str):
            done[item] = True
        else:
            problems.append(problem("wrong_type", field=f"done.{index}"))
    out["done"] = done


def _from_v1(state: dict[str, object], problems: list[Problem]) -> dict[str, object]:
    """Schema 1 -> 2: ``done`` from a list of ids to ``{id: true}``, merchant details nested."""
    out = {key: value for key, value in state.items() if key not in _V1_MERCHANT}
    _merchant_v1(out, state, problems)
    _done_v1(out, problems)
    out["schema"] = SCHEMA
    return out


def migrate(state: object) -> Migrated:
    """``{"state": <current-schema state>, "problems": [...]}`` for a saved state of any schema.

    Schema 1 (or no ``schema`` key) is converted; a current state comes back as
    a shallow copy, unchanged, so migrating twice gives the same state. Input
    that is not an object gives an empty state and a ``wrong_type`` problem. A
    ``schema`` that is not one this engine reads is refused: ``state`` is None
    and the problem is ``schema_too_new`` (a whole number above
    :data:`checklist.SCHEMA`) or ``schema_invalid`` (anything else: ``"2"``,
    ``2.5``, ``true``, ``0``, ``null``...), never read as another schema.
    """
    migrated, problems = migrated_state(state)
    return {"state": migrated, "problems": capped(problems)}


def migrated_state(state: object) -> tuple[dict[str, object] | None, list[Problem]]:
    """What :func:`migrate` returns, as a pair, with every problem (none left out)."""
    if not isinstance(state, dict):
        return dict(new_state()), [problem("wrong_type")]
    refusal = _schema(state)
    if refusal is not None:
        return None, [refusal]
    problems: list[Problem] = []
    bounded = _bounded(state, problems)
    if state.get("schema", 1) == 1:
        return _from_v1(bounded, problems), problems
    # Schema 2 -> 3 adds the closure record (``record``, ``follow_up``), empty.
    bounded["schema"] = SCHEMA
    return bounded, problems
