"""Where a guide page sits in the closure: "phase 3 of 7", with the phases around it.

A merchant sent to one step by a link lands in the middle of the process; a
short step-by-step navigation above the page's heading says which phase this
is and links the others (on a phone, only the one before and the one after).
The phases are the guide's pages in menu order, so reordering the menu
renumbers it.

``on_page_context``
    Gives a guide page's template ``phase_steps`` (the partial
    ``partials/phase-steps.html`` renders it); other pages get nothing.
"""

from __future__ import annotations

from typing import Any

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

GUIDE = languages.GUIDE


def phases(pages: list[Page], root: str) -> list[Page]:
    """The guide's pages (one per phase), in menu order."""
    return [page for page in pages if page.url.removeprefix(root).startswith(GUIDE)]


def steps(guide: list[Page], current: Page) -> list[dict[str, Any]]:
    """Each phase with its number, whether it is this page's and whether it is next to it."""
    here = guide.index(current)
    return [
        {
            "number": index + 1,
            "title": page.title,
            "url": page.url,
            "current": index == here,
            "near": abs(index - here) <= 1,
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
