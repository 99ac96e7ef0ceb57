"""One story, as a merchant reads it on the built site: which steps apply, the call
list, the page for when something goes wrong, and the words themselves."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

import checklist
from checklist.data import ITEMS, PHASES, QUESTIONS
from tests.guide_ids import LANGS, lang_prefix
from tests.guide_ids import PHASES as GUIDE
from tests.site.test_content import article, guide_page

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def built(site: Path, lang: str, path: str) -> Path:
    return site / f"{lang_prefix(lang)}{path}"


def section(site: Path, lang: str, path: str, section_id: str):
    return next(s for s in article(built(site, lang, path)).sections if s.id == section_id)


def links(site: Path, lang: str, path: str) -> list[str]:
    """Every link of a page's article, as a path from the site root with its fragment."""
    base = "http://site/" + built(site, lang, path).relative_to(site).as_posix()
    out = []
    for href, _ in article(built(site, lang, path)).links:
        url = urlsplit(urljoin(base, href))
        out.append(url.path + (f"#{url.fragment}" if url.fragment else ""))
    return out


# --- Which steps apply: the home page, the questions and the conditions agree ---------


def condition_groups() -> set[frozenset[str]]:
    """The steps that depend on the answers, grouped by the condition that lists them."""
    groups: dict[str, set[str]] = {}
    for item, spec in ITEMS.items():
        condition = spec["applies"]
        if condition == "always":
            condition = PHASES[spec["phase"]]["applies"]
        if condition != "always":
            groups.setdefault(condition, set()).add(item)
    return {frozenset(steps) for steps in groups.values()}


def home_bullets(site: Path, lang: str) -> list[frozenset[str]]:
    """The steps each bullet of "which steps apply" links, read from the built page."""
    html = built(site, lang, "index.html").read_text(encoding="utf-8")
    start = html.index('id="home-which-steps"')
    block = html[start : html.index("</ul>", start)]
    return [
        frozenset(re.findall(r'href="[^"]*#([\w-]+)"', bullet))
        for bullet in block.split("<li>")[1:]
    ]


@pytest.mark.parametrize("lang", LANGS)
def test_which_steps_apply_is_the_same_set_on_the_home_page_and_in_the_rules(
    site_dir: Path, lang: str
) -> None:
    """One bullet per condition, naming exactly its steps: returning the terminal and the
    deposit are two bullets (contradiction 1), tax and deregistration two more."""
    bullets = home_bullets(site_dir, lang)
    assert len(bullets) == len(set(bullets))
    assert set(bullets) == condition_groups()


def test_every_question_decides_some_of_those_steps() -> None:
    """Each question of the checklist changes what applies: no question without a
    bullet's steps, and no bullet's steps without a question."""
    decided: set[str] = set()
    for key, spec in QUESTIONS.items():
        base = {"registered_as": "person"} if key == "close_bank_account" else {}
        lists = [
            set(checklist.evaluate({"answers": {**base, key: option["value"]}})["applicable"])
            for option in spec["options"]
        ]
        changed = set.union(*lists) - set.intersection(*lists)
        assert changed, key
        decided |= changed
    assert decided == set().union(*condition_groups())


# --- The call list ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_the_call_list_has_every_question_with_its_step_and_room_to_answer(
    site_dir: Path, lang: str
) -> None:
    html = built(site_dir, lang, "call-list/index.html").read_text(encoding="utf-8")
    # Each question is a heading (h3, under its phase), then its step, then the answer room.
    questions = re.findall(r'<h3 id="ask-([\w-]+)">(.*?)<a class="headerlink"', html)
    asked = [item for item, spec in ITEMS.items() if "ask" in spec]
    assert [item for item, _ in questions] == asked
    targets = links(site_dir, lang, "call-list/index.html")
    for item, title in questions:
        spec = ITEMS[item]
        assert unescape(title) == spec["ask"][lang]
        after = unescape(html.split(f'id="ask-{item}"')[1].split("<h")[0])
        assert spec["action"][lang] in after
        assert f"/{lang_prefix(lang)}guide/{spec['phase']}/#{item}" in targets
    assert html.count('class="call-list__answer"') == len(asked)


@pytest.mark.parametrize("lang", LANGS)
def test_each_step_with_a_question_shows_it_and_links_the_call_list(
    site_dir: Path, lang: str
) -> None:
    for phase, steps in GUIDE.items():
        sections = {s.id: s for s in article(guide_page(site_dir, lang, phase)).sections}
        targets = links(site_dir, lang, f"guide/{phase}/index.html")
        for step in steps:
            if "ask" in ITEMS[step]:
                assert ITEMS[step]["ask"][lang] in sections[step].text, step
                assert f"/{lang_prefix(lang)}call-list/#ask-{step}" in targets, step


@pytest.mark.parametrize("path", ["call-list/", "problems/"])
@pytest.mark.parametrize("lang", LANGS)
def test_the_two_pages_are_linked_from_the_home_page_and_the_checklist(
    site_dir: Path, lang: str, path: str
) -> None:
    for page in ("index.html", "checklist/index.html"):
        assert f"/{lang_prefix(lang)}{path}" in links(site_dir, lang, page), page


# --- If something goes wrong ------------------------------------------------------------

TROUBLES = (
    "problems-refund",
    "problems-charges",
    "problems-no-answer",
    "problems-missed-collection",
    "problems-lost-device",
)
PARTS = {
    "zh": ("留好什么", "先找谁，再找谁", "怎么说", "注意"),
    "en": ("What to keep", "Whom to contact, in order", "What to say", "Watch out for"),
}
# Facts from outside the closure's own process (a regulator's channel, a hotline, a
# website) the page may state, each with where it comes from. None could be checked
# here, so the page states none and says to ask customer service instead.
OUTSIDE_FACTS: dict[str, str] = {}
OUTSIDE = re.compile(r"\d{3,}|https?://|www\.|12315|12363|人民银行|银保监|金融监管|regulator", re.I)


@pytest.mark.parametrize("lang", LANGS)
def test_if_something_goes_wrong_covers_each_situation_in_four_parts(
    site_dir: Path, lang: str
) -> None:
    sections = {s.id: s for s in article(built(site_dir, lang, "problems/index.html")).sections}
    for trouble in TROUBLES:
        assert sections[trouble].labels == list(PARTS[lang]), trouble


@pytest.mark.parametrize("lang", LANGS)
def test_if_something_goes_wrong_states_no_outside_fact_without_its_source(lang: str) -> None:
    text = (DOCS / f"problems.{lang}.md").read_text(encoding="utf-8")
    found = [match.group(0) for match in OUTSIDE.finditer(text)]
    assert [fact for fact in found if fact not in OUTSIDE_FACTS] == []


# --- The words ------------------------------------------------------------------------------


def prose(path: Path) -> str:
    """A page's Markdown as words: no front matter, attributes, link targets or tags."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    text = re.sub(r"\{[:#][^}]*\}", "", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return re.sub(r"<[^>]+>", "", text)


EN_PAGES = sorted(DOCS.rglob("*.en.md"))
ZH_PAGES = sorted(DOCS.rglob("*.zh.md"))


@pytest.mark.parametrize("page", EN_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_english_sentences_are_25_words_at_most(page: Path) -> None:
    long = []
    for line in prose(page).split("\n"):
        for sentence in re.split(r"(?<=[.!?])\s+", line):
            words = re.findall(r"[\w'’…-]+", sentence)
            if len(words) > 25:
                long.append(sentence)
    assert long == []


@pytest.mark.parametrize("page", [*EN_PAGES, *ZH_PAGES], ids=lambda p: p.name)
def test_the_site_speaks_of_the_closure_never_of_an_article(page: Path) -> None:
    assert not re.search(r"\barticles?\b|原文|文章|the source\b", prose(page), re.I)


HALF_WIDTH = re.compile(r"[\u3400-\u9fff][,;:?!()]|[,;:?!(][\u3400-\u9fff]")


@pytest.mark.parametrize("page", ZH_PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_no_half_width_punctuation_in_chinese_pages(page: Path) -> None:
    assert HALF_WIDTH.findall(prose(page)) == []


def test_no_half_width_punctuation_in_the_chinese_rules() -> None:
    def zh_texts(node: object) -> list[str]:
        if isinstance(node, dict):
            return [
                t
                for key, value in node.items()
                for t in ([value] if key == "zh" and isinstance(value, str) else zh_texts(value))
            ]
        if isinstance(node, list):
            return [t for value in node for t in zh_texts(value)]
        return []

    found = [t for t in zh_texts(checklist.catalogue()) if HALF_WIDTH.search(t)]
    assert found == []


# --- Claims no one can back, and one name for the provider's staff ---------------------

# Each was once on the site and is not a fact of the closure: removed or hedged.
UNBACKED = [
    r"商户平台|merchant platform",  # an application route: the official website or customer service
    r"导出功能|export function",  # whether the app can export is not known: "what you can"
    r"只能再去找客服调取|ask customer service to retrieve",  # records later: a question
    r"会被退回重填|comes back to be filled",  # a form returned: "may mean filling it in again"
    r"挂在你个人名下|in your personal name",  # the settlement account's holder
    r"as it appears on contracts, card slips and in the app",
    r"spelt as|as the article spells",  # the name has no Latin spelling to follow
    r"they decode it on this site",  # only our support page reads a progress code
    r"(商户 App|商户平台).{0,10}余额|balance .{0,40}merchant app",  # the app showing balances
]
STAFF = re.compile(r"官方客服|official customer service", re.I)


def site_words() -> list[tuple[str, str]]:
    """(where, text) of every page's Markdown and every text of the rules and strings."""
    words = [(p.relative_to(DOCS).as_posix(), prose(p)) for p in [*EN_PAGES, *ZH_PAGES]]
    words += [("items.toml", (ROOT / "checklist" / "items.toml").read_text("utf-8"))]
    words += [
        (f"locales/{lang}.toml", (ROOT / f"checklist/locales/{lang}.toml").read_text("utf-8"))
        for lang in LANGS
    ]
    return words


def test_no_claim_the_closure_cannot_back_comes_back() -> None:
    found = [
        (where, pattern)
        for where, text in site_words()
        for pattern in UNBACKED
        if re.search(pattern, text, re.I)
    ]
    assert found == []


def test_customer_service_has_one_name() -> None:
    """客服 / customer service for the provider's staff; 服务商 / the provider for the
    company; "official" qualifies channels and contact details only."""
    assert [where for where, text in site_words() if STAFF.search(text)] == []
