"""The home page's way in: a full-width "Start the checklist" button right
under its heading, in the first screen of a phone (an inline link in the text
was the only way in).

``on_page_content``
    Adds the button after the home page's ``<h1>`` (the page's text stays as
    written).
"""

from __future__ import annotations

import html as markup

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

CHECKLIST = "checklist/"


def with_start_button(html: str, href: str, text: str) -> str:
    """``html`` with the start button after its first heading (unchanged without one)."""
    head, end, rest = html.partition("</h1>")
    if not end:
        return html
    button = (
        f'<p class="home-start"><a class="md-button md-button--primary home-start__button" '
        f'href="{markup.escape(href)}">{markup.escape(text)}</a></p>'
    )
    return f"{head}{end}\n{button}{rest}"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """The start button on the home page of each language."""
    root = languages.roots(config)[languages.building(config)]
    if page.url != root:  # each language's home page is its root
        return html
    href = get_relative_url(root + CHECKLIST, page.url)
    return with_start_button(html, href, languages.t(config, "links.start_checklist"))
