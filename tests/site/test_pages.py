"""The built guide: pages, step ids, language and outside references.

One strict build per session (the ``site_dir`` fixture); each test reads its
output the way a browser or a search engine would.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.guide_ids import LANGS, PHASES, STEP_IDS, lang_prefix
from tests.html_text import CJK, Page, read_page

PAGES = (
    "index.html",
    "guide/before/index.html",
    "guide/apply/index.html",
    "guide/contract/index.html",
    "guide/settle/index.html",
    "guide/bank/index.html",
    "guide/business/index.html",
    "guide/after/index.html",
    "checklist/index.html",
    "call-list/index.html",
    "problems/index.html",
    "cautions/index.html",
    "glossary/index.html",
    "privacy/index.html",
    "about/index.html",
    "go/index.html",
    "support/index.html",
)
GARBLED = ("POSS", "xi息", "ka卡", "fen证", "mepos")


@cache
def html_files(site: Path) -> dict[str, Path]:
    """Every built HTML page, by path relative to the site root (404 page excluded)."""
    return {
        p.relative_to(site).as_posix(): p
        for p in sorted(site.rglob("*.html"))
        if p.name != "404.html"
    }


@cache
def page(path: Path) -> Page:
    return read_page(path.read_text(encoding="utf-8"))


def pages_of(site: Path, lang: str) -> dict[str, Page]:
    files = html_files(site)
    if lang == "zh":
        return {k: page(v) for k, v in files.items() if not k.startswith("en/")}
    return {k: page(v) for k, v in files.items() if k.startswith("en/")}


def test_every_page_is_built_in_both_languages(site_dir: Path) -> None:
    built = sorted(html_files(site_dir))
    expected = sorted(lang_prefix(lang) + p for lang in LANGS for p in PAGES)
    assert built == expected


@pytest.mark.parametrize("lang", LANGS)
def test_every_phase_and_step_id_exists_exactly_once(site_dir: Path, lang: str) -> None:
    counts: dict[str, list[str]] = {}
    for path, p in pages_of(site_dir, lang).items():
        if path.endswith("checklist/index.html"):
            continue  # the checklist repeats step ids on purpose, as deep-link targets
        for element_id in p.ids:
            counts.setdefault(element_id, []).append(path)
    for element_id in (*PHASES, *STEP_IDS):
        assert len(counts.get(element_id, [])) == 1, (element_id, counts.get(element_id))


@pytest.mark.parametrize("phase", PHASES)
@pytest.mark.parametrize("lang", LANGS)
def test_steps_live_on_their_phase_page_in_guide_order(
    site_dir: Path, lang: str, phase: str
) -> None:
    p = page(site_dir / f"{lang_prefix(lang)}guide/{phase}/index.html")
    in_page = [i for i in p.ids if i in (phase, *PHASES[phase])]
    assert in_page == [phase, *PHASES[phase]]


def test_ids_are_unique_within_every_page(site_dir: Path) -> None:
    for path, file in html_files(site_dir).items():
        ids = page(file).ids
        duplicated = sorted({i for i in ids if ids.count(i) > 1})
        assert duplicated == [], path


def test_zh_and_en_pages_have_the_same_ids(site_dir: Path) -> None:
    for path in PAGES:
        zh = set(page(site_dir / path).ids)
        en = set(page(site_dir / f"en/{path}").ids)
        assert zh ^ en == set(), path


def test_no_garbled_or_advertising_token_anywhere(site_dir: Path) -> None:
    found = []
    for file in site_dir.rglob("*"):
        if file.suffix in {".html", ".json", ".xml", ".txt", ".md"} and "pyodide" not in file.parts:
            text = file.read_text(encoding="utf-8", errors="replace")
            found += [(file.relative_to(site_dir).as_posix(), t) for t in GARBLED if t in text]
    assert found == []


def test_the_theme_folder_s_build_time_files_are_not_published(site_dir: Path) -> None:
    """overrides/hooks and overrides/partials hold what the build runs or writes
    inline; MkDocs would copy their scripts into the site."""
    published = [p.name for folder in ("hooks", "partials") for p in (site_dir / folder).rglob("*")]
    assert published == []
    # The go/ resolver is still in its page, inline.
    assert "(function goResolver() {" in (site_dir / "go" / "index.html").read_text("utf-8")


def test_pages_reference_nothing_on_another_origin(site_dir: Path) -> None:
    outside = []
    for path, file in html_files(site_dir).items():
        for tag, attr, url in page(file).refs:
            if tag in {"a", "link[canonical]", "link[alternate]"}:
                continue  # links to follow or to name a page, not requests the page makes
            if urlsplit(url).scheme in {"http", "https"} or url.startswith("//"):
                outside.append((path, tag, attr, url))
    assert outside == []


def test_stylesheets_load_no_outside_font_or_image(site_dir: Path) -> None:
    pattern = re.compile(r"url\(\s*['\"]?(?:https?:)?//", re.I)
    offenders = [
        css.relative_to(site_dir).as_posix()
        for css in site_dir.rglob("*.css")
        if pattern.search(css.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


def test_search_index_holds_segmented_chinese(site_dir: Path) -> None:
    index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"])
    # jieba inserts U+200B between words; 押金 and 商户号 must stand as tokens.
    tokens = set(re.split(r"[\s\u200b]+", text))
    assert {"押金", "对账", "商户"} <= tokens
    assert "\u200b" in text
    locations = {doc["location"] for doc in index["docs"]}
    assert "guide/settle/#deposit-refunded" in locations
    assert "en/guide/settle/#deposit-refunded" in locations


@pytest.mark.parametrize("path", PAGES)
def test_english_pages_are_in_english(site_dir: Path, path: str) -> None:
    p = page(site_dir / f"en/{path}")
    assert p.html_lang == "en"
    unmarked = [t for t, lang, _ in p.texts if CJK.search(t) and not lang.startswith("zh")]
    assert unmarked == []


# The site's one 404 page (every missing address gets it) is the default language's.
@pytest.mark.parametrize("path", (*PAGES, "404.html"))
def test_chinese_pages_are_in_chinese(site_dir: Path, path: str) -> None:
    p = page(site_dir / path)
    assert p.html_lang.startswith("zh")
    # Prose only: ids, code and bare links are the same in both languages.
    body = "".join(
        text
        for text, lang, code in p.texts
        if not code and not lang.startswith("en") and not re.fullmatch(r"[\w./#:-]+", text)
    )
    letters = [c for c in body if c.isalpha()]
    assert sum(bool(CJK.match(c)) for c in letters) / len(letters) > 0.5


@pytest.mark.parametrize("lang", LANGS)
def test_provider_details_come_from_the_config(site_dir: Path, lang: str) -> None:
    """No unresolved placeholder; the source gives no hotline, so none is invented."""
    for path, p in pages_of(site_dir, lang).items():
        text = " ".join(t for t, _, _ in p.texts)
        assert "{{" not in text, path
        assert not re.search(r"\b400[-\s]?\d{3}[-\s]?\d{4}\b|\b95\d{3}\b", text), path
