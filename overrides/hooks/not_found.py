"""The site's one "page not found" speaks the default language.

A web server answers every missing address with the ``404.html`` at the
site's root (``deploy/nginx.conf``: ``error_page 404``). mkdocs-static-i18n
builds each language into the same site folder, and MkDocs writes each
language's 404 page to that one root file, so the last language built
(English) used to win on a site whose readers are first of all Chinese. The
default language's page is kept here when its build renders it and given to
every later build in place of its own.
"""

from __future__ import annotations

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from mkdocs.config.defaults import MkDocsConfig

NOT_FOUND = "404.html"
# The default language's 404 page, as its build rendered it.
RENDERED: dict[str, str] = {}


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Keep the default language's 404 page; every other build writes it again."""
    if template_name != NOT_FOUND:
        return output_content
    default = next(iter(languages.roots(config)))
    if languages.building(config) == default:
        RENDERED[default] = output_content
        return output_content
    return RENDERED.get(default, output_content)
