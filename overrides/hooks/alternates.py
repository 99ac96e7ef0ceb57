"""Language alternates: announced in the sitemap, not in each page's ``<head>``.

Material's bundle takes every ``<link rel="alternate">`` in a page's head for
the root of a language and fetches ``sitemap.xml`` next to it, to reroute links
between languages. mkdocs-static-i18n makes those links point at the same page
in each language (``/checklist/``, ``/en/checklist/``), so every visit asked for
``/checklist/sitemap.xml`` and ``/en/checklist/sitemap.xml`` and got two 404s
(console errors, wasted requests on a slow link). The site's own language
switch (``assets/js/language.js``) needs no sitemap, and search engines read the
same alternates, with absolute addresses, from the sitemap mkdocs-static-i18n
writes (``<xhtml:link rel="alternate" hreflang=…>``).

``on_post_page``, ``on_post_template``
    Remove the head's hreflang alternates from every page, the 404 page
    included.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page without ``<link rel="alternate" hreflang>`` (the sitemap has them)."""
    return without_alternates(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """The 404 page too: it carries the alternates of the last page rendered."""
    if not template_name.endswith(".html"):
        return output_content
    return without_alternates(output_content)


def without_alternates(html: str) -> str:
    head, sep, body = html.partition("</head>")
    return HREFLANG_LINK.sub("", head) + sep + body
