"""The layout of the saved state (see the package docstring for both schemas)."""

from .contract import State
from .data import RULES_VERSION

#: The current schema number of a saved state.
SCHEMA = 3
#: The rules version of a state saved before the version was recorded.
FIRST_RULES = 1
#: The checklist's text fields: each form control's name and where its value
#: lives in the state. Schema 1 kept the merchant's details at the top level,
#: under the control's name. The page reads this too (``engine-fields.js``,
#: written from it by ``scripts/engine_types.py``).
FIELDS: dict[str, tuple[str, ...]] = {
    "merchant_id": ("merchant", "merchant_id"),
    "terminal_id": ("merchant", "terminal_id"),
    "merchant_name": ("merchant", "name"),
    "notes": ("notes",),
}


def new_state() -> State:
    """An empty current-schema state: nothing answered, nothing ticked.

    ``updated`` is None: the engine has no clock, the page sets it when it saves.
    ``rules`` is today's rules version: a new state has nothing to catch up on.
    """
    return {
        "schema": SCHEMA,
        "answers": {},
        "done": {},
        "merchant": {"merchant_id": "", "terminal_id": "", "name": ""},
        "notes": "",
        "record": {},
        "follow_up": {},
        "updated": None,
        "rules": RULES_VERSION,
    }
