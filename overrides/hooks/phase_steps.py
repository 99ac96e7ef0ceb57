"""Where a guide page sits in the closure: "phase 3 of 7", with the phases around it.

A merchant sent to one step by a link lands in the middle of the process; a
short step-by-step navigation above the page's heading says which phase this
is and links the others (on a phone, as one row of numbers).
The phases are the guide's pages in menu order, so reordering the menu
renumbers it.

After each step that is also a checklist task, a link "Tick this in the
checklist" opens the checklist at that task (``checklist/#<id>``).

``on_page_content``
    Adds the link after each such step of a guide page.
``on_page_context``
    Gives a guide page's template ``phase_steps`` (the partial
    ``partials/phase-steps.html`` renders it); other pages get nothing.
"""

from __future__ import annotations

import functools
import html as markup
import re
import tomllib
from pathlib import Path
from typing import Any

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

CHECKLIST = "checklist/"
# A step (an h2 with an id) and everything up to the next phase or step heading.
STEP = re.compile(r'<h2 id="(?P<id>[^"]+)".*?(?=<h[12][ >]|\Z)', re.S)


@functools.cache
def task_ids(items_file: Path) -> frozenset[str]:
    """The ids of the checklist's tasks (checklist/items.toml)."""
    return frozenset(item["id"] for item in tomllib.loads(items_file.read_text("utf-8"))["items"])


def with_tick_links(html: str, tasks: frozenset[str], checklist_url: str, text: str) -> str:
    """``html`` with a link to the checklist's task after each step that is one."""

    def add(match: re.Match[str]) -> str:
        if match["id"] not in tasks:
            return match[0]
        href = markup.escape(f"{checklist_url}#{match['id']}")
        return f'{match[0]}<p class="step-tick"><a href="{href}">{markup.escape(text)}</a></p>\n'

    return STEP.sub(add, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """A guide page's steps that are checklist tasks end with a link to tick them."""
    if languages.guide_url(page.url, config) is None:
        return html
    root = languages.roots(config)[languages.building(config)]
    items = Path(config.config_file_path).parent / "checklist" / "items.toml"
    checklist_url = get_relative_url(root + CHECKLIST, page.url)
    text = languages.t(config, "links.tick_in_checklist")
    return with_tick_links(html, task_ids(items), checklist_url, text)


def phases(pages: list[Page], root: str) -> list[Page]:
    """The guide's pages (one per phase), in menu order."""
    return [page for page in pages if page.url.removeprefix(root).startswith(languages.GUIDE)]


def steps(guide: list[Page], current: Page) -> list[dict[str, Any]]:
    """Each phase with its number and whether it is this page's."""
    here = guide.index(current)
    return [
        {
            "number": index + 1,
            "title": page.title,
            "url": page.url,
            "current": index == here,
        }
        for index, page in enumerate(guide)
    ]


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """The phase list for a guide page."""
    root = languages.roots(config)[languages.building(config)]
    guide = phases(list(nav.pages), root)
    if page in guide:
        number, total = guide.index(page) + 1, len(guide)
        context["phase_steps"] = {
            "label": languages.t(config, "links.phase_steps"),
            "position": languages.t(config, "links.phase_position", number=number, total=total),
            "phases": steps(guide, page),
        }
    return context
