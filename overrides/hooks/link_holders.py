"""An empty holder for the "copy link" button under each guide heading.

``step-copy.js`` puts a button under each phase and step heading so support
staff can copy the step's ``go/`` link. The holder is written at build time,
with its height reserved in ``links.css``, so the button shifts nothing when
the script arrives late on a slow link.
"""

from __future__ import annotations

import re

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

# A rendered phase or step heading (h1 or h2 with an id), up to its end tag.
RENDERED_HEADING = re.compile(r"<h([12]) id=\"[^\"]+\"[^>]*>.*?</h\1>", re.S)
LINK_HOLDER = '<div class="step-link"></div>'


def with_link_holders(html: str) -> str:
    """The page's HTML with an empty copy-link holder after each phase and step heading."""
    return RENDERED_HEADING.sub(lambda match: match[0] + LINK_HOLDER, html)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if languages.guide_url(page.url, config) is None:
        return html
    return with_link_holders(html)
