"""The two builds of Debian's Chromium that the tests drive are one version:
the headless build (the parallel part) and `chromium` (the serial part, which
times things), so a result of one holds for the other (tests/conftest.py,
EXECUTABLE)."""

from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import Browser

from tests.conftest import CHROMIUM, HEADLESS_SHELL

pytestmark = pytest.mark.browser


def version(executable: str) -> str:
    """The version an executable reports, e.g. "156.0.8078.129"."""
    out = subprocess.run([executable, "--version"], capture_output=True, text=True, check=True)
    found = re.search(r"\bChromium (\d+(?:\.\d+){3})\b", out.stdout)
    assert found, f"{executable} --version said {out.stdout!r}"
    return found.group(1)


def test_the_headless_build_is_the_same_version_as_chromium() -> None:
    assert version(HEADLESS_SHELL) == version(CHROMIUM)


def test_the_browser_under_test_is_debians_chromium(browser: Browser) -> None:
    assert browser.version == version(CHROMIUM)
