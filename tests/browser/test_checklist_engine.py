"""The checker (Pyodide in a Web Worker) when it cannot load: the page says so
within the timeout, and the checklist still works and saves."""

from __future__ import annotations

import base64
import hashlib
import re
import time

import pytest
from playwright.sync_api import Page, Route, expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]

TIMEOUT_MS = 4_000
# Long enough for a slow machine: this test fails on integrity, not on time.
SLOW_TIMEOUT_MS = 60_000
FAILED = {"zh": "检查程序没能加载", "en": "The checker could not load"}


def expect_failed_but_usable(page: Page, ui, lang: str) -> None:
    root = page.locator("[data-checklist]")
    ui.wait_engine(page, "failed", timeout=TIMEOUT_MS + 10_000)
    message = root.locator("[data-engine-message]")
    expect(message).to_be_visible()
    expect(message).to_contain_text(FAILED[lang])
    expect(root.locator("[data-verdict]")).to_have_count(0)
    root.locator('input[name="terminal-stopped"]').check()
    root.locator('input[name="paid_deposit"][value="yes"]').check()
    saved = ui.saved(page)
    assert saved["done"] == {"terminal-stopped": True}
    assert saved["answers"] == {"paid_deposit": "yes"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_aborted_wasm_request_fails_clearly_and_the_checklist_still_saves(
    page: Page, ui, lang: str
) -> None:
    page.route("**/*.wasm", lambda route: route.abort())
    ui.open(page, lang, wait=None, query=f"engine_timeout={TIMEOUT_MS}")
    expect_failed_but_usable(page, ui, lang)


@pytest.mark.serial  # timed
def test_wasm_with_the_wrong_mime_type_fails_within_the_timeout(page: Page, ui, site_dir) -> None:
    wasm = next(site_dir.glob("assets/pyodide/*/pyodide.asm.wasm"))

    def wrong_type(route: Route) -> None:
        route.fulfill(path=wasm, content_type="text/plain")

    page.route("**/*.wasm", wrong_type)
    ui.open(page, "zh", wait=None, query=f"engine_timeout={TIMEOUT_MS}")
    started = time.monotonic()
    ui.wait_engine(page, "failed", timeout=TIMEOUT_MS + 5_000)
    assert time.monotonic() - started < (TIMEOUT_MS + 5_000) / 1000
    expect_failed_but_usable(page, ui, "zh")


def test_a_tampered_engine_wheel_is_refused(page: Page, ui) -> None:
    """The lock file's sha256 is checked: a changed wheel does not load."""

    def tampered(route: Route) -> None:
        body = route.fetch().body()
        route.fulfill(body=body[:-1] + bytes([body[-1] ^ 1]), content_type="application/zip")

    page.route("**/*.whl", tampered)
    ui.open(page, "en", wait=None, query=f"engine_timeout={SLOW_TIMEOUT_MS}")
    ui.wait_engine(page, "failed")
    expect(page.locator("[data-engine-message]")).to_contain_text(FAILED["en"])


def test_the_checker_runs_under_a_strict_content_security_policy(page: Page, ui, site_dir) -> None:
    """script-src 'self' 'wasm-unsafe-eval' (plus hashes of Material's own inline
    scripts) is enough: no inline script of ours, no eval, no other origin."""
    html = (site_dir / "checklist" / "index.html").read_text(encoding="utf-8")
    inline = re.findall(r"<script>(.*?)</script>", html, flags=re.S)
    hashes = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()}'"
        for code in inline
    )
    policy = (
        f"default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
        "base-uri 'none'"
    )
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    def with_policy(route: Route) -> None:
        response = route.fetch()
        route.fulfill(
            response=response, headers={**response.headers, "content-security-policy": policy}
        )

    page.route("**/checklist/", with_policy)
    page.route("**/assets/checklist/engine-worker.js", with_policy)
    ui.open(page, "zh")
    page.locator('input[name="device_must_return"][value="no"]').check()
    expect(page.locator('[id="device-return-arranged"]')).to_be_hidden()
    assert violations == []
