"""What the offline tests share: the page's offline status and its caches.

The status lines are ``#offline-status [data-offline-message=<key>]`` in the
page's language (``[links]`` of checklist/locales/<lang>.toml); the caches are
read in the page (Cache Storage of its origin).
"""

from __future__ import annotations

from playwright.sync_api import Locator, Page, expect

from checklist import locales
from tests.guide_ids import ROOTS

# Installing the service worker and keeping the site: a few seconds, room for slow CI.
INSTALL_WAIT_MS = 60_000
STRINGS = {lang: locales.table(lang, "links") for lang in ROOTS}

CACHES = """async () => {
  const out = {};
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    out[name] = (await cache.keys()).map((request) => new URL(request.url).pathname);
  }
  return out;
}"""


def message(page: Page, key: str) -> Locator:
    """One line of the page's offline status (e.g. "ready", "now", "update")."""
    return page.locator(f'#offline-status [data-offline-message="{key}"]')


def wait_until_offline_ready(page: Page, lang: str = "zh") -> None:
    """The page says, in its language, that the site is saved for offline use."""
    ready = message(page, "ready")
    expect(ready).to_have_text(STRINGS[lang]["offline_ready"], timeout=INSTALL_WAIT_MS)


def cache_contents(page: Page) -> dict[str, list[str]]:
    """Every Cache Storage cache of the page's origin: its name and the paths it holds."""
    return page.evaluate(CACHES)
