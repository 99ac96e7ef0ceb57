"""What changed in the rules since a merchant's progress was last shown to them.

The saved state records the rules version it was last shown with (``rules``);
the history of the rules is data (``changes.toml``, :data:`checklist.data.HISTORY`)
and each kind of change has its message in ``[changes]`` of the locale files.
:func:`changes_since` picks the changes that concern one merchant, from their
answers and what applies to them today, so a returning merchant reads only
about their own steps, once (the page then saves today's version).
"""

from .conditions import holds
from .contract import Change, State
from .data import HISTORY, ITEMS, LANGS, QUESTIONS, STRINGS
from .titles import phase_title

#: The kind of change about an item that no longer applies: told only when it does not.
NO_LONGER_APPLIES = "no_longer_applies"

_QUESTION_ORDER = {key: index for index, key in enumerate(QUESTIONS)}
_ITEM_ORDER = {item: len(QUESTIONS) + index for index, item in enumerate(ITEMS)}


def _concerns(
    change: dict[str, str], answers: dict[str, str], applicable: list[str], asked: list[str]
) -> bool:
    """Whether ``change`` concerns a merchant with these answers, items and questions."""
    if not holds(change.get("when", "always"), answers):
        return False
    if "question" in change:
        return change["question"] in asked and change["question"] in answers
    return (change["item"] in applicable) != (change["kind"] == NO_LONGER_APPLIES)


def _position(change: dict[str, str]) -> int:
    """Questions first, in display order, then items in guide order."""
    if "question" in change:
        return _QUESTION_ORDER[change["question"]]
    return _ITEM_ORDER[change["item"]]


def message(change: dict[str, str], lang: str) -> str:
    """What ``change`` says in ``lang``: its kind's words with the step, phase or question."""
    words = str(STRINGS["changes"][change["kind"]][lang])
    if "question" in change:
        return words.format(question=QUESTIONS[change["question"]]["label"][lang])
    spec = ITEMS[change["item"]]
    return words.format(step=spec["action"][lang], phase=phase_title(spec["phase"], lang))


def changes_since(
    state: State,
    applicable: list[str],
    asked: list[str],
    history: dict[int, list[dict[str, str]]] = HISTORY,
) -> list[Change]:
    """The changes of the rules after ``state["rules"]`` that concern this merchant.

    ``state`` is a clean state (see :func:`checklist.validate.normalise`),
    ``applicable`` and ``asked`` what :func:`checklist.evaluate` found for it.
    Each change is ``{"item": <item id> | None, "question": <question key> |
    None, "kind", "message": {"zh", "en"}}``, questions first (display order),
    then items in guide order; the same change made twice is told once. Empty
    when the state's rules are today's (the last of ``history``), or when
    nothing is answered or ticked (nothing was done under the older rules).
    """
    answers = state["answers"]
    if state["rules"] >= max(history) or not (answers or state["done"]):
        return []
    found: list[dict[str, str]] = []
    for version in range(state["rules"] + 1, max(history) + 1):
        for change in history[version]:
            if change not in found and _concerns(change, answers, applicable, asked):
                found.append(change)
    found.sort(key=_position)
    return [
        {
            "item": change.get("item"),
            "question": change.get("question"),
            "kind": change["kind"],
            "message": {lang: message(change, lang) for lang in LANGS},
        }
        for change in found
    ]
