"""Zero third-party requests and no broken ones, on every page in both languages.

Every request a browser context makes (pages, Material's search worker and the
checklist's Pyodide worker included) is recorded during the nginx sweep
(conftest.nginx_sweep); anything not on the loopback host is a third party.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.judges.harness import NOTES

# Shares one sub-path build and one sweep of it with test_csp.py: runs with the serial tests.
pytestmark = [pytest.mark.browser, pytest.mark.serial]


def test_the_recorder_sees_worker_traffic(nginx_sweep) -> None:
    """The judge below can fail: requests from both workers are recorded."""
    paths = {urlsplit(url).path for url in nginx_sweep.recorder.requests}
    assert any(p.endswith("/search/search_index.json") for p in paths), "search worker unseen"
    assert any(p.endswith("/pyodide.asm.wasm") for p in paths), "Pyodide worker unseen"


def test_no_request_goes_to_another_host(nginx_sweep) -> None:
    NOTES.append(
        f"requests recorded: {len(nginx_sweep.recorder.requests)} "
        f"on {len(nginx_sweep.visited)} pages, to other hosts: {len(nginx_sweep.recorder.outside)}"
    )
    assert nginx_sweep.recorder.outside == [], "\n".join(nginx_sweep.recorder.outside)


def test_no_request_fails(nginx_sweep) -> None:
    """No 4xx/5xx except the visit of a missing page (Material's sitemap probes are gone)."""
    assert nginx_sweep.recorder.failed == [], "\n".join(nginx_sweep.recorder.failed)
