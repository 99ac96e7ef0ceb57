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

import importlib
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pyodide_assets  # beside this file; MkDocs puts it on sys.path while loading hooks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

TEMPLATE = "checklist.html"
LANGUAGES = ("zh", "en")
# Where a language's pages live, relative to the site root (suffix layout).
LANGUAGE_ROOT = {"zh": "", "en": "en/"}
# How long the page waits for Pyodide before saying it failed. A blocked wasm
# file or a wrong MIME type makes loadPyodide() hang forever.
TIMEOUT_MS = 30_000

# Every string the checklist shows, in both languages. The template renders
# them and hands them to the JavaScript in one JSON block; `{name}` marks a
# value filled in by the page.
STRINGS: dict[str, dict[str, str]] = {
    "zh": {
        "intro_saved": "进度只保存在这台设备的浏览器里，不会上传到任何地方。",
        "noscript": "这个页面需要 JavaScript 才能保存进度和给出结论。"
        "您仍然可以阅读这份清单，也可以打印出来手写勾选。",
        "status_heading": "您的进度",
        "engine_loading": "正在加载检查程序，约 {mb} MB……",
        "engine_loading_hint": "加载时可以照常勾选和填写，每一处修改都会立刻保存。",
        "engine_failed": "检查程序没能加载，暂时无法给出结论。"
        "您的勾选和填写仍然会保存，清单照常可用；稍后刷新页面再试。",
        "engine_error": "检查程序出错了，结论可能没有更新。您的修改已保存。",
        "progress": "已完成 {done} / {total} 项",
        "blockers_heading": "申请前必须完成",
        "next_heading": "下一步",
        "nothing_next": "所有事项都已完成。",
        "problems_heading": "请检查",
        "error_prefix": "错误：",
        "questions_heading": "您的情况",
        "questions_intro": "回答这几个问题，清单只显示和您有关的事项。",
        "merchant_heading": "商户信息",
        "merchant_name_label": "商户名称",
        "merchant_name_hint": "和合同上写的一致。",
        "merchant_id_label": "商户号",
        "merchant_id_hint": "15 位字母或数字，印在签购单和合同上。",
        "terminal_id_label": "终端号",
        "terminal_id_hint": "8 位字母或数字，印在签购单上和机身的贴纸上。",
        "tasks_heading": "要做的事",
        "tasks_intro": "做完一项就勾选一项。点“怎么做”查看指南里的具体步骤。",
        "phase_progress": "{done} / {total} 项已完成",
        "status_done": "已完成",
        "status_todo": "未完成",
        "blocks_tag": "申请前必须完成",
        "guide_link": "怎么做",
        "notes_heading": "备注",
        "notes_label": "备注",
        "notes_hint": "例如：客服工单号、约好的回收时间、联系过的人。",
        "tools_heading": "打印和备份",
        "mask_label": "打印时隐藏商户号和终端号的中间几位",
        "print": "打印摘要",
        "export": "导出进度",
        "export_hint": "把进度下载成一个文件，换设备或清理浏览器前备份。",
        "import_label": "导入进度",
        "import_hint": "选择以前导出的 .json 文件。",
        "reset": "重新开始",
        "reset_title": "清空全部进度？",
        "reset_body": "问题的回答、勾选、编号和备注都会被清空，无法恢复。需要的话，先导出一份。",
        "reset_confirm": "清空，重新开始",
        "reset_cancel": "取消",
        "reset_done": "已清空，清单从头开始。",
        "dismiss": "关闭提示",
        "notice_corrupt": "保存的进度已损坏，读不出来。原内容已另外保存了一份，没有删除，"
        "可以下载下来。清单从空白开始。",
        "download_corrupt": "下载损坏的内容",
        "notice_unavailable": "这个浏览器不允许保存（可能开启了无痕模式或禁用了存储）。"
        "页面照常可用，但关闭后进度会丢失；可以用“导出进度”备份。",
        "notice_quota": "浏览器的存储空间已满，最近的修改没有保存。页面照常可用；"
        "可以用“导出进度”备份，或清理浏览器数据后再试。",
        "notice_newer": "保存的进度来自这份清单的新版本，这个页面读不了。"
        "原来的进度没有改动；这里的修改不会保存。请刷新页面，使用最新版本。",
        "notice_migrating": "正在升级以前保存的进度，请稍候……",
        "notice_migrated": "以前保存的进度已升级到新版本。",
        "notice_migrate_failed": "以前保存的进度需要检查程序才能升级，但它没能加载。"
        "原来的进度没有改动；这里的修改暂不保存。",
        "import_done": "已导入进度。",
        "import_not_json": "这个文件不是导出的进度文件，没有做任何更改。",
        "import_rejected": "无法导入：{reason} 没有做任何更改。",
        "import_needs_engine": "导入需要检查程序，但它没能加载。没有做任何更改。",
        "import_too_new": "这个文件来自这份清单的新版本，这个页面读不了。没有做任何更改。",
        "deeplink_unknown": "清单里没有“{id}”这一项，链接可能已经过期。下面是完整的清单。",
        "deeplink_not_applicable": "根据您的回答，“{label}”这一项不适用于您。",
        "summary_phases": "各阶段进度",
        "summary_source": "打印自：{url}",
        "summary_progress": "{label}：已完成 {done} / {total} 项",
        "summary_none": "无",
        "summary_blank": "（未填写）",
        "bar_details": "看详情",
        "bar_print": "打印",
        "bar_progress": "{done}/{total} 项",
        "short_needs_answers": "先回答问题",
        "short_not_ready": "还不能申请",
        "short_ready_to_apply": "可以申请了",
        "short_in_progress": "已申请，办理中",
        "short_closed": "已销户",
        "answer_next": "回答：{question}",
        "phase_title": "第{number}阶段：{title}",
        "phase_numerals": "一 二 三 四 五 六 七 八 九 十",
        "phase_not_applicable": "根据你的回答，这一阶段不适用于你。",
        "status_na": "不适用",
        "summary_printed": "打印时间：{time}",
        "summary_disclaimer": "这是你自己记录的销户清单，"
        "不是服务商、银行或任何部门出具的正式文件。",
        "summary_links": "事项后面的 go/#… 是指南里对应步骤的链接，完整地址为 {url}go/#…",
        "summary_col_task": "事项",
        "summary_col_state": "状态",
        "summary_col_priority": "优先级",
    },
    "en": {
        "intro_saved": "Your progress is saved only in this browser on this device. "
        "It is never uploaded.",
        "noscript": "This page needs JavaScript to save your progress and give a verdict. "
        "You can still read the checklist, and print it to tick by hand.",
        "status_heading": "Where you are",
        "engine_loading": "Loading the checker, about {mb} MB…",
        "engine_loading_hint": "You can keep answering and ticking while it loads: "
        "every change is saved at once.",
        "engine_failed": "The checker could not load, so no verdict can be shown for now. "
        "Your answers and ticks are still saved and the checklist still works; "
        "reload the page later to try again.",
        "engine_error": "The checker hit an error, so the verdict may be out of date. "
        "Your changes are saved.",
        "progress": "{done} of {total} tasks completed",
        "blockers_heading": "Required before applying",
        "next_heading": "Next step",
        "nothing_next": "Every task is complete.",
        "problems_heading": "Check these",
        "error_prefix": "Error: ",
        "questions_heading": "About you",
        "questions_intro": "Answer these questions and the checklist shows only "
        "the tasks that apply to you.",
        "merchant_heading": "Your merchant details",
        "merchant_name_label": "Business name",
        "merchant_name_hint": "As written in your contract.",
        "merchant_id_label": "Merchant number",
        "merchant_id_hint": "15 letters or digits, printed on receipts and in your contract.",
        "terminal_id_label": "Terminal number",
        "terminal_id_hint": "8 letters or digits, printed on receipts and on the "
        "terminal's sticker.",
        "tasks_heading": "What to do",
        "tasks_intro": "Tick each task when it is done. “How to do this” opens "
        "the step in the guide.",
        "phase_progress": "{done} of {total} completed",
        "status_done": "Done",
        "status_todo": "Not done",
        "blocks_tag": "Required before applying",
        "guide_link": "How to do this",
        "notes_heading": "Notes",
        "notes_label": "Notes",
        "notes_hint": "For example: a case number, the date the terminal will be "
        "collected, who you spoke to.",
        "tools_heading": "Print and back up",
        "mask_label": "Hide the middle of the merchant and terminal numbers when printing",
        "print": "Print summary",
        "export": "Export progress",
        "export_hint": "Download your progress as a file, to keep a copy or move "
        "to another device.",
        "import_label": "Import progress",
        "import_hint": "Choose a .json file you exported before.",
        "reset": "Start again",
        "reset_title": "Clear all your progress?",
        "reset_body": "Your answers, ticks, numbers and notes will all be cleared. "
        "This cannot be undone. Export a copy first if you need one.",
        "reset_confirm": "Yes, clear everything",
        "reset_cancel": "Cancel",
        "reset_done": "Everything was cleared. The checklist starts again.",
        "dismiss": "Dismiss",
        "notice_corrupt": "Your saved progress was damaged and could not be read. "
        "A copy was kept aside (nothing was deleted) and you can download it. "
        "The checklist starts empty.",
        "download_corrupt": "Download the damaged data",
        "notice_unavailable": "This browser does not allow saving (private browsing or "
        "storage turned off). The page still works, but your progress is lost when you "
        "close it: use “Export progress” to keep a copy.",
        "notice_quota": "This browser's storage is full, so your latest changes were not "
        "saved. The page still works: use “Export progress” to keep a copy, or free "
        "some space and try again.",
        "notice_newer": "Your saved progress comes from a newer version of this checklist, "
        "which this page cannot read. It was left untouched, and changes made here are "
        "not saved. Reload the page to get the latest version.",
        "notice_migrating": "Upgrading your saved progress, please wait…",
        "notice_migrated": "Your saved progress was upgraded to the new version.",
        "notice_migrate_failed": "Your saved progress needs the checker to be upgraded, "
        "but it could not load. Your saved progress was left untouched, and changes "
        "made here are not saved for now.",
        "import_done": "Progress imported.",
        "import_not_json": "This file is not an exported checklist. Nothing was changed.",
        "import_rejected": "This file cannot be imported: {reason} Nothing was changed.",
        "import_needs_engine": "Importing needs the checker, which could not load. "
        "Nothing was changed.",
        "import_too_new": "This file comes from a newer version of this checklist, which "
        "this page cannot read. Nothing was changed.",
        "deeplink_unknown": "There is no task “{id}” in the checklist; the link may be "
        "out of date. Here is the whole checklist.",
        "deeplink_not_applicable": "From your answers, “{label}” does not apply to you.",
        "summary_phases": "Progress by phase",
        "summary_source": "Printed from {url}",
        "summary_progress": "{label}: {done} of {total} tasks completed",
        "summary_none": "None",
        "summary_blank": "(not given)",
        "bar_details": "Details",
        "bar_print": "Print",
        "bar_progress": "{done} of {total} done",
        "short_needs_answers": "Answer the questions first",
        "short_not_ready": "Not ready to apply",
        "short_ready_to_apply": "Ready to apply",
        "short_in_progress": "Applied, in progress",
        "short_closed": "Closed",
        "answer_next": "Answer: {question}",
        "phase_title": "Phase {number}: {title}",
        "phase_numerals": "1 2 3 4 5 6 7 8 9 10",
        "phase_not_applicable": "From your answers, this phase does not apply to you.",
        "status_na": "Does not apply",
        "summary_printed": "Printed {time}",
        "summary_disclaimer": "This is your own checklist, not an official document "
        "from the provider, the bank or any authority.",
        "summary_links": "The go/#… after a task is its step in the guide, at {url}go/#…",
        "summary_col_task": "Task",
        "summary_col_state": "Status",
        "summary_col_priority": "Priority",
    },
}


class Engine:
    """The `checklist` package imported from the project, and what the page needs from it."""

    def __init__(self, root: Path, digest: str) -> None:
        self.root = root
        self.digest = digest
        self.module = import_engine(root)
        try:
            self.catalogue = self.module.catalogue()
            self.new_state = self.module.new_state()
            self.schema = self.module.SCHEMA
        except Exception as error:
            raise PluginError(f"The checklist engine failed at build time: {error!r}") from error


ENGINE: Engine | None = None
BUNDLE: pyodide_assets.EngineBundle | None = None


def import_engine(root: Path) -> ModuleType:
    """Import (or re-import) the `checklist` package from the project folder."""
    for name in [
        name for name in sys.modules if name == "checklist" or name.startswith("checklist.")
    ]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        module = importlib.import_module("checklist")
    except Exception as error:
        raise PluginError(
            f"Could not import the checklist engine from {root}: {error!r}"
        ) from error
    finally:
        sys.path.remove(str(root))
    missing = [name for name in ("SCHEMA", "catalogue", "new_state") if not hasattr(module, name)]
    if missing:
        raise PluginError(f"The checklist engine in {root} lacks {missing}.")
    return module


def check_strings() -> None:
    """Both languages must define the same UI strings."""
    keys = {lang: set(strings) for lang, strings in STRINGS.items()}
    if keys["zh"] != keys["en"]:
        raise PluginError(
            f"Checklist UI strings differ between languages: {keys['zh'] ^ keys['en']}"
        )


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Prepare Pyodide and the engine once per build (cached between rebuilds)."""
    global ENGINE, BUNDLE
    check_strings()
    root = Path(config.config_file_path).resolve().parent
    BUNDLE = pyodide_assets.prepare(root)
    if ENGINE is None or ENGINE.root != root or ENGINE.digest != BUNDLE.digest:
        ENGINE = Engine(root, BUNDLE.digest)
    return config


def page_language(page: Page) -> str:
    """The page's language, from the suffix layout (``page.en.md``)."""
    return "en" if page.file.src_uri.endswith(".en.md") else "zh"


def localise(text: dict[str, str] | str | None, lang: str) -> str:
    """One language of a ``{zh, en}`` pair from the catalogue."""
    if isinstance(text, dict):
        return str(text.get(lang) or "")
    return str(text or "")


def phase_title(strings: dict[str, str], number: int, title: str) -> str:
    """A phase's title as the guide's heading writes it: "第六阶段：…" / "Phase 6: …"."""
    numerals = strings["phase_numerals"].split()
    numeral = numerals[number - 1] if 0 < number <= len(numerals) else str(number)
    return strings["phase_title"].format(number=numeral, title=title)


def view(engine: Engine, bundle: pyodide_assets.EngineBundle, page: Page, base_url: str) -> dict:
    """What the checklist template renders for one language."""
    lang = page_language(page)
    strings = STRINGS[lang]
    catalogue = engine.catalogue

    def link(target: str) -> str:
        """A site-root-relative target as a URL relative to this page."""
        path, _, fragment = target.partition("#")
        url = get_relative_url(LANGUAGE_ROOT[lang] + path, page.url)
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
    for position, phase in enumerate(catalogue["phases"], start=1):
        number = int(phase.get("number", position))
        tasks = [
            {
                "id": item["id"],
                "label": localise(item["label"], lang),
                "hint": localise(item.get("hint"), lang),
                "blocks": bool(item.get("blocks")),
                "href": link(f"{phase['page']}#{item['id']}"),
            }
            for item in catalogue["items"]
            if item["phase"] == phase["id"]
        ]
        phases.append(
            {
                "id": phase["id"],
                "number": number,
                "title": phase_title(strings, number, localise(phase["title"], lang)),
                "href": link(phase["page"]),
                "tasks": tasks,
            }
        )
    megabytes = math.ceil(bundle.download_bytes / 1_000_000)
    settings = {
        "lang": lang,
        "root": base_url,
        "languageRoot": LANGUAGE_ROOT[lang],
        "schema": engine.schema,
        "newState": engine.new_state,
        "items": [item["id"] for item in catalogue["items"]],
        "questions": [question["key"] for question in catalogue["questions"]],
        "phases": [
            {"id": phase["id"], "number": phase["number"], "title": phase["title"]}
            for phase in phases
        ],
        "pyodide": {
            "runtime": bundle.runtime_path,
            "lockFile": bundle.lock_path,
            "package": bundle.package,
            "megabytes": megabytes,
            "timeoutMs": TIMEOUT_MS,
        },
        "strings": strings,
    }
    return {
        "lang": lang,
        "strings": strings,
        "megabytes": megabytes,
        "questions": questions,
        "phases": phases,
        "settings": settings,
        "loading": strings["engine_loading"].replace("{mb}", str(megabytes)),
    }


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> dict:
    """Give the checklist template its data (other pages are left alone)."""
    if page.meta.get("template") != TEMPLATE:
        return context
    if ENGINE is None or BUNDLE is None:
        raise PluginError("checklist_page: on_config did not run before the checklist page.")
    context["checklist"] = view(ENGINE, BUNDLE, page, context["base_url"])
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
