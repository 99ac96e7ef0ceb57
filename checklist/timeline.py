"""The closure record as the printout shows it: what was done and when, what is
still open, and the follow-up dates, in one language, as plain text.

Done steps come in date order (steps without a date last, in guide order);
open steps in guide order, the next step first. A follow-up date the merchant
does not have says "ask customer service" instead: the engine never invents one.
"""

from .contract import ClosureRecord, Evaluation, OpenStep, RecordStep, State
from .data import ITEMS, STRINGS
from .record import FOLLOW_UP, REFERENCE_ITEMS
from .titles import href

#: Characters left visible at the start and the end of a masked reference number.
REFERENCE_MASK = (2, 2)


def _masked(text: str) -> str:
    from .summary import masked  # the summary's own rule, one home

    return masked(text, *REFERENCE_MASK)


def _step(item: str, clean: State, lang: str, mask: bool) -> RecordStep:
    words = STRINGS["record"]
    details = clean["record"].get(item, {})
    reference = details.get("reference", "")
    how = details.get("how")
    return {
        "id": item,
        "label": ITEMS[item]["label"][lang],
        "action": ITEMS[item]["action"][lang],
        "href": href(ITEMS[item]["phase"], item),
        "date": details.get("date"),
        "reference": _masked(reference) if mask and reference else reference,
        "how": words[f"how_{how}"][lang] if how else "",
        "by": details.get("by", ""),
        "wants_reference": item in REFERENCE_ITEMS,
    }


def _open(item: str, clean: State, lang: str, mask: bool, following: str | None) -> OpenStep:
    return {**_step(item, clean, lang, mask), "next": item == following}


def closure_record(
    result: Evaluation, lang: str, *, mask_references: bool = False
) -> ClosureRecord:
    """``{"done", "open", "follow_up", "labels"}`` of an evaluation, in ``lang``.

    ``done``: the ticked steps that apply, each with its ``date``, ``reference``,
    ``how`` and ``by`` (empty when not recorded), in date order. ``open``: the
    steps still to do, the next step first. ``follow_up``: every follow-up date,
    ``date`` None with the ``ask`` text where there is none. With
    ``mask_references``, reference numbers keep their first and last 2 characters.
    """
    clean = result["state"]
    done = [item for item in result["applicable"] if item in clean["done"]]
    steps = [_step(item, clean, lang, mask_references) for item in done]
    steps.sort(key=lambda step: (step["date"] is None, step["date"] or ""))
    upcoming = [item for item in result["applicable"] if item not in clean["done"]]
    step = result["next"]
    following = step["id"] if step and step["kind"] == "item" else None
    if following in upcoming:
        upcoming.remove(following)
        upcoming.insert(0, following)
    words = STRINGS["record"]
    return {
        "done": steps,
        "open": [_open(item, clean, lang, mask_references, following) for item in upcoming],
        "follow_up": [
            {
                "key": key,
                "label": words[key][lang],
                "date": clean["follow_up"].get(key),
                "ask": None if key in clean["follow_up"] else words["ask"][lang],
                "item": item,
                "href": href(ITEMS[item]["phase"], item),
            }
            for key, item in FOLLOW_UP.items()
        ],
        "labels": {key: words[key][lang] for key in _LABELS},
    }


_LABELS = (
    "date",
    "reference",
    "how",
    "by",
    "done_heading",
    "open_heading",
    "follow_up_heading",
    "undated",
)
