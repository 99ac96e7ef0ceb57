"""Links support staff can trust: the step map, ``/go/`` and the support page.

Support agents send merchants links to single steps. A step may move to
another page or be renamed, so links go through ``go/#<step-id>``, which
looks the step up in ``steps.json``. That map is made here, at build time,
from the anchors MkDocs really rendered (the table of contents of each guide
page), so it cannot drift from the pages. Ids that were renamed or removed
stay resolvable through ``extra.step_aliases`` in ``mkdocs.yml``; an alias
that points nowhere fails the build.

mkdocs-static-i18n builds the default language first and then each other
language with the same hooks, so the map is kept per language and written
after every language build; the last build leaves the complete file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

START = "guide/before/"  # where an unknown step id lands
STEP_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEADING = re.compile(r"^#{1,2}\s+(?P<title>.+?)\s*\{#(?P<id>[a-z0-9-]+)\}\s*$", re.M)
# A rendered phase or step heading (h1 or h2 with an id), up to its end tag.
RENDERED_HEADING = re.compile(r"<h([12]) id=\"[^\"]+\"[^>]*>.*?</h\1>", re.S)
# Where step-copy.js puts the heading's "copy link" button. Written at build time,
# with its height reserved in links.css, so the button shifts nothing when it comes.
LINK_HOLDER = '<div class="step-link"></div>'

# {lang: {step id: (page url relative to the language root, title)}}, in guide order.
STEPS: dict[str, dict[str, tuple[str, str]]] = {}


def anchors(toc: Iterable[AnchorLink]) -> list[AnchorLink]:
    """Phase (h1) and step (h2) anchors of one guide page, in page order."""
    found = []
    for item in toc:
        found.append(item)
        found.extend(child for child in item.children if child.level == 2)
    return found


def aliases(config: MkDocsConfig) -> dict[str, str]:
    return dict(config.extra.get("step_aliases") or {})


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the alias list's shape before anything is built."""
    for old, new in aliases(config).items():
        if not (STEP_ID.match(str(old)) and STEP_ID.match(str(new))):
            raise PluginError(
                f"mkdocs.yml extra.step_aliases: '{old}: {new}' must map an old step id "
                "to a current one, both lower-case words joined by hyphens."
            )
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Start this language's map afresh (``mkdocs serve`` rebuilds)."""
    STEPS[languages.building(config)] = {}


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Record where each phase and step of a guide page is."""
    lang = languages.building(config)
    root = languages.roots(config).get(lang, "")
    url = page.url.removeprefix(root)
    if url.startswith(languages.GUIDE):
        for anchor in anchors(page.toc):
            if anchor.id in STEPS[lang]:
                raise PluginError(f"{page.file.src_uri}: step id '{anchor.id}' is used twice")
            STEPS[lang][anchor.id] = (url, anchor.title)
        html = with_link_holders(html)
    return html


def with_link_holders(html: str) -> str:
    """The page's HTML with an empty copy-link holder after each phase and step heading."""
    return RENDERED_HEADING.sub(lambda match: match[0] + LINK_HOLDER, html)


def step_map(lang: str, config: MkDocsConfig) -> dict[str, Any]:
    """What ``go/`` needs for one language: step -> page link, aliases, start page."""
    steps = {step: f"{url}#{step}" for step, (url, _) in STEPS.get(lang, {}).items()}
    return {"steps": steps, "aliases": aliases(config), "start": START}


def titles(config: MkDocsConfig, lang: str) -> dict[str, str]:
    """Phase and step titles of one language, read from the guide's sources.

    Used by the support page, which shows both languages' titles while only
    its own language is being built.
    """
    found = {}
    for source in sorted(Path(config.docs_dir, languages.GUIDE).glob(f"*.{lang}.md")):
        for match in HEADING.finditer(source.read_text(encoding="utf-8")):
            found[match["id"]] = match["title"]
    return found


def in_guide_order(config: MkDocsConfig, nav: Any) -> list[tuple[str, str, str]]:
    """(step id, page url, title) of the language being built, pages in menu order."""
    lang = languages.building(config)
    root = languages.roots(config).get(lang, "")
    rank = {page.url.removeprefix(root): i for i, page in enumerate(nav.pages)}
    steps = sorted(STEPS.get(lang, {}).items(), key=lambda kv: rank.get(kv[1][0], len(rank)))
    return [(step, url, title) for step, (url, title) in steps]


def support_rows(config: MkDocsConfig, nav: Any) -> list[dict[str, Any]]:
    """One row per phase and step, in guide order, for the support page."""
    other = {code: titles(config, code) for code in languages.roots(config)}
    rows = []
    for step, url, title in in_guide_order(config, nav):
        rows.append(
            {
                "id": step,
                "phase": url.removeprefix(languages.GUIDE).rstrip("/") == step,
                "titles": {code: other[code].get(step, title) for code in other},
                "page": f"{url}#{step}",
            }
        )
    return rows


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Give the go and support templates the map of this language."""
    lang = languages.building(config)
    context["step_map"] = step_map(lang, config)
    context["step_list"] = [
        {"id": step, "href": f"{url}#{step}", "title": title}
        for step, url, title in in_guide_order(config, nav)
    ]
    if page.meta.get("template") == "support.html":
        context["support_rows"] = support_rows(config, nav)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Write ``steps.json`` (every language built so far) and check the aliases."""
    lang = languages.building(config)
    current = STEPS.get(lang, {})
    for old, new in aliases(config).items():
        if old in current:
            raise PluginError(f"extra.step_aliases: '{old}' is still a step id; remove the alias")
        if new not in current:
            raise PluginError(f"extra.step_aliases: '{old}' points to unknown step '{new}'")
    roots = languages.roots(config)
    data = {code: step_map(code, config) for code in roots if STEPS.get(code)}
    Path(config.site_dir, "steps.json").write_text(
        json.dumps({"languages": roots, "maps": data}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
