"""Links support staff can trust: the step map, ``/go/`` and the support page.

Support agents send merchants links to single steps. A step may move to
another page or be renamed, so links go through ``go/#<step-id>``, which
looks the step up in ``steps.json``. That map is made here, at build time,
from the anchors MkDocs really rendered (the table of contents of each guide
page), so it cannot drift from the pages. Ids that were renamed or removed
stay resolvable through ``extra.step_aliases`` in ``mkdocs.yml``; an alias
that points nowhere fails the build.

mkdocs-static-i18n builds the default language first and then each other
language with the same hooks, so the map is kept per language and written
after every language build; the last build leaves the complete file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

GUIDE = "guide/"
START = "guide/before/"  # where an unknown step id lands
STEP_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEADING = re.compile(r"^#{1,2}\s+(?P<title>.+?)\s*\{#(?P<id>[a-z0-9-]+)\}\s*$", re.M)

# Words the site's own scripts and templates show, per language.
STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "footer_nav": "页脚链接",
        "privacy": "隐私说明",
        "support": "客服参考",
        "copy_link": "复制链接",
        "copy_link_label": "复制这一步的链接：{title}",
        "copied": "已复制",
        "copy_failed": "无法自动复制，请长按或选中下面的链接手动复制：",
        "missing_step": "链接里的步骤“{id}”已不存在，可能改了名或被删除。请从第一步开始查看，"
        "或在客服参考页按编号查找。",
        "go_failed": "暂时无法打开这一步。请在下面的列表中选择步骤。",
        "go_malformed": "这个链接不完整或已损坏，打不开其中的步骤。请在下面的列表中选择步骤，"
        "或请发链接的人重新复制一次。",
        "filter_label": "按编号或文字查找",
        "filter_none": "没有符合的步骤。",
        "filter_count": "显示 {shown} / {total} 行",
        "copy_go": "复制永久链接（按读者语言）",
        "copy_go_zh": "复制中文版链接",
        "copy_go_en": "复制英文版链接",
        "copy_page": "复制当前页面链接",
        "copy_checklist": "复制核对清单链接",
        "copied_what": "已复制：{url}",
        "code_heading": "查看商户的进度",
        "code_label": "进度码",
        "code_hint": "商户在核对清单页上看到的进度码，可以带空格或横线，大小写都行。"
        "进度码只含回答和勾选，不含商户号、姓名或备注。",
        "code_submit": "查看进度",
        "code_loading": "正在加载检查程序……",
        "code_failed": "检查程序没能加载，暂时无法读取进度码。请刷新页面后再试。",
        "code_steps": "适用的步骤",
        "code_done": "已完成",
        "code_todo": "未完成",
        "code_none": "没有",
    },
    "en": {
        "footer_nav": "Footer links",
        "privacy": "Privacy",
        "support": "Support reference",
        "copy_link": "Copy link",
        "copy_link_label": "Copy the link to this step: {title}",
        "copied": "Copied",
        "copy_failed": "Could not copy automatically. Select the link below and copy it:",
        "missing_step": "The step in your link, “{id}”, no longer exists: it may have been "
        "renamed or removed. Start from the first step, or look it up by id on the support "
        "reference page.",
        "go_failed": "This step could not be opened just now. Choose it from the list below.",
        "go_malformed": "This link is incomplete or damaged, so its step cannot be opened. "
        "Choose the step from the list below, or ask whoever sent it to copy it again.",
        "filter_label": "Find by id or words",
        "filter_none": "No step matches.",
        "filter_count": "Showing {shown} of {total} rows",
        "copy_go": "Copy permanent link (reader’s language)",
        "copy_go_zh": "Copy link to the Chinese page",
        "copy_go_en": "Copy link to the English page",
        "copy_page": "Copy current page link",
        "copy_checklist": "Copy checklist link",
        "copied_what": "Copied: {url}",
        "code_heading": "See a merchant’s progress",
        "code_label": "Progress code",
        "code_hint": "The progress code the merchant sees on the checklist page; spaces, dashes "
        "and lower case are fine. It holds only answers and ticks: no merchant number, "
        "name or notes.",
        "code_submit": "Show progress",
        "code_loading": "Loading the checker…",
        "code_failed": "The checker could not be loaded, so the code cannot be read just now. "
        "Reload the page and try again.",
        "code_steps": "Steps that apply",
        "code_done": "Done",
        "code_todo": "Not done",
        "code_none": "None",
    },
}

# {lang: {step id: (page url relative to the language root, title)}}, in guide order.
STEPS: dict[str, dict[str, tuple[str, str]]] = {}


def language(config: MkDocsConfig) -> str:
    """The language being built (mkdocs-static-i18n reconfigures the theme per language)."""
    return str(config.theme["language"])


def languages(config: MkDocsConfig) -> dict[str, str]:
    """Each built language and its root, relative to the site root: {"zh": "", "en": "en/"}."""
    i18n = config.plugins.get("i18n")
    roots = {}
    for lang in i18n.config.languages if i18n else []:
        if lang.build:
            roots[lang.locale] = "" if lang.default else f"{lang.locale}/"
    return roots or {language(config): ""}


def anchors(toc: list[AnchorLink]) -> list[AnchorLink]:
    """Phase (h1) and step (h2) anchors of one guide page, in page order."""
    found = []
    for item in toc:
        found.append(item)
        found.extend(child for child in item.children if child.level == 2)
    return found


def aliases(config: MkDocsConfig) -> dict[str, str]:
    return dict(config.extra.get("step_aliases") or {})


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Check the alias list's shape before anything is built."""
    for old, new in aliases(config).items():
        if not (STEP_ID.match(str(old)) and STEP_ID.match(str(new))):
            raise PluginError(
                f"mkdocs.yml extra.step_aliases: '{old}: {new}' must map an old step id "
                "to a current one, both lower-case words joined by hyphens."
            )
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    """Start this language's map afresh (``mkdocs serve`` rebuilds)."""
    STEPS[language(config)] = {}


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Record where each phase and step of a guide page is."""
    lang = language(config)
    root = languages(config).get(lang, "")
    url = page.url.removeprefix(root)
    if url.startswith(GUIDE):
        for anchor in anchors(page.toc):
            if anchor.id in STEPS[lang]:
                raise PluginError(f"{page.file.src_uri}: step id '{anchor.id}' is used twice")
            STEPS[lang][anchor.id] = (url, anchor.title)
    return html


def step_map(lang: str, config: MkDocsConfig) -> dict[str, Any]:
    """What ``go/`` needs for one language: step -> page link, aliases, start page."""
    steps = {step: f"{url}#{step}" for step, (url, _) in STEPS.get(lang, {}).items()}
    return {"steps": steps, "aliases": aliases(config), "start": START}


def titles(config: MkDocsConfig, lang: str) -> dict[str, str]:
    """Phase and step titles of one language, read from the guide's sources.

    Used by the support page, which shows both languages' titles while only
    its own language is being built.
    """
    found = {}
    for source in sorted(Path(config.docs_dir, GUIDE).glob(f"*.{lang}.md")):
        for match in HEADING.finditer(source.read_text(encoding="utf-8")):
            found[match["id"]] = match["title"]
    return found


def in_guide_order(config: MkDocsConfig, nav: Any) -> list[tuple[str, str, str]]:
    """(step id, page url, title) of the language being built, pages in menu order."""
    lang = language(config)
    root = languages(config).get(lang, "")
    rank = {page.url.removeprefix(root): i for i, page in enumerate(nav.pages)}
    steps = sorted(STEPS.get(lang, {}).items(), key=lambda kv: rank.get(kv[1][0], len(rank)))
    return [(step, url, title) for step, (url, title) in steps]


def support_rows(config: MkDocsConfig, nav: Any) -> list[dict[str, Any]]:
    """One row per phase and step, in guide order, for the support page."""
    other = {code: titles(config, code) for code in languages(config)}
    rows = []
    for step, url, title in in_guide_order(config, nav):
        rows.append(
            {
                "id": step,
                "phase": url.removeprefix(GUIDE).rstrip("/") == step,
                "titles": {code: other[code].get(step, title) for code in other},
                "page": f"{url}#{step}",
            }
        )
    return rows


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Language roots and UI strings for every template, the 404 page included."""
    env.globals["language_roots"] = languages(config)
    env.globals["site_strings"] = STRINGS.get(language(config), STRINGS["zh"])
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict:
    """Give the go and support templates the map of this language."""
    lang = language(config)
    context["step_map"] = step_map(lang, config)
    context["step_list"] = [
        {"id": step, "href": f"{url}#{step}", "title": title}
        for step, url, title in in_guide_order(config, nav)
    ]
    if page.meta.get("template") == "support.html":
        context["support_rows"] = support_rows(config, nav)
    return context


def on_post_build(config: MkDocsConfig) -> None:
    """Write ``steps.json`` (every language built so far) and check the aliases."""
    lang = language(config)
    current = STEPS.get(lang, {})
    for old, new in aliases(config).items():
        if old in current:
            raise PluginError(f"extra.step_aliases: '{old}' is still a step id; remove the alias")
        if new not in current:
            raise PluginError(f"extra.step_aliases: '{old}' points to unknown step '{new}'")
    roots = languages(config)
    data = {code: step_map(code, config) for code in roots if STEPS.get(code)}
    Path(config.site_dir, "steps.json").write_text(
        json.dumps({"languages": roots, "maps": data}, ensure_ascii=False, indent=1),
        encoding="utf-8",
    )
