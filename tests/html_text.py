"""Small HTML readers for built-site tests (standard library only)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip


@dataclass
class Page:
    """What tests need from one built HTML page."""

    ids: list[str] = field(default_factory=list)
    refs: list[tuple[str, str, str]] = field(default_factory=list)  # (tag or link[rel], attr, url)
    # (text, lang of the nearest ancestor with one, inside code?) for visible text nodes
    texts: list[tuple[str, str, bool]] = field(default_factory=list)
    html_lang: str = ""


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.stack: list[tuple[str, str, bool]] = []  # (tag, lang, hidden)

    def _lang(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.page.ids.append(a["id"])
        if tag == "html":
            self.page.html_lang = a.get("lang", "")
        kind = f"link[{a.get('rel', '')}]" if tag == "link" else tag
        for attr in ("src", "href", "srcset", "poster", "data"):
            if attr in a:
                self.page.refs.append((kind, attr, a[attr]))
        if tag in VOID:
            return
        hidden = self._hidden() or tag in ("script", "style", "template") or "hidden" in a
        self.stack.append((tag, a.get("lang", self._lang()), hidden))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        if data.strip() and not self._hidden():
            in_code = any(tag in ("code", "pre", "kbd") for tag, _, _ in self.stack)
            self.page.texts.append((data.strip(), self._lang(), in_code))


def read_page(html: str) -> Page:
    """Parse one page."""
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page
