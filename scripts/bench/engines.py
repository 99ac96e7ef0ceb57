"""Time to the first verdict in each engine merchants use: Chromium, Firefox ESR
and WebKitGTK (iPhone Safari and WeChat are WebKit), each cold (a fresh origin,
nothing cached) on loopback at full speed and at 2 Mbit/s shared by every
connection, with gzip as nginx serves it (tests/throttled_server.py). Firefox
and WebKit are driven as the tests drive them (tests/engines/drivers.py)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.engines.drivers import ENGINES, Driver  # noqa: E402
from tests.throttled_server import SlowServer  # noqa: E402

LINKS = {"fast": None, "2 Mbit/s": 250_000}
READY = "document.querySelector('[data-checklist]')?.dataset.engine"
# A generous stall budget: the figure is the time, not whether a busy machine gives up.
PAGE = "checklist/?engine_timeout=120000"


def first_verdict(driver: Driver, url: str) -> float | None:
    started = time.monotonic()
    driver.goto(url)
    state = driver.wait(f"{READY} !== 'loading' && {READY}", timeout=600)
    driver.wait("!!document.querySelector('[data-verdict]')", timeout=60)
    return time.monotonic() - started if state == "ready" else None


class Chromium(Driver):
    """Debian's Chromium through Playwright, a fresh context per visit."""

    name = "chromium"

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self.playwright = sync_playwright().start()
        self.browser = self.playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        self.page = self.browser.new_page()

    def goto(self, url: str) -> None:
        self.page.goto(url, timeout=600_000)

    def run(self, expression: str):
        return self.page.evaluate(f"async () => ({expression})")

    def close(self) -> None:
        self.browser.close()
        self.playwright.stop()


def timings(site: Path, runs: int = 1) -> dict[str, dict[str, list[float | None]]]:
    """Seconds to the first verdict, by engine and link; None: it did not start."""
    found: dict[str, dict[str, list[float | None]]] = {}
    for name, make in {"chromium": Chromium, **ENGINES}.items():
        driver = make()
        try:
            for link, rate in LINKS.items():
                for _ in range(runs):
                    server = SlowServer(site, rate).start()  # a new origin: a cold visit
                    try:
                        seconds = first_verdict(driver, server.url + PAGE)
                    finally:
                        server.stop()
                    found.setdefault(name, {}).setdefault(link, []).append(seconds)
        finally:
            driver.close()
    return found


def table(found: dict[str, dict[str, list[float | None]]]) -> str:
    """A Markdown table of the medians (and every run)."""

    def cell(values: list[float | None]) -> str:
        done = sorted(v for v in values if v is not None)
        failed = len(values) - len(done)
        text = f"{done[len(done) // 2]:.1f} s" if done else "did not start"
        if len(values) > 1:
            text += " (" + ", ".join("–" if v is None else f"{v:.1f}" for v in values) + ")"
        return text + (f", {failed} failed" if failed and done else "")

    rows = ["| engine | " + " | ".join(f"first verdict, cold, {link}" for link in LINKS) + " |"]
    rows.append("|---" * (len(LINKS) + 1) + "|")
    for name, links in found.items():
        rows.append(f"| {name} | " + " | ".join(cell(links.get(link, [])) for link in LINKS) + " |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(table(timings(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 1)))
