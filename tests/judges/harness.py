"""Shared tools for the quality gates ("judges"): the built pages, nginx with the
deployment example, browser recorders and axe-core.

Standard library plus Playwright and axe-playwright-python; no network.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
NGINX = "/usr/sbin/nginx"
NGINX_EXAMPLE = ROOT / "deploy" / "nginx.conf"
SUB_PATH = "/some/sub/path/"  # where the browser sweep's deployment lives

# What every judge reports at the end of the run (printed by conftest.py).
NOTES: list[str] = []

# The checklist page's contract with its tests (overrides/partials/checklist/).
CHECKLIST_ROOT = "[data-checklist]"
ENGINE_READY = '[data-checklist][data-engine="ready"]'
VERDICT = "[data-verdict]"
PRINT_BUTTON = 'button[data-action="print"]'
QUESTIONS = (
    "registered_as",
    "device_must_return",
    "paid_deposit",
    "closing_business",
    "close_bank_account",
)
ENGINE_TIMEOUT_MS = 60_000


# --- the built site ---------------------------------------------------------


def built_pages(site: Path) -> list[str]:
    """Every HTML page of a build, relative to its root (404.html included)."""
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if not p.relative_to(site).as_posix().startswith("assets/")
    )


def page_path(page: str) -> str:
    """The URL path (relative to the site root) that serves a built page."""
    return page.removesuffix("index.html")


def is_checklist(page: str) -> bool:
    return page in {"checklist/index.html", "en/checklist/index.html"}


# --- nginx with the deployment example ---------------------------------------


def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def render_nginx_conf(listen: str, root: Path, prefix: str) -> str:
    """deploy/nginx.conf with its three placeholders filled in (nothing else changes)."""
    assert prefix.startswith("/") and prefix.endswith("/"), prefix
    text = NGINX_EXAMPLE.read_text(encoding="utf-8")
    for placeholder in ("@LISTEN@", "@ROOT@", "@PREFIX@"):
        assert placeholder in text, f"{NGINX_EXAMPLE} lost its {placeholder} placeholder"
    text = text.replace("@LISTEN@", listen).replace("@ROOT@", str(root))
    return text.replace("@PREFIX@", prefix)


@dataclass
class Nginx:
    """One nginx master process (started by this test session) serving a site."""

    process: subprocess.Popen
    base_url: str
    log: Path

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_nginx(workdir: Path, root: Path, prefix: str = "/", port: int | None = None) -> Nginx:
    """Run nginx in the foreground with the deployment example, on a loopback port."""
    if not os.access(NGINX, os.X_OK):
        raise AssertionError(f"{NGINX} is missing: run scripts/system-deps (apt nginx-light)")
    port = port or free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    conf = workdir / "nginx.conf"
    conf.write_text(render_nginx_conf(f"127.0.0.1:{port}", root, prefix), encoding="utf-8")
    log = workdir / "stderr.log"
    main = f"daemon off; pid {workdir / 'nginx.pid'};"
    if os.geteuid() == 0:
        main += " user root;"  # workers must read pytest's private temp dirs
    with log.open("wb") as err:
        process = subprocess.Popen(
            [NGINX, "-p", str(workdir), "-c", str(conf), "-e", "stderr", "-g", main],
            stdin=subprocess.DEVNULL,
            stdout=err,
            stderr=err,
        )
    server = Nginx(process, f"http://127.0.0.1:{port}{prefix}", log)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"nginx exited:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server
        except OSError:
            time.sleep(0.05)
    server.stop()
    raise AssertionError(f"nginx did not listen on {port}:\n{log.read_text(errors='replace')}")


# --- the checklist --------------------------------------------------------------


def wait_for_engine(page: Page) -> None:
    """Wait until Python answered: the root says data-engine="ready" and a verdict shows."""
    page.locator(ENGINE_READY).wait_for(state="attached", timeout=ENGINE_TIMEOUT_MS)
    page.locator(VERDICT).first.wait_for(state="attached", timeout=ENGINE_TIMEOUT_MS)


def tick_first_item(page: Page) -> str:
    """Tick the first visible task: an element id=<item> holding input[name=<item>].
    Phases folded to one line are opened first, as a merchant would."""
    folded = page.locator(f'{CHECKLIST_ROOT} [data-phase-toggle][aria-expanded="false"]:visible')
    if folded.count():
        folded.first.click()
    boxes = page.locator(f"{CHECKLIST_ROOT} input[type=checkbox][name]")
    for i in range(boxes.count()):
        box = boxes.nth(i)
        name = box.get_attribute("name") or ""
        item = page.locator(f'[id="{name}"] input[type=checkbox][name="{name}"]')
        if item.count() == 1 and box.is_visible():
            box.check()
            return name
    raise AssertionError("no visible task (id=<item> holding input[type=checkbox][name=<item>])")


# --- axe-core -------------------------------------------------------------------

AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
# Rules outside those tags that Lighthouse's accessibility score counts too: a
# dialog's accessible name (a best practice) and 2.5.3 Label in Name (which axe
# marks experimental and so never runs unasked).
EXTRA_RULES = ("aria-dialog-name", "label-content-name-mismatch")
# Rules switched off, each with its reason. Empty on purpose: fix, don't exclude.
EXCLUDED_RULES: dict[str, str] = {}
_AXE = Axe()
_AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": list(AXE_TAGS)},
    "rules": {
        **{rule: {"enabled": True} for rule in EXTRA_RULES},
        **{rule: {"enabled": False} for rule in EXCLUDED_RULES},
    },
    "resultTypes": ["violations"],
}

# axe.run does most of its work before its promise is returned: start it from a
# timer so this call returns at once and another page can run axe meanwhile.
_START_AXE = """(options) => {
  window.__judgeAxe = new Promise((go) => setTimeout(go)).then(() => axe.run(document, options))
    .then((result) =>
    result.violations.flatMap((v) => v.nodes.map((node) =>
      `${v.id} ${node.target.join(" ")}: ${node.failureSummary.replace(/\\s+/g, " ")}`)));
}"""

# Wait until the page is still (at most 3 s): no CSS transition or finite
# animation running and no scrolling. Right after a resize Material's drawer
# is still fading, and axe would judge colours halfway through a transition;
# right after a Tab the page may still be scrolling smoothly.
_SETTLE = """async () => {
  const until = performance.now() + 3000;
  let lastY = NaN;
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r));
    const running = document.getAnimations().filter((a) => a.playState === "running" &&
      a.effect?.getComputedTiming().iterations !== Infinity);
    const still = scrollY === lastY;
    lastY = scrollY;
    if ((still && !running.length) || performance.now() > until) return;
    if (running.length) {
      await Promise.race([Promise.all(running.map((a) => a.finished.catch(() => null))),
                          new Promise((r) => setTimeout(r, 250))]);
    }
  }
}"""


def settle(page: Page) -> None:
    """Wait until transitions, animations and scrolling are over (at most 3 s)."""
    page.evaluate(_SETTLE)


_REFLOW = """() => {
  const doc = document.documentElement;
  return doc.scrollWidth > doc.clientWidth + 1 ? [`reflow (1.4.10): page is ${doc.scrollWidth}` +
    ` px wide at ${doc.clientWidth} px`] : [];
}"""


def start_axe(page: Page) -> Callable[[], list[str]]:
    """Start axe on the page as it is now; return a function that waits for its findings.

    Runs in the page without blocking Python, so two pages can be checked at
    once (two renderer processes, two cores).
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(_AXE.axe_script)
    settle(page)
    page.evaluate(_START_AXE, _AXE_OPTIONS)
    narrow = page.viewport_size is not None and page.viewport_size["width"] <= 320

    def finish() -> list[str]:
        found = page.evaluate("() => window.__judgeAxe")
        if narrow:
            found += page.evaluate(_REFLOW)
        return found

    return finish


def color_scheme_of(page: Page) -> str:
    """Material's applied scheme (``default`` or ``slate``)."""
    return page.evaluate("() => document.body.getAttribute('data-md-color-scheme')") or ""
