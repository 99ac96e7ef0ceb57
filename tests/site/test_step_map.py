"""The step map behind go/ links, the support page, the sitemap and alternates."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from tests.guide_ids import LANGS, PHASES, ROOTS, STEP_IDS, lang_prefix
from tests.html_text import read_page

ROOT = Path(__file__).resolve().parents[2]
PUBLISHED = [
    line.strip()
    for line in (ROOT / "tests/published_step_ids.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]


def step_map(site: Path) -> dict:
    return json.loads((site / "steps.json").read_text(encoding="utf-8"))


def mkdocs_aliases() -> dict[str, str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    return config["extra"]["step_aliases"]


def test_map_names_both_languages_and_their_roots(site_dir: Path) -> None:
    data = step_map(site_dir)
    assert data["languages"] == ROOTS
    assert sorted(data["maps"]) == ["en", "zh"]


@pytest.mark.parametrize("lang", LANGS)
def test_map_lists_every_phase_and_step_at_its_real_anchor(site_dir: Path, lang: str) -> None:
    steps = step_map(site_dir)["maps"][lang]["steps"]
    assert sorted(steps) == sorted([*PHASES, *STEP_IDS])
    for step, href in steps.items():
        path, _, anchor = href.partition("#")
        assert anchor == step
        built = site_dir / lang_prefix(lang) / path / "index.html"
        assert step in read_page(built.read_text(encoding="utf-8")).ids, href


@pytest.mark.parametrize("lang", LANGS)
def test_every_published_id_still_resolves(site_dir: Path, lang: str) -> None:
    """A step id that disappears without an alias breaks links already sent: fail."""
    data = step_map(site_dir)["maps"][lang]
    unresolved = [
        step
        for step in PUBLISHED
        if step not in data["steps"] and data["aliases"].get(step) not in data["steps"]
    ]
    assert unresolved == []
    assert set(PUBLISHED) >= {*PHASES, *STEP_IDS}, "add new ids to tests/published_step_ids.txt"


def test_aliases_in_the_map_are_the_configured_ones(site_dir: Path) -> None:
    aliases = mkdocs_aliases()
    assert aliases, "keep at least one alias so the mechanism stays tested"
    for lang in LANGS:
        assert step_map(site_dir)["maps"][lang]["aliases"] == aliases


@pytest.mark.parametrize("lang", LANGS)
def test_support_page_lists_every_id_exactly_once(site_dir: Path, lang: str) -> None:
    html = (site_dir / lang_prefix(lang) / "support/index.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr id="support-([a-z0-9-]+)"', html)
    assert rows == [step for phase, steps in PHASES.items() for step in (phase, *steps)]


@pytest.mark.parametrize("lang", LANGS)
def test_go_page_lists_every_step_as_a_plain_link(site_dir: Path, lang: str) -> None:
    html = (site_dir / lang_prefix(lang) / "go/index.html").read_text(encoding="utf-8")
    listed = html.partition('<ol class="go-steps"')[2].partition("</ol>")[0]
    links = [url for tag, _, url in read_page(listed).refs if tag == "a"]
    assert [url.partition("#")[2] for url in links] == [
        step for phase, steps in PHASES.items() for step in (phase, *steps)
    ]
    assert all(url.partition("#")[0].endswith("/") for url in links)


def test_sitemap_lists_both_languages_with_alternates(site_dir: Path) -> None:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site_dir / "sitemap.xml").getroot()
    locations = {}
    for url in root.findall("s:url", ns):
        alternates = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)}
        locations[url.findtext("s:loc", namespaces=ns)] = alternates
    guide = "http://127.0.0.1:8000/guide/before/"
    assert locations[guide] == {"zh": guide, "en": "http://127.0.0.1:8000/en/guide/before/"}
    assert "http://127.0.0.1:8000/en/guide/before/" in {
        alt["en"] for alt in locations.values() if "en" in alt
    }
    assert len(locations) >= 13


def test_no_page_head_links_an_alternate_for_material_to_probe(site_dir: Path) -> None:
    """Alternates live in the sitemap: a head alternate makes Material fetch a
    sitemap.xml beside it, which 404s (overrides/hooks/alternates.py)."""
    linked = [
        file.relative_to(site_dir).as_posix()
        for file in sorted(site_dir.rglob("*.html"))  # 404.html too
        if any(tag == "link[alternate]" for tag, _, _ in read_page(file.read_text("utf-8")).refs)
    ]
    assert linked == []
