"""Sub-path hosting: the site built with SITE_URL=http://127.0.0.1:<port>/some/sub/path/
and served there by nginx (deploy/nginx.conf with @PREFIX@ = /some/sub/path/,
conftest.subpath_site) works: every page and the checklist's Python (through
the shared sweep), search, the language switch and the go/#<step-id> links.
Nothing is requested outside the sub-path, and nothing fails.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from tests.guide_ids import ROOTS
from tests.judges.harness import SUB_PATH, built_pages
from tests.recorder import Recorder
from tests.search_box import search

# Shares one sub-path build and one sweep of it with test_csp.py: runs with the serial tests.
pytestmark = [pytest.mark.browser, pytest.mark.serial]

PREFIX = SUB_PATH


@pytest.fixture
def recorder(page: Page) -> Recorder:
    return Recorder().attach(page.context)


def outside_the_sub_path(recorder: Recorder) -> list[str]:
    return [url for url in recorder.requests if not urlsplit(url).path.startswith(PREFIX)]


def assert_clean(recorder: Recorder) -> None:
    assert recorder.failed == [], "\n".join(recorder.failed)
    assert outside_the_sub_path(recorder) == [], "\n".join(outside_the_sub_path(recorder))
    assert recorder.csp == [], "\n".join(recorder.csp)


def test_every_page_loads_with_everything_it_needs(nginx_sweep, subpath_site) -> None:
    """The sweep (conftest.nginx_sweep) visited every page of this deployment: each
    answered 200 (the missing address 404 with the 404 page), the checklists ran
    Python, and every request stayed under the sub-path and succeeded."""
    site, _ = subpath_site
    assert nginx_sweep.visited == built_pages(site)
    assert nginx_sweep.problems == [], "\n".join(nginx_sweep.problems)
    assert_clean(nginx_sweep.recorder)


@pytest.mark.parametrize(("lang", "query"), [("zh", "押金"), ("en", "deposit")])
def test_search_finds_pages_under_the_sub_path(
    page: Page, recorder: Recorder, subpath_site, lang: str, query: str
) -> None:
    _, base = subpath_site
    page.goto(base + ROOTS[lang] + "guide/before/")
    results = search(page, query)
    hrefs = [urlsplit(results.nth(i).get_attribute("href") or "").path for i in range(3)]
    assert all(h.startswith(PREFIX + ROOTS[lang]) for h in hrefs), hrefs
    results.first.click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path.startswith(PREFIX), page.url
    assert_clean(recorder)


def test_the_language_switch_stays_under_the_sub_path(
    page: Page, recorder: Recorder, subpath_site
) -> None:
    _, base = subpath_site
    page.goto(base + "guide/settle/")
    page.locator(".md-header .md-select").hover()
    page.locator('.md-header .md-select a[hreflang="en"]').click()
    page.wait_for_url(f"**{PREFIX}en/**")
    assert urlsplit(page.url).path == PREFIX + "en/guide/settle/", page.url
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.wait_for_load_state("networkidle")
    assert_clean(recorder)


def test_go_links_end_on_the_step_under_the_sub_path(
    page: Page, recorder: Recorder, subpath_site
) -> None:
    site, base = subpath_site
    assert (site / "go" / "index.html").is_file(), (
        "go/index.html is not in the build: the go/#<step-id> redirect page is missing"
    )
    page.goto(base + "go/#balance-settled")
    # The go/ page may pick the reader's language (Chromium here says en-US).
    page.wait_for_url(re.compile(rf"^[^#]*{PREFIX}(en/)?guide/before/#balance-settled$"))
    expect(page.locator("#balance-settled")).to_be_attached()
    page.wait_for_load_state("networkidle")
    assert_clean(recorder)


def test_a_production_build_reads_no_test_settings_from_a_link(subpath_site) -> None:
    """Built without CHECKLIST_TEST_SETTINGS, as a host builds it: the checklist's
    settings say so, and the page then ignores ?engine_timeout= (see
    tests/browser/test_checklist_faults.py for the page's side)."""
    site, _ = subpath_site
    for page in ("checklist/index.html", "en/checklist/index.html"):
        html = (site / page).read_text(encoding="utf-8")
        block = re.search(r"<script[^>]*data-checklist-settings[^>]*>(.*?)</script>", html, re.S)
        assert block, page
        assert '"testSettings": false' in block.group(1), page


def test_the_site_works_offline_under_the_sub_path(browser, subpath_site) -> None:
    """The service worker's scope is the sub-path; after one visit, pages of both
    languages open offline from it."""
    _, base = subpath_site
    context = browser.new_context()
    recorder = Recorder().attach(context)
    try:
        page = context.new_page()
        page.goto(base + "en/guide/before/")
        expect(page.locator('[data-offline-message="ready"]')).to_be_attached(timeout=60_000)
        scope = page.evaluate("navigator.serviceWorker.ready.then((r) => r.scope)")
        assert scope == base
        context.set_offline(True)
        for root in ROOTS.values():
            for path in ("", "guide/settle/", "checklist/"):
                response = page.goto(base + root + path)
                assert response is not None and response.ok, root + path
                assert response.from_service_worker, root + path
                assert urlsplit(page.url).path == PREFIX + root + path
    finally:
        context.close()
    assert_clean(recorder)
