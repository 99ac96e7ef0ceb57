"""How much a phone shows (390 × 844 CSS px), read from the layout, not timed:
before any answer the checklist is a few screens long; a returning merchant
sees their answers in one line, when they were last here, the verdict and the
next step in the first screen, and the first task within 1.5 screens; the
status bar says when the checker failed."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

import checklist
from checklist.locales import t

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]

LANGS = ("zh", "en")
PHONE = {"width": 390, "height": 844}
# The page's length before any answer, in screens (the targets).
SCREENS_BEFORE_ANSWERS = {"zh": 4, "en": 5}
FIRST_TASK_SCREENS = 1.5
# "Three days ago" as the browser's Intl.RelativeTimeFormat says it.
THREE_DAYS_AGO = {"zh": "3天前", "en": "3 days ago"}


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    """A phone: 390 × 844, touch, mobile viewport handling."""
    return {**browser_context_args, "viewport": PHONE, "is_mobile": True, "has_touch": True}


def screens(page: Page) -> float:
    return page.evaluate("document.documentElement.scrollHeight") / PHONE["height"]


def returning_state() -> dict:
    """Every question answered and one task ticked, saved three days ago."""
    state = checklist.new_state()
    questions = {question["key"]: question for question in checklist.catalogue()["questions"]}
    while unanswered := checklist.evaluate(state)["unanswered"]:
        state["answers"][unanswered[0]] = questions[unanswered[0]]["options"][0]["value"]
    state["done"] = {"terminal-stopped": True}
    then = datetime.now(UTC) - timedelta(days=3, hours=1)
    state["updated"] = then.isoformat(timespec="seconds")
    return state


@pytest.mark.parametrize("lang", LANGS)
def test_before_any_answer_the_checklist_is_a_few_screens_long(page: Page, ui, lang: str) -> None:
    ui.open(page, lang, unfold=False)
    expect(page.locator("[data-verdict]")).to_have_attribute("data-verdict", "needs_answers")
    # Every phase is one line; each that applies can be opened.
    toggles = page.locator("[data-phase-toggle]:visible")
    expect(toggles).to_have_count(len(checklist.evaluate(checklist.new_state())["phases"]))
    height = screens(page)
    assert height <= SCREENS_BEFORE_ANSWERS[lang], f"{height:.2f} screens"
    toggles.first.click()
    expect(page.locator(".checklist-task:visible").first).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_a_returning_merchant_sees_where_they_are_in_the_first_screen(
    page: Page, ui, lang: str
) -> None:
    state = returning_state()
    ui.seed(page, {ui.storage_key: json.dumps(state)})
    ui.open(page, lang, unfold=False)
    page.evaluate("window.scrollTo(0, 0)")
    summary = checklist.summary(state, lang)

    line = page.locator("[data-answers-line]")
    expect(line).to_be_visible()
    expect(page.locator("[data-question]:visible")).to_have_count(0)
    text = line.locator("[data-answers-text]")
    expected = [answer["answer"] for answer in summary["answers"]]
    expect(text).to_have_text(" · ".join(expected))
    expect(line.locator("[data-last-visit]")).to_have_text(
        t(lang, "page.last_visit", when=THREE_DAYS_AGO[lang])
    )

    def bottom(selector: str) -> float:
        box = page.locator(selector).bounding_box()
        assert box, selector
        return box["y"] + box["height"]

    for selector in ("[data-answers-change]", "[data-verdict-text]", "[data-next] a"):
        assert bottom(selector) <= PHONE["height"], selector
    expect(page.locator("[data-next] a")).to_have_text(summary["next"]["action"])
    first_task = page.locator(".checklist-task:visible").first.bounding_box()
    assert first_task and first_task["y"] <= FIRST_TASK_SCREENS * PHONE["height"], first_task

    # Change opens the questions again, the answers as saved.
    page.locator("[data-answers-change]").click()
    expect(line).to_be_hidden()
    for key, value in state["answers"].items():
        expect(page.locator(f'input[name="{key}"][value="{value}"]')).to_be_checked()
    expect(page.locator("[data-question]:visible").first).to_be_focused()


@pytest.mark.parametrize("lang", LANGS)
def test_a_finished_phase_is_one_line_that_can_be_opened(page: Page, ui, lang: str) -> None:
    state = returning_state()
    before = [item["id"] for item in checklist.catalogue()["items"] if item["phase"] == "before"]
    applying = set(checklist.evaluate(state)["applicable"])
    state["done"] = {item: True for item in before if item in applying}
    ui.seed(page, {ui.storage_key: json.dumps(state)})
    ui.open(page, lang, unfold=False)
    phase = page.locator('[data-phase="before"]')
    expect(phase).to_have_attribute("data-folded", "")
    expect(phase.locator(".checklist-tasks")).to_be_hidden()
    head = phase.locator(".checklist-phase__head").bounding_box()
    assert head and head["height"] <= 2.2 * 20 * 2 + 1  # the title and its button
    toggle = phase.locator("[data-phase-toggle]")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(phase.locator(".checklist-task:visible").first).to_be_visible()


@pytest.mark.parametrize("lang", LANGS)
def test_the_status_bar_says_when_the_checker_failed(page: Page, ui, lang: str) -> None:
    page.route("**/*.wasm", lambda route: route.abort())
    ui.open(page, lang, wait="failed")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    bar = page.locator("[data-status-bar]")
    expect(bar).to_be_visible()
    expect(bar).to_have_attribute("data-bar-engine", "failed")
    expect(bar.locator("[data-bar-verdict]")).to_have_text(t(lang, "page.bar_failed"))
