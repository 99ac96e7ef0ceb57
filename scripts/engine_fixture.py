"""Write tests/js/fixtures/engine-fallback.json: what the engine says on the states
the page's no-Python fallback also handles, so the node tests check the fallback
against the engine on the same inputs (tests/js/checklist/fallback.test.mjs).

    python scripts/engine_fixture.py          # write the file
    python scripts/engine_fixture.py --check  # fail when it is out of date (make lint)

The fallback is what the page must do before or without Python: decide whether a
save can be written over (storage.js `classify`), show an older save read only
(state-view.js `savedView`), and hide the middle digits of a printed form
(print-mask.js `masked`). Each is small and named; this file is the engine's
answer for each case, so a change on either side shows up as a failing test.
"""

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import checklist  # noqa: E402
from checklist.summary import MASK, MASKS, masked  # noqa: E402

OUTPUT = ROOT / "tests" / "js" / "fixtures" / "engine-fallback.json"

# Saved values, as JSON, the page may find: each schema the engine reads, refuses or
# cannot read. (A schema written as 2.0 is left out: JSON has one number type, so the
# page reads it as 2, while Python reads a float the engine refuses.)
SAVED: list[Any] = [
    {},
    {"schema": 1},
    {"schema": 2},
    {"schema": 3},
    {"schema": 99},
    {"schema": "2"},
    {"schema": "3"},
    {"schema": 2.5},
    {"schema": True},
    {"schema": 0},
    {"schema": -1},
    {"schema": None},
    [],
    None,
    "text",
    5,
]
# The schemas that keep the merchant's details nested (2 onward): the page shows
# them the same way, so the scenarios saved in any of them are compared.
NESTED = range(2, checklist.SCHEMA + 1)
TEXTS = ["", "A", "ab", "12345", "123456", "1234567", "822290059430BCY", "A9254710", "𝟏𝟐𝟑𝟒𝟓𝟔𝟕"]


def kind(saved: Any) -> str:
    """What the engine makes of a saved value, in the page's words."""
    migrated = checklist.migrate(saved)
    codes = [problem["code"] for problem in migrated["problems"]]
    if migrated["state"] is None:
        return "newer" if codes == ["schema_too_new"] else "unknown"
    if codes == ["wrong_type"] and not isinstance(saved, dict):
        return "invalid"
    return "current" if saved.get("schema", 1) == checklist.SCHEMA else "older"


def older(state: dict[str, Any]) -> dict[str, Any]:
    """A current state written as schema 1 (flat merchant details, ticks as a list)."""
    merchant = state.get("merchant", {})
    return {
        "schema": 1,
        "answers": state.get("answers", {}),
        "done": [item for item, ticked in state.get("done", {}).items() if ticked is True],
        "merchant_id": merchant.get("merchant_id", ""),
        "terminal_id": merchant.get("terminal_id", ""),
        "merchant_name": merchant.get("name", ""),
        "notes": state.get("notes", ""),
    }


def view(saved: Any) -> dict[str, Any]:
    """What the engine reads from a valid save: the parts the page shows read only."""
    state = checklist.evaluate(saved)["state"]
    return {key: state[key] for key in ("answers", "done", "merchant", "notes")}


def as_written(state: dict[str, Any]) -> dict[str, Any]:
    """The parts of a current-schema save the page shows, as written."""
    empty = checklist.new_state()
    return {key: state.get(key, empty[key]) for key in ("answers", "done", "merchant", "notes")}


def render() -> str:
    scenarios = json.loads((ROOT / "checklist" / "scenarios.json").read_text(encoding="utf-8"))
    # The fallback shows a save as it was written (the engine would also normalise
    # the numbers): compared on the saves the engine keeps as they are.
    valid = [
        scenario["state"]
        for scenario in scenarios
        if isinstance(scenario["state"], dict)
        and scenario["state"].get("schema") in NESTED
        and not checklist.evaluate(scenario["state"])["problems"]
        and view(scenario["state"]) == as_written(scenario["state"])
    ]
    fixture = {
        "schema": checklist.SCHEMA,
        "classify": [{"saved": saved, "kind": kind(saved)} for saved in SAVED],
        "savedView": [
            {"saved": saved, "view": view(saved)}
            for state in valid
            for saved in (state, older(state))
        ],
        "masks": {"fields": {key: list(ends) for key, ends in MASKS.items()}, "mark": MASK},
        "masked": [
            {"text": text, "field": field, "masked": masked(text, *ends)}
            for field, ends in MASKS.items()
            for text in TEXTS
        ],
    }
    return json.dumps(fixture, ensure_ascii=False, indent=1) + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        if not OUTPUT.is_file() or OUTPUT.read_text(encoding="utf-8") != text:
            print(
                f"{OUTPUT.relative_to(ROOT)} is out of date with the engine: "
                "run `python scripts/engine_fixture.py`.",
                file=sys.stderr,
            )
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
