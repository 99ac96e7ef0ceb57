"""Guide pages and home on a phone (390 × 844): a full-width start button in
the home page's first screen, all seven phases in one row with this one
marked, a "tick this in the checklist" link after each step that is a task,
footer links 44 px tall, the page's own (short) title in the header, and a
go/ link that shows its heading while it opens the step, never a blank page."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

import checklist
from checklist.locales import t
from tests.guide_ids import PHASES, ROOTS

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
LANGS = ("zh", "en")


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "viewport": PHONE, "is_mobile": True, "has_touch": True}


@pytest.mark.parametrize("lang", LANGS)
def test_home_has_a_full_width_start_button_in_the_first_screen(
    page: Page, site_url: str, lang: str
) -> None:
    page.goto(f"{site_url}{ROOTS[lang]}")
    button = page.get_by_role("link", name=t(lang, "links.start_checklist"))
    box = button.bounding_box()
    content = page.locator(".md-content__inner").bounding_box()
    assert box and content
    assert box["y"] + box["height"] <= PHONE["height"]
    assert box["height"] >= 44 and box["width"] >= 0.9 * content["width"]
    button.click()
    expect(page).to_have_url(f"{site_url}{ROOTS[lang]}checklist/")


@pytest.mark.parametrize("lang", LANGS)
def test_a_guide_page_shows_every_phase_and_links_each_task_to_the_checklist(
    page: Page, site_url: str, lang: str
) -> None:
    page.goto(f"{site_url}{ROOTS[lang]}guide/before/")
    phases = page.locator(".phase-steps__link")
    expect(phases).to_have_count(len(PHASES))
    boxes = [phases.nth(i).bounding_box() for i in range(len(PHASES))]
    assert all(box and box["width"] >= 44 and box["height"] >= 44 for box in boxes), boxes
    assert len({round(box["y"]) for box in boxes if box}) == 1, "one row"
    expect(page.locator('.phase-steps [aria-current="step"]')).to_have_count(1)

    tasks = [item["id"] for item in checklist.catalogue()["items"] if item["phase"] == "before"]
    ticks = page.locator(".step-tick a")
    expect(ticks).to_have_count(len(tasks))
    for task, link in zip(tasks, ticks.all(), strict=True):
        expect(link).to_have_text(t(lang, "links.tick_in_checklist"))
        assert (link.get_attribute("href") or "").endswith(f"checklist/#{task}")
    ticks.first.click()
    expect(page).to_have_url(f"{site_url}{ROOTS[lang]}checklist/#{tasks[0]}")


@pytest.mark.parametrize("lang", LANGS)
def test_footer_links_are_44px_and_the_header_names_the_page(
    page: Page, site_url: str, lang: str
) -> None:
    page.goto(f"{site_url}{ROOTS[lang]}guide/before/")
    for link in page.locator(".site-footer-links a").all():
        box = link.bounding_box()
        assert box and box["height"] >= 44, box
    title = page.locator(".md-header__topic + .md-header__topic")
    expect(title).to_have_css("opacity", "1")
    expect(page.locator(".md-header__topic").first).to_have_css("opacity", "0")


@pytest.mark.parametrize("lang", LANGS)
def test_go_shows_its_heading_while_it_opens_a_step(page: Page, site_url: str, lang: str) -> None:
    page.goto(f"{site_url}{ROOTS[lang]}go/")
    page.evaluate("document.documentElement.classList.add('go-pending')")
    expect(page.locator(".md-content h1")).to_be_visible()
    expect(page.locator("#go-steps")).to_be_hidden()
