"""Offline use, in headless Chromium with Playwright's offline mode.

After one online visit every guide page of both languages opens with the
network cut; the checklist reaches its verdict offline once it ran online; on
Save-Data or 2G the Python runtime is not kept; progress the browser cleared is
noticed (assets/checklist/persist.js). Updates from one build to a changed one:
test_offline_update.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import ChecklistUI
from tests.browser.offline_helpers import (
    INSTALL_WAIT_MS,
    STRINGS,
    cache_contents,
    message,
    wait_until_offline_ready,
)
from tests.browser.python_gate import python_held
from tests.guide_ids import PHASES, ROOTS
from tests.judges.harness import tick_first_item

pytestmark = pytest.mark.browser

RUNTIME = "/assets/pyodide/"


def runtime_files(page: Page) -> list[str]:
    return sorted(p for paths in cache_contents(page).values() for p in paths if RUNTIME in p)


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
@pytest.mark.serial  # timed: the normal case keeps the runtime within 3 s
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
    """Measured after a visit that kept the runtime: the figures of ARCHITECTURE.md."""
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


# --- storage cleared --------------------------------------------------------------


@pytest.mark.parametrize("lang", list(ROOTS))
def test_progress_the_browser_cleared_is_noticed_once(
    fresh: BrowserContext, site_url, storage_key: str, lang: str
) -> None:
    page = fresh.new_page()
    ui = ChecklistUI(site_url, storage_key)
    persist = f"{site_url}assets/checklist/persist.js"
    call = "([url, key, name]) => import(url).then((m) => m[name](key))"
    with python_held(page):  # both ticks come before Python's answer, on both loads
        ui.open(page, lang, wait=None)
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
