"""Browser-only helpers for the checklist page's tests.

``ui``: opens the checklist page of the served site and reads what it shows
and saves (localStorage included).

``fresh``: a phone-sized browser context of its own, for the offline tests
(a service worker and its caches belong to one context).

``guard``: records every request and every uncaught error of a test's browser
contexts (the one recorder the judges use too, ``tests/recorder.py``); the test
fails if a request left the machine or if the project's own scripts
(``OUR_SCRIPTS``: the checklist, the site-wide scripts under ``/assets/js/``,
Pyodide) threw an uncaught error or left a promise rejection unhandled
(Playwright reports both as a ``weberror``). Material's inline scripts may
throw when storage is disabled or its own keys are corrupt: those errors are
told apart by their stack, which names no file of ours. ``test_guard.py`` plants
errors in ``/assets/js/`` to show they are caught.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.guide_ids import ROOTS
from tests.recorder import Recorder
from tests.throttled_server import TWO_MBIT, SlowServer

ROOT = Path(__file__).resolve().parents[2]
# Pyodide's cold start takes ~5 s on a fast machine; leave room for slow CI.
ENGINE_WAIT_MS = 60_000
PREFIX = ROOTS
# A phase folded to its header line, or the answers folded to theirs.
FOLDED = '[data-phase-toggle][aria-expanded="false"]:visible'


class Guard(Recorder):
    """What a test's browser contexts requested and threw (tests/recorder.py),
    and the two things that fail a test: a request that left the machine, or
    an error of the site's own scripts."""

    def watch(self, context: BrowserContext) -> BrowserContext:
        self.attach(context, csp=False)
        return context

    def check(self) -> None:
        assert not self.outside, f"requests left the machine: {self.outside}"
        assert not self.our_errors, "the page's own scripts threw:\n" + "\n".join(self.our_errors)


@pytest.fixture
def guard(context: BrowserContext) -> Iterator[Guard]:
    """Watch the test's default context; fail the test on outside requests or our errors."""
    watching = Guard()
    watching.watch(context)
    yield watching
    watching.check()


@pytest.fixture
def another_context(browser: Browser, guard: Guard) -> Iterator[Callable[..., BrowserContext]]:
    """Factory: another browser context (e.g. JavaScript off), watched like the default one."""
    contexts: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        context = guard.watch(browser.new_context(**options))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def fresh(browser: Browser) -> Iterator[BrowserContext]:
    """A phone-sized context of its own (service workers and caches are per context)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    yield context
    context.close()


@pytest.fixture
def slow_site(site_dir: Path) -> Iterator[SlowServer]:
    """The built site behind a 2 Mbit/s link shared by all its connections, gzip
    as a host sends it (tests/throttled_server.py), on its own loopback port."""
    server = SlowServer(site_dir, TWO_MBIT).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def storage_key(site_url: str) -> str:
    return checklist_key(site_url)


def checklist_key(site_url: str) -> str:
    """The one localStorage key of the checklist of the site at ``site_url``
    (namespaced by the site's path)."""
    return f"pos-closure:{urlsplit(site_url).path}:checklist"


@pytest.fixture(scope="session")
def scenarios() -> list[dict]:
    """The engine's named scenarios, shared with the unit and Pyodide tests."""
    return json.loads((ROOT / "checklist" / "scenarios.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class ChecklistUI:
    """Opens the checklist page of a served site and reads what it shows and saves."""

    site_url: str
    storage_key: str

    def url(self, lang: str = "zh", query: str = "", fragment: str = "") -> str:
        url = f"{self.site_url}{PREFIX[lang]}checklist/"
        if query:
            url += f"?{query}"
        if fragment:
            url += f"#{fragment}"
        return url

    def open(
        self,
        page: Page,
        lang: str = "zh",
        *,
        wait: str | None = "ready",
        query: str = "",
        fragment: str = "",
        unfold: bool = True,
    ) -> None:
        """Open the checklist page; by default wait until Python has evaluated,
        then open every folded phase and the folded answers, as a merchant
        does who wants to tick or answer anything (``unfold=False`` keeps the
        page as it first shows). The page's tab comes to the front, as the tab
        a merchant opens does: a tab behind another is hidden, Chromium runs
        none of its animation frames, and each of Playwright's clicks there
        waits about a second for them (storage events still reach it)."""
        page.bring_to_front()
        page.goto(self.url(lang, query, fragment))
        expect(page.locator("[data-checklist]")).to_have_attribute("data-started", "")
        if wait:
            self.wait_engine(page, wait)
        if wait == "ready":
            expect(page.locator("[data-verdict]")).to_have_count(1, timeout=ENGINE_WAIT_MS)
            if unfold and not fragment:  # a deep link opens its own phase
                self.unfold(page)

    @staticmethod
    def unfold(page: Page) -> None:
        """Open every folded phase, and the answers if they are folded."""
        folded = page.locator(FOLDED)
        for _ in range(folded.count()):
            folded.first.click()
        expect(folded).to_have_count(0)
        page.evaluate("window.scrollTo(0, 0)")  # back where the page opened
        change = page.locator("[data-answers-change]:visible")
        if change.count():
            change.click()

    @staticmethod
    def wait_engine(page: Page, status: str = "ready", timeout: float = ENGINE_WAIT_MS) -> None:
        """Wait until the checklist's root says the engine is `status`."""
        expect(page.locator("[data-checklist]")).to_have_attribute(
            "data-engine", status, timeout=timeout
        )

    def seed(self, page: Page, values: dict[str, str | None]) -> None:
        """Write raw localStorage values for the site's origin before the checklist opens."""
        page.goto(self.site_url + "404.html")
        page.evaluate(
            """values => {
                 for (const [key, value] of Object.entries(values)) {
                   if (value === null) localStorage.removeItem(key);
                   else localStorage.setItem(key, value);
                 }
               }""",
            values,
        )

    @staticmethod
    def storage(page: Page) -> dict[str, str]:
        """Every localStorage entry of the page's origin."""
        return page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")

    def saved(self, page: Page) -> dict | None:
        """The saved state, parsed (None when nothing is saved)."""
        raw = self.storage(page).get(self.storage_key)
        return None if raw is None else json.loads(raw)

    @staticmethod
    def verdict(page: Page) -> str | None:
        return page.locator("[data-verdict]").get_attribute("data-verdict")

    @staticmethod
    def blockers(page: Page) -> list[str]:
        """The blockers the verdict panel lists, by item id."""
        return page.locator("[data-blockers] [data-blocker]").evaluate_all(
            "items => items.map(item => item.dataset.blocker)"
        )


@pytest.fixture
def ui(site_url: str, storage_key: str) -> ChecklistUI:
    """The checklist page of the built site."""
    return ChecklistUI(site_url, storage_key)
