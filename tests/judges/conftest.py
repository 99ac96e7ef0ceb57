"""Fixtures for the quality gates: nginx with the deployment example, the site
built for and served under a sub-path, and one browser sweep over every page
of that deployment (shared by the CSP, request, console and sub-path judges, so
each page is loaded once for all of them).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from playwright.sync_api import Error as PlaywrightError

from tests.conftest import build_site
from tests.judges.harness import (
    NOTES,
    SUB_PATH,
    Nginx,
    built_pages,
    free_port,
    is_checklist,
    page_path,
    start_nginx,
    tick_first_item,
    wait_for_engine,
)
from tests.recorder import Recorder


@pytest.fixture(scope="session")
def nginx(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., Nginx]]:
    """Factory: serve a directory with deploy/nginx.conf; every server stops at the end."""
    servers: list[Nginx] = []

    def start(root: Path, prefix: str = "/", port: int | None = None) -> Nginx:
        server = start_nginx(tmp_path_factory.mktemp("nginx"), root, prefix, port)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture(scope="session")
def subpath_site(tmp_path_factory: pytest.TempPathFactory, nginx) -> tuple[Path, str]:
    """The site built for http://127.0.0.1:<port>/some/sub/path/ and served there by
    nginx with the deployment example (its @PREFIX@ set to the sub-path).

    A build of its own, the one other configuration of a test run: ``SITE_URL``
    changes what the build writes (canonical links, the sitemap, the manifests),
    and it is a production build, without the test settings of ``site_dir``, as a
    deploy makes it."""
    port = free_port()
    site = build_site(
        tmp_path_factory.mktemp("subpath") / "site",
        SITE_URL=f"http://127.0.0.1:{port}{SUB_PATH}",
    )
    return site, nginx(site, prefix=SUB_PATH, port=port).base_url


@dataclass
class Sweep:
    """What a visit of every page recorded."""

    base_url: str
    recorder: Recorder
    visited: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # pages that did not work


@pytest.fixture(scope="session")
def nginx_sweep(browser: Browser, subpath_site: tuple[Path, str]) -> Iterator[Sweep]:
    """Visit every built page of the sub-path deployment (nginx, production headers)
    with a recorder attached: shared by the CSP, request and sub-path judges.

    The checklists run until Python answered and an item is ticked; other pages
    until the network is idle (the search worker and its index load late). The
    404 page is reached the way visitors reach it: a missing address.
    """
    site, base = subpath_site
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    sweep = Sweep(base, Recorder().attach(context))
    page = context.new_page()
    for built in built_pages(site):
        url = base + page_path(built)
        if built == "404.html":
            url = base + "no-such-page/"
            sweep.recorder.expected_404.add(url)
        response = page.goto(url)
        expected = 404 if built == "404.html" else 200
        if response is None or response.status != expected:
            sweep.problems.append(f"{built}: HTTP {response and response.status}")
        if is_checklist(built):
            try:  # a blocked wasm shows as a CSP message, then this times out
                wait_for_engine(page)
                tick_first_item(page)
            except (PlaywrightError, AssertionError) as error:
                sweep.problems.append(f"{built}: {str(error).splitlines()[0]}")
        page.wait_for_load_state("networkidle")
        sweep.visited.append(built)
    NOTES.append(f"browser sweep through nginx under {SUB_PATH}: {len(sweep.visited)} pages")
    yield sweep
    context.close()
