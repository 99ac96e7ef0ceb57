"""The checklist's data, read once from the package.

``items.toml`` holds the questions, phases, items, rules and limits; ``strings.toml`` every other
user-visible string. Both are read with :mod:`importlib.resources`, so the
package works the same from a source tree, a wheel or Pyodide's file system.
The tables below keep the files' order: display order for questions, guide
order for phases and items.
"""

import copy
import tomllib
from importlib import resources


def _read(name: str) -> dict:
    return tomllib.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


CATALOGUE = _read("items.toml")
STRINGS = _read("strings.toml")

QUESTIONS: dict[str, dict] = {question["key"]: question for question in CATALOGUE["questions"]}
PHASES: dict[str, dict] = {phase["id"]: phase for phase in CATALOGUE["phases"]}
ITEMS: dict[str, dict] = {item["id"]: item for item in CATALOGUE["items"]}
PHASE_INDEX: dict[str, int] = {phase: index for index, phase in enumerate(PHASES)}
#: The rules the engine applies (``[rules]`` of items.toml): which items it relies on.
RULES: dict = CATALOGUE["rules"]
#: Longest values kept, and the most entries read from one object or list.
LIMITS: dict[str, int] = CATALOGUE["limits"]

#: The site's languages; the first is the default (and the fallback).
LANGS: tuple[str, ...] = tuple(STRINGS["languages"])


def catalogue() -> dict:
    """The questions, phases, items, rules and limits as a JSON-ready dict.

    Questions in display order, phases and items in guide order; each phase has
    its guide ``number``, each item its ``action`` and ``label``. ``limits`` are
    the longest values kept (the form's ``maxlength``: ``merchant.name``,
    ``merchant.merchant_id``, ``merchant.terminal_id``, ``notes``).

    The build hook renders the checklist page from it. The files are read once;
    each call returns a fresh copy, so a caller may change it freely.
    """
    return copy.deepcopy(CATALOGUE)
