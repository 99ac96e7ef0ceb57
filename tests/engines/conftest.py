"""Fixtures for the cross-engine tests: one browser per engine for the whole
session (WebKitGTK and Firefox ESR, both from Debian), and the built site
served on loopback at a merchant's 2 Mbit/s (tests/throttled_server.py)."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.engines.drivers import ENGINES, FIREFOX, MINIBROWSER, WEBKIT_DRIVER, Driver
from tests.throttled_server import TWO_MBIT, SlowServer

HERE = Path(__file__).resolve().parent
# 2 Mbit/s, shared by every connection of the page (and its workers).
RECORDER = "/__test/console-recorder.js"

NEEDS = {
    "webkit": (MINIBROWSER, WEBKIT_DRIVER, shutil.which("Xvfb") or "/usr/bin/Xvfb"),
    "firefox": (FIREFOX,),
}


@pytest.fixture(scope="session", params=sorted(ENGINES))
def engine(request: pytest.FixtureRequest) -> Iterator[Driver]:
    """One browser of each engine, shared by every test of the session."""
    missing = [path for path in NEEDS[request.param] if not Path(path).exists()]
    if missing:
        pytest.fail(f"{request.param}: {', '.join(missing)} missing: run scripts/system-deps")
    driver = ENGINES[request.param]()
    yield driver
    driver.close()


@pytest.fixture
def slow_site(site_dir: Path) -> Iterator[Callable[..., SlowServer]]:
    """Factory: the built site on its own loopback port (a new origin: no service
    worker, storage or cache from earlier tests), at `rate` bytes/s."""
    servers: list[SlowServer] = []

    def start(rate: float | None = TWO_MBIT) -> SlowServer:
        server = SlowServer(
            site_dir,
            rate,
            inject=f'<script src="{RECORDER}"></script>',
            files={RECORDER: (HERE / "console-recorder.js").read_bytes()},
        ).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
