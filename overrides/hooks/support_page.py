"""The support page's table: every phase and step, in guide order, in both languages.

Support agents look a step up by its title in either language and copy its
link. The rows are written into the page at build time from the steps the
guide really rendered (``guide_steps``, filled by the ``step_links`` hook), so
the table works without scripts and cannot drift from the guide.
"""

from __future__ import annotations

from typing import Any

import guide_steps  # beside this file; MkDocs puts it on sys.path while loading hooks
import languages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def support_rows(config: MkDocsConfig, nav: Any) -> list[dict[str, Any]]:
    """One row per phase and step, in guide order, for the support page."""
    other = {code: guide_steps.titles(config, code) for code in languages.roots(config)}
    rows = []
    for step, url, title in guide_steps.in_guide_order(config, nav):
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
    if page.meta.get("template") == "support.html":
        context["support_rows"] = support_rows(config, nav)
    return context
