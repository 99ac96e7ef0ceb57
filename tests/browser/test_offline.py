"""Offline use and updates, in headless Chromium with Playwright's offline mode.

After one online visit every guide page of both languages opens with the
network cut; the checklist reaches its verdict offline once it ran online; on
Save-Data or 2G the Python runtime is not kept; an update from one build to a
changed one is announced, never mixes the two builds' files and keeps the
merchant's progress; progress the browser cleared is noticed
(assets/checklist/persist.js).
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
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from checklist import locales
from tests.browser.conftest import ChecklistUI
from tests.conftest import QuietHandler
from tests.guide_ids import PHASES, ROOTS
from tests.judges.harness import tick_first_item

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
INSTALL_WAIT_MS = 60_000
STRINGS = {lang: locales.table(lang, "links") for lang in ROOTS}
RUNTIME = "/assets/pyodide/"
# Build B's changes: a sentence on one page, a custom property in one stylesheet.
B_SENTENCE = "This sentence exists only in the second build."
B_PAGE = "docs/guide/before.en.md"
B_STYLESHEET = "docs/assets/stylesheets/links.css"

CACHES = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    out[name] = (await cache.keys()).map((request) => new URL(request.url).pathname);
  }
  return out;
}"""


def message(page: Page, key: str):
    return page.locator(f'#offline-status [data-offline-message="{key}"]')


def wait_until_offline_ready(page: Page, lang: str = "zh") -> None:
    """The page says, in its language, that the site is saved for offline use."""
    ready = message(page, "ready")
    expect(ready).to_have_text(STRINGS[lang]["offline_ready"], timeout=INSTALL_WAIT_MS)


def cache_contents(page: Page) -> dict[str, list[str]]:
    return page.evaluate(CACHES)


def runtime_files(page: Page) -> list[str]:
    return sorted(p for paths in cache_contents(page).values() for p in paths if RUNTIME in p)


@pytest.fixture
def fresh(browser: Browser) -> Iterator[BrowserContext]:
    """A context of its own (service workers and caches are per context)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()


def test_every_guide_page_opens_offline_after_one_visit(fresh: BrowserContext, site_url) -> None:
    page = fresh.new_page()
    page.goto(site_url)
    wait_until_offline_ready(page)
    fresh.set_offline(True)
    for lang, root in ROOTS.items():
        for phase in ["", *(f"guide/{name}/" for name in PHASES)]:
            response = page.goto(f"{site_url}{root}{phase}")
            assert response is not None and response.ok, f"{root}{phase}"
            assert response.from_service_worker, f"{root}{phase}"
            expect(page.locator("html")).to_have_attribute("lang", lang)
            expect(page.locator("article h1")).to_have_count(1)
            expect(message(page, "now")).to_have_text(STRINGS[lang]["offline_now"])
    fresh.set_offline(False)
    expect(message(page, "now")).to_have_count(0)


def test_the_checklist_answers_offline_once_it_ran_online(fresh: BrowserContext, site_url) -> None:
    page = fresh.new_page()
    ui = ChecklistUI(site_url, "")
    ui.open(page, "zh")
    expect(message(page, "engine_ready")).to_have_text(
        STRINGS["zh"]["offline_engine_ready"], timeout=INSTALL_WAIT_MS
    )
    kept = runtime_files(page)
    assert any(path.endswith("/pyodide.asm.wasm") for path in kept), kept
    fresh.set_offline(True)
    for lang in ROOTS:
        ui.open(page, lang)  # waits for data-engine="ready" and a verdict
        assert ui.verdict(page), lang
        expect(message(page, "now")).to_have_text(STRINGS[lang]["offline_now"])
        tick_first_item(page)  # Python answers a change too
        ui.wait_engine(page)


@pytest.mark.parametrize(
    "connection",
    [{"saveData": True, "effectiveType": "4g"}, {"saveData": False, "effectiveType": "2g"}],
    ids=["save-data", "2g"],
)
def test_no_runtime_is_kept_on_save_data_or_2g(browser: Browser, site_url, connection) -> None:
    """What the browser reports is emulated in the page (Chromium has no switch for it)."""
    context = browser.new_context()
    context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'connection', "
        f"{{ configurable: true, get: () => ({json.dumps(connection)}) }});"
    )
    try:
        page = context.new_page()
        ui = ChecklistUI(site_url, "")
        ui.open(page, "zh")
        assert page.evaluate("navigator.connection.saveData") is connection["saveData"]
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.wait_for_timeout(3000)  # the normal case keeps the runtime within this
        contents = cache_contents(page)
        assert any("index.html" in p for paths in contents.values() for p in paths), contents
        assert runtime_files(page) == []
        expect(message(page, "engine_ready")).to_have_count(0)
    finally:
        context.close()


def test_the_storage_the_site_uses(fresh: BrowserContext, site_url, site_dir: Path) -> None:
    """Measured after a visit that kept the runtime: the figures in the README."""
    page = fresh.new_page()
    ChecklistUI(site_url, "").open(page, "en")
    expect(message(page, "engine_ready")).to_be_attached(timeout=INSTALL_WAIT_MS)
    usage = page.evaluate("navigator.storage.estimate().then((e) => e.usage)")
    contents = cache_contents(page)
    precached = [p for paths in contents.values() for p in paths if RUNTIME not in p]
    runtime = runtime_files(page)
    runtime_bytes = sum((site_dir / p.lstrip("/")).stat().st_size for p in runtime)
    pages = sorted(p for p in precached if p.endswith(".html"))
    print(
        f"\nstorage: {usage / 1e6:.2f} MB used; {len(precached)} precached files, "
        f"{len(pages)} pages; runtime {len(runtime)} files, {runtime_bytes / 1e6:.2f} MB"
    )
    # every page of both languages, the 404 page excepted
    built = sorted(
        "/" + p.relative_to(site_dir).as_posix()
        for p in site_dir.rglob("*.html")
        if p.name != "404.html"
    )
    assert pages == built
    assert not any(p.endswith((".map", ".gz", ".br")) for p in precached)
    assert usage < 25_000_000, usage  # ~1.5 MB of pages and assets + the runtime used


# --- updates --------------------------------------------------------------------


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


def test_an_update_is_announced_used_from_the_next_page_and_keeps_progress(
    fresh: BrowserContext, deploy: SwitchingServer, changed_site: Path
) -> None:
    base = f"http://127.0.0.1:{deploy.server_port}/"
    ui = ChecklistUI(base, f"pos-closure:{urlsplit(base).path}:checklist")
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


# --- storage cleared --------------------------------------------------------------


@pytest.mark.parametrize("lang", list(ROOTS))
def test_progress_the_browser_cleared_is_noticed_once(
    fresh: BrowserContext, site_url, storage_key: str, lang: str
) -> None:
    page = fresh.new_page()
    ui = ChecklistUI(site_url, storage_key)
    ui.open(page, lang, wait=None)
    persist = f"{site_url}assets/checklist/persist.js"
    call = "([url, key, name]) => import(url).then((m) => m[name](key))"
    nothing = page.evaluate(call, [persist, storage_key, "keepProgress"])
    assert (nothing["saved"], nothing["cleared"], nothing["message"]) == (False, False, "")

    tick_first_item(page)
    saved = page.evaluate(call, [persist, storage_key, "keepProgress"])
    assert saved["saved"] is True and saved["cleared"] is False

    page.evaluate("key => localStorage.removeItem(key)", storage_key)  # the browser clears it
    page.reload()
    # The checklist says so once, instead of silently starting empty.
    notice = page.locator('[data-notice="cleared"]')
    expect(notice).to_be_visible()
    expect(notice).to_contain_text(STRINGS[lang]["progress_cleared"])
    again = page.evaluate(call, [persist, storage_key, "keepProgress"])
    assert again["cleared"] is False and again["message"] == ""  # said once

    tick_first_item(page)
    page.evaluate(call, [persist, storage_key, "keepProgress"])
    page.evaluate(call, [persist, storage_key, "forgetProgress"])  # emptied on purpose
    page.evaluate("key => localStorage.removeItem(key)", storage_key)
    assert page.evaluate(call, [persist, storage_key, "keepProgress"])["cleared"] is False
