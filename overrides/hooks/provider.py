"""Fill provider details into the guide's Markdown.

The provider's name, hotline, website and app name live in one place,
``extra.provider`` in ``mkdocs.yml``; pages write ``{{ provider.hotline }}``
and friends. The source article gives no hotline, website or app name, so an
empty value renders as a short phrase telling the merchant where to find it
instead of a made-up number.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

FIELDS = ("name", "hotline", "website", "app")

# What a page says when a detail is not configured, per language.
WHERE_TO_FIND = {
    "zh": {
        "hotline": "客服电话写在合同和 POS 机机身的贴纸上",
        "website": "官方网址以合同或官方 App 中写明的为准",
        "app": "官方商户 App（名称见合同或机身贴纸）",
    },
    "en": {
        "hotline": "the customer-service number is printed in your contract and on the "
        "sticker on the terminal",
        "website": "use the official website named in your contract or in the official app",
        "app": "the official merchant app (its name is in your contract or on the "
        "terminal's sticker)",
    },
}

PLACEHOLDER = re.compile(r"\{\{\s*provider\.(\w+)\s*\}\}")


def page_language(page: Page) -> str:
    """The page's language, from the suffix layout (``page.en.md``)."""
    return "en" if page.file.src_uri.endswith(".en.md") else "zh"


def render(field: str, provider: dict[str, str], lang: str) -> str:
    """One placeholder's replacement text for a page in ``lang``."""
    value = (provider.get(field) or "").strip()
    if not value:
        return WHERE_TO_FIND[lang][field]
    if field == "website":
        return f"<{value}>"
    if lang == "en" and re.search(r"[\u3400-\u9fff]", value):
        return f'<span lang="zh">{value}</span>'
    return value


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Refuse a misspelt or missing provider block early, with the fix."""
    provider = config.extra.get("provider")
    if not isinstance(provider, dict) or not str(provider.get("name") or "").strip():
        raise PluginError(
            "mkdocs.yml: extra.provider.name is required (e.g. `name: 卡拉卡`); "
            "hotline, website and app may be empty strings."
        )
    unknown = sorted(set(provider) - set(FIELDS))
    if unknown:
        raise PluginError(f"mkdocs.yml: unknown extra.provider keys {unknown}; use {FIELDS}.")
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace ``{{ provider.x }}``; an unknown field fails the build."""
    provider = config.extra["provider"]
    lang = page_language(page)

    def replace(match: re.Match[str]) -> str:
        field = match.group(1)
        if field not in FIELDS:
            raise PluginError(f"{page.file.src_uri}: unknown placeholder provider.{field}")
        return render(field, provider, lang)

    return PLACEHOLDER.sub(replace, markdown)
