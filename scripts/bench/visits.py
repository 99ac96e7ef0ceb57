"""Visiting pages in headless Chromium and recording what each visit did, for
scripts/bench.py: a cold visit on a fresh profile, a repeat visit on the same
profile online, and (pages with the service worker) the same again offline."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from chromium import ARGS, CHROMIUM
from playwright.sync_api import BrowserContext, Page, Playwright, Request
from serving import Server

HERE = Path(__file__).resolve().parent
# Chromium's network emulation for the slow link (bytes/s and ms, as CDP takes them).
SLOW_LINK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
WAIT_MS = 180_000
# What the page says once the service worker keeps what a later visit needs
# offline (overrides/assets/js/offline.js): every page, or also the checklist's Python.
PAGES_KEPT = '[data-offline-message="ready"]'
RUNTIME_KEPT = '[data-offline-message="engine_ready"]'
KEPT_WAIT_MS = 60_000


@dataclass
class Visit:
    """What one page load did."""

    tick_ms: float | None  # first save of a tick to localStorage
    paint_ms: float | None = None  # first contentful paint: from then on ticks are kept
    verdict_ms: float | None = None  # first data-verdict (bare page: Python answered)
    wire_bytes: int = 0  # CDP encodedDataLength, page and workers
    server_bytes: int = 0  # nginx's log of bytes sent, for the same visit
    requests: int = 0
    plan: str = "-"  # what the page's worker fetched: snapshot, compiled, source, full
    wasm_seconds: float | None = None  # how long the wasm took to arrive (throttle check)
    wasm_bytes: int = 0
    kept_ms: float | None = None  # the page said what it needs offline is kept (cold visit)


@dataclass
class Recorder:
    """Every finished request of a context, with its CDP size."""

    sizes: dict[str, int] = field(default_factory=dict)
    started: dict[Request, float] = field(default_factory=dict)
    finished: list[tuple[str, int, float]] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> Recorder:
        context.on("request", lambda request: self.started.setdefault(request, time.monotonic()))
        context.on("requestfinished", self._finished)
        return self

    def _finished(self, request: Request) -> None:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        took = time.monotonic() - self.started.get(request, time.monotonic())
        self.finished.append((request.url, max(size, 0), took))

    def take(self) -> list[tuple[str, int, float]]:
        taken, self.finished = self.finished, []
        return taken


def plan_of(urls: list[tuple[str, int, float]]) -> str:
    names = {urlsplit(url).path.rsplit("/", 1)[-1]: size for url, size, _ in urls}
    if "snapshot.bin.gz" in names:
        return "snapshot"
    for plan in ("compiled", "source"):
        if f"stdlib-{plan}.zip" in names:
            return plan
    return "full" if "python_stdlib.zip" in names else "-"


@contextmanager
def fresh_profile(playwright: Playwright, script: str | None = None) -> Iterator[BrowserContext]:
    """Chromium on a new, empty profile on disk: a first visit is cold, and a repeat
    visit finds what a returning merchant's browser keeps (the HTTP cache on disk and
    compiled code, which an in-memory context does not cache)."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=ARGS,
            headless=True,
            viewport={"width": 412, "height": 900},
        )
        try:
            context.add_init_script(path=str(HERE / "measure.js"))
            if script:
                context.add_init_script(script)
            yield context
        finally:
            context.close()


def visit(
    context: BrowserContext,
    recorder: Recorder,
    server: Server,
    path: str,
    *,
    throttle: dict | None = None,
    wait_verdict: bool = True,
    wait_kept: str | None = None,
) -> Visit:
    """Open one page in a new tab of `context`; wait for the verdict and a quiet
    network, and (`wait_kept`, a selector) until the page says that what the next
    visit needs offline is kept."""
    page: Page = context.new_page()
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", throttle)
    recorder.take()
    since = server.log_size()
    page.goto(server.base_url + path, timeout=WAIT_MS)
    if wait_verdict:
        page.locator("[data-verdict]").first.wait_for(state="attached", timeout=WAIT_MS)
    page.wait_for_load_state("networkidle", timeout=WAIT_MS)
    kept_ms = None
    if wait_kept:
        page.locator(wait_kept).wait_for(state="attached", timeout=KEPT_WAIT_MS)
        kept_ms = page.evaluate("() => performance.now()")
    marks = page.evaluate("() => window.__bench")
    page.close()
    time.sleep(0.3)  # let the last requestfinished events and log lines arrive
    finished = recorder.take()
    wasm = [(size, took) for url, size, took in finished if url.endswith("/pyodide.asm.wasm")]
    return Visit(
        tick_ms=marks["saves"][0] if marks["saves"] else None,
        paint_ms=marks["paint"],
        verdict_ms=marks["verdict"],
        wire_bytes=sum(size for _, size, _ in finished),
        server_bytes=server.bytes_sent(since),
        requests=len(finished),
        plan=plan_of(finished),
        wasm_seconds=wasm[0][1] if wasm and wasm[0][0] > 10_000 else None,
        wasm_bytes=wasm[0][0] if wasm else 0,
        kept_ms=kept_ms,
    )


def visits(
    playwright: Playwright,
    server: Server,
    path: str,
    *,
    throttle: dict | None = None,
    script: str | None = None,
    kept: str | None = None,
    **options,
) -> dict[str, Visit]:
    """A first visit on a fresh profile ("cold"), then, on the fast link only, a
    repeat visit on it ("repeat"); with `kept` (the page's service worker keeps
    what it needs offline once it says so), the cold visit waits for that, and a
    last visit runs with the network cut ("offline")."""
    with fresh_profile(playwright, script) as context:
        recorder = Recorder().attach(context)
        wait_kept = None if throttle else kept
        done = {
            "cold": visit(
                context, recorder, server, path, throttle=throttle, wait_kept=wait_kept, **options
            )
        }
        if throttle:
            return done
        done["repeat"] = visit(context, recorder, server, path, **options)
        if kept:
            context.set_offline(True)
            done["offline"] = visit(context, recorder, server, path, **options)
            context.set_offline(False)
    return done


# Makes the checklist's worker choose a way of starting, as the tests do: the
# page's own files seem to arrive at this many bytes per second.
FORCE_PLAN = {"compiled": 1_000_000, "source": 200_000}
FAKE_LINK = """
(() => {
  const size = 100000;
  const sample = { name: location.origin + "/measured", encodedBodySize: size,
                   transferSize: size + 300, responseStart: 10,
                   responseEnd: 10 + size * 1000 / %d };
  const real = performance.getEntriesByType.bind(performance);
  performance.getEntriesByType = (type) =>
    type === "resource" ? [sample] : type === "navigation" ? [] : real(type);
})();
"""
