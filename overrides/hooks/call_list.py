"""The call list: the questions to ask customer service, rendered from the engine's data.

The questions live in ``checklist/items.toml`` (each item's ``ask``) and are read
through ``checklist.calls``; nothing here holds a question.

``on_page_markdown``
    On the "Call and ask" page, replaces ``<!-- call-list -->`` with every
    question, grouped by phase, each with its step and space to write the
    answer. On a guide page, adds each step's question at the end of the step,
    linked to the same question on that page.
"""

from __future__ import annotations

import importlib
import re
from types import ModuleType

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

MARKER = "<!-- call-list -->"
PAGE = "call-list"
STEP = re.compile(r"^## .*\{#([\w-]+)\}\s*$")


def engine(config: MkDocsConfig) -> tuple[ModuleType, ModuleType]:
    """``checklist.calls`` and ``checklist.titles``, from the project folder."""
    languages.locales(config)  # puts the project folder on sys.path
    return importlib.import_module("checklist.calls"), importlib.import_module("checklist.titles")


def page_markdown(config: MkDocsConfig, lang: str) -> str:
    """Every question, grouped by phase, with its step linked and room for the answer."""
    calls, titles = engine(config)
    words = languages.table(config, "calls")
    parts: list[str] = []
    phase = None
    for call in calls.call_list(lang):
        if call["phase"] != phase:
            phase = call["phase"]
            title = titles.phase_title(phase, lang)
            parts.append(f"## {title} {{#call-list-{phase}}}\n")
        page, anchor = call["href"].split("#")
        link = f"{page.rstrip('/')}.md#{anchor}"
        parts.append(
            f"### {call['ask']} {{#ask-{call['id']}}}\n\n"
            f"{words['step']} [{call['action']}]({link})\n\n"
            f'<p class="call-list__answer">{words["answer"]}</p>\n'
            f'<p class="call-list__answer call-list__answer--short">{words["record"]}</p>\n'
        )
    return "\n".join(parts)


def with_step_questions(markdown: str, config: MkDocsConfig, lang: str) -> str:
    """A guide page with each step's question added at the end of the step."""
    calls, _ = engine(config)
    asks = {call["id"]: call["ask"] for call in calls.call_list(lang)}
    words = languages.table(config, "calls")
    out: list[str] = []
    step = None

    def close() -> None:
        if step in asks:
            line = words["under_step"].format(question=asks[step])
            out.extend(
                [f"{line} [{words['see_all']}](../{PAGE}.md#ask-{step})", "{: .step-ask }", ""]
            )

    for line in markdown.split("\n"):
        match = STEP.match(line)
        if match or line.strip() == "---":
            close()
            step = match.group(1) if match else None
        out.append(line)
    close()
    return "\n".join(out)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = languages.building(config)
    name = page.file.src_uri
    if name.startswith(f"{PAGE}."):
        if MARKER not in markdown:
            raise PluginError(f"{name}: the call list needs the line {MARKER}")
        return markdown.replace(MARKER, page_markdown(config, lang))
    if name.startswith("guide/"):
        return with_step_questions(markdown, config, lang)
    return markdown
