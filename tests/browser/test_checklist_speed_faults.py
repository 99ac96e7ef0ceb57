"""How the checker starts fast, and that every shortcut falls back instead of failing.

The worker picks one of two ways to start (engine-worker.js, `choosePlan`):
from what the service worker kept on the device, else from bytecode on an
ordinary link and from source on a slow or metered one. These tests
fake what the page measures (the throughput of its own files, the data-saver
setting) with an init script, so the choice does not depend on how busy the
machine is, then check what the worker fetched and that Python answered.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Route, expect

from tests.browser.conftest import ChecklistUI
from tests.throttled_server import SlowServer

pytestmark = [pytest.mark.browser, pytest.mark.serial, pytest.mark.usefixtures("guard")]

FAST = 20_000_000  # bytes/s the page's own files seem to arrive at
ORDINARY = 1_000_000
SLOW = 200_000

# Replaces what engine.js's measureLink() reads: one 100 KB file that arrived
# at `rate` bytes/s (or none at all), and optionally the data-saver setting.
LINK = """
(() => {
  const rate = %(rate)s;
  const size = 100000;
  const sample = { name: location.origin + "/measured", encodedBodySize: size,
                   transferSize: size + 300, responseStart: 10,
                   responseEnd: 10 + (size * 1000) / (rate || 1) };
  const real = performance.getEntriesByType.bind(performance);
  performance.getEntriesByType = (type) =>
    type === "resource" ? (rate ? [sample] : []) : type === "navigation" ? [] : real(type);
  if (%(save_data)s) {
    Object.defineProperty(navigator, "connection", {
      value: { saveData: true, effectiveType: "4g" },
    });
  }
})();
"""


def fake_link(page: Page, rate: int | None, save_data: bool = False) -> None:
    page.add_init_script(
        LINK % {"rate": "null" if rate is None else rate, "save_data": str(save_data).lower()}
    )


def name_of(request: Request) -> str:
    return request.url.split("?")[0].rsplit("/", 1)[-1]


def fetched(context: BrowserContext, by_service_worker: list[str] | None = None) -> list[str]:
    """File names of the requests of a context (page and workers) that got a response.

    The service worker's own requests (keeping the runtime for offline use,
    after the start) go to `by_service_worker` when it is given, else here too.
    """
    names: list[str] = []

    def record(request: Request) -> None:
        from_worker = by_service_worker is not None and request.service_worker is not None
        into = by_service_worker if from_worker and by_service_worker is not None else names
        into.append(name_of(request))

    context.on("requestfinished", record)
    return names


def warnings(page: Page) -> list[str]:
    texts: list[str] = []

    def keep(message: ConsoleMessage) -> None:
        if message.type == "warning":
            texts.append(message.text)

    page.on("console", keep)
    return texts


def tick_and_check(page: Page, ui) -> None:
    """Python answered, and a tick is saved and evaluated."""
    expect(page.locator("[data-checklist]")).to_have_attribute("data-engine", "ready")
    page.locator('input[name="terminal-stopped"]').check()
    assert ui.saved(page)["done"] == {"terminal-stopped": True}
    expect(page.locator('[data-blockers] [data-blocker="terminal-stopped"]')).to_have_count(0)


def engine_folder(site_dir: Path) -> Path:
    (lock,) = site_dir.glob("assets/pyodide/*/checklist-*/pyodide-lock.json")
    return lock.parent


# --- what the build wrote ------------------------------------------------------


def test_the_manifest_describes_the_startup_files_exactly(site_dir: Path) -> None:
    folder = engine_folder(site_dir)
    manifest = json.loads((folder / "startup.json").read_text(encoding="utf-8"))
    for kind, name in manifest["stdlib"].items():
        assert manifest["bytes"][kind] == (folder / name).stat().st_size
        assert manifest["sizes"][kind] == (folder / name).stat().st_size
    engine = [folder / "pyodide-lock.json", folder / manifest["wheel"]]
    assert manifest["sizes"]["engine"] == sum(path.stat().st_size for path in engine)
    wasm = next(site_dir.glob("assets/pyodide/*/pyodide.asm.wasm"))
    assert manifest["sizes"]["wasm"] == wasm.stat().st_size
    # No memory snapshot (dropped: see scripts/bench/PERFORMANCE.md), so none can be
    # altered in transit and used.
    assert not list(site_dir.rglob("snapshot*")), list(site_dir.rglob("snapshot*"))
    # The folder is named by its content: a changed file gets a new URL.
    assert re.fullmatch(r"checklist-[0-9a-f]{16}", folder.name)


def test_both_libraries_hold_the_same_modules_as_bytecode_and_as_source(site_dir: Path) -> None:
    folder = engine_folder(site_dir)
    with zipfile.ZipFile(folder / "stdlib-compiled.zip") as compiled:
        pyc = sorted(compiled.namelist())
    with zipfile.ZipFile(folder / "stdlib-source.zip") as source:
        py = sorted(source.namelist())
    assert all(name.endswith(".pyc") for name in pyc)
    assert all(name.endswith(".py") for name in py)
    assert [name[:-1] for name in pyc] == py
    # What Pyodide itself imports at start-up, and what the engine imports.
    for module in ("_pyodide/_base.py", "tomllib/__init__.py", "json/__init__.py", "datetime.py"):
        assert module in py
    # Much less than the whole library.
    full = next(site_dir.glob("assets/pyodide/*/python_stdlib.zip"))
    assert (folder / "stdlib-source.zip").stat().st_size < full.stat().st_size / 2


# --- choosing --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("link", "rate", "save_data", "library"),
    [
        ("fast", FAST, False, "stdlib-compiled.zip"),
        ("ordinary", ORDINARY, False, "stdlib-compiled.zip"),
        ("slow", SLOW, False, "stdlib-source.zip"),
        ("data saver on a fast link", FAST, True, "stdlib-source.zip"),
        ("nothing measured", None, False, "stdlib-compiled.zip"),
    ],
)
def test_the_link_decides_what_is_fetched(
    page: Page, ui, link: str, rate: int | None, save_data: bool, library: str
) -> None:
    kept: list[str] = []
    names = fetched(page.context, by_service_worker=kept)
    fake_link(page, rate, save_data)
    ui.open(page, "zh")
    tick_and_check(page, ui)
    # The service worker keeps what the start used for offline use (not with
    # data saver on); wait for it, so that what it fetched is counted whatever
    # the machine's speed.
    if not save_data:
        expect(page.locator('[data-offline-message="engine_ready"]')).to_be_attached(timeout=30_000)
    assert library in names, names
    other = {"stdlib-compiled.zip", "stdlib-source.zip"} - {library}
    for requests in (names, kept):
        assert not other & set(requests), requests
        assert not [name for name in requests if "snapshot" in name], requests
        assert "python_stdlib.zip" not in requests
    # Each file once by the page: nothing is probed before it is used. The
    # service worker keeps the same file at most once (the HTTP cache
    # usually answers it).
    assert names.count(library) == 1, names
    assert kept.count(library) <= 1, kept


# --- falling back ----------------------------------------------------------------


def test_without_a_manifest_the_full_library_is_used(page: Page, ui) -> None:
    names = fetched(page.context)
    fake_link(page, FAST)
    page.route("**/startup.json", lambda route: route.fulfill(status=404, body="gone"))
    ui.open(page, "zh")
    tick_and_check(page, ui)
    assert "python_stdlib.zip" in names
    assert not {"stdlib-compiled.zip", "stdlib-source.zip"} & set(names)


def test_a_tampered_wheel_is_refused(page: Page, ui) -> None:
    def tampered(route: Route) -> None:
        body = route.fetch().body()
        route.fulfill(body=body[:-1] + bytes([body[-1] ^ 1]), content_type="application/zip")

    fake_link(page, FAST)
    names = fetched(page.context)
    page.route("**/*.whl", tampered)
    ui.open(page, "en", wait="failed")
    assert any(name.endswith(".whl") for name in names)


# --- repeat visits and slow links --------------------------------------------------


def test_a_repeat_visit_uses_the_library_kept_on_the_device_whatever_the_link(
    page: Page, ui
) -> None:
    fake_link(page, ORDINARY)
    ui.open(page, "zh")
    # The service worker keeps what this start used (Cache Storage).
    expect(page.locator('[data-offline-message="engine_ready"]')).to_be_attached(timeout=30_000)
    second = page.context.new_page()
    names = fetched(page.context)
    fake_link(second, SLOW)  # alone, a slow link would mean starting from source
    ui.open(second, "zh")
    tick_and_check(second, ui)
    assert "stdlib-compiled.zip" in names and "stdlib-source.zip" not in names
    second.close()


def test_a_slow_download_is_not_taken_for_a_hang(page: Page, ui, slow_site: SlowServer) -> None:
    """The page's timeout (here 12 s) is for a hang, not for a slow link: the
    worker says how much it downloads, the page allows for it at the rate it
    measured, and only Python's start after the download gets the 12 s. At
    2 Mbit/s, gzipped as a host sends it (tests/throttled_server.py), the
    download alone takes about 20 s."""
    on_slow_link = ChecklistUI(slow_site.url, ui.storage_key)
    seen = warnings(page)
    on_slow_link.open(page, "zh", query="engine_timeout=12000", wait=None)
    on_slow_link.wait_engine(page, "ready", timeout=120_000)
    expect(page.locator("[data-verdict]")).to_have_count(1)
    on_slow_link.unfold(page)  # the first verdict folds the phases away from the next step
    tick_and_check(page, on_slow_link)
    assert seen == [], seen


def test_the_timeout_ends_once_python_is_ready(page: Page, ui) -> None:
    """Messages that come after "ready" (the wasm's download being reported, for
    one) must not start the timeout again."""
    page.clock.install()  # the page's timers, run forward below instead of waited for
    ui.open(page, "en", query="engine_timeout=8000")
    page.clock.run_for(9000)  # past the timeout, had anything started it again
    tick_and_check(page, ui)


# --- the measurement ---------------------------------------------------------------


def entry(size: int, transfer: int, start: float, end: float) -> dict:
    """A PerformanceResourceTiming, as far as throughput() reads it."""
    return {
        "encodedBodySize": size,
        "transferSize": transfer,
        "responseStart": start,
        "responseEnd": end,
    }


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([], None),
        ([entry(50_000, 0, 10, 60)], None),  # from the cache
        ([entry(50_000, 400, 10, 60)], None),  # a 304 revalidation
        ([entry(4_000, 4_300, 10, 60)], None),  # too small to say
        ([entry(100_000, 100_300, 10, 110)], 1_000_000),
        ([entry(100_000, 100_300, 10, 110), entry(50_000, 50_300, 10, 20)], 5_000_000),
        ([entry(20_000, 20_300, 10, 10)], None),  # within the timer's resolution: unknown
        ([entry(20_000, 20_300, 0, 10)], None),  # no response time
    ],
)
def test_throughput_is_the_best_rate_of_a_file_that_came_over_the_network(
    page: Page, ui, entries: list[dict], expected: float | None
) -> None:
    page.route("**/pyodide.asm.wasm", lambda route: None)  # only the page's module is used
    ui.open(page, "zh", wait=None)
    got = page.evaluate(
        """async ([url, entries]) => (await import(url)).throughput(entries)""",
        [ui.site_url + "assets/checklist/engine.js", entries],
    )
    assert got == (None if expected is None else pytest.approx(expected))
