"""Content-Security-Policy: a strict policy, computed at build time, that the
whole site works under (overrides/hooks/csp.py).

Static checks read the build: each page's <meta> policy allows exactly its own
inline scripts, and the server's header policy is their union. Browser checks
use the sweep of every page of the sub-path deployment through nginx (header
and meta policies both enforced; conftest.nginx_sweep) and fail on any
violation event or CSP console message, pages and workers alike.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.judges.harness import built_pages, tick_first_item, wait_for_engine
from tests.recorder import Recorder

META = re.compile(
    r'<meta http-equiv="Content-Security-Policy" content="(?P<policy>[^"]*)">', re.IGNORECASE
)
SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script\s*>", re.S | re.I)
TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
DATA_BLOCK_TYPES = {"application/json", "application/ld+json", "text/template"}

# Its tests share one sub-path build and one sweep of it (judges/conftest.py):
# they run in one process, with the serial tests.
pytestmark = pytest.mark.serial

# The policy, directive by directive (script-src also gets each page's hashes).
EXPECTED = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
}
HEADER_ONLY = {"frame-ancestors": "'none'"}


@cache
def html_of(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def parse(policy: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in policy.split(";"):
        if part.strip():
            name, *values = part.split()
            assert name not in out, f"directive {name} given twice"
            out[name] = values
    return out


def inline_hashes(html: str) -> set[str]:
    """sha256 sources for every inline executable script, found independently of the hook."""
    found = set()
    for match in SCRIPT.finditer(html):
        attrs = match["attrs"]
        if re.search(r"\ssrc\s*=", attrs, re.I):
            continue
        kind = TYPE.search(attrs)
        if kind and kind[1].lower() in DATA_BLOCK_TYPES:
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return found


def meta_policy(html: str) -> str:
    match = META.search(html)
    assert match, "no Content-Security-Policy <meta>"
    return match["policy"]


def header_file_policy(site: Path) -> str:
    conf = (site / "_csp.nginx.conf").read_text(encoding="utf-8")
    match = re.search(r'^add_header Content-Security-Policy "([^"]+)" always;$', conf, re.M)
    assert match, f"unexpected _csp.nginx.conf:\n{conf}"
    return match[1]


def test_every_page_opens_its_head_with_the_policy(site_dir: Path) -> None:
    wrong = []
    for page in built_pages(site_dir):
        html = html_of(site_dir / page)
        head = re.search(r"<head(?:\s[^>]*)?>\s*(<[^>]*>)", html, re.I)
        if not head or not META.fullmatch(head[1]):
            wrong.append(f"{page}: first child of <head> is {head and head[1][:60]!r}")
        charset = re.search(r"<meta charset=", html, re.I)
        if not charset or charset.start() > 1024 - 30:
            wrong.append(f"{page}: <meta charset> is not within the first 1024 bytes")
    assert wrong == [], "\n".join(wrong)


def test_each_page_allows_exactly_its_own_inline_scripts(site_dir: Path) -> None:
    wrong = []
    for page in built_pages(site_dir):
        html = html_of(site_dir / page)
        policy = parse(meta_policy(html))
        allowed = {v for v in policy["script-src"] if v.startswith("'sha256-")}
        if allowed != inline_hashes(html):
            wrong.append(f"{page}: allows {sorted(allowed)}, has {sorted(inline_hashes(html))}")
    assert wrong == [], "\n".join(wrong)


def test_the_policy_is_strict(site_dir: Path) -> None:
    """Exactly the expected directives; no unsafe-inline, unsafe-eval, wildcard or other host."""
    for page in built_pages(site_dir):
        policy = parse(meta_policy(html_of(site_dir / page)))
        without_hashes = {
            name: " ".join(v for v in values if not v.startswith("'sha256-"))
            for name, values in policy.items()
        }
        assert without_hashes == EXPECTED, page


def test_the_header_policy_is_the_union_plus_frame_ancestors(site_dir: Path) -> None:
    union: set[str] = set()
    for page in built_pages(site_dir):
        union |= inline_hashes(html_of(site_dir / page))
    header = parse(header_file_policy(site_dir))
    assert set(header["script-src"]) - {"'self'", "'wasm-unsafe-eval'"} == union
    assert {name: " ".join(v) for name, v in header.items() if name != "script-src"} == {
        **{name: v for name, v in EXPECTED.items() if name != "script-src"},
        **HEADER_ONLY,
    }
    headers_file = (site_dir / "_headers").read_text(encoding="utf-8")
    assert f"  Content-Security-Policy: {header_file_policy(site_dir)}\n" in headers_file


# --- in the browser, through nginx (header and meta both enforced) ---------------


@pytest.mark.browser
def test_no_page_violates_the_policy(nginx_sweep) -> None:
    """securitypolicyviolation events (page and init script) and CSP console errors."""
    assert nginx_sweep.visited, "the sweep visited no page"
    assert nginx_sweep.recorder.csp == [], "\n".join(nginx_sweep.recorder.csp)


@pytest.mark.browser
def test_the_checklist_runs_python_under_the_policy(nginx_sweep) -> None:
    """Both checklists reach data-engine="ready" (the worker gets the header policy)."""
    assert [p for p in nginx_sweep.visited if p.endswith("checklist/index.html")] == [
        "checklist/index.html",
        "en/checklist/index.html",
    ]
    assert nginx_sweep.problems == [], "\n".join(nginx_sweep.problems)


@pytest.mark.browser
def test_no_page_logs_an_error(nginx_sweep) -> None:
    """No console error and no uncaught exception on any page."""
    assert nginx_sweep.recorder.console_errors == [], "\n".join(nginx_sweep.recorder.console_errors)
    assert nginx_sweep.recorder.page_errors == [], "\n".join(nginx_sweep.recorder.page_errors)


@pytest.mark.browser
def test_the_service_worker_works_under_the_policy(browser: Browser, subpath_site) -> None:
    """The deployment's header policy and each page's meta policy: the service worker
    (sw.js and Workbox's files, from the site) installs, keeps the checklist's runtime
    and serves the checklist offline, Python included, with no violation anywhere."""
    _, base = subpath_site
    context = browser.new_context()
    recorder = Recorder().attach(context)
    try:
        page = context.new_page()
        page.goto(base + "checklist/")
        wait_for_engine(page)
        expect(page.locator('[data-offline-message="engine_ready"]')).to_be_attached(timeout=60_000)
        worker = page.evaluate("navigator.serviceWorker.ready.then((r) => r.active.scriptURL)")
        assert worker == base + "sw.js"
        context.set_offline(True)
        page.goto(base + "en/checklist/")
        wait_for_engine(page)
        tick_first_item(page)
    finally:
        context.close()
    assert recorder.csp == [], "\n".join(recorder.csp)
    assert recorder.console_errors == [], "\n".join(recorder.console_errors)
