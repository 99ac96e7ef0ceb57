"""The call list: what to ask customer service (or the office named) at each step.

The questions are data, the ``ask`` of the items in ``items.toml`` (one per step
that needs one, in both languages). The guide shows each under its step, the
page "Call and ask" lists them all, and the printed summary lists those of the
steps still open.
"""

from collections.abc import Iterable

from .contract import Call
from .data import ITEMS
from .titles import href


def call_list(lang: str, items: Iterable[str] | None = None) -> list[Call]:
    """Each step with a question, in guide order (only ``items``, when given).

    Every entry is ``{"id", "phase", "action", "ask", "href"}``, texts in ``lang``;
    ``href`` is the step in the guide, from the language's root.
    """
    wanted = set(ITEMS if items is None else items)
    return [
        {
            "id": item,
            "phase": spec["phase"],
            "action": spec["action"][lang],
            "ask": spec["ask"][lang],
            "href": href(spec["phase"], item),
        }
        for item, spec in ITEMS.items()
        if "ask" in spec and item in wanted
    ]
