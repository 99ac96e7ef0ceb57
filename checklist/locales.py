"""Every word the site shows, one file per language: ``locales/<lang>.toml``.

The one loader of the site's strings. The engine reads its tables (the
summary's labels, verdicts, problem messages) through :data:`STRINGS` in
:mod:`checklist.data`; the build hooks and templates read the others (``site``,
``nav``, ``links``, ``provider``, ``page``) through :func:`t` and
:func:`table`. Item, question and phase texts are data of the checklist and
live with it in ``items.toml``.

Both files must have exactly the same keys; :func:`missing` says which differ.
"""

import tomllib
from functools import cache
from importlib import resources
from typing import Any

#: A language file as read: nested tables of strings (and lists of them).
Tree = dict[str, Any]


@cache
def strings(lang: str) -> Tree:
    """All the strings of one language, as nested tables (read once)."""
    source = resources.files(__package__).joinpath("locales", f"{lang}.toml")
    return tomllib.loads(source.read_text(encoding="utf-8"))


def table(lang: str, name: str) -> dict[str, str]:
    """One table of a language, e.g. ``table("en", "page")``."""
    return dict(strings(lang)[name])


def t(lang: str, key: str, **values: object) -> str:
    """The string at ``"<table>.<key>"`` (``"links.copied"``), with ``{name}`` filled in.

    A key without a dot is a top-level string (``"title"``).
    """
    name, dot, rest = key.partition(".")
    found = strings(lang)[name][rest] if dot else strings(lang)[name]
    return str(found).format(**values) if values else str(found)


def keys(tree: Tree) -> set[str]:
    """Every key of a language file as :func:`t` takes it."""
    return {
        f"{name}.{key}" if isinstance(value, dict) else name
        for name, value in tree.items()
        for key in (value if isinstance(value, dict) else [name])
    }


def missing(langs: tuple[str, ...]) -> set[str]:
    """Dotted keys present in some languages' files but not in all of them."""
    found = [keys(strings(lang)) for lang in langs]
    anywhere: set[str] = set().union(*found)
    return anywhere - found[0].intersection(*found[1:])
