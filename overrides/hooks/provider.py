"""Fill provider details into the guide's Markdown.

The provider's name, hotline, website and app name live in one place,
``extra.provider`` in ``mkdocs.yml``; pages write ``{{ provider.hotline }}``
and friends. The source article gives no hotline, website or app name, so an
empty value renders as a short phrase telling the merchant where to find it
instead of a made-up number.
"""

from __future__ import annotations

import re

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

FIELDS = ("name", "reading", "hotline", "website", "app")
# Shown in place of an empty detail: where to find it ([provider] in the strings).
WHERE = ("hotline", "website", "app")

PLACEHOLDER = re.compile(r"\{\{\s*provider\.(\w+)\s*\}\}")


def render(field: str, provider: dict[str, str], where: dict[str, str], default: bool) -> str:
    """One placeholder's replacement text; ``default``: a page in the default language.

    Elsewhere a Chinese value is marked ``lang="zh"`` and the name is followed
    by its reading (``extra.provider.reading``), so a screen reader says it right
    and a reader who cannot read it can still say it.
    """
    value = (provider.get(field) or "").strip()
    if not value:
        return where[field] if field in WHERE else ""
    if field == "website":
        return f"<{value}>"
    if not default and re.search(r"[\u3400-\u9fff]", value):
        reading = (provider.get("reading") or "").strip() if field == "name" else ""
        marked = f'<span lang="zh">{value}</span>'
        return f"{marked} ({reading})" if reading else marked
    return value


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Refuse a misspelt or missing provider block early, with the fix."""
    provider = config.extra.get("provider")
    if not isinstance(provider, dict) or not str(provider.get("name") or "").strip():
        raise PluginError(
            "mkdocs.yml: extra.provider.name is required (e.g. `name: 卡拉卡`); "
            "reading, hotline, website and app may be empty strings."
        )
    unknown = sorted(set(provider) - set(FIELDS))
    if unknown:
        raise PluginError(f"mkdocs.yml: unknown extra.provider keys {unknown}; use {FIELDS}.")
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace ``{{ provider.x }}``; an unknown field fails the build."""
    provider = config.extra["provider"]
    lang = languages.building(config)
    default = lang == next(iter(languages.roots(config)))
    where = languages.table(config, "provider")

    def replace(match: re.Match[str]) -> str:
        field = match.group(1)
        if field not in FIELDS:
            raise PluginError(f"{page.file.src_uri}: unknown placeholder provider.{field}")
        return render(field, provider, where, default)

    return PLACEHOLDER.sub(replace, markdown)
