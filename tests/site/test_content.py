"""The guide's words: voice, step parts, phase numbers and the facts the home page states.

Read from the built site (the ``site_dir`` fixture), as a merchant reads it. The order
of the phases is the contract in ``tests/guide_ids.py``; ``mkdocs.yml``'s ``nav`` must
follow it, and every heading and cross-reference must carry the same numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

import checklist
from tests.guide_ids import LANGS, PHASES, lang_prefix
from tests.html_text import read_page

ROOT = Path(__file__).resolve().parents[2]
ZH_NUMBERS = "一二三四五六七八九十"
LABELS = {
    "zh": ("要做什么", "为什么", "需要准备", "注意"),
    "en": ("What to do", "Why", "What you need", "Watch out for"),
}
HEADING = {"zh": "第{words}阶段：", "en": "Phase {n}: "}
# A link whose text names a phase: 第六阶段 / phase 6, optionally followed by its title.
PHASE_LINK = {
    "zh": re.compile(rf"第([{ZH_NUMBERS}]+)阶段(?:：(.+))?"),
    "en": re.compile(r"\b[Pp]hase (\d+)(?:: (.+))?"),
}


def zh_number(n: int) -> str:
    """1–19 in Chinese numerals, as the headings write them (七, 十二)."""
    return ZH_NUMBERS[n - 1] if n <= 10 else "十" + ZH_NUMBERS[n - 11]


def nav_phases() -> list[str]:
    """The guide pages in ``mkdocs.yml``'s nav, as phase ids (guide/bank.md → bank)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)

    def walk(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, list):
            return [page for child in node for page in walk(child)]
        if isinstance(node, dict):
            return [page for child in node.values() for page in walk(child)]
        return []

    return [
        page.removeprefix("guide/").removesuffix(".md")
        for page in walk(config["nav"])
        if page.startswith("guide/")
    ]


@dataclass
class Section:
    """One heading of the article and what follows it up to the next heading."""

    id: str
    title: str = ""
    labels: list[str] = field(default_factory=list)  # bold words opening a paragraph
    text: str = ""


@dataclass
class Article:
    sections: list[Section] = field(default_factory=list)
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, text)


class _ArticleReader(HTMLParser):
    """Headings, paragraph-opening labels and links of the page's main article."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.article = Article()
        self.depth = 0  # nesting of <article>
        self.heading: str | None = None  # "h1"/"h2" while inside one
        self.skip = 0  # inside a headerlink
        self.fresh_p = False  # inside a <p> with no text yet
        self.label: list[str] | None = None
        self.link: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "article":
            self.depth += 1
        if not self.depth:
            return
        if tag in ("h1", "h2") and "id" in a:
            self.heading = tag
            self.article.sections.append(Section(a["id"]))
        elif tag == "a" and "headerlink" in a.get("class", ""):
            self.skip += 1
        elif tag == "a" and "href" in a:
            self.link = (a["href"], [])
        elif tag == "p":
            self.fresh_p = True
        elif tag == "strong" and self.fresh_p:
            self.label = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1
        elif tag == self.heading:
            self.heading = None
        elif tag == "a" and self.skip:
            self.skip -= 1
        elif tag == "a" and self.link:
            self.article.links.append((self.link[0], "".join(self.link[1]).strip()))
            self.link = None
        elif tag == "strong" and self.label is not None and self.article.sections:
            self.article.sections[-1].labels.append("".join(self.label).strip())
            self.label = None
        if tag in ("p", "strong"):
            self.fresh_p = False

    def handle_data(self, data: str) -> None:
        if not self.depth or self.skip or not self.article.sections:
            return
        section = self.article.sections[-1]
        if self.heading:
            section.title += data
        else:
            section.text += data
        if self.label is not None:
            self.label.append(data)
        elif data.strip():
            self.fresh_p = False
        if self.link:
            self.link[1].append(data)


@cache
def article(path: Path) -> Article:
    reader = _ArticleReader()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.article


def guide_page(site: Path, lang: str, phase: str) -> Path:
    return site / f"{lang_prefix(lang)}guide/{phase}/index.html"


def pages_of(site: Path, lang: str) -> list[Path]:
    """Every built page of one language (the 404 page included: a merchant sees it too)."""
    pages = sorted(site.rglob("*.html"))
    english = [p for p in pages if p.relative_to(site).parts[0] == "en"]
    return english if lang == "en" else [p for p in pages if p not in english]


UNBIND = re.compile(r"unbind\w*|unbound", re.I)


@cache
def site_ids(site: Path) -> tuple[str, ...]:
    """Every element id on the site, longest first (ids never change, whatever they say)."""
    ids = {i for p in site.rglob("*.html") for i in read_page(p.read_text("utf-8")).ids}
    return tuple(sorted(ids, key=len, reverse=True))


def without_ids(site: Path, html: str, pattern: re.Pattern[str]) -> str:
    """``html`` minus the site's ids that match ``pattern`` (cautions-unbind, …)."""
    for element_id in site_ids(site):
        if pattern.search(element_id):
            html = html.replace(element_id, " ")
    return html


def test_nav_lists_the_phases_in_the_contract_s_order() -> None:
    assert nav_phases() == list(PHASES)
    assert nav_phases()[-1] == "bank", "the bank account is closed last"


def test_no_formal_you_on_any_chinese_page(site_dir: Path) -> None:
    found = [
        p.relative_to(site_dir).as_posix()
        for p in pages_of(site_dir, "zh")
        if "您" in p.read_text(encoding="utf-8")
    ]
    assert found == []


def test_no_unbind_on_any_english_page(site_dir: Path) -> None:
    """'Unlink', never 'unbind', in text, attributes and inline data alike.

    Ids such as cautions-unbind and linked-services-unbound are published anchors, not words.
    """
    found = [
        (p.relative_to(site_dir).as_posix(), m.group(0))
        for p in pages_of(site_dir, "en")
        for m in UNBIND.finditer(without_ids(site_dir, p.read_text("utf-8"), UNBIND))
    ]
    assert found == []


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("lang", LANGS)
def test_every_step_has_the_four_parts_in_order(site_dir: Path, lang: str, phase: str) -> None:
    sections = {s.id: s for s in article(guide_page(site_dir, lang, phase)).sections}
    for step in PHASES[phase]:
        assert sections[step].labels == list(LABELS[lang]), (step, sections[step].labels)


@pytest.mark.parametrize("lang", LANGS)
def test_phase_headings_are_numbered_in_nav_order(site_dir: Path, lang: str) -> None:
    for n, phase in enumerate(nav_phases(), start=1):
        title = article(guide_page(site_dir, lang, phase)).sections[0].title.strip()
        prefix = HEADING[lang].format(words=zh_number(n), n=n)
        assert title.startswith(prefix), (phase, title)
        assert len(title) > len(prefix), (phase, "a phase heading needs a title")


def phase_titles(site: Path, lang: str) -> dict[int, tuple[str, str]]:
    """Phase number → (phase id, title without its number), from the built headings."""
    titles = {}
    for n, phase in enumerate(nav_phases(), start=1):
        title = article(guide_page(site, lang, phase)).sections[0].title.strip()
        titles[n] = (phase, title.removeprefix(HEADING[lang].format(words=zh_number(n), n=n)))
    return titles


@pytest.mark.parametrize("lang", LANGS)
def test_links_that_name_a_phase_go_to_that_phase(site_dir: Path, lang: str) -> None:
    """'第六阶段' / 'phase 6' in a link's text: it opens phase 6, under its own title."""
    titles = phase_titles(site_dir, lang)
    wrong = []
    checked = 0
    for page in pages_of(site_dir, lang):
        url = "http://site/" + page.relative_to(site_dir).as_posix()
        for href, text in article(page).links:
            match = PHASE_LINK[lang].search(text)
            if not match:
                continue
            number = match.group(1)
            n = ZH_NUMBERS.index(number) + 1 if lang == "zh" else int(number)
            phase, title = titles.get(n, ("?", "?"))
            target = urlsplit(urljoin(url, href)).path
            checked += 1
            if target != f"/{lang_prefix(lang)}guide/{phase}/" or (
                match.group(2) and match.group(2).strip() != title
            ):
                wrong.append((page.relative_to(site_dir).as_posix(), text, href))
    assert wrong == []
    assert checked >= len(PHASES), "the guide links its phases by number"


@pytest.mark.parametrize("lang", LANGS)
def test_bank_is_the_last_phase_and_unlinking_is_in_settlement(site_dir: Path, lang: str) -> None:
    assert phase_titles(site_dir, lang)[len(PHASES)][0] == "bank"
    settle = [s.id for s in article(guide_page(site_dir, lang, "settle")).sections]
    unlink = settle.index("linked-services-unbound")
    assert settle.index("deposit-refunded") < unlink < settle.index("closure-confirmed")
    before = [s.id for s in article(guide_page(site_dir, lang, "before")).sections]
    assert "linked-services-unbound" not in before


@pytest.mark.parametrize(
    ("lang", "numbers"),
    [("zh", ("商户号", "终端号")), ("en", ("merchant number", "terminal number"))],
)
def test_the_numbers_are_asked_for_in_one_step(
    site_dir: Path, lang: str, numbers: tuple[str, str]
) -> None:
    """The checklist says the numbers were given in reason-stated; the guide asks there."""
    steps = {s.id: s for s in article(guide_page(site_dir, lang, "apply")).sections}
    assert all(n in steps["reason-stated"].text for n in numbers)
    assert not any(n in steps["support-contacted"].text for n in numbers)


HOME_COUNT = {
    # (questions everyone answers, the question only a person-registered terminal gets)
    "zh": (r"回答\s*(\d+)\s*个问题", r"机器登记在你个人名下时，还有第\s*(\d+)\s*个"),
    "en": (r"answer (\d+) questions", r"a (\d+)th if the terminal is registered to you as a"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_says_how_many_questions_the_checklist_asks(site_dir: Path, lang: str) -> None:
    questions = checklist.catalogue()["questions"]
    always = [q for q in questions if q["ask_when"] == "always"]
    conditional = [q["ask_when"] for q in questions if q["ask_when"] != "always"]
    assert conditional == ["is_person"], "the home page describes one question for a person"
    home = article(site_dir / f"{lang_prefix(lang)}index.html")
    text = re.sub(r"\s+", " ", " ".join(s.title + s.text for s in home.sections))
    everyone, person = HOME_COUNT[lang]
    assert [int(n) for n in re.findall(everyone, text)] == [len(always)]
    assert [int(n) for n in re.findall(person, text)] == [len(questions)]
