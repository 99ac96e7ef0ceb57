"""The checklist's data, read once from the package.

``items.toml`` holds the questions, phases, items, rules and limits, ``changes.toml``
what changed in them from one rules version to the next; the words of each
language are in ``locales/<lang>.toml`` (see :mod:`checklist.locales`). All
are read with :mod:`importlib.resources`, so the package works the same from a
source tree, a wheel or Pyodide's file system. The tables below keep the
files' order: display order for questions, guide order for phases and items.
"""

import copy
import tomllib
from importlib import resources
from typing import Any, cast

from .contract import Catalogue, Item, Phase, Question, Rules
from .locales import strings

#: The engine's strings: ``{table: {key: {lang: text}}}`` (problems: ``{"level", lang...}``).
Strings = dict[str, Any]

#: The engine's own tables of each language file (the rest are the site's).
ENGINE_TABLES = (
    "labels",
    "verdicts",
    "status",
    "fields",
    "keyed_fields",
    "phrases",
    "refusals",
    "changes",
    "record",
)


def _read(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files(__package__).joinpath(name).read_text(encoding="utf-8"))


def _bilingual(langs: tuple[str, ...], levels: dict[str, str]) -> Strings:
    """The engine's strings as ``{table: {key: {lang: text}}}``, problems with their level."""
    words = {lang: strings(lang) for lang in langs}
    tables: Strings = {"title": {lang: words[lang]["title"] for lang in langs}}
    for name in ENGINE_TABLES:
        tables[name] = {
            key: {lang: words[lang][name][key] for lang in langs} for key in words[langs[0]][name]
        }
    tables["problems"] = {
        code: {"level": level, **{lang: words[lang]["problems"][code] for lang in langs}}
        for code, level in levels.items()
    }
    return tables


_FILE = _read("items.toml")

#: The site's languages; the first is the default (and the fallback).
LANGS: tuple[str, ...] = tuple(_FILE.pop("languages"))
STRINGS = _bilingual(LANGS, _FILE.pop("problem_levels"))
CATALOGUE = cast(Catalogue, _FILE)

QUESTIONS: dict[str, Question] = {question["key"]: question for question in CATALOGUE["questions"]}
PHASES: dict[str, Phase] = {phase["id"]: phase for phase in CATALOGUE["phases"]}
ITEMS: dict[str, Item] = {item["id"]: item for item in CATALOGUE["items"]}
PHASE_INDEX: dict[str, int] = {phase: index for index, phase in enumerate(PHASES)}
#: The rules the engine applies (``[rules]`` of items.toml): which items it relies on.
RULES: Rules = CATALOGUE["rules"]
#: Longest values kept, and the most entries read from one object or list.
LIMITS: dict[str, int] = CATALOGUE["limits"]
#: What changed in the rules, by version (``changes.toml``): ``{version: [change, ...]}``.
HISTORY: dict[int, list[dict[str, str]]] = {
    version["version"]: version["changes"] for version in _read("changes.toml")["versions"]
}
#: Today's rules version: the last one of the history.
RULES_VERSION: int = max(HISTORY)


def catalogue() -> Catalogue:
    """The questions, phases, items, rules and limits as a JSON-ready dict.

    Questions in display order, phases and items in guide order; each phase has
    its guide ``number``, each item its ``action`` and ``label``. ``limits`` are
    the longest values kept (the form's ``maxlength``: ``merchant.name``,
    ``merchant.merchant_id``, ``merchant.terminal_id``, ``notes``).

    The build hook renders the checklist page from it. The files are read once;
    each call returns a fresh copy, so a caller may change it freely.
    """
    return copy.deepcopy(CATALOGUE)
