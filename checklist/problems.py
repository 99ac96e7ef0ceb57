"""Problems: what is wrong with the input, as JSON-ready dicts with messages in every language.

A problem is ``{"field": "<dotted path>" | "item": "<item id>", "code": ...,
"level": "error" | "warning", "message": {"zh": ..., "en": ...}}``. Levels
come from ``[problem_levels]`` of ``items.toml``, messages from ``[problems]``
of ``locales/<lang>.toml``.

Messages never echo the input except a key name, cut to :data:`KEY_SHOWN`
characters, so a problem stays small whatever the input holds.
"""

from collections.abc import Mapping

from .contract import Item, Problem, Question
from .data import ITEMS, LANGS, QUESTIONS, STRINGS

#: At most this many problems are listed; then one ``too_many_problems`` says so.
MAX_PROBLEMS = 50
#: Keys longer than this are cut in paths and messages.
KEY_SHOWN = 40


def shown(key: object) -> str:
    """A key as paths and messages show it: text, cut to ``KEY_SHOWN`` characters."""
    if not isinstance(key, str):
        return f"<{type(key).__name__}>"
    return key if len(key) <= KEY_SHOWN else key[:KEY_SHOWN] + "…"


def path(*keys: object) -> str:
    """The dotted path of a value in the state, e.g. ``answers.paid_deposit``."""
    return ".".join(shown(key) for key in keys)


# Paths whose last key names a question or an item.
_LABELLED: dict[str, Mapping[str, Question | Item]] = {
    "answers": QUESTIONS,
    "done": ITEMS,
    "record": ITEMS,
}


def field_label(field: str, lang: str) -> str:
    """What the value at ``field`` is called in ``lang``."""
    fields = STRINGS["fields"]
    if field in fields:
        return str(fields[field][lang])
    top, _, key = field.partition(".")
    key = key.partition(".")[0]  # record.<item>.<field>: the item's
    labelled = _LABELLED.get(top, {})
    if key in labelled:
        return str(STRINGS["keyed_fields"][top][lang]).format(label=labelled[key]["label"][lang])
    return str(fields.get(top, fields[""])[lang])


def problem(code: str, *, field: str = "", item: str | None = None, **values: int | str) -> Problem:
    """The problem ``code`` about the value at ``field`` or about the item ``item``.

    ``values`` fill the message's other placeholders (``{key}``, ``{limit}``).
    """
    spec = STRINGS["problems"][code]
    message = {
        lang: str(spec[lang]).format(
            field=field_label(field, lang),
            item=ITEMS[item]["label"][lang] if item else "",
            **values,
        )
        for lang in LANGS
    }
    if item:
        return {"item": item, "code": code, "level": spec["level"], "message": message}
    return {"field": field, "code": code, "level": spec["level"], "message": message}


def capped(problems: list[Problem]) -> list[Problem]:
    """At most ``MAX_PROBLEMS`` problems, and a last one saying when some were left out."""
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return [*problems[:MAX_PROBLEMS], problem("too_many_problems", limit=MAX_PROBLEMS)]
