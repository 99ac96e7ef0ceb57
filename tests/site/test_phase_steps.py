"""Each guide page says where it sits in the closure: phase N of 7, the others linked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.guide_ids import LANGS, PHASES, lang_prefix

POSITION = {"zh": "第 {n} 阶段，共 {total} 个阶段", "en": "Phase {n} of {total}"}


def phase_nav(html: str) -> str:
    (nav,) = re.findall(r'<nav class="phase-steps".*?</nav>', html, re.S)
    return nav


@pytest.mark.parametrize("lang", LANGS)
def test_every_guide_page_names_its_phase_and_links_the_others(site_dir: Path, lang: str) -> None:
    total = len(PHASES)
    for number, phase in enumerate(PHASES, start=1):
        nav = phase_nav((site_dir / lang_prefix(lang) / "guide" / phase / "index.html").read_text())
        assert POSITION[lang].format(n=number, total=total) in nav
        links = re.findall(r'<a class="phase-steps__link" href="\.\./([a-z]+)/">', nav)
        assert links == [other for other in PHASES if other != phase]
        (current,) = re.findall(r'aria-current="step">([^<]+)<', nav)
        heading = re.search(
            r"<h1[^>]*>(.*?)<",
            (site_dir / lang_prefix(lang) / "guide" / phase / "index.html").read_text(),
        ).group(1)
        assert current == heading


def test_pages_outside_the_guide_have_no_phase_navigation(site_dir: Path) -> None:
    for path in ("index.html", "checklist/index.html", "en/support/index.html"):
        assert 'class="phase-steps"' not in (site_dir / path).read_text()
