"""The console guard fails a test on an error of the site's own scripts: errors
planted in a script under /assets/js/ are caught; an error of no file of ours is not."""

from __future__ import annotations

import pytest
from playwright.sync_api import BrowserContext, Route

from tests.browser.conftest import Guard

pytestmark = pytest.mark.browser

PLANTED = {
    "throw": 'throw new Error("planted: thrown");',
    "later": 'setTimeout(() => { throw new Error("planted: thrown later"); });',
    "rejection": 'Promise.reject(new Error("planted: rejected"));',
    "async": '(async () => { await null; throw new Error("planted: async"); })();',
}


def plant(route: Route) -> None:
    kind = route.request.url.rsplit("planted-", 1)[1].removesuffix(".js")
    route.fulfill(content_type="text/javascript", body=PLANTED[kind])


@pytest.mark.parametrize("kind", sorted(PLANTED))
def test_an_error_planted_in_assets_js_fails_the_test(
    context: BrowserContext, site_url: str, kind: str
) -> None:
    guard = Guard()
    guard.watch(context)
    context.route("**/planted-*.js", plant)
    page = context.new_page()
    page.goto(site_url + "404.html")
    with page.expect_event("pageerror"):
        page.add_script_tag(url=f"{site_url}assets/js/planted-{kind}.js")
    assert len(guard.our_errors) == 1 and "planted" in guard.our_errors[0], guard.our_errors
    with pytest.raises(AssertionError, match="the page's own scripts threw"):
        guard.check()


def test_an_error_of_no_file_of_ours_is_left_to_its_owner(
    context: BrowserContext, site_url: str
) -> None:
    guard = Guard()
    guard.watch(context)
    context.route("**/planted-*.js", plant)
    page = context.new_page()
    page.goto(site_url + "404.html")
    # Material's own folder: an error there is the theme's (e.g. its storage code).
    with page.expect_event("pageerror"):
        page.add_script_tag(url=f"{site_url}assets/javascripts/planted-later.js")
    assert guard.our_errors == []
    guard.check()
