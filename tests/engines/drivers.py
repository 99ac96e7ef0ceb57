"""The two engines Playwright cannot drive here, behind one small interface.

- WebKit: Debian's WebKitGTK MiniBrowser through ``WebKitWebDriver``
  (webkit2gtk-driver) and Selenium, on an Xvfb display started here. Its
  driver cannot read the console: pages record their own (console-recorder.js,
  injected by the test server).
- Firefox: Debian's Firefox ESR over WebDriver BiDi with puppeteer-core, through
  ``firefox-bridge.mjs`` (Node), which also reports the console.

Both answer ``goto(url)``, ``run(expression)`` (a JavaScript expression; a
promise is awaited) and ``console()`` (errors and warnings since the last ask).
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
FIREFOX = "/usr/bin/firefox-esr"


class EngineError(AssertionError):
    pass


class Driver:
    name = ""

    def goto(self, url: str) -> None:
        raise NotImplementedError

    def run(self, expression: str):
        raise NotImplementedError

    def console(self) -> list[str]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def wait(self, expression: str, timeout: float = 60, what: str = "") -> object:
        """Poll until the expression is truthy; return its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.run(expression)
            if value:
                return value
            if time.monotonic() > deadline:
                waited = what or expression
                raise EngineError(f"{self.name}: timed out after {timeout} s waiting for {waited}")
            time.sleep(0.25)


class Xvfb:
    """A virtual display for WebKitGTK (it has no headless mode)."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        with os.fdopen(read) as pipe:
            self.display = ":" + pipe.readline().strip()

    def close(self) -> None:
        self.process.terminate()
        self.process.wait(10)


class WebKit(Driver):
    name = "webkit"

    def __init__(self) -> None:
        from selenium import webdriver
        from selenium.webdriver.webkitgtk.options import Options
        from selenium.webdriver.webkitgtk.service import Service

        self.xvfb = Xvfb()
        options = Options()
        options.binary_location = MINIBROWSER
        options.add_argument("--automation")
        service = Service(
            executable_path=WEBKIT_DRIVER,
            env={**os.environ, "DISPLAY": self.xvfb.display},
        )
        self.driver = webdriver.WebKitGTK(options=options, service=service)
        self.driver.set_script_timeout(120)
        self.driver.set_page_load_timeout(180)
        self.driver.set_window_size(1024, 800)

    def goto(self, url: str) -> None:
        self.driver.get(url)

    def run(self, expression: str):
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            f"Promise.resolve().then(() => ({expression}))"
            ".then((value) => done(value === undefined ? null : value),"
            " (error) => done({__error: String(error)}));"
        )

    def console(self) -> list[str]:
        seen = self.run("(window.__problems || []).splice(0)")
        return list(seen or [])

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            self.xvfb.close()


class Firefox(Driver):
    name = "firefox"

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            ["node", str(HERE / "firefox-bridge.mjs")],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "FIREFOX": FIREFOX},
        )
        hello = self._read()
        if not hello.get("ready"):
            raise EngineError(f"firefox did not start: {hello}")
        self.version = hello["version"]

    def _read(self) -> dict:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise EngineError("firefox-bridge.mjs ended")
        return json.loads(line)

    def _ask(self, op: str, arg: str | None = None):
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"op": op, "arg": arg}) + "\n")
        self.process.stdin.flush()
        answer = self._read()
        if "error" in answer:
            raise EngineError(f"firefox {op}: {answer['error']}")
        return answer["value"]

    def goto(self, url: str) -> None:
        self._ask("goto", url)

    def run(self, expression: str):
        return self._ask("run", f"(async () => ({expression}))()")

    def console(self) -> list[str]:
        return self._ask("console") + list(self.run("(window.__problems || []).splice(0)") or [])

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"op": "quit"}) + "\n")
        self.process.stdin.close()
        self.process.wait(30)


ENGINES = {"webkit": WebKit, "firefox": Firefox}
