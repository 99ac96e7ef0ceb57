"""Content-Security-Policy, computed at build time.

The site runs under a strict policy: scripts only from this origin, plus
WebAssembly compilation for Pyodide (``'wasm-unsafe-eval'``), plus the sha256
hash of each inline script Material writes into the page (they differ per page
depth: ``__md_scope=new URL("../..", location)``). Nothing else may run,
connect or load from anywhere but the site itself.

Build events, each handled here once:

``on_startup``
    Remembers the command: under ``mkdocs serve`` no policy is written, because
    the live-reload script MkDocs injects into every response is inline and
    changes on each response, so no hash can allow it.
``on_post_page`` / ``on_post_template``
    Hash each inline executable script of the page (JSON data blocks need no
    hash), refuse inline event handlers and style attributes (the policy would
    block them), and insert ``<meta http-equiv="Content-Security-Policy">`` as
    the first child of ``<head>``. A ``<meta>`` policy cannot carry
    ``frame-ancestors``; the HTTP header adds it.
``on_post_build``
    Writes the union policy for the whole site (every page's hashes, plus
    ``frame-ancestors 'none'``) for the web server, so the header and each
    page's meta agree:

    - ``_csp.nginx.conf``: one ``add_header`` line that ``deploy/nginx.conf``
      includes;
    - ``_headers``: the same policy and the other security headers in the
      format Netlify and Cloudflare Pages read (other hosts: copy the values).

    It runs after mkdocs-static-i18n's own ``on_post_build`` (which builds the
    other languages inside it), so the last write covers every language.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
from html.parser import HTMLParser
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

__all__ = [
    "HEADERS_FILE",
    "NGINX_FILE",
    "SECURITY_HEADERS",
    "add_meta",
    "header_policy",
    "inline_script_hashes",
    "page_policy",
]

log = logging.getLogger("mkdocs.hooks.csp")

NGINX_FILE = "_csp.nginx.conf"
HEADERS_FILE = "_headers"

# The policy, directive by directive; script-src gets the page's hashes. The web
# app manifest falls under default-src: WebKit does not know `manifest-src` and
# logs an error about it on every page.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self' 'wasm-unsafe-eval'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),  # Material's icons are data: SVGs in its CSS
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),  # the search worker and the checklist's Pyodide worker
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# Only an HTTP header may carry these (a <meta> policy ignores them).
HEADER_ONLY: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)

# The other security headers a host sends with every response. deploy/nginx.conf
# sends the same values; a test compares the two.
SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": (
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
        "microphone=(), payment=(), usb=()"
    ),
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# Script types the browser executes (an empty or missing type is JavaScript).
# Anything else (application/json, ...) is a data block and needs no hash.
EXECUTABLE_TYPES = frozenset(
    {"", "module", "importmap", "text/javascript", "application/javascript"}
)

_HEAD = re.compile(r"<head(?:\s[^>]*)?>", re.IGNORECASE)

_command = "build"
_hashes_by_page: dict[str, frozenset[str]] = {}


class _Scanner(HTMLParser):
    """Collects inline script texts and attributes the policy would block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self.blocked: list[str] = []
        self._text: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        for name in sorted(names):
            if name.startswith("on"):
                self.blocked.append(f"<{tag} {name}=…> (inline event handler)")
            elif name == "style":
                self.blocked.append(f"<{tag} style=…> (inline style attribute)")
        if tag == "style":
            self.blocked.append("<style> element (inline stylesheet)")
        for name, value in attrs:
            if name in {"href", "src", "action"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.blocked.append(f"<{tag} {name}=javascript:…>")
        if tag == "script":
            kind = (dict(attrs).get("type") or "").strip().lower()
            inline = "src" not in names
            self._text = [] if inline and kind in EXECUTABLE_TYPES else None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._text is not None:
            self.scripts.append("".join(self._text))
            self._text = None


def _scan(html: str) -> _Scanner:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source (``'sha256-…'``) of each inline executable script, in page order."""
    return [_source(text) for text in _scan(html).scripts]


def _source(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def page_policy(hashes: set[str] | frozenset[str] | list[str]) -> str:
    """The policy for a ``<meta>`` element: no header-only directive."""
    return _policy(hashes, DIRECTIVES)


def header_policy(hashes: set[str] | frozenset[str] | list[str]) -> str:
    """The policy for the HTTP header: the meta policy plus ``frame-ancestors``."""
    return _policy(hashes, DIRECTIVES + HEADER_ONLY)


def _policy(
    hashes: set[str] | frozenset[str] | list[str], directives: tuple[tuple[str, str], ...]
) -> str:
    ordered = sorted(set(hashes))
    parts = []
    for name, value in directives:
        if name == "script-src" and ordered:
            value = f"{value} {' '.join(ordered)}"
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def add_meta(html: str, where: str) -> tuple[str, frozenset[str]]:
    """Insert the page's policy as the first child of ``<head>``; return it and its hashes."""
    scanner = _scan(html)
    for problem in sorted(set(scanner.blocked)):
        log.warning("%s: %s would be blocked by the Content-Security-Policy", where, problem)
    hashes = frozenset(_source(text) for text in scanner.scripts)
    head = _HEAD.search(html)
    if head is None:
        log.warning("%s: no <head>, so no Content-Security-Policy <meta>", where)
        return html, hashes
    meta = f'<meta http-equiv="Content-Security-Policy" content="{page_policy(hashes)}">'
    return html[: head.end()] + meta + html[head.end() :], hashes


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command
    _hashes_by_page.clear()


@event_priority(-200)  # last: after every plugin and hook that changes the page
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return _protect(output, page.file.dest_uri)


@event_priority(-200)
def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml and friends
    return _protect(output_content, template_name)


def _protect(html: str, dest: str) -> str:
    if _command == "serve":
        return html
    html, hashes = add_meta(html, dest)
    _hashes_by_page[dest] = hashes
    return html


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built the other languages
def on_post_build(config: MkDocsConfig) -> None:
    if _command == "serve":
        log.info("CSP: no policy under `mkdocs serve` (live reload injects an inline script)")
        return
    hashes = frozenset().union(*_hashes_by_page.values())
    policy = header_policy(hashes)
    site = Path(config.site_dir)
    (site / NGINX_FILE).write_text(
        "# Written by overrides/hooks/csp.py at build time: the union of every page's\n"
        "# policy, plus frame-ancestors. Included by deploy/nginx.conf.\n"
        f'add_header Content-Security-Policy "{policy}" always;\n',
        encoding="utf-8",
    )
    lines = ["/*", f"  Content-Security-Policy: {policy}"]
    lines += [f"  {name}: {value}" for name, value in SECURITY_HEADERS.items()]
    (site / HEADERS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
