"""Links support staff can trust: the step map behind ``/go/``.

Support agents send merchants links to single steps. A step may move to
another page or be renamed, so links go through ``go/#<step-id>``, which
looks the step up in ``steps.json``. That map is made here, at build time,
from the anchors MkDocs really rendered (the table of contents of each guide
page, recorded in ``guide_steps``), so it cannot drift from the pages. Ids that
were renamed or removed stay resolvable through ``extra.step_aliases`` in
``mkdocs.yml``; an alias that points nowhere fails the build.

The map is written after every language build; mkdocs-static-i18n builds the
languages one after the other, so the last build leaves the complete file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import guide_steps  # beside this file; MkDocs puts it on sys.path while loading hooks
import languages
from guide_steps import STEPS
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

START = "guide/before/"  # where an unknown step id lands
STEP_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


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
    guide_steps.start(languages.building(config))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Record where each phase and step of a guide page is."""
    lang = languages.building(config)
    url = languages.guide_url(page.url, config)
    if url is not None:
        guide_steps.record(lang, url, page)
    return html


def step_map(lang: str, config: MkDocsConfig) -> dict[str, Any]:
    """What ``go/`` needs for one language: step -> page link, aliases, start page."""
    steps = {step: f"{url}#{step}" for step, (url, _) in STEPS.get(lang, {}).items()}
    return {"steps": steps, "aliases": aliases(config), "start": START}


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Give the go and support templates the map of this language."""
    lang = languages.building(config)
    context["step_map"] = step_map(lang, config)
    context["step_list"] = [
        {"id": step, "href": f"{url}#{step}", "title": title}
        for step, url, title in guide_steps.in_guide_order(config, nav)
    ]
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
