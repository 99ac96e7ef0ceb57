"""Production-like serving: nginx runs the deployment example (deploy/nginx.conf)
over the built site, and every file comes back with the right type, cache
lifetime, compression and security headers; then the checklist runs end to end
through it in Chromium.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from email.message import Message
from pathlib import Path

import brotli
import pytest
from filelock import FileLock
from playwright.sync_api import Page

from tests.judges.harness import (
    NOTES,
    ROOT,
    tick_first_item,
    wait_for_engine,
)
from tests.recorder import Recorder

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
# Material's fingerprinted files: name.<8 hex>.min.js / .css (and their maps).
MATERIAL_HASHED = re.compile(
    r"^assets/(javascripts|stylesheets)/(.+/)?[^/]+\.[0-9a-f]{8}\.min\.(js|css)(\.map)?$"
)
PYODIDE = re.compile(r"^assets/pyodide/(?P<version>[^/]+)/(?P<rest>.+)$")
# The media type each kind of file must be served with.
TYPES = {
    ".html": "text/html",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".wasm": "application/wasm",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".xml": "application/xml",
    ".gz": "application/gzip",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".txt": "text/plain",
    ".webmanifest": "application/manifest+json",
}
TEXT_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "image/svg+xml",
    "application/manifest+json",
)
# Served compressed on the fly when the client accepts gzip.
COMPRESSED_ON_THE_FLY = (".html", ".css", ".js", ".mjs", ".json", ".wasm")
SERVER_ONLY_FILES = ("_csp.nginx.conf", "_headers")


def link_copy(source: Path, dest: Path) -> Path:
    """A copy of a build made of hard links (fast; new files do not touch the source)."""
    shutil.copytree(source, dest, copy_function=os.link)
    return dest


@pytest.fixture(scope="module")
def plain(site_dir: Path, nginx, tmp_path_factory) -> tuple[Path, str]:
    """The build as `mkdocs build` leaves it, served by nginx at /."""
    root = link_copy(site_dir, tmp_path_factory.mktemp("plain") / "site")
    return root, nginx(root).base_url


@pytest.fixture(scope="module")
def precompressed(site_dir: Path, nginx, tmp_path_factory) -> tuple[Path, str]:
    """The build after `python3 deploy/precompress.py site/`, served by nginx at /."""
    root = link_copy(site_dir, tmp_path_factory.mktemp("precompressed") / "site")
    script = ROOT / "deploy" / "precompress.py"
    cache = ROOT / "build" / "precompress"  # brotli -q11 of the wasm takes ~30 s: once
    # Test processes that need it at the same time take turns: the first fills the
    # cache, the others read it instead of compressing the same files again.
    cache.parent.mkdir(exist_ok=True)
    with FileLock(cache.with_name("precompress.lock")):
        subprocess.run(
            [sys.executable, str(script), "--cache", str(cache), str(root)],
            check=True,
            capture_output=True,
        )
    return root, nginx(root).base_url


def fetch(
    url: str, method: str = "GET", gzip_ok: bool = False, accept: str | None = None
) -> tuple[int, Message, bytes]:
    """One request with urllib (no decompression, no redirects followed)."""
    encoding = accept or ("gzip" if gzip_ok else "identity")
    headers = {"Accept-Encoding": encoding}
    request = urllib.request.Request(url, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def site_files(root: Path) -> list[str]:
    return sorted(
        p.relative_to(root).as_posix()
        for p in root.rglob("*")
        if p.is_file() and p.name not in SERVER_ONLY_FILES
    )


def expected_cache(path: str) -> str:
    if PYODIDE.match(path) or MATERIAL_HASHED.match(path):
        return IMMUTABLE
    return REVALIDATE


def security_headers(root: Path) -> dict[str, str]:
    """The headers the build says every response needs (its _headers file)."""
    lines = (root / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*", lines[:1]
    return dict(line.strip().split(": ", 1) for line in lines[1:] if line.strip())


def test_every_file_has_its_type_cache_lifetime_and_security_headers(plain) -> None:
    root, base = plain
    expected_security = security_headers(root)
    assert "frame-ancestors 'none'" in expected_security["Content-Security-Policy"]
    wrong = []
    files = site_files(root)
    for path in files:
        status, headers, _ = fetch(base + path, method="HEAD")
        suffix = Path(path).suffix
        media_type = (headers.get("Content-Type") or "").split(";")[0].strip()
        if status != 200:
            wrong.append(f"{path}: status {status}")
        if media_type != TYPES.get(suffix, f"<no type listed for {suffix}>"):
            wrong.append(f"{path}: Content-Type {headers.get('Content-Type')}")
        elif media_type.startswith(TEXT_TYPES) and "charset=utf-8" not in headers["Content-Type"]:
            wrong.append(f"{path}: Content-Type {headers['Content-Type']} without charset")
        if headers.get("Cache-Control") != expected_cache(path):
            wrong.append(f"{path}: Cache-Control {headers.get('Cache-Control')!r}")
        for name, value in expected_security.items():
            if headers.get(name) != value:
                wrong.append(f"{path}: {name} {headers.get(name)!r}")
    NOTES.append(f"nginx: {len(files)} files checked for type, cache and security headers")
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("sw.js", "text/javascript"),
        ("assets/workbox/workbox-precaching.prod.js", "text/javascript"),
        ("manifest.webmanifest", "application/manifest+json"),
        ("en/manifest.webmanifest", "application/manifest+json"),
    ],
)
def test_the_service_worker_and_manifests_are_revalidated(
    plain, path: str, media_type: str
) -> None:
    """Browsers find a new version through these files: never cached for long."""
    _, base = plain
    status, headers, body = fetch(base + path)
    assert status == 200, path
    assert headers["Content-Type"] == f"{media_type}; charset=utf-8"
    assert headers["Cache-Control"] == REVALIDATE
    assert body


@pytest.mark.parametrize(
    ("path", "status"),
    [("no-such-page/", 404), ("_csp.nginx.conf", 404), ("_headers", 404), ("en/", 200)],
)
def test_errors_and_server_files_get_the_404_page_with_all_headers(
    plain, path: str, status: int
) -> None:
    root, base = plain
    got, headers, body = fetch(base + path)
    assert got == status
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == REVALIDATE
    for name, value in security_headers(root).items():
        assert headers.get(name) == value, name
    if status == 404:
        assert b"404" in body and b"add_header" not in body


def test_immutable_urls_change_whenever_their_content_changes(site_dir: Path) -> None:
    """A year-long immutable cache is only safe for versioned or hashed URLs:
    runtime files under assets/pyodide/<version>/ must be exactly npm's pyodide
    of that version, anything deeper must sit in a folder named after a hash."""
    package = ROOT / "node_modules" / "pyodide"
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    wrong = []
    for path in site_files(site_dir):
        match = PYODIDE.match(path)
        if not match:
            continue
        rest = match["rest"]
        if match["version"] != version:
            wrong.append(f"{path}: not under assets/pyodide/{version}/")
        elif "/" not in rest:
            npm = package / rest
            if not npm.is_file() or npm.read_bytes() != (site_dir / path).read_bytes():
                wrong.append(f"{path}: differs from node_modules/pyodide/{rest}")
        elif not re.search(r"[0-9a-f]{8,}", rest.split("/")[0]):
            wrong.append(f"{path}: folder {rest.split('/')[0]!r} has no content hash in its name")
    assert any(PYODIDE.match(p) for p in site_files(site_dir)), "no Pyodide files in the build"
    assert wrong == [], "\n".join(wrong)


def test_text_and_wasm_are_compressed_on_the_fly_or_ahead(plain, precompressed) -> None:
    plain_root, plain_base = plain
    packed_root, packed_base = precompressed
    samples = {}
    for path in site_files(plain_root):
        suffix = Path(path).suffix
        if suffix in COMPRESSED_ON_THE_FLY and (plain_root / path).stat().st_size > 4096:
            samples.setdefault(suffix, path)
    assert sorted(samples) == sorted(COMPRESSED_ON_THE_FLY), samples
    for path in samples.values():
        original = (plain_root / path).read_bytes()
        # On the fly: gzip when asked, identity when not, and Vary either way.
        _, headers, body = fetch(plain_base + path, gzip_ok=True)
        assert headers.get("Content-Encoding") == "gzip", path
        assert headers.get("Vary") == "Accept-Encoding", path
        assert gzip.decompress(body) == original, path
        _, headers, body = fetch(plain_base + path)
        assert headers.get("Content-Encoding") is None and body == original, path
        # Ahead of time (gzip_static): the .gz file's own bytes, with their length.
        packed = packed_root / (path + ".gz")
        assert packed.is_file(), f"deploy/precompress.py wrote no {packed.name}"
        _, headers, body = fetch(packed_base + path, gzip_ok=True)
        assert headers.get("Content-Encoding") == "gzip", path
        assert headers.get("Content-Length") == str(packed.stat().st_size), path
        assert body == packed.read_bytes() and gzip.decompress(body) == original, path
        # Brotli (brotli_static) for a browser that accepts it, as every current one does.
        packed = packed_root / (path + ".br")
        assert packed.is_file(), f"deploy/precompress.py wrote no {packed.name}"
        _, headers, body = fetch(packed_base + path, accept="gzip, deflate, br, zstd")
        assert headers.get("Content-Encoding") == "br", path
        assert headers.get("Vary") == "Accept-Encoding", path
        assert headers.get("Content-Length") == str(packed.stat().st_size), path
        assert body == packed.read_bytes() and brotli.decompress(body) == original, path
    # Already compressed formats are sent as they are.
    whl = next(p for p in site_files(plain_root) if p.endswith((".whl", ".zip")))
    _, headers, _ = fetch(plain_base + whl, gzip_ok=True)
    assert headers.get("Content-Encoding") is None


@pytest.mark.browser
def test_the_checklist_works_end_to_end_through_nginx(page: Page, precompressed) -> None:
    _, base = precompressed
    recorder = Recorder().attach(page.context)
    page.goto(base + "checklist/")
    wait_for_engine(page)
    item = tick_first_item(page)
    verdict = page.locator("[data-verdict]").first
    verdict.wait_for(state="attached")
    assert verdict.get_attribute("data-verdict"), "the verdict panel has no verdict"
    assert page.locator(f'[id="{item}"] input[name="{item}"]').is_checked()
    assert recorder.failed == [], "\n".join(recorder.failed)
    assert recorder.csp == [], "\n".join(recorder.csp)
    assert recorder.outside == [], "\n".join(recorder.outside)
