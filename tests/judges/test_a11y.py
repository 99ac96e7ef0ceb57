"""Accessibility, WCAG 2.2 AA: axe-core on every built page and on the
checklist's states. Zero violations.

Every page is loaded once in a light and once in a dark context (Material
picks its palette from prefers-color-scheme at load; localStorage is cleared
so a saved palette cannot win) and checked at 1280 px and 320 px wide, the two
contexts side by side so both cores work. Material's saved palette is
forgotten before each load, so the media query decides. At 320 px the page must also not
scroll sideways (1.4.10 Reflow, which axe does not check). Search is also
checked open, with results, in both schemes and widths.

In that sweep the checklist is checked while its engine loads. It is also
checked with the engine failed, loaded (Python answered, data-engine="ready"),
with a verdict after answering and ticking, with its confirmation dialog open
and in print preview. Rules switched off: harness.EXCLUDED_RULES (none); rules
outside the WCAG tags that are run too: harness.EXTRA_RULES (a dialog's name,
Label in Name), which Lighthouse's accessibility score counts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.guide_ids import ROOTS
from tests.judges.harness import (
    AXE_TAGS,
    CHECKLIST_ROOT,
    EXCLUDED_RULES,
    EXTRA_RULES,
    NOTES,
    QUESTIONS,
    VERDICT,
    built_pages,
    color_scheme_of,
    page_path,
    start_axe,
    tick_first_item,
    wait_for_engine,
)

pytestmark = pytest.mark.browser

WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 320, "height": 640}
SCHEMES = {"light": "default", "dark": "slate"}  # prefers-color-scheme → Material's scheme
PYODIDE_FILES = "**/assets/pyodide/**"
# Material saves the palette it picked and prefers it at the next load: forget it.
FORGET_SAVED_PALETTE = """try {
  Object.keys(localStorage).filter((key) => key.endsWith(".__palette"))
    .forEach((key) => localStorage.removeItem(key));
} catch (error) {}"""


@pytest.fixture(scope="module")
def scheme_pages(browser: Browser):
    """One page per colour scheme, each in its own context.

    Requests for the Pyodide runtime are held unanswered, so the checklist is
    checked as every visitor first sees it (its engine loading) without a
    Python start eating a core on each of its loads; the loaded states are
    test_checklist_states' job.
    """
    held = []
    contexts = {
        scheme: browser.new_context(viewport=WIDE, color_scheme=scheme) for scheme in SCHEMES
    }
    for context in contexts.values():
        context.add_init_script(FORGET_SAVED_PALETTE)
        context.route(PYODIDE_FILES, lambda route: held.append(route))
    yield {scheme: context.new_page() for scheme, context in contexts.items()}
    for context in contexts.values():
        context.close()


def test_every_page_light_and_dark_wide_and_narrow(
    scheme_pages: dict[str, Page], site_dir: Path, site_url: str
) -> None:
    pages = built_pages(site_dir)
    findings: list[str] = []
    for built in pages:
        for page in scheme_pages.values():  # both load at once
            page.set_viewport_size(WIDE)
            page.goto(site_url + page_path(built), wait_until="commit")
        for scheme, page in scheme_pages.items():
            page.wait_for_load_state("load")
            assert color_scheme_of(page) == SCHEMES[scheme], f"{built}: {scheme} not applied"
        for label, size in (("1280px", WIDE), ("320px", NARROW)):
            running = {}
            for scheme, page in scheme_pages.items():
                page.set_viewport_size(size)
                running[scheme] = start_axe(page)
            for scheme, finish in running.items():
                findings += [f"{built} [{scheme} {label}] {f}" for f in finish()]
    NOTES.append(
        f"axe ({', '.join(AXE_TAGS)}; also {', '.join(EXTRA_RULES)}; "
        f"excluded: {sorted(EXCLUDED_RULES) or 'none'}): "
        f"{len(pages)} pages × light/dark × 1280/320 px = {len(pages) * 4} checks"
    )
    assert findings == [], "\n".join(findings)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_checklist_states(browser: Browser, site_url: str, lang: str) -> None:
    """Checker failed; loaded; answered, with a verdict (light and dark, wide and
    narrow); in print preview; with the reset dialog open."""
    context = browser.new_context(viewport=WIDE, color_scheme="light")
    context.add_init_script(FORGET_SAVED_PALETTE)  # the answers stay saved
    page = context.new_page()
    findings: list[str] = []

    def check(state: str) -> None:
        findings.extend(f"{state}: {f}" for f in start_axe(page)())

    url = site_url + ROOTS[lang] + "checklist/"
    try:
        # The checker failed to load (a host sending .wasm with a wrong type).
        page.route(PYODIDE_FILES, lambda route: route.abort())
        page.goto(url)
        page.locator(f'{CHECKLIST_ROOT}[data-engine="failed"]').wait_for(state="attached")
        check("engine failed [light 1280px]")
        page.unroute(PYODIDE_FILES)

        page.goto(url)
        wait_for_engine(page)
        check("loaded [light 1280px]")

        verdict = page.locator(VERDICT).first
        before = verdict.inner_text()
        page.locator(f"{CHECKLIST_ROOT} input[type=radio][name={QUESTIONS[0]}]").first.check()
        tick_first_item(page)
        expect(verdict).not_to_have_text(before)  # Python answered the change
        check("verdict [light 1280px]")
        page.set_viewport_size(NARROW)
        check("verdict [light 320px]")
        page.set_viewport_size(WIDE)
        page.emulate_media(media="print")
        check("print preview [light]")
        page.emulate_media(media="screen")

        # Dark: Material picks the palette at load, so reload.
        page.emulate_media(color_scheme="dark")
        page.reload()
        assert color_scheme_of(page) == "slate"
        wait_for_engine(page)
        check("verdict [dark 320px]")
        page.set_viewport_size(WIDE)
        check("verdict [dark 1280px]")

        reset = page.locator(f'{CHECKLIST_ROOT} button[data-action="reset"]')
        assert reset.count() == 1, "no reset button: update this test if it went on purpose"
        reset.click()
        dialog = page.locator(f"{CHECKLIST_ROOT} dialog[open]")
        expect(dialog).to_be_visible()
        check("reset dialog open [dark 1280px]")
        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)
    finally:
        context.close()
    NOTES.append(f"axe: checklist ({lang}) in 8 states")
    assert findings == [], "\n".join(findings)


@pytest.mark.parametrize(
    ("scheme", "lang", "query"),
    [("light", "zh", "押金"), ("dark", "en", "deposit")],
    ids=["light-zh", "dark-en"],
)
def test_search_open_with_results(
    browser: Browser, site_url: str, scheme: str, lang: str, query: str
) -> None:
    context = browser.new_context(viewport=WIDE, color_scheme=scheme)
    context.add_init_script(FORGET_SAVED_PALETTE)
    page = context.new_page()
    findings: list[str] = []
    try:
        page.goto(site_url + ROOTS[lang] + "guide/before/")
        assert color_scheme_of(page) == SCHEMES[scheme]
        for label, size in (("1280px", WIDE), ("320px", NARROW)):
            page.set_viewport_size(size)
            if size is NARROW:
                page.locator("label.md-header__button[for=__search]").click()
            box = page.locator("input.md-search__input")
            box.click()
            box.fill(query)
            box.press("End")  # fill() alone does not fire Material's search
            expect(page.locator(".md-search-result__item").first).to_be_visible()
            findings += [f"search open [{scheme} {label}] {f}" for f in start_axe(page)()]
            page.keyboard.press("Escape")
    finally:
        context.close()
    assert findings == [], "\n".join(findings)
