"""Bring a saved state of any known schema to the current layout.

Only the layout changes here; values are checked afterwards by
:func:`checklist.validate.normalise`. Nothing the merchant entered is lost: every
tick, answer, note and number is carried over, and keys this module does not
know are carried over too (so that validation can report them).
"""

from .problems import capped, problem
from .state import SCHEMA, new_state

# Schema 1 kept the merchant's details at the top level.
_V1_MERCHANT = {"merchant_id": "merchant_id", "terminal_id": "terminal_id", "merchant_name": "name"}


def _schema(state: dict) -> tuple[int, list[dict]]:
    """The schema number of ``state``: missing means 1; anything not a whole number >= 1 too."""
    number = state.get("schema", 1)
    if isinstance(number, int) and not isinstance(number, bool) and number >= 1:
        return number, []
    return 1, [problem("schema_invalid", field="schema")]


def _from_v1(state: dict, problems: list[dict]) -> dict:
    """Schema 1 -> 2: ``done`` from a list of ids to ``{id: true}``, merchant details nested."""
    out = {key: value for key, value in state.items() if key not in _V1_MERCHANT}
    flat = {new: state[old] for old, new in _V1_MERCHANT.items() if old in state}
    if flat:
        nested = out.get("merchant")
        out["merchant"] = {**nested, **flat} if isinstance(nested, dict) else flat
    if isinstance(out.get("done"), list):
        done = {}
        for index, item in enumerate(out["done"]):
            if isinstance(item, str):
                done[item] = True
            else:
                problems.append(problem("wrong_type", field=f"done.{index}"))
        out["done"] = done
    out["schema"] = SCHEMA
    return out


def migrate(state: object) -> dict:
    """``{"state": <current-schema state>, "problems": [...]}`` for a saved state of any schema.

    Schema 1 (or no ``schema`` key) is converted; a current state comes back as
    a shallow copy, unchanged, so migrating twice gives the same state. Input
    that is not an object gives an empty state and a ``wrong_type`` problem. A
    schema newer than :data:`checklist.SCHEMA` is refused: ``state`` is None and
    the problem is ``schema_too_new``.
    """
    if not isinstance(state, dict):
        return {"state": new_state(), "problems": [problem("wrong_type")]}
    schema, problems = _schema(state)
    if schema > SCHEMA:
        return {"state": None, "problems": [problem("schema_too_new", field="schema")]}
    if schema == 1:
        return {"state": _from_v1(state, problems), "problems": capped(problems)}
    return {"state": dict(state), "problems": problems}
