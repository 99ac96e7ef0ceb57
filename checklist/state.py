"""The layout of the saved state (see the package docstring for both schemas)."""

#: The current schema number of a saved state.
SCHEMA = 2


def new_state() -> dict:
    """An empty current-schema state: nothing answered, nothing ticked.

    ``updated`` is None: the engine has no clock, the page sets it when it saves.
    """
    return {
        "schema": SCHEMA,
        "answers": {},
        "done": {},
        "merchant": {"merchant_id": "", "terminal_id": "", "name": ""},
        "notes": "",
        "updated": None,
    }
