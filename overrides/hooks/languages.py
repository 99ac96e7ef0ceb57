"""The site's languages and words, for every hook (a module, not a hook itself).

The languages and where each lives come from one place, the ``i18n`` plugin's
``languages`` in ``mkdocs.yml``; the words of each language from one file,
``checklist/locales/<lang>.toml``, read through the engine's own loader
(:mod:`checklist.locales`), so the build, the templates and the engine in the
browser share every string. mkdocs-static-i18n builds one language at a time
and sets ``theme.language`` to it: that is the language being built.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

#: The guide's folder under each language's root: one page per phase.
GUIDE = "guide/"


def roots(config: MkDocsConfig) -> dict[str, str]:
    """Each built language and its root, default first: ``{"zh": "", "en": "en/"}``."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        raise PluginError("mkdocs.yml: the i18n plugin (mkdocs-static-i18n) is required.")
    built = [lang for lang in i18n.config.languages if lang.build]
    built.sort(key=lambda lang: not lang.default)
    return {lang.locale: "" if lang.default else f"{lang.locale}/" for lang in built}


def building(config: MkDocsConfig) -> str:
    """The language of the build that is running."""
    return str(config.theme["language"])


def guide_url(url: str, config: MkDocsConfig) -> str | None:
    """A page address under the language's root if it is a guide page, else None."""
    inside = url.removeprefix(roots(config).get(building(config), ""))
    return inside if inside.startswith(GUIDE) else None


def locales(config: MkDocsConfig) -> ModuleType:
    """The engine's string loader, imported from the project folder."""
    root = str(Path(config.config_file_path).resolve().parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    return importlib.import_module("checklist.locales")


def t(config: MkDocsConfig, key: str, lang: str | None = None, **values: object) -> str:
    """The string at ``"<table>.<key>"`` in ``lang`` (default: the language being built)."""
    return str(locales(config).t(lang or building(config), key, **values))


def provider_name(config: MkDocsConfig, lang: str | None = None) -> str:
    """The provider's name as ``lang`` writes it (default: the language being built):
    the default language its name, the others its reading (``extra.provider``)."""
    provider = config.extra.get("provider") or {}
    name = str(provider.get("name") or "")
    if (lang or building(config)) != next(iter(roots(config))):
        return str(provider.get("reading") or name)
    return name


def table(config: MkDocsConfig, name: str, lang: str | None = None) -> dict[str, str]:
    """One table of strings (``"links"``, ``"page"`` …) in ``lang`` (default: being built)."""
    return dict(locales(config).table(lang or building(config), name))


def check(config: MkDocsConfig) -> None:
    """Every site language has a strings file with the same keys as the others."""
    words = locales(config)
    langs = tuple(roots(config))
    for lang in langs:
        try:
            words.strings(lang)
        except FileNotFoundError as error:
            raise PluginError(
                f"Language '{lang}' is built but checklist/locales/{lang}.toml is missing."
            ) from error
    differ = words.missing(langs)
    if differ:
        raise PluginError(f"checklist/locales/*.toml: keys not in every language: {sorted(differ)}")
