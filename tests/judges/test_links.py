"""Every internal link and #anchor of the built site resolves, in both languages.

Each a[href], link[href], script[src], img[src|srcset] and friends of every
built page is resolved against the page's own URL, like a browser does. An
internal target must exist in the build, and a #fragment must be an id (or a
named anchor) on the target page. No network: links to other hosts are only
listed. Absolute links to the configured site_url (canonical, language
alternates) count as internal.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from tests.html_text import read_page
from tests.judges.harness import NOTES, ROOT, built_pages, page_path

# Pages whose script reads the #fragment as a step id and sends the reader on
# to that step (go/#<step-id>): there, a fragment is valid when the page lists
# a link to that step, not when it is an element id.
FRAGMENT_ROUTERS = ("go/index.html", "en/go/index.html")
# Other hosts a page may link to, each with its reason. None today.
ALLOWED_OUTSIDE: dict[str, str] = {}
SKIPPED_SCHEMES = {"mailto", "tel", "data", "blob"}


def site_url() -> str:
    """The site_url the session's build used (the SITE_URL default in mkdocs.yml)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r'^site_url:\s*!ENV\s*\[SITE_URL,\s*"([^"]+)"\]', text, re.M)
    assert match, 'mkdocs.yml: site_url is no longer `!ENV [SITE_URL, "…"]`'
    return match[1]


@cache
def anchors(file: Path) -> frozenset[str]:
    html = file.read_text(encoding="utf-8")
    page = read_page(html)
    named = re.findall(r"<a\s[^>]*\bname=\"([^\"]+)\"", html)
    return frozenset(page.ids) | frozenset(named)


@cache
def routed_fragments(file: Path) -> frozenset[str]:
    """Fragments a router page accepts: the fragments of the links it lists."""
    refs = read_page(file.read_text(encoding="utf-8")).refs
    return frozenset(urlsplit(url).fragment for tag, _, url in refs if tag == "a" and "#" in url)


def target_file(site: Path, path: str) -> Path | None:
    """The built file a URL path (relative to the site root) is served from."""
    candidate = site / unquote(path)
    if path == "" or path.endswith("/"):
        candidate = candidate / "index.html"
    if candidate.is_file():
        return candidate
    return None


def urls_of(attr: str, value: str) -> list[str]:
    if attr == "srcset":
        return [part.strip().split()[0] for part in value.split(",") if part.strip()]
    return [value]


def test_every_internal_link_and_anchor_resolves(site_dir: Path) -> None:
    base = site_url()
    base_parts = urlsplit(base)
    broken, outside = [], set()
    checked = 0
    for built in built_pages(site_dir):
        html = (site_dir / built).read_text(encoding="utf-8")
        page_url = urljoin(base, page_path(built))
        for tag, attr, value in read_page(html).refs:
            for ref in urls_of(attr, value):
                url = urljoin(page_url, ref.strip())
                parts = urlsplit(url)
                if parts.scheme in SKIPPED_SCHEMES:
                    continue
                if parts.scheme == "javascript":
                    broken.append(f"{built}: <{tag} {attr}={ref!r}> (javascript: URL)")
                    continue
                if (parts.scheme, parts.netloc) != (base_parts.scheme, base_parts.netloc) or (
                    not parts.path.startswith(base_parts.path)
                ):
                    outside.add(f"{built}: {url}")
                    continue
                checked += 1
                rel = parts.path[len(base_parts.path) :]
                target = target_file(site_dir, rel)
                if target is None:
                    broken.append(f"{built}: <{tag} {attr}={ref!r}> → {rel!r} is not in the build")
                    continue
                fragment = unquote(parts.fragment)
                if not fragment or target.suffix != ".html":
                    continue
                target_rel = target.relative_to(site_dir).as_posix()
                if target_rel in FRAGMENT_ROUTERS:
                    if fragment not in routed_fragments(target):
                        broken.append(f"{built}: {ref!r} → {target_rel} lists no step #{fragment}")
                elif fragment not in anchors(target):
                    broken.append(f"{built}: {ref!r} → no id {fragment!r} on {target_rel}")
    NOTES.append(f"links: {checked} internal references checked; outside links: {len(outside)}")
    NOTES.extend(f"  outside link: {line}" for line in sorted(outside))
    assert broken == [], "\n".join(broken)
    unexpected = sorted(o for o in outside if o.split(": ", 1)[1] not in ALLOWED_OUTSIDE)
    assert unexpected == [], "\n".join(unexpected)
