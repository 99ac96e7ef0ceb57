"""The interactive checklist page: build-time HTML from the engine, plus its runtime.

The checklist is real HTML, rendered at build time from
``checklist.catalogue()`` in both languages, so it can be read and printed
without JavaScript. In the browser, ``assets/checklist/checklist.js`` saves
every change at once and loads the same engine in Pyodide (in a Web Worker) to
show the verdict, the blockers and the next step.

Build events, each handled here once:

``on_config``
    Checks Pyodide is installed, builds (or reuses) the engine's wheel and lock
    file (``pyodide_assets.prepare``), and imports the engine from the project
    folder, re-importing it when its sources changed (``mkdocs serve``).
``on_page_context``
    For pages with ``template: checklist.html``: hands the template a
    ``checklist`` view (questions, phases, items with links to the guide
    steps, UI strings) and the JSON settings the JavaScript reads.
``on_post_build``
    Copies the runtime, the lock file and the wheel into the site.
``on_serve``
    Watches the engine's sources, so editing them rebuilds the site.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import Any

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
import pyodide_assets
from engine_import import Engine
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

TEMPLATE = "checklist.html"
# Page strings that are the engine's words for the same thing, so the page and
# the printed summary always agree: page key -> "<table>.<key>" of the strings.
SHARED_WORDS = {
    "status_done": "status.done",
    "status_todo": "status.todo",
    "blocks_tag": "status.required",
    "merchant_name_label": "labels.name",
    "merchant_id_label": "labels.merchant_id",
    "terminal_id_label": "labels.terminal_id",
    "notes_label": "labels.notes",
    "blockers_heading": "labels.blockers",
    "next_heading": "labels.next",
    "problems_heading": "labels.problems",
    "questions_heading": "labels.answers",
    "progress_code_label": "labels.progress_code",
}
# How long the page waits for Pyodide before saying it failed. A blocked wasm
# file or a wrong MIME type makes loadPyodide() hang forever.
TIMEOUT_MS = 30_000
# Test settings read from the page's address (`?engine_timeout=`) are honoured
# only on a site built with this variable set to 1, as the tests build theirs:
# on a production build no link can switch the checker off.
TEST_SETTINGS_ENV = "CHECKLIST_TEST_SETTINGS"


ENGINE: Engine | None = None
BUNDLE: pyodide_assets.EngineBundle | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Prepare Pyodide and the engine once per build (cached between rebuilds)."""
    global ENGINE, BUNDLE
    root = Path(config.config_file_path).resolve().parent
    BUNDLE = pyodide_assets.prepare(root)
    if ENGINE is None or ENGINE.root != root or ENGINE.digest != BUNDLE.digest:
        ENGINE = Engine(root, BUNDLE.digest)
    return config


def localise(text: dict[str, str] | str | None, lang: str) -> str:
    """One language of a ``{zh, en}`` pair from the catalogue."""
    if isinstance(text, dict):
        return str(text.get(lang) or "")
    return str(text or "")


def view(
    engine: Engine,
    bundle: pyodide_assets.EngineBundle,
    page: Page,
    config: MkDocsConfig,
    base_url: str,
) -> dict[str, Any]:
    """What the checklist template renders for the language being built."""
    lang = languages.building(config)
    language_root = languages.roots(config)[lang]
    strings = languages.table(config, "page")
    strings.update({key: languages.t(config, shared) for key, shared in SHARED_WORDS.items()})
    catalogue = engine.catalogue

    def link(target: str) -> str:
        """A site-root-relative target as a URL relative to this page."""
        path, _, fragment = target.partition("#")
        url = get_relative_url(language_root + path, page.url)
        return f"{url}#{fragment}" if fragment else url

    questions = [
        {
            "key": question["key"],
            "label": localise(question["label"], lang),
            "hint": localise(question.get("hint"), lang),
            "options": [
                {"value": option["value"], "label": localise(option["label"], lang)}
                for option in question["options"]
            ],
        }
        for question in catalogue["questions"]
    ]
    phases = []
    for phase in sorted(catalogue["phases"], key=lambda phase: phase["number"]):
        number = phase["number"]
        tasks = [
            {
                "id": item["id"],
                "label": localise(item["label"], lang),
                "hint": localise(item.get("hint"), lang),
                "blocks": bool(item.get("blocks")),
                "wants_reference": item["id"] in engine.record["reference"],
                "href": link(f"{phase['page']}#{item['id']}"),
            }
            for item in catalogue["items"]
            if item["phase"] == phase["id"]
        ]
        phases.append(
            {
                "id": phase["id"],
                "number": number,
                "title": str(engine.phase_title(phase["id"], lang)),
                "href": link(phase["page"]),
                "tasks": tasks,
            }
        )
    megabytes = math.ceil(bundle.download_bytes / 1_000_000)
    settings = {
        "lang": lang,
        "root": base_url,
        "languageRoot": language_root,
        "schema": engine.schema,
        "newState": engine.new_state,
        "items": [item["id"] for item in catalogue["items"]],
        "questions": [question["key"] for question in catalogue["questions"]],
        "pyodide": {
            "runtime": bundle.runtime_path,
            "lockFile": bundle.lock_path,
            "package": bundle.package,
            "megabytes": megabytes,
            "timeoutMs": TIMEOUT_MS,
            "testSettings": os.environ.get(TEST_SETTINGS_ENV) == "1",
        },
        "masks": engine.masks,
        "followUp": list(engine.record["follow_up"]),
        "strings": strings,
    }
    words = languages.table(config, "record")
    return {
        "lang": lang,
        "strings": strings,
        "megabytes": megabytes,
        # Longest text the engine keeps, for the form's maxlength (one source of truth).
        "limits": catalogue["limits"],
        "questions": questions,
        "phases": phases,
        "record": {
            "words": words,
            "how": [{"value": how, "label": words[f"how_{how}"]} for how in engine.record["how"]],
            "follow_up": [
                {"key": key, "label": words[key], "href": link(f"go/#{item}")}
                for key, item in engine.record["follow_up"].items()
            ],
        },
        "settings": settings,
        # No figure until the worker knows what this visit downloads: one honest number.
        "loading": strings["engine_starting"],
    }


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    """Give the checklist template its data (other pages are left alone)."""
    if page.meta.get("template") not in (TEMPLATE, "support.html"):  # support reads codes
        return context
    if ENGINE is None or BUNDLE is None:
        raise PluginError("checklist_page: on_config did not run before the checklist page.")
    context["checklist"] = view(ENGINE, BUNDLE, page, config, context["base_url"])
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Copy Pyodide's runtime files, the lock file and the engine's wheel into the site."""
    if BUNDLE is not None:
        pyodide_assets.install(BUNDLE, Path(config.site_dir))


def on_serve(server: Any, config: MkDocsConfig, builder: Any) -> Any:
    """Rebuild when the engine's sources change."""
    root = Path(config.config_file_path).resolve().parent
    server.watch(str(root / pyodide_assets.PACKAGE_DIR))
    return server
