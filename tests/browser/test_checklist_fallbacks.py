"""The checklist where the checker cannot or should not run: old browsers
(features deleted before the page's scripts run), a start that crashed the tab
last time (the crash guard), and in-app browsers (WeChat: no service worker,
a print command that does nothing). Each time the checklist keeps working:
ticks are saved, the summary can be kept, and the page says why, honestly."""

from __future__ import annotations

import os
import signal
import time
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]

LOCALES = Path(__file__).resolve().parents[2] / "checklist" / "locales"
WECHAT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323d) NetType/4G Language/zh_CN"
)


def page_strings(lang: str) -> dict[str, str]:
    return tomllib.loads((LOCALES / f"{lang}.toml").read_text(encoding="utf-8"))["page"]


def tick_is_saved(page: Page, ui) -> None:
    page.locator('input[name="terminal-stopped"]').check()
    assert ui.saved(page)["done"] == {"terminal-stopped": True}


def kept_as_text(page: Page) -> str:
    """What "save as a text file" gives."""
    with page.expect_download() as download:
        page.locator('[data-action="save-summary"]').click()
    return Path(download.value.path()).read_text(encoding="utf-8")


# --- old browsers -------------------------------------------------------------------


@pytest.mark.parametrize(
    "feature", ["structuredClone", "Worker", "WebAssembly", "Object.hasOwn", "Array.prototype.at"]
)
def test_a_missing_feature_gives_a_working_checklist_and_says_so(
    page: Page, ui, feature: str
) -> None:
    owner, _, name = feature.rpartition(".")
    page.add_init_script(f"delete {owner or 'window'}[{name!r}];")
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    ui.open(page, "zh", wait="off")  # at once: nothing waits on the missing feature
    strings = page_strings("zh")
    expect(page.locator("[data-engine-text]")).to_have_text(strings["engine_unsupported"])
    expect(page.locator("[data-engine-retry]")).to_be_hidden()
    tick_is_saved(page, ui)
    assert not [url for url in requested if "/pyodide/" in url], "the checker was loaded"
    page.reload()
    expect(page.locator('input[name="terminal-stopped"]')).to_be_checked()
    assert "☑" in kept_as_text(page)


def test_decompression_streams_are_not_needed(page: Page, ui) -> None:
    """Only the dropped memory snapshot needed DecompressionStream (iOS 16.4+)."""
    page.add_init_script("delete window.DecompressionStream;")
    ui.open(page, "en")
    tick_is_saved(page, ui)


# --- the crash guard ----------------------------------------------------------------


def test_a_start_that_never_finished_is_not_repeated(page: Page, ui, storage_key: str) -> None:
    """The mark a start leaves when the tab dies during it (a crash, a phone short of
    memory, and iOS reloads the tab)."""
    ui.seed(page, {f"{storage_key}:engine-starting": "2026-12-04T10:00:00.000Z"})
    ui.open(page, "en", wait="off")
    strings = page_strings("en")
    expect(page.locator("[data-engine-text]")).to_have_text(strings["engine_crashed"])
    tick_is_saved(page, ui)
    assert "☐" in kept_as_text(page)
    # Another try, when the merchant asks for it.
    retry = page.locator("[data-engine-retry]")
    expect(retry).to_have_text(strings["engine_retry"])
    retry.click()
    ui.wait_engine(page, "ready")
    expect(page.locator('input[name="terminal-stopped"]')).to_be_checked()
    assert f"{storage_key}:engine-starting" not in ui.storage(page)


def test_the_mark_stays_while_the_checker_starts(page: Page, ui, storage_key: str) -> None:
    """What a tab that dies during the start leaves behind (then the test above)."""
    page.route("**/pyodide.asm.wasm", lambda route: None)  # the start never ends
    ui.open(page, "zh", wait="loading")  # the page's script has run
    assert f"{storage_key}:engine-starting" in ui.storage(page)


def test_leaving_the_page_during_the_start_is_not_taken_for_a_crash(
    page: Page, ui, storage_key: str
) -> None:
    page.route("**/pyodide.asm.wasm", lambda route: None)
    ui.open(page, "zh", wait="loading")
    page.unroute("**/pyodide.asm.wasm")
    page.goto(ui.site_url)  # a normal navigation away
    ui.open(page, "zh")
    assert f"{storage_key}:engine-starting" not in ui.storage(page)


def test_a_failed_start_clears_the_mark(page: Page, ui, storage_key: str) -> None:
    page.route("**/*.wasm", lambda route: route.abort())
    ui.open(page, "en", wait="failed")
    assert f"{storage_key}:engine-starting" not in ui.storage(page)


# --- in-app browsers ----------------------------------------------------------------


def test_in_app_browsers_can_keep_the_summary_without_printing(browser: Browser, ui, guard) -> None:
    context = guard.watch(browser.new_context(user_agent=WECHAT, locale="zh-CN"))
    context.add_init_script(
        "window.print = () => {};"  # WeChat often ignores it
        "delete Navigator.prototype.serviceWorker;"
    )
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    ui.open(page, "zh")
    strings = page_strings("zh")
    notice = page.locator('[data-notice="in-app"]')
    expect(notice).to_contain_text(strings["in_app_notice"])
    page.locator('input[name="terminal-stopped"]').check()
    expect(page.locator("[data-checklist]")).to_have_attribute("data-print", "summary")
    title = page.locator("[data-summary] h1").inner_text()
    # Copy as text, to paste into a chat.
    page.locator('[data-action="copy-summary"]').click()
    expect(page.locator("[data-keep-status]")).to_have_text(strings["keep_copied"])
    copied = page.evaluate("navigator.clipboard.readText()")
    assert title in copied and "- " in copied
    # Save as a file.
    assert title in kept_as_text(page)
    # Said once per visit, not on every page.
    page.reload()
    ui.wait_engine(page, "ready")
    expect(page.locator('[data-notice="in-app"]')).to_have_count(0)
    context.close()


def alive(pid: int) -> bool:
    """Whether process ``pid`` still exists (a zombie not yet reaped counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_tab_that_crashes_during_the_start_reopens_without_the_checker(
    browser: Browser, ui, guard, storage_key: str
) -> None:
    """A real crash: the tab's renderer (page and worker) is killed while Python starts,
    as iOS kills a tab short of memory. The tab opened again says so and works."""
    context = guard.watch(browser.new_context())
    page = context.new_page()
    page.route("**/pyodide.asm.wasm", lambda route: None)  # held: the start is under way
    ui.open(page, "en", wait="loading")
    assert f"{storage_key}:engine-starting" in ui.storage(page)
    cdp = browser.new_browser_cdp_session()
    processes = cdp.send("SystemInfo.getProcessInfo")["processInfo"]
    renderers = [process["id"] for process in processes if process["type"] == "renderer"]
    assert renderers, processes
    crashed: list[object] = []
    page.on("crash", lambda crashed_page: crashed.append(crashed_page))
    for pid in renderers:
        os.kill(pid, signal.SIGKILL)
    if not crashed:
        page.wait_for_event("crash")
    # A new tab can be handed a killed renderer the browser has not reaped yet
    # (its spare one, on a busy machine), and never load: wait until all are gone.
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in renderers) and time.monotonic() < deadline:
        time.sleep(0.05)  # the crashed page can no longer wait
    again = context.new_page()
    ui.open(again, "en", wait="off")
    strings = page_strings("en")
    expect(again.locator("[data-engine-text]")).to_have_text(strings["engine_crashed"])
    tick_is_saved(again, ui)
    context.close()
