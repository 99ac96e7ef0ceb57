"""One recorder of what a browser context does that a test may object to: every
request (and those that left the machine), failed responses, Content Security
Policy refusals, console errors and uncaught errors, with their stacks.

The judges (``tests/judges/``) assert on what they need of it; the browser
tests' ``guard`` fixture (``tests/browser/conftest.py``) fails a test on a
request that left the machine or an error of the site's own scripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, ConsoleMessage, Request, Response, WebError

LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
# Files of ours that run in the page (a stack naming one of them is our error).
OUR_SCRIPTS = ("/assets/checklist/", "/assets/js/", "/assets/pyodide/")

CSP_RECORDER = """
addEventListener("securitypolicyviolation", (event) => {
  window.__judgeCsp?.([location.pathname, event.effectiveDirective, event.blockedURI,
                       event.sourceFile, event.lineNumber, event.sample].join(" | "));
}, true);
"""


@dataclass
class Recorder:
    """Everything a browser context does that a judge may object to."""

    requests: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # HTTP status >= 400
    csp: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    # Uncaught errors and unhandled rejections whose stack names a file of ours
    # (OUR_SCRIPTS), and the checklist's own "Checklist: …" console errors.
    our_errors: list[str] = field(default_factory=list)
    expected_404: set[str] = field(default_factory=set)

    def attach(self, context: BrowserContext, csp: bool = True) -> Recorder:
        """Record ``context`` from now on (its pages and workers, open or to come);
        ``csp``: also collect the policy's refusals (an init script and a binding)."""
        if csp:
            context.expose_function("__judgeCsp", lambda text: self.csp.append(text))
            context.add_init_script(CSP_RECORDER)
        context.on("request", self._request)
        context.on("response", self._response)
        context.on("console", self._console)
        context.on("weberror", self._web_error)
        return self

    def _web_error(self, web_error: WebError) -> None:
        error = web_error.error
        self.page_errors.append(str(error))
        stack = error.stack or ""
        if any(part in stack for part in OUR_SCRIPTS):
            self.our_errors.append(f"{error.message}\n{stack}")

    def _request(self, request: Request) -> None:
        url = request.url
        self.requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"}:
            return
        if parts.scheme not in {"http", "https", "ws", "wss"} or parts.hostname not in LOOPBACK:
            self.outside.append(url)

    def _response(self, response: Response) -> None:
        url = response.url
        if response.status < 400 or url in self.expected_404:
            return
        self.failed.append(f"{response.status} {url}")

    def _console(self, message: ConsoleMessage) -> None:
        """Console messages of pages and their workers. A CSP refusal inside a
        worker (Pyodide compiling its wasm) fires no event the page can see and
        is logged only as a warning: any message naming the policy counts."""
        where = message.location.get("url", "")
        text = f"{message.type}: {message.text} ({where})"
        if re.search(r"Content[ -]Security[ -]Polic", message.text, re.I):
            self.csp.append(f"console {text}")
        if message.type != "error":
            return
        if message.text.startswith("Checklist:"):
            self.our_errors.append(message.text)
        if "Failed to load resource" in message.text and where in self.expected_404:
            return
        self.console_errors.append(text)
