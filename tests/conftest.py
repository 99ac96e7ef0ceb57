"""Shared fixtures: the site is built once per session and served over HTTP.

Browser tests drive Debian's Chromium through pytest-playwright (its headless
build in the parallel part, ``/usr/bin/chromium`` in the serial part; see
EXECUTABLE); Playwright cannot download a browser here.
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from filelock import FileLock

from tests.judges.harness import NOTES
from tests.race_watch import REPORTS, watching_every_context

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"


def build_site(dest: Path, **env: str) -> Path:
    """Run a strict MkDocs build of the repository into ``dest``."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(dest)],
        cwd=ROOT,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    return dest


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site, with the test settings.

    ``make test`` runs pytest twice (the parallel part, then the tests that run
    alone) and names one folder in ``TEST_SITE`` for both, with its ``.built``
    mark removed: the first process to get there builds into it (MkDocs empties
    the folder first) while the others wait on its lock, so the site is built
    once per run. Without ``TEST_SITE`` each session builds its own.
    """
    shared = os.environ.get("TEST_SITE")
    if not shared:
        return build_site(tmp_path_factory.mktemp("site"), CHECKLIST_TEST_SETTINGS="1")
    site = Path(shared).resolve()  # a relative path would break the sub-path symlinks
    done = site.with_name(site.name + ".built")  # written only once a build succeeded
    with FileLock(site.with_name(site.name + ".lock")):
        if not done.is_file():
            build_site(site, CHECKLIST_TEST_SETTINGS="1")
            done.touch()
    return site


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the MIME types a host must send (``.wasm`` included)."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle_one_request(self) -> None:
        # A test that closes a page mid-download resets the connection: not an error.
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


@pytest.fixture(scope="session")
def serve() -> Iterator[object]:
    """Factory: serve a directory on a free loopback port, return its base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(directory: Path, handler: type = QuietHandler) -> str:
        bound = functools.partial(handler, directory=str(directory))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), bound)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def site_url(site_dir: Path, serve) -> str:
    """Base URL of the built site served over HTTP."""
    return serve(site_dir)


# The parallel part (pytest-xdist's processes) checks behaviour, bound by the
# machine's two cores, so it runs Chromium's headless build (Debian's
# chromium-headless-shell: the same source and version as `chromium`, as
# tests/browser/test_browsers.py checks; what Playwright itself runs for
# headless tests) with V8 compiling the checklist's wasm with its baseline
# compiler only (Liftoff): the same engine and the same results, for about a
# quarter less CPU (see CONTRIBUTING.md). The serial part, where tests are
# timed, runs Debian's full Chromium as it ships. A test that races the sooner
# answer fails (race_watch, below).
HEADLESS_SHELL = "/usr/bin/chromium-headless-shell"
PARALLEL = bool(os.environ.get("PYTEST_XDIST_WORKER"))
EXECUTABLE = HEADLESS_SHELL if PARALLEL else CHROMIUM
BASELINE_WASM = ["--js-flags=--liftoff-only"] if PARALLEL else []


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Launch Debian's Chromium, with no background traffic to outside hosts."""
    return {
        **browser_type_launch_args,
        "executable_path": EXECUTABLE,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            *BASELINE_WASM,
        ],
    }


@pytest.fixture(scope="session", autouse=True)
def _every_context_watched() -> Iterator[None]:
    with watching_every_context():
        yield


@pytest.fixture(autouse=True)
def race_watch() -> Iterator[None]:
    """Fail a test that acted on the checklist before Python's first answer
    without holding it: it would miss on a machine where Python starts sooner
    (tests/race_watch.py)."""
    REPORTS.clear()
    yield
    assert not REPORTS, "acted before Python answered; wait or hold it:\n" + "\n".join(REPORTS)


# The folders whose tests drive a browser. They take seconds to minutes, so they
# run first, longest first; the rest (the engine's and the built pages' tests)
# take milliseconds and run last. They also run neither the engine (it runs in
# the page's Pyodide) nor the build hooks (in the build's own process, measured
# there: `patch = ["subprocess"]` in pyproject.toml) in their own process, so
# coverage pauses while they run (pytest-cov's no_cover): tracing Playwright's
# client in them measured nothing and cost CPU.
BROWSER_FOLDERS = ("tests/judges/", "tests/engines/", "tests/browser/")


def run_order(nodeid: str) -> int:
    """Where a test's folder comes in BROWSER_FOLDERS (the others after)."""
    return next(
        (i for i, folder in enumerate(BROWSER_FOLDERS) if nodeid.startswith(folder)),
        len(BROWSER_FOLDERS),
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long tests first. pytest-xdist hands tests out in this order (one at a
    time: `--maxschedchunk=1` in the Makefile), so its processes end together on
    quick ones, instead of one running the long tests alone while the others
    have finished. Coverage pauses in the browser folders' tests."""
    items.sort(key=lambda item: run_order(item.nodeid))  # stable: each folder keeps its order
    for item in items:
        if item.nodeid.startswith(BROWSER_FOLDERS):
            item.add_marker(pytest.mark.no_cover)


def pytest_sessionfinish(session: pytest.Session) -> None:
    """In a pytest-xdist worker: hand the judges' notes to the main process."""
    output = getattr(session.config, "workeroutput", None)
    if output is not None:
        output["judges_notes"] = NOTES


def pytest_testnodedown(node, error) -> None:  # pytest-xdist's hook, in the main process
    NOTES.extend(getattr(node, "workeroutput", {}).get("judges_notes", []))


def pytest_terminal_summary(terminalreporter) -> None:
    """What the judges looked at, in one section."""
    if NOTES:
        terminalreporter.section("judges")
        for note in NOTES:
            terminalreporter.write_line(note)
