"""Updates of the offline-capable site, in headless Chromium.

One origin serves build A, then build B (a deploy): a copy of the sources with
one page and one stylesheet changed. The open page says a new version is ready,
stays build A through and through (nothing of B mixed in), navigations are
answered at once by A, and "Use the new version" reloads once into build B,
with the merchant's progress kept; a B that never takes over reloads nothing. A merchant whose
progress an older release saved (rules version 1) reads on B's checklist what
changed for them, once: not on reload, not offline.
"""

from __future__ import annotations

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import BrowserContext, Page, expect

import checklist
from tests.browser.conftest import ChecklistUI, checklist_key
from tests.browser.offline_helpers import (
    INSTALL_WAIT_MS,
    STRINGS,
    cache_contents,
    message,
    wait_until_offline_ready,
)
from tests.conftest import QuietHandler
from tests.guide_ids import ROOTS
from tests.judges.harness import tick_first_item

pytestmark = [pytest.mark.browser, pytest.mark.serial]

ROOT = Path(__file__).resolve().parents[2]
# Build B's changes: a sentence on one page, a custom property in one stylesheet.
B_SENTENCE = "This sentence exists only in the second build."
B_PAGE = "docs/guide/before.en.md"
B_STYLESHEET = "overrides/assets/stylesheets/links.css"
# Progress an older release saved: a person closing the bank account, rules version 1.
RETURNING = "returning-merchant-rules-1-closes-bank-account"
MERCHANT = {"merchant_id": "822290059430BCY", "terminal_id": "A9254710", "name": "小王便利店"}
FIELDS = {"merchant_id": "merchant_id", "terminal_id": "terminal_id", "merchant_name": "name"}
# The links whose page is missing or has no element with the link's fragment as its id.
MISSING_TARGETS = """async (hrefs) => {
  const missing = [];
  for (const href of hrefs) {
    const url = new URL(href);
    const response = await fetch(url.href);
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    const id = decodeURIComponent(url.hash.slice(1));
    if (!response.ok || !id || !doc.getElementById(id)) missing.push(href);
  }
  return missing;
}"""


class SwitchingServer(http.server.ThreadingHTTPServer):
    """One origin whose files can be swapped for another build's (a deploy)."""

    root: Path


class SwitchingHandler(QuietHandler):
    def translate_path(self, path: str) -> str:
        self.directory = str(self.server.root)
        return super().translate_path(path)


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second build of a copy of the sources with one page and one stylesheet changed
    (its own build by necessity: the test updates a visitor from one release to the next)."""
    copy = tmp_path_factory.mktemp("changed") / "repo"
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    for name in listed:
        if (ROOT / name).is_file():
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, copy / name)
    for shared in ("node_modules", "build"):  # the same npm packages and engine cache
        if (ROOT / shared).exists():
            (copy / shared).symlink_to(ROOT / shared)
    with (copy / B_PAGE).open("a", encoding="utf-8") as page:
        page.write(f"\n{B_SENTENCE}\n")
    with (copy / B_STYLESHEET).open("a", encoding="utf-8") as sheet:
        sheet.write('\n:root { --build-mark: "b"; }\n')
    dest = copy.parent / "site"
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(dest)],
        cwd=copy,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return dest


@pytest.fixture
def deploy(site_dir: Path) -> Iterator[SwitchingServer]:
    server = SwitchingServer(("127.0.0.1", 0), SwitchingHandler)
    server.root = site_dir
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def build_mark(page: Page) -> str:
    return page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--build-mark').trim()"
    )


def use_the_new_version(page: Page) -> None:
    """Press "Use the new version" (Workbox's prompt): the page reloads once, into it."""
    button = page.locator('[data-offline-action="update"]')
    expect(button).to_be_visible(timeout=INSTALL_WAIT_MS)
    with page.expect_navigation(timeout=INSTALL_WAIT_MS):
        button.click()
    page.wait_for_load_state()
    assert build_mark(page) == '"b"'


def served(deploy: SwitchingServer) -> tuple[str, ChecklistUI]:
    """The origin's base URL and its checklist."""
    base = f"http://127.0.0.1:{deploy.server_port}/"
    return base, ChecklistUI(base, checklist_key(base))


def test_an_update_is_announced_used_from_the_next_page_and_keeps_progress(
    fresh: BrowserContext, deploy: SwitchingServer, changed_site: Path
) -> None:
    base, ui = served(deploy)
    page = fresh.new_page()
    page.goto(base + "en/guide/before/")
    wait_until_offline_ready(page, "en")
    ui.open(page, "en")
    tick_first_item(page)
    saved = ui.saved(page)
    assert saved

    deploy.root = changed_site  # the new build is deployed
    page.goto(base + "en/guide/before/")
    expect(message(page, "update")).to_contain_text(
        STRINGS["en"]["offline_update"], timeout=INSTALL_WAIT_MS
    )
    # The open page is the old build through and through, even what it fetches now.
    expect(page.get_by_text(B_SENTENCE)).to_have_count(0)
    assert build_mark(page) == ""
    sheet = page.evaluate("fetch('../../../assets/stylesheets/links.css').then((r) => r.text())")
    assert "--build-mark" not in sheet

    # The next navigation: still this version, served at once, and the offer again.
    page.goto(base + "en/guide/before/")
    expect(page.get_by_text(B_SENTENCE)).to_have_count(0)
    use_the_new_version(page)
    expect(page.get_by_text(B_SENTENCE)).to_have_count(1)
    assert build_mark(page) == '"b"'
    expect(message(page, "update")).to_have_count(0)
    assert ui.saved(page) == saved
    ui.open(page, "en")
    assert ui.saved(page) == saved
    # Only the new build's revisions are left.
    listed = re.findall(r'"url":"([^"]+)"', (changed_site / "sw.js").read_text("utf-8"))
    (precache,) = [paths for name, paths in cache_contents(page).items() if "precache" in name]
    assert sorted(p.lstrip("/") for p in precache) == sorted(listed)
    fresh.set_offline(True)
    page.goto(base + "en/guide/before/")
    expect(page.get_by_text(B_SENTENCE)).to_have_count(1)
    assert build_mark(page) == '"b"'


# --- timing: no wait on a navigation, no reload loop --------------------------------


@pytest.fixture(scope="module")
def stubborn_site(changed_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build B whose worker ignores SKIP_WAITING: it installs, then never takes over."""
    dest = tmp_path_factory.mktemp("stubborn") / "site"
    shutil.copytree(changed_site, dest)
    worker = dest / "sw.js"
    source = worker.read_text(encoding="utf-8")
    assert source.count("sw.skipWaiting()") == 1
    worker.write_text(source.replace("sw.skipWaiting()", "void 0"), encoding="utf-8")
    return dest


def navigations(page: Page) -> list[float]:
    """The times at which the page's main frame navigates, from now on."""
    times: list[float] = []

    def record(frame) -> None:
        if frame == page.main_frame:
            times.append(time.monotonic())

    page.on("framenavigated", record)
    return times


def test_a_navigation_while_an_update_waits_is_served_at_once(
    fresh: BrowserContext, deploy: SwitchingServer, changed_site: Path
) -> None:
    base, _ = served(deploy)
    page = fresh.new_page()
    page.goto(base + "en/guide/before/")
    wait_until_offline_ready(page, "en")
    deploy.root = changed_site
    page.goto(base + "en/guide/before/")
    expect(message(page, "update")).to_be_visible(timeout=INSTALL_WAIT_MS)
    seen = navigations(page)
    start = time.monotonic()
    page.goto(base + "en/guide/before/", wait_until="commit")
    took = time.monotonic() - start
    page.wait_for_timeout(4000)
    assert took < 1.5, f"the navigation waited {took:.2f} s"
    assert len(seen) == 1, f"reloaded at {[round(t - start, 2) for t in seen]} s"
    expect(page.get_by_text(B_SENTENCE)).to_have_count(0)  # this version, until asked


def test_a_new_version_that_never_takes_over_reloads_nothing(
    fresh: BrowserContext, deploy: SwitchingServer, stubborn_site: Path
) -> None:
    base, _ = served(deploy)
    page, other = fresh.new_page(), fresh.new_page()
    page.bring_to_front()  # the tab used; the other stays open behind it
    page.goto(base + "en/guide/before/")
    wait_until_offline_ready(page, "en")
    other.goto(base + "en/")
    deploy.root = stubborn_site  # both tabs controlled; the new version waits
    page.goto(base + "en/guide/before/")
    expect(message(page, "update")).to_be_visible(timeout=INSTALL_WAIT_MS)
    seen = navigations(page)
    # Asked for, it does not take over: no reload, the page stays as it is.
    page.locator('[data-offline-action="update"]').click()
    page.wait_for_timeout(4000)
    assert seen == [], "reloaded for a version that did not take over"
    assert build_mark(page) == ""
    # One tab left, a navigation: served once, never reloaded again and again.
    other.close()
    start = time.monotonic()
    page.goto(base + "en/guide/")
    page.wait_for_timeout(7000)
    assert len(seen) == 1, f"reloaded at {[round(t - start, 2) for t in seen]} s"


# --- what changed since the last visit ---------------------------------------------


def older_progress(scenarios: list[dict]) -> dict:
    """Progress an older release saved (rules 1): answers, ticks, merchant, notes."""
    (scenario,) = [each for each in scenarios if each["name"] == RETURNING]
    state = {**scenario["state"], "merchant": MERCHANT, "notes": "押金收据在抽屉里"}
    assert state["rules"] == 1 < checklist.RULES_VERSION
    return {**state, "updated": "2025-01-31T09:30:00+08:00"}


def shown_once(page: Page, ui: ChecklistUI, lang: str, old: dict, base: str) -> None:
    """The checklist lists what changed, as the engine says, with links that work."""
    summary = checklist.summary(old, lang)
    expected = summary["changes"]
    assert expected, "this progress must have changes to tell, or nothing is tested"
    notice = page.locator('[data-notice="changes"]')
    expect(notice).to_be_visible()
    expect(notice.locator("p").first).to_have_text(summary["labels"]["changes"])
    lines = notice.locator("li[data-change]")
    expect(lines).to_have_text([change["message"] for change in expected])
    kinds = lines.evaluate_all("lines => lines.map((line) => line.dataset.change)")
    assert kinds == [change["kind"] for change in expected]
    hrefs = lines.locator("a").evaluate_all("links => links.map((link) => link.href)")
    assert hrefs == [urljoin(base + ROOTS[lang], change["href"]) for change in expected]
    assert page.evaluate(MISSING_TARGETS, hrefs) == []
    # Shown once: the page has recorded today's rules version, and nothing else.
    assert ui.saved(page) == {**old, "schema": checklist.SCHEMA, "rules": checklist.RULES_VERSION}


def not_shown_again(page: Page, ui: ChecklistUI, old: dict) -> None:
    """The verdict comes; the list is not shown; the progress is as it was."""
    # Set right after the list would be shown (the same evaluation): it had its chance.
    expect(page.locator("[data-checklist]")).to_have_attribute(
        "data-print", "summary", timeout=INSTALL_WAIT_MS
    )
    assert ui.verdict(page) == checklist.evaluate(old)["verdict"]
    expect(page.locator('[data-notice="changes"]')).to_have_count(0)
    assert ui.saved(page) == {**old, "schema": checklist.SCHEMA, "rules": checklist.RULES_VERSION}


def progress_on_the_page(page: Page, old: dict) -> None:
    """The form shows the ticks, answers, merchant details and notes of ``old``."""
    for item in old["done"]:
        expect(page.locator(f'input[name="{item}"]')).to_be_checked()
    for key, value in old["answers"].items():
        expect(page.locator(f'input[name="{key}"][value="{value}"]')).to_be_checked()
    for field, key in FIELDS.items():
        expect(page.locator(f'input[name="{field}"]')).to_have_value(old["merchant"][key])
    expect(page.locator('textarea[name="notes"]')).to_have_value(old["notes"])


def test_what_changed_since_an_older_release_is_listed_once_after_an_update(
    fresh: BrowserContext, deploy: SwitchingServer, changed_site: Path, scenarios: list[dict]
) -> None:
    base, ui = served(deploy)
    page = fresh.new_page()
    old = older_progress(scenarios)
    ui.seed(page, {ui.storage_key: json.dumps(old, ensure_ascii=False)})
    page.goto(base + "en/guide/before/")
    wait_until_offline_ready(page, "en")

    deploy.root = changed_site  # the new build is deployed
    page.goto(base + "en/guide/before/")
    expect(message(page, "update")).to_contain_text(
        STRINGS["en"]["offline_update"], timeout=INSTALL_WAIT_MS
    )
    assert ui.saved(page) == old  # nothing has read or rewritten it yet

    use_the_new_version(page)
    ui.open(page, "en")  # the new build's checklist
    assert build_mark(page) == '"b"'
    shown_once(page, ui, "en", old, base)
    progress_on_the_page(page, old)
    expect(message(page, "engine_ready")).to_be_attached(timeout=INSTALL_WAIT_MS)

    page.reload()
    not_shown_again(page, ui, old)
    progress_on_the_page(page, old)

    fresh.set_offline(True)
    ui.open(page, "en")
    expect(message(page, "now")).to_have_text(STRINGS["en"]["offline_now"])
    not_shown_again(page, ui, old)

    # The other language, offline: the same older progress is told in Chinese.
    page.evaluate(
        "([key, value]) => localStorage.setItem(key, value)", [ui.storage_key, json.dumps(old)]
    )
    ui.open(page, "zh")
    assert build_mark(page) == '"b"'
    shown_once(page, ui, "zh", old, base)
    ui.open(page, "zh")
    not_shown_again(page, ui, old)
