"""Updates of the offline-capable site, in headless Chromium.

One origin serves build A, then build B (a deploy): a copy of the sources with
one page and one stylesheet changed. The open page says a new version is ready,
stays build A through and through (nothing of B mixed in) and the next
navigation is build B, with the merchant's progress kept.
"""

from __future__ import annotations

import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import ChecklistUI
from tests.browser.offline_helpers import (
    INSTALL_WAIT_MS,
    STRINGS,
    cache_contents,
    message,
    wait_until_offline_ready,
)
from tests.conftest import QuietHandler
from tests.judges.harness import tick_first_item

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# Build B's changes: a sentence on one page, a custom property in one stylesheet.
B_SENTENCE = "This sentence exists only in the second build."
B_PAGE = "docs/guide/before.en.md"
B_STYLESHEET = "docs/assets/stylesheets/links.css"


class SwitchingServer(http.server.ThreadingHTTPServer):
    """One origin whose files can be swapped for another build's (a deploy)."""

    root: Path


class SwitchingHandler(QuietHandler):
    def translate_path(self, path: str) -> str:
        self.directory = str(self.server.root)
        return super().translate_path(path)


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A second build of a copy of the sources with one page and one stylesheet changed."""
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


def served(deploy: SwitchingServer) -> tuple[str, ChecklistUI]:
    """The origin's base URL and its checklist."""
    base = f"http://127.0.0.1:{deploy.server_port}/"
    return base, ChecklistUI(base, f"pos-closure:{urlsplit(base).path}:checklist")


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
    expect(message(page, "update")).to_have_text(
        STRINGS["en"]["offline_update"], timeout=INSTALL_WAIT_MS
    )
    # The open page is the old build through and through, even what it fetches now.
    expect(page.get_by_text(B_SENTENCE)).to_have_count(0)
    assert build_mark(page) == ""
    sheet = page.evaluate("fetch('../../../assets/stylesheets/links.css').then((r) => r.text())")
    assert "--build-mark" not in sheet

    page.goto(base + "en/guide/before/")  # the next navigation: the new build
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
