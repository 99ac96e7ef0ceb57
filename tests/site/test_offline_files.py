"""The built files of offline use: each language's web app manifest, its icons,
the link to it from every page, and the service worker's precache list
(overrides/hooks/service_worker.py, scripts/service-worker/)."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path
from urllib.parse import urljoin

import pytest

from checklist import locales
from tests.guide_ids import ROOTS

SITE = "http://127.0.0.1:8000/"  # the build's site_url (the 404 page's links are absolute)


def manifest(site_dir: Path, lang: str) -> tuple[dict, str]:
    """The manifest of a language, and its own URL under SITE."""
    path = f"{ROOTS[lang]}manifest.webmanifest"
    return json.loads((site_dir / path).read_text("utf-8")), urljoin(SITE, path)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


@pytest.mark.parametrize("lang", list(ROOTS))
def test_each_language_has_an_installable_manifest(site_dir: Path, lang: str) -> None:
    data, url = manifest(site_dir, lang)
    assert data["lang"] == lang
    assert data["name"] == locales.t(
        lang, "site.name", provider="卡拉卡" if lang == "zh" else "Kalaka"
    )
    assert data["short_name"] == locales.t(lang, "site.app_short_name")
    assert data["display"] == "standalone"
    # Opens the checklist in the manifest's language; covers the whole site.
    assert urljoin(url, data["start_url"]) == f"{SITE}{ROOTS[lang]}checklist/"
    assert urljoin(url, data["scope"]) == SITE
    sizes = {}
    for icon in data["icons"]:
        file = site_dir / urljoin(url, icon["src"]).removeprefix(SITE)
        assert file.is_file(), icon
        if icon["type"] == "image/png":
            sizes[icon["sizes"]] = png_size(file)
    assert sizes == {"192x192": (192, 192), "512x512": (512, 512)}


def test_every_page_links_its_languages_manifest(site_dir: Path) -> None:
    wrong = []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir).as_posix()
        html = page.read_text("utf-8")
        lang = re.search(r'<html lang="([^"]+)"', html).group(1)
        found = re.findall(r'<link rel="manifest" href="([^"]+)"', html)
        page_url = urljoin(SITE, rel)
        if len(found) != 1 or urljoin(page_url, found[0]) != manifest(site_dir, lang)[1]:
            wrong.append(f"{rel}: {found}")
    assert wrong == []


def test_the_worker_precaches_pages_and_small_assets_only(site_dir: Path) -> None:
    worker = (site_dir / "sw.js").read_text("utf-8")
    urls = re.findall(r'"url":"([^"]+)"', worker)
    pages = sorted(
        p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html") if p.name != "404.html"
    )
    assert sorted(u for u in urls if u.endswith(".html")) == pages
    assert "search/search_index.json" in urls
    assert not [u for u in urls if u.startswith("assets/pyodide/") or u.endswith(".map")]
    total = sum((site_dir / u).stat().st_size for u in urls)
    assert total < 2_500_000, total  # ARCHITECTURE.md, "Offline use": 1.67 MB
    # Every file the worker imports is in the site, from its own origin.
    settings = json.loads(re.search(r"const SETTINGS = (\{.*?\});", worker).group(1))
    for path in settings["imports"]:
        assert (site_dir / path).is_file(), path
    runtime = settings["runtime"]["required"] + settings["runtime"]["optional"]
    assert any(p.endswith("pyodide.asm.wasm") for p in settings["runtime"]["required"])
    assert sorted(p.rsplit("/", 1)[-1] for p in settings["runtime"]["optional"]) == [
        "python_stdlib.zip",
        "stdlib-compiled.zip",
        "stdlib-source.zip",
    ]
    assert all((site_dir / p).is_file() for p in runtime)
