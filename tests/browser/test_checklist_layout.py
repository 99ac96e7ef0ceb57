"""The checklist on a phone (390 CSS px wide): the questions come first and fit
the first screen, every checkbox, radio and item link is a target of at least
44 × 44 px, the status bar keeps the verdict and Print in reach far down the
page, and each phase carries the guide's number, even when one does not apply."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

import checklist
from checklist.locales import t

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("guard")]

LANGS = ("zh", "en")
PREFIX = {"zh": "", "en": "en/"}
PHONE = {"width": 390, "height": 844}
TARGET = 44  # CSS px, WCAG 2.5.5 and the platforms' own guidelines
# How many of the questions asked at first are answered without scrolling, on
# this machine's fonts (the English questions and hints are longer).
FIRST_SCREEN = {"zh": 4, "en": 3}


@pytest.fixture
def browser_context_args(browser_context_args: dict) -> dict:
    """A phone: 390 × 844, touch, mobile viewport handling."""
    return {**browser_context_args, "viewport": PHONE, "is_mobile": True, "has_touch": True}


# For every visible control: the box a tap on it selects (the control and its
# labels together), and whether taps across that box all reach the control.
TARGETS = """
(selector) => {
  const root = document.querySelector("[data-checklist]");
  const out = [];
  for (const control of root.querySelectorAll(selector)) {
    const parts = [control, ...(control.labels ?? [])].filter((part) => part.checkVisibility());
    if (!parts.length) continue;
    parts.at(-1).scrollIntoView({ block: "center" });
    const boxes = parts.map((part) => part.getBoundingClientRect());
    const left = Math.min(...boxes.map((box) => box.left));
    const top = Math.min(...boxes.map((box) => box.top));
    const right = Math.max(...boxes.map((box) => box.right));
    const bottom = Math.max(...boxes.map((box) => box.bottom));
    const misses = [];
    for (const fx of [0, 0.5, 1]) {
      for (const fy of [0, 0.5, 1]) {
        const x = left + 1.5 + fx * (right - left - 3);
        const y = top + 1.5 + fy * (bottom - top - 3);
        const hit = document.elementFromPoint(x, y);
        if (!parts.some((part) => part === hit || part.contains(hit))) {
          misses.push(`${Math.round(x)},${Math.round(y)}: ${hit?.outerHTML.slice(0, 80)}`);
        }
      }
    }
    out.push({
      name: control.name || control.id || control.textContent.trim(),
      value: control.value ?? "",
      width: right - left,
      height: bottom - top,
      misses,
    });
  }
  return out;
}
"""


def targets(page: Page, selector: str) -> list[dict]:
    return page.evaluate(TARGETS, selector)


def small_or_partly_dead(found: list[dict]) -> list[dict]:
    return [
        target
        for target in found
        if target["width"] < TARGET or target["height"] < TARGET or target["misses"]
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_every_checkbox_radio_and_item_link_is_a_44px_target(page: Page, ui, lang: str) -> None:
    ui.open(page, lang)
    # Show the question that only a person-registered terminal is asked.
    page.locator('input[name="registered_as"][value="person"]').check()
    expect(page.locator('[data-question="close_bank_account"]')).to_be_visible()

    radios = targets(page, 'input[type="radio"]')
    boxes = targets(page, 'input[type="checkbox"]')
    links = targets(page, "a.checklist-task__link, .checklist-phase__title a")
    questions = checklist.catalogue()["questions"]
    assert len(radios) == sum(len(question["options"]) for question in questions)
    assert len(boxes) >= 20  # the tasks, and the mask option
    assert len(links) >= 20
    assert small_or_partly_dead(radios) == []
    assert small_or_partly_dead(boxes) == []
    assert small_or_partly_dead(links) == []

    # Scroll past the verdict panel: the status bar's link and button too.
    page.locator(".checklist-task__input:visible").last.check()
    expect(page.locator("[data-status-bar]")).to_be_visible()
    bar = targets(page, "[data-status-bar] a, [data-status-bar] button")
    assert len(bar) == 3  # the verdict (to the panel), the next step, Print
    assert small_or_partly_dead(bar) == []
    # The phases' fold buttons, and the answers' Change button once folded.
    toggles = targets(page, "[data-phase-toggle]")
    assert len(toggles) >= 4
    assert small_or_partly_dead(toggles) == []


@pytest.mark.parametrize("lang", LANGS)
def test_the_questions_come_first_and_fit_the_first_screen(page: Page, ui, lang: str) -> None:
    ui.open(page, lang)
    page.evaluate("window.scrollTo(0, 0)")
    asked = page.locator("[data-question]:visible")
    count = asked.count()
    assert count == len(checklist.evaluate(checklist.new_state())["asked"])

    def bottom(locator) -> float:
        box = locator.bounding_box()
        return box["y"] + box["height"]

    last_question = bottom(asked.last)
    assert last_question < page.locator(".checklist-status").bounding_box()["y"]
    assert last_question < page.locator(".checklist-task").first.bounding_box()["y"]
    assert page.locator(".checklist-questions").bounding_box()["y"] < PHONE["height"] / 2

    on_first_screen = [
        asked.nth(index).get_attribute("data-question")
        for index in range(count)
        if bottom(asked.nth(index).locator(".checklist-radios")) <= PHONE["height"]
    ]
    assert len(on_first_screen) >= FIRST_SCREEN[lang], on_first_screen
    # While the questions are on screen, the status bar leaves them the room.
    expect(page.locator("[data-status-bar]")).to_be_hidden()


@pytest.mark.parametrize("lang", LANGS)
def test_far_down_the_page_the_bar_shows_the_verdict_and_reaches_print(
    page: Page, ui, lang: str
) -> None:
    page.add_init_script(
        "window.print = () => { window.__printed = (window.__printed || 0) + 1; };"
    )
    ui.open(page, lang)
    bar = page.locator("[data-status-bar]")
    expect(bar).to_be_hidden()

    last = page.locator(".checklist-task__input:visible").last
    last.check()
    item = last.get_attribute("name")
    state = {**checklist.new_state(), "done": {item: True}}
    result = checklist.evaluate(state)
    expect(bar).to_be_visible()
    expect(page.locator("[data-verdict]")).to_have_attribute("data-verdict", result["verdict"])

    box = bar.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"] + 0.5  # at the bottom of the screen
    assert box["y"] >= PHONE["height"] - 120  # and compact
    assert box["height"] <= 100
    ticked = last.bounding_box()
    assert ticked["y"] + ticked["height"] <= box["y"], "the bar covers what was just ticked"

    expect(bar.locator("[data-bar-verdict]")).to_have_text(
        t(lang, f"page.short_{result['verdict']}")
    )
    expect(bar.locator("[data-bar-progress]")).to_have_text(
        t(lang, "page.bar_progress", **result["progress"])
    )

    # The main (filled) button is the next step, on this page; Print is a plain one.
    step = checklist.summary(state, lang)["next"]
    next_button = bar.locator("[data-bar-next]")
    expect(next_button).to_have_class(re.compile(r"\bmd-button--primary\b"))
    expect(next_button).to_contain_text(step["action"])
    expect(next_button).to_have_attribute("href", f"#{step['href'].split('#')[1]}")
    expect(bar.locator("[data-bar-print]")).not_to_have_class(re.compile("primary"))
    expect(bar.locator("[data-bar-code]")).to_have_text(
        re.compile(re.escape(checklist.encode_progress(state)))
    )

    bar.locator("[data-bar-print]").click()
    assert page.evaluate("window.__printed") == 1

    bar.locator("[data-bar-details]").click()
    panel = page.locator(".checklist-status")
    expect(panel).to_be_in_viewport()
    expect(panel).to_be_focused()
    expect(bar).to_be_hidden()


class _H1(HTMLParser):
    """The text of a built page's first <h1>, without its permalink sign."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.skip = 0
        self.parts: list[str] = []
        self.done = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.done:
            return
        if tag == "h1":
            self.depth += 1
        elif self.depth and tag == "a" and ("class", "headerlink") in attrs:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "h1" and self.depth:
            self.depth -= 1
            self.done = True
        elif tag == "a" and self.skip:
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip and not self.done:
            self.parts.append(data)


def guide_heading(site_dir: Path, lang: str, page: str) -> str:
    reader = _H1()
    reader.feed((site_dir / PREFIX[lang] / page / "index.html").read_text("utf-8"))
    return re.sub(r"\s+", " ", "".join(reader.parts)).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_phases_carry_the_guides_numbers_even_when_one_does_not_apply(
    page: Page, ui, site_dir: Path, lang: str
) -> None:
    ui.open(page, lang)
    page.locator('input[name="registered_as"][value="business"]').check()
    page.locator('input[name="closing_business"][value="yes"]').check()
    state = {
        **checklist.new_state(),
        "answers": {"registered_as": "business", "closing_business": "yes"},
    }
    applying = set(checklist.evaluate(state)["phases"])
    phases = checklist.catalogue()["phases"]
    assert applying < {phase["id"] for phase in phases}, "expected a phase that does not apply"

    for phase in phases:
        element = page.locator(f'[data-phase="{phase["id"]}"]')
        expect(element).to_be_visible()  # never removed: the numbers stay the guide's
        title = element.locator(".checklist-phase__title")
        expect(title).to_have_text(guide_heading(site_dir, lang, phase["page"]))
        assert title.evaluate("node => getComputedStyle(node, '::before').content") in (
            "none",
            "normal",
        )
        skipped = element.locator("[data-phase-skipped]")
        if phase["id"] in applying:
            expect(element).to_have_attribute("data-applies", "true")
            expect(skipped).to_be_hidden()
        else:
            expect(element).to_have_attribute("data-applies", "false")
            expect(skipped).to_be_visible()
            expect(skipped).to_contain_text(t(lang, "page.status_na"))
            expect(element.locator(".checklist-tasks")).to_be_hidden()
    list_style = page.locator(".checklist-phases").evaluate(
        "node => getComputedStyle(node).listStyleType"
    )
    assert list_style == "none"


# The verdict panel: ask first, then say what to do, with unusual numbers in sight.


def answer_everything(state: dict) -> dict:
    """``state`` with every question it is asked answered (the first option)."""
    questions = {question["key"]: question for question in checklist.catalogue()["questions"]}
    state = {**state, "answers": dict(state["answers"])}
    while unanswered := checklist.evaluate(state)["unanswered"]:
        state["answers"][unanswered[0]] = questions[unanswered[0]]["options"][0]["value"]
    return state


@pytest.mark.parametrize("lang", LANGS)
def test_until_the_questions_are_answered_the_panel_asks_for_them(
    page: Page, ui, lang: str
) -> None:
    ui.open(page, lang)
    fresh = checklist.new_state()
    result = checklist.evaluate(fresh)
    assert result["verdict"] == "needs_answers"
    panel = page.locator("[data-verdict]")
    expect(panel).to_have_attribute("data-verdict", "needs_answers")
    first = result["unanswered"][0]
    next_step = panel.locator("[data-next]")
    expect(next_step).to_have_attribute("data-next-question", first)
    expect(next_step).not_to_have_attribute("data-next-item", re.compile(".*"))
    link = next_step.locator("a")
    expect(link).to_have_text(checklist.summary(fresh, lang)["next"]["action"])
    link.click()
    expect(page).to_have_url(re.compile(f"#question-{first}$"))
    expect(page.locator(f"#question-{first}")).to_be_in_viewport()
    expect(page.locator("[data-blockers] [data-blocker]")).to_have_count(len(result["blockers"]))

    answered = answer_everything(fresh)
    for key, value in answered["answers"].items():
        page.locator(f'input[name="{key}"][value="{value}"]').check()
    result = checklist.evaluate(answered)
    expect(panel).to_have_attribute("data-verdict", result["verdict"])
    expect(next_step).to_have_attribute("data-next-item", result["next"]["id"])
    step = checklist.summary(answered, lang)["next"]
    expect(next_step.locator("a")).to_have_text(step["action"])
    expect(next_step.locator("a")).to_have_attribute("href", re.compile(f"#{step['id']}$"))


@pytest.mark.parametrize("lang", LANGS)
def test_when_ready_the_next_step_says_how_to_apply(page: Page, ui, lang: str) -> None:
    answered = answer_everything(checklist.new_state())
    blockers = checklist.evaluate(answered)["blockers"]
    ready = {**answered, "done": dict.fromkeys(blockers, True)}
    result = checklist.evaluate(ready)
    assert result["verdict"] == "ready_to_apply"
    ui.open(page, lang)
    for key, value in ready["answers"].items():
        page.locator(f'input[name="{key}"][value="{value}"]').check()
    for item in ready["done"]:
        page.locator(f'input[name="{item}"]').check()
    panel = page.locator("[data-verdict]")
    expect(panel).to_have_attribute("data-verdict", "ready_to_apply")
    step = checklist.summary(ready, lang)["next"]
    expect(panel.locator("[data-next]")).to_have_attribute("data-next-item", step["id"])
    expect(panel.locator("[data-next] a")).to_have_text(step["action"])


@pytest.mark.parametrize("lang", LANGS)
def test_an_unusual_number_is_a_warning_in_the_panel_and_next_to_the_field(
    page: Page, ui, lang: str
) -> None:
    ui.open(page, lang)
    page.locator('input[name="merchant_id"]').fill("12345")
    page.locator('input[name="terminal_id"]').fill("12")
    state = {
        **checklist.new_state(),
        "merchant": {"merchant_id": "12345", "terminal_id": "12", "name": ""},
    }
    problems = {
        problem["code"]: problem
        for problem in checklist.summary(state, lang)["problems"]
        if problem["code"] in ("merchant_id_format", "terminal_id_format")
    }
    assert {problem["level"] for problem in problems.values()} == {"warning"}
    for code, field in (
        ("merchant_id_format", "merchant_id"),
        ("terminal_id_format", "terminal_id"),
    ):
        in_panel = page.locator(f'[data-verdict-panel] [data-panel-warning="{code}"]')
        expect(in_panel).to_be_visible()
        expect(in_panel).to_have_text(problems[code]["message"])
        expect(in_panel.locator("a")).to_have_attribute("href", f"#field-{field}")
        expect(page.locator(f'[data-problem-for="{field}"]')).to_contain_text(
            problems[code]["message"]
        )
    page.locator('input[name="merchant_id"]').fill("822290059430BCY")
    expect(page.locator('[data-panel-warning="merchant_id_format"]')).to_have_count(0)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_without_javascript_a_ticked_box_is_labelled_done(
    browser, site_url: str, lang: str
) -> None:
    """The plain checklist (no script) says of a ticked box what the page would."""
    status = checklist.locales.table(lang, "status")
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + ("" if lang == "zh" else "en/") + "checklist/")
        tag = page.locator("#task-terminal-stopped-status")
        expect(tag).to_have_text(status["todo"], use_inner_text=True)
        page.locator("#task-terminal-stopped").check()
        expect(tag).to_have_text(status["done"], use_inner_text=True)
    finally:
        context.close()
