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

``on_post_page``
    Removes the head's hreflang alternates from every page.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

HREFLANG_LINK = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """The page without ``<link rel="alternate" hreflang>`` (the sitemap has them)."""
    head, sep, body = output.partition("</head>")
    return HREFLANG_LINK.sub("", head) + sep + body
