"""Links support staff send: go/ links, language switch, copy buttons (real Chromium)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.guide_ids import PHASES, STEP_IDS

pytestmark = pytest.mark.browser

ALL_IDS = [*PHASES, *STEP_IDS]
HEADER = "header.md-header"


def landed_on(page: Page, step: str) -> str:
    """Wait until the page shows the step's element; return the path it ended on."""
    expect(page.locator(f"[id='{step}']")).to_have_count(1)
    return urlsplit(page.url).path


def test_every_step_resolves_through_go_in_both_languages(browser: Browser, site_url: str) -> None:
    page = browser.new_page(locale="zh-CN")  # so that go/ (no language in the path) picks zh
    for prefix in ("", "en/"):
        for step in ALL_IDS:
            page.goto(f"{site_url}{prefix}go/#{step}")
            page.wait_for_url(f"**/guide/**#{step}")
            path = landed_on(page, step)
            assert path.startswith(f"/{prefix}guide/"), path
    page.close()


@pytest.mark.parametrize(
    ("locale", "saved", "expected"),
    [
        ("zh-CN", None, "/guide/"),
        ("en-US", None, "/en/guide/"),
        ("en-GB", "zh", "/guide/"),  # a choice made on the site wins over the browser
        ("zh-CN", "en", "/en/guide/"),
        ("fr-FR", None, "/guide/"),  # neither: the default language
    ],
)
def test_go_picks_the_readers_language(
    browser: Browser, site_url: str, locale: str, saved: str | None, expected: str
) -> None:
    context = browser.new_context(locale=locale)
    page = context.new_page()
    if saved:
        page.goto(site_url)
        key = f"pos-closure:{urlsplit(site_url).path}:lang"
        page.evaluate("([k, v]) => localStorage.setItem(k, v)", [key, saved])
    page.goto(f"{site_url}go/#balance-settled")
    page.wait_for_url("**/guide/**#balance-settled")
    assert urlsplit(page.url).path.startswith(expected), page.url
    context.close()


def test_renamed_id_follows_its_alias(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}en/go/#deposit-returned")
    page.wait_for_url("**/en/guide/settle/#deposit-refunded")
    landed_on(page, "deposit-refunded")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_unknown_id_lands_on_the_guide_start_with_a_notice(
    browser: Browser, site_url: str, prefix: str
) -> None:
    page = browser.new_page(locale="zh-CN")
    page.goto(f"{site_url}{prefix}go/#no-such-step")
    page.wait_for_url(f"{site_url}{prefix}guide/before/")  # the notice's query is tidied away
    notice = page.locator("#missing-step")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("no-such-step")
    assert page.locator("#missing-step script").count() == 0


def test_unknown_id_is_shown_as_text_not_markup(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}go/#%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E")
    notice = page.locator("#missing-step")
    expect(notice).to_contain_text("<img")
    assert notice.locator("img").count() == 0


def test_go_page_without_javascript_lists_plain_links(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}go/#balance-settled")
    links = page.locator("#go-steps a")
    expect(links).to_have_count(len(ALL_IDS))
    links.filter(has_text="余额").first.click()
    assert page.url.endswith("/guide/before/#balance-settled")
    context.close()


def switch_language(page: Page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f"a[data-lang-switch='{lang}']").click()


@pytest.mark.parametrize(
    ("start", "lang", "end"),
    [
        ("guide/settle/#deposit-refunded", "en", "en/guide/settle/#deposit-refunded"),
        ("en/guide/contract/#device-wiped", "zh", "guide/contract/#device-wiped"),
        ("checklist/#balance-settled", "en", "en/checklist/#balance-settled"),
    ],
)
def test_language_switch_keeps_page_and_step(
    page: Page, site_url: str, start: str, lang: str, end: str
) -> None:
    page.goto(site_url + start)
    switch_language(page, lang)
    page.wait_for_url(site_url + end)
    # ...and the choice is remembered for language-neutral go/ links.
    page.goto(f"{site_url}go/#tax-filed")
    page.wait_for_url("**/guide/**#tax-filed")
    assert urlsplit(page.url).path.startswith("/en/" if lang == "en" else "/guide/")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_copy_button_puts_the_permanent_step_link_on_the_clipboard(
    browser: Browser, site_url: str, prefix: str
) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}{prefix}guide/settle/")
    holder = page.locator("#deposit-refunded + .step-link")
    button = holder.get_by_role("button")
    button.focus()  # keyboard-reachable
    page.keyboard.press("Enter")
    # The permanent link, with the site's full address, and the button says so.
    link = f"{site_url}go/#deposit-refunded"
    said = "已复制：" if not prefix else "Copied: "
    expect(holder.get_by_role("status")).to_have_text(said + link)
    assert page.evaluate("navigator.clipboard.readText()") == link
    context.close()


def test_copy_falls_back_when_the_clipboard_api_is_missing(browser: Browser, site_url: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    context.add_init_script(
        "Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})"
    )
    page = context.new_page()
    page.goto(f"{site_url}en/guide/before/")
    holder = page.locator("#documents-ready + .step-link")
    holder.get_by_role("button").click()
    expected = f"{site_url}go/#documents-ready"
    copied = holder.get_by_role("status")
    manual = holder.locator(".copy-link__manual input")
    # Either the old copy command worked, or the link is offered for copying by hand.
    expect(copied.or_(manual)).to_be_visible()
    if manual.count():
        expect(manual).to_have_value(expected)
    else:
        expect(copied).to_have_text(f"Copied: {expected}")
    context.close()


@pytest.mark.parametrize("target", ["guide/settle/#deposit-refunded", "en/guide/before/#before"])
def test_linked_heading_is_not_hidden_under_the_header(
    page: Page, site_url: str, target: str
) -> None:
    page.set_viewport_size({"width": 390, "height": 700})
    page.goto(site_url + target)
    step = target.partition("#")[2]
    header = page.locator(HEADER).bounding_box()
    heading = page.locator(f"[id='{step}']").bounding_box()
    assert header and heading
    assert heading["y"] >= header["y"] + header["height"] - 1


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_support_page_filters_and_copies(browser: Browser, site_url: str, prefix: str) -> None:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{site_url}{prefix}support/")
    page.locator("#support-tab-find").click()  # the finder is the second tab
    rows = page.locator("#support-table tbody tr")
    expect(rows).to_have_count(len(ALL_IDS))
    page.locator("#support-filter").fill("deposit-refunded")
    expect(page.locator("#support-table tbody tr:visible")).to_have_count(1)
    row = page.locator("#support-deposit-refunded")
    row.get_by_role("button").first.click()
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}go/#deposit-refunded"
    page.locator("#support-filter").fill("押金" if not prefix else "deposit")
    assert page.locator("#support-table tbody tr:visible").count() >= 1
    context.close()


@pytest.mark.parametrize("step", ["constructor", "__proto__", "toString", "hasOwnProperty"])
def test_an_id_named_like_an_object_property_is_an_unknown_step(
    browser: Browser, site_url: str, step: str
) -> None:
    page = browser.new_page(locale="zh-CN")
    page.goto(f"{site_url}go/#{step}")
    page.wait_for_url(f"{site_url}guide/before/")
    expect(page.locator("#missing-step")).to_contain_text(step)
    page.close()


@pytest.mark.parametrize(("prefix", "text"), [("", "链接"), ("en/", "link")])
def test_a_damaged_go_link_says_so_in_the_page_language(
    browser: Browser, site_url: str, prefix: str, text: str
) -> None:
    page = browser.new_page(locale="zh-CN")
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(error.message))
    page.goto(f"{site_url}{prefix}go/#%E0%A4%A")
    status = page.locator("#go-status")
    expect(status).to_be_visible()
    expect(status).to_contain_text(text)
    expect(page.locator("#go-steps a").first).to_be_visible()
    assert errors == []
    page.close()


def test_a_very_long_id_is_cut_before_it_reaches_the_server(
    browser: Browser, site_url: str
) -> None:
    page = browser.new_page(locale="zh-CN")
    statuses: list[int] = []
    page.on("response", lambda response: statuses.append(response.status))
    page.goto(f"{site_url}go/#{'a' * 100_000}")
    page.wait_for_url(f"{site_url}guide/before/")
    expect(page.locator("#missing-step")).to_contain_text("aaaa")
    assert 414 not in statuses
    page.close()


# Reports, from inside the go/ page, any paint with content and any frame on
# which its list of steps could be seen.
WATCH_GO_PAGE = """
if (location.pathname.endsWith("/go/")) {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) console.log("go-page:" + entry.name);
  }).observe({ type: "paint", buffered: true });
  const look = () => {
    const list = document.getElementById("go-steps");
    if (list && list.checkVisibility({ visibilityProperty: true })) {
      console.log("go-page:list-visible");
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}
"""


@pytest.mark.parametrize(("prefix", "locale"), [("", "en-US"), ("en/", "zh-CN")])
def test_go_on_a_slow_link_never_shows_its_own_page(
    browser: Browser, site_url: str, prefix: str, locale: str
) -> None:
    context = browser.new_context(locale=locale)
    context.add_init_script(WATCH_GO_PAGE)
    page = context.new_page()
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text))
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {"offline": False, "latency": 400, "downloadThroughput": 50_000}
        | {"uploadThroughput": 50_000},
    )
    page.goto(f"{site_url}{prefix}go/#balance-settled", wait_until="commit")
    page.wait_for_url(f"{site_url}en/guide/before/#balance-settled", timeout=60_000)
    expect(page.locator("[id='balance-settled']")).to_be_visible(timeout=60_000)
    assert [text for text in seen if text.startswith("go-page:")] == []
    context.close()


def test_the_step_a_link_lands_on_is_highlighted(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}go/#deposit-refunded")
    page.wait_for_url("**/guide/settle/#deposit-refunded")
    background = page.locator("[id='deposit-refunded']").evaluate(
        "(heading) => getComputedStyle(heading).backgroundColor"
    )
    other = page.locator("h1[id]").first.evaluate(
        "(heading) => getComputedStyle(heading).backgroundColor"
    )
    assert background != other
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
