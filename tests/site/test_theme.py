"""Material's markup as the site changes it: what Lighthouse and axe ask of every page.

The search dialog has an accessible name in the page's language (aria-dialog-name),
every image has its size written out (unsized-images: no layout shift when it
arrives), and a button's accessible name starts with the words it shows (WCAG
2.5.3 Label in Name; Lighthouse's label-content-name-mismatch).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import material
import pytest

from checklist import locales
from tests.guide_ids import LANGS, lang_prefix

ROOT = Path(__file__).resolve().parents[2]
PAGES = ("index.html", "guide/before/index.html", "checklist/index.html", "support/index.html")


class Tags(HTMLParser):
    """Every start tag of a page, with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def tags(path: Path) -> list[tuple[str, dict[str, str]]]:
    reader = Tags()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader.tags


def built(site: Path, lang: str) -> list[Path]:
    return [site / (lang_prefix(lang) + page) for page in PAGES]


@pytest.mark.parametrize("lang", LANGS)
def test_search_dialog_is_named_in_the_page_s_language(site_dir: Path, lang: str) -> None:
    name = locales.t(lang, "site.search_dialog")
    for path in built(site_dir, lang):
        dialogs = [a for tag, a in tags(path) if a.get("role") == "dialog"]
        search = [a for a in dialogs if "md-search" in a.get("class", "").split()]
        assert len(search) == 1, path
        assert search[0].get("aria-label") == name, path
        unnamed = [a for a in dialogs if not (a.get("aria-label") or a.get("aria-labelledby"))]
        assert unnamed == [], path


def test_search_partial_is_material_s_plus_the_dialog_s_name() -> None:
    """The override stays a copy of the installed Material's partial with one attribute
    added: a Material upgrade that changes the partial makes this fail, not drift."""
    theirs = Path(material.__file__).parent / "templates" / "partials" / "search.html"
    ours = ROOT / "overrides" / "partials" / "search.html"

    def body(path: Path) -> str:
        return path.read_text(encoding="utf-8").split("-#}\n", 1)[1]

    added = ' aria-label="{{ site_labels.search_dialog }}"'
    assert added in body(ours)
    assert body(ours).replace(added, "") == body(theirs)


@pytest.mark.parametrize("lang", LANGS)
def test_every_image_has_its_size(site_dir: Path, lang: str) -> None:
    unsized = [
        (path.relative_to(site_dir).as_posix(), attrs.get("src"))
        for path in built(site_dir, lang)
        for tag, attrs in tags(path)
        if tag == "img"
        and not (attrs.get("width", "").isdigit() and attrs.get("height", "").isdigit())
    ]
    assert unsized == []


@pytest.mark.parametrize("lang", LANGS)
def test_logo_is_sized_and_named_by_its_link(site_dir: Path, lang: str) -> None:
    page = tags(site_dir / lang_prefix(lang) / "index.html")
    logos = [
        i
        for i, (tag, attrs) in enumerate(page)
        if tag == "a" and "md-logo" in attrs.get("class", "").split()
    ]
    assert len(logos) == 2  # the header's and the drawer's
    for i in logos:
        assert page[i][1].get("aria-label")
        tag, img = page[i + 1]
        assert tag == "img"
        assert (img.get("width"), img.get("height"), img.get("alt")) == ("24", "24", "")


@pytest.mark.parametrize("lang", LANGS)
def test_copy_link_button_s_name_starts_with_its_visible_words(lang: str) -> None:
    shown = locales.t(lang, "links.copy_link")
    assert locales.t(lang, "links.copy_link_label", title="T").startswith(shown)
