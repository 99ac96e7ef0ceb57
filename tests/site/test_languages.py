"""Every built page speaks its own language, attributes and data blocks included.

An English page holds no Chinese and a Chinese page no English sentence, except
inside an element marked with ``lang`` for the other language (the language
selector, a Chinese term quoted on an English page, the support page's title
columns). Read: text, hidden text (scripts may show it), the attributes people
hear or see (``aria-label``, ``title``, ``alt``, ``placeholder``, a meta
description) and the JSON blocks the site's scripts show strings from.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.html_text import CJK, VOID

SPOKEN = ("aria-label", "title", "alt", "placeholder", "aria-description", "data-copy-label")
# Three English words in a row: a sentence or a phrase, not a term such as "POS" or "App".
ENGLISH = re.compile(r"\b[A-Za-z][a-z]+(?:[,;:'’]?\s+[A-Za-z][a-z]+){2,}\b")
URL = re.compile(r"\b(?:https?://|\.{0,2}/)\S*")


class Voices(HTMLParser):
    """Collects (text, lang of the nearest marked ancestor, where) for everything a reader meets."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str, str]] = []
        self.stack: list[tuple[str, str, str]] = []  # (tag, lang, kind: text|code|script|json)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        lang = a.get("lang", self.stack[-1][1] if self.stack else "")
        for name in SPOKEN:
            if a.get(name):
                self.found.append((a[name], lang, f"<{tag} {name}>"))
        if tag == "meta" and a.get("name") == "description":
            self.found.append((a.get("content", ""), lang, "<meta description>"))
        if tag in VOID:
            return
        kind = self.stack[-1][2] if self.stack else "text"
        if tag == "script":
            kind = "json" if "json" in a.get("type", "") else "script"
        elif tag in ("code", "pre", "kbd", "style", "svg"):
            kind = "code"
        self.stack.append((tag, lang, kind))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if not data.strip() or not self.stack:
            return
        tag, lang, kind = self.stack[-1]
        if kind == "json":
            self.found.extend(
                (text, lang, "<script json>") for text in strings_in(json.loads(data))
            )
        elif kind == "text":
            self.found.append((data.strip(), lang, f"<{tag}>"))


def strings_in(value: object) -> list[str]:
    """Every string value of a JSON document (keys are names, not words)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in strings_in(item)]
    if isinstance(value, list):
        return [text for item in value for text in strings_in(item)]
    return []


def voices(path: Path) -> list[tuple[str, str, str]]:
    reader = Voices()
    reader.feed(path.read_text(encoding="utf-8"))
    reader.close()
    return reader.found


def built_pages(site_dir: Path, lang: str) -> list[Path]:
    english = sorted((site_dir / "en").rglob("*.html"))
    if lang == "en":
        return english
    return [path for path in sorted(site_dir.rglob("*.html")) if path not in english]


def test_both_languages_have_pages(site_dir: Path) -> None:
    assert len(built_pages(site_dir, "zh")) > 10
    assert len(built_pages(site_dir, "en")) > 10


def test_no_chinese_on_english_pages(site_dir: Path) -> None:
    leaks = [
        (str(path.relative_to(site_dir)), where, text[:60])
        for path in built_pages(site_dir, "en")
        for text, lang, where in voices(path)
        if CJK.search(text) and not lang.startswith("zh")
    ]
    assert leaks == []


def test_no_english_on_chinese_pages(site_dir: Path) -> None:
    leaks = [
        (str(path.relative_to(site_dir)), where, text[:60])
        for path in built_pages(site_dir, "zh")
        for text, lang, where in voices(path)
        if ENGLISH.search(URL.sub(" ", text)) and not lang.startswith("en")
    ]
    assert leaks == []


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("This site collects no data", True),
        ("本站不收集任何数据", False),
        ("用 POS 机和商户 App 查询", False),
        ("见 https://example.org/a/long/path/here", False),
        ("浏览器的本地存储（localStorage）", False),
    ],
)
def test_the_english_detector_tells_sentences_from_terms(text: str, english: bool) -> None:
    assert bool(ENGLISH.search(URL.sub(" ", text))) is english
