"""Where each phase and step of the guide is, per language: one build's record.

Not a hook. ``step_links`` fills ``STEPS`` while the guide pages are rendered;
the support page hook (``support_page``) reads it. Both import this module, so
the record has one home: MkDocs loads each hook as a module of its own, and a
plain module beside them is shared, like ``languages``.

mkdocs-static-i18n builds the default language first and then each other
language with the same hooks, so the record is kept per language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

HEADING = re.compile(r"^#{1,2}\s+(?P<title>.+?)\s*\{#(?P<id>[a-z0-9-]+)\}\s*$", re.M)

# {lang: {step id: (page url relative to the language root, title)}}, in guide order.
STEPS: dict[str, dict[str, tuple[str, str]]] = {}


def start(lang: str) -> None:
    """Begin this language's record afresh (``mkdocs serve`` rebuilds)."""
    STEPS[lang] = {}


def anchors(toc: Iterable[AnchorLink]) -> list[AnchorLink]:
    """Phase (h1) and step (h2) anchors of one guide page, in page order."""
    found = []
    for item in toc:
        found.append(item)
        found.extend(child for child in item.children if child.level == 2)
    return found


def record(lang: str, url: str, page: Page) -> None:
    """Note the phase and steps of one guide page; an id used twice fails the build."""
    for anchor in anchors(page.toc):
        if anchor.id in STEPS[lang]:
            raise PluginError(f"{page.file.src_uri}: step id '{anchor.id}' is used twice")
        STEPS[lang][anchor.id] = (url, anchor.title)


def in_guide_order(config: MkDocsConfig, nav: Any) -> list[tuple[str, str, str]]:
    """(step id, page url, title) of the language being built, pages in menu order."""
    lang = languages.building(config)
    root = languages.roots(config).get(lang, "")
    rank = {page.url.removeprefix(root): i for i, page in enumerate(nav.pages)}
    steps = sorted(STEPS.get(lang, {}).items(), key=lambda kv: rank.get(kv[1][0], len(rank)))
    return [(step, url, title) for step, (url, title) in steps]


def titles(config: MkDocsConfig, lang: str) -> dict[str, str]:
    """Phase and step titles of one language, read from the guide's sources.

    The support page shows both languages' titles while only its own language
    is being built, so the other language's titles come from its sources.
    """
    found = {}
    for source in sorted(Path(config.docs_dir, languages.GUIDE).glob(f"*.{lang}.md")):
        for match in HEADING.finditer(source.read_text(encoding="utf-8")):
            found[match["id"]] = match["title"]
    return found
