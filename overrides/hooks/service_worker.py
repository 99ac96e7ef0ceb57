"""Offline use: the web app manifest and the service worker, written at build time.

``on_startup``
    Remembers the command: under ``mkdocs serve`` no worker is written and the
    pages do not register one (it would serve stale pages while editing).
``on_env``
    Gives every template ``offline``: the worker's and the manifest's paths
    relative to the site root (empty under ``mkdocs serve``).
``on_post_build``
    Runs once per language build (mkdocs-static-i18n builds the other
    languages inside the default language's build), after the Pyodide files
    are installed and before ``csp.py``. The last run (the outer one:
    mkdocs-static-i18n is no longer ``building``) sees the whole site, with the
    search index of both languages, and writes every language's manifest and
    ``sw.js`` with
    ``scripts/service-worker/build.mjs`` (Workbox's ``injectManifest``): the
    precache list is every page of both languages and the small assets they
    use; the Python runtime is only listed, to be kept once the checklist has
    been used (see the worker's header). A manifest (``manifest.webmanifest``
    in each language's root) gives the name, icons, start URL = that
    language's checklist, and scope = the site root.
"""

from __future__ import annotations

import json
import logging
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

__all__ = ["ICONS", "MANIFEST", "WORKER", "manifest", "precache_globs"]

log = logging.getLogger("mkdocs.hooks.service_worker")

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
WORKBOX_DIR = "assets/workbox"
RUNTIME_DIR = "assets/pyodide/"
# Rendered once from overrides/assets/favicon.svg with headless Chromium
# (see ARCHITECTURE.md, "Offline use").
ICONS = (("assets/icons/icon-192.png", 192), ("assets/icons/icon-512.png", 512))
# Larger files are never precached (the biggest small asset is Material's
# bundle, 114 KB; the search index about 110 KB).
MAX_FILE_BYTES = 400_000
BUILDER = Path("scripts") / "service-worker" / "build.mjs"

_command = "build"


def precache_globs(search_langs: list[str]) -> tuple[list[str], list[str]]:
    """What the worker installs with, and what it leaves out (Workbox glob patterns)."""
    lunr = ["lunr.stemmer.support", "lunr.multi"] + [
        f"lunr.{lang}" for lang in search_langs if lang != "en"
    ]
    patterns = [
        "**/*.html",
        "**/*.webmanifest",
        "steps.json",
        "search/search_index.json",
        "assets/javascripts/*.min.js",
        "assets/javascripts/workers/*.min.js",
        *(f"assets/javascripts/lunr/min/{name}.min.js" for name in lunr),
        "assets/stylesheets/*.css",
        "assets/js/*.js",
        "assets/checklist/*.{js,css}",
        "assets/images/*",
        "assets/icons/*.png",
        "assets/*.svg",
        # The page's side of updates (offline.js imports it), so pages work offline.
        f"{WORKBOX_DIR}/workbox-window.prod.mjs",
    ]
    ignores = ["assets/pyodide/**", f"{WORKBOX_DIR}/*.js", WORKER, "404.html"]
    return patterns, ignores


def manifest(config: MkDocsConfig, lang: str) -> dict[str, Any]:
    """The web app manifest of one language, its URLs relative to the manifest itself."""
    up = "../" * languages.roots(config)[lang].count("/")  # language root -> site root
    return {
        "lang": lang,
        "name": languages.t(
            config, "site.name", lang, provider=languages.provider_name(config, lang)
        ),
        "short_name": languages.t(config, "site.app_short_name", lang),
        "description": languages.t(config, "site.description", lang),
        "start_url": "checklist/",
        "scope": up or "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#009688",  # Material's teal, the site's primary colour
        "icons": [
            {"src": f"{up}{path}", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any"}
            for path, size in ICONS
        ]
        + [{"src": f"{up}assets/favicon.svg", "sizes": "any", "type": "image/svg+xml"}],
    }


def on_startup(command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Where the worker and the manifest are, for the templates (none under serve)."""
    serving = _command == "serve"
    root = languages.roots(config)[languages.building(config)]
    env.globals["offline"] = {
        "worker": "" if serving else WORKER,
        "manifest": "" if serving else f"{root}{MANIFEST}",
    }
    return env


@event_priority(-105)  # after mkdocs-static-i18n (-100), before csp.py (-110)
def on_post_build(config: MkDocsConfig) -> None:
    if _command == "serve":
        log.info("Offline: no service worker under `mkdocs serve`")
        return
    i18n = config.plugins.get("i18n")
    if getattr(i18n, "building", False):
        return  # another language's build, run inside the default one's: not the whole site
    site = Path(config.site_dir)
    for lang, root in languages.roots(config).items():
        target = site / root / MANIFEST
        target.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(manifest(config, lang), ensure_ascii=False, indent=1)
        target.write_text(text + "\n", "utf-8")
    write_worker(config, site)


def runtime_files(site: Path) -> dict[str, list[str]]:
    """The Python runtime's files, relative to the site root: ``required`` by every
    start, and the ``optional`` alternatives the engine chooses between (see
    ``startup.json`` and engine-worker.js): kept only if the checklist used them."""
    folder = site / RUNTIME_DIR
    files = sorted(p.relative_to(site).as_posix() for p in folder.rglob("*") if p.is_file())
    optional: set[str] = set()
    for startup in folder.glob("*/checklist-*/startup.json"):
        data = json.loads(startup.read_text("utf-8"))
        names = list(data.get("stdlib", {}).values())
        optional |= {(startup.parent / n).relative_to(site).as_posix() for n in names if n}
        # With startup.json, Pyodide's full standard library is never used.
        optional.add((startup.parent.parent / "python_stdlib.zip").relative_to(site).as_posix())
    return {
        "required": [f for f in files if f not in optional],
        "optional": [f for f in files if f in optional],
    }


def write_worker(config: MkDocsConfig, site: Path) -> None:
    """Run the Node builder on the finished site."""
    root = Path(config.config_file_path).resolve().parent
    index = site / "search" / "search_index.json"
    search_langs = json.loads(index.read_text("utf-8"))["config"]["lang"] if index.exists() else []
    patterns, ignores = precache_globs(search_langs)
    runtime = runtime_files(site)
    options = {
        "site": str(site),
        "swDest": WORKER,
        "workboxDir": WORKBOX_DIR,
        "globPatterns": patterns,
        "globIgnores": ignores,
        "maxFileBytes": MAX_FILE_BYTES,
        "runtime": runtime,
        "runtimePrefix": RUNTIME_DIR,
    }
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(options, handle)
    try:
        result = subprocess.run(
            ["node", str(root / BUILDER), handle.name],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        Path(handle.name).unlink(missing_ok=True)
    if result.returncode != 0:
        raise PluginError(
            f"service worker: {BUILDER} failed (run `npm ci` if workbox-build is missing):\n"
            + (result.stderr or result.stdout)[-2000:]
        )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    for warning in report["warnings"]:
        log.warning("service worker: %s", warning)
    log.info(
        "Offline: %s precaches %d files, %.0f KB; %d runtime files listed",
        WORKER,
        report["count"],
        report["size"] / 1000,
        sum(map(len, runtime.values())),
    )
