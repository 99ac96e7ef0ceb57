"""Chromium on a merchant's weak link: the built site behind the test suite's own
throttled server (tests/throttled_server.py: 2 Mbit/s shared by every connection,
gzip as nginx sends it), as the WebKit and Firefox journeys are (tests/engines/).

The checker must start on the first try, say what it downloads (never "already on
this device" on a first visit) and show real progress while the bytes arrive.
Chromium's own network emulation would throttle each request on its own; this
server shares one link between them, as a phone's is.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.throttled_server import SlowServer

pytestmark = [pytest.mark.browser, pytest.mark.serial]

LOCALES = Path(__file__).resolve().parents[2] / "checklist" / "locales"
# The download alone is about 4 MB (20 s at 2 Mbit/s); Python then starts on a
# shared, busy CPU. The page itself gives up only on a stall, not on total time.
START_MS = 240_000


def test_the_checker_starts_on_the_first_try_at_2_mbit(
    browser: Browser, slow_site: SlowServer, guard
) -> None:
    strings = tomllib.loads((LOCALES / "zh.toml").read_text(encoding="utf-8"))["page"]
    context = guard.watch(browser.new_context(viewport={"width": 390, "height": 844}))
    page = context.new_page()
    page.goto(slow_site.url + "checklist/")
    root = page.locator("[data-checklist]")
    said = page.locator("[data-engine-text]")
    loading = re.escape(strings["engine_loading"]).replace(r"\{mb\}", r"[0-9.]+")
    expect(said).to_have_text(re.compile(loading), timeout=60_000)
    assert said.inner_text() != strings["engine_loading_cached"]
    # Progress is shown while the files arrive, and it moves.
    progress = page.locator("[data-engine-progress]")
    expect(progress).to_be_visible()
    values = []
    for _ in range(240):  # a page CSP blocks wait_for_function's string predicates
        values.append(progress.evaluate("el => el.value"))
        if values[-1] > 0.05:
            break
        page.wait_for_timeout(250)
    assert values[-1] > 0.05, values[-5:]
    expect(root).to_have_attribute("data-engine", "ready", timeout=START_MS)
    expect(page.locator("[data-verdict]").first).to_be_attached()
    context.close()
