"""Field by field, what importing a file would change in the progress kept now.

Both states are clean (checked by :func:`checklist.validate.normalise`). Each
answer, tick, merchant detail, the notes, each field of a step's record and
each follow-up date that differs is one difference, in the state's order:
``{"field": "<dotted path>", "change": "added" | "removed" | "changed",
"message": {"zh": ..., "en": ...}}``. Messages name the field, never its value.
"""

from typing import Literal

from .contract import Difference, State
from .data import LANGS, STRINGS
from .problems import field_label

# The parts of a state the merchant entered, in the order compared.
_PARTS: tuple[Literal["answers", "done", "merchant", "notes", "record", "follow_up"], ...] = (
    "answers",
    "done",
    "merchant",
    "notes",
    "record",
    "follow_up",
)


def _flat(state: State) -> dict[str, object]:
    """Every value the merchant entered, by dotted path; empty ones left out."""
    flat: dict[str, object] = {}
    for part in _PARTS:
        value = state[part]
        if part == "record":
            for item, details in state["record"].items():
                flat.update({f"record.{item}.{key}": text for key, text in details.items()})
        elif isinstance(value, dict):
            flat.update({f"{part}.{key}": each for key, each in value.items() if each})
        elif value:
            flat[part] = value
    return flat


def _label(field: str, lang: str) -> str:
    label = field_label(field, lang)
    if field.startswith("record."):
        label += f" ({STRINGS['record'][field.rsplit('.', 1)[1]][lang]})"
    return label


def differences(incoming: State, current: State | None) -> list[Difference]:
    """What replacing ``current`` (None: unreadable, so empty) by ``incoming`` changes."""
    before = _flat(current) if current is not None else {}
    after = _flat(incoming)
    found: list[Difference] = []
    change: Literal["added", "removed", "changed"]
    for field in [*after, *(field for field in before if field not in after)]:
        if field not in before:
            change = "added"
        elif field not in after:
            change = "removed"
        elif before[field] != after[field]:
            change = "changed"
        else:
            continue
        words = STRINGS["record"][f"diff_{change}"]
        message = {lang: words[lang].format(field=_label(field, lang)) for lang in LANGS}
        found.append({"field": field, "change": change, "message": message})
    return found
