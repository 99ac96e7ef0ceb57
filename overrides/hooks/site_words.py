"""The site's own words in the language being built: name, footer, theme labels, menu.

Every string lives in ``checklist/locales/<lang>.toml`` (see ``languages.py``);
this hook puts the site-wide ones where MkDocs and Material look for them, once
per language build (mkdocs-static-i18n runs ``on_config`` for each language).

``on_config``
    Checks the strings files match the built languages, then sets
    ``site_name`` (from ``extra.provider``), ``site_description``,
    ``copyright``, the colour-scheme toggles' labels and the heading
    permalinks' title for the language being built.
``on_nav``
    Names the menu's sections: ``mkdocs.yml`` writes them as keys of the
    ``[nav]`` table.
``on_env``
    Gives every template (the 404 page included) the language roots, the
    ``[links]`` strings (``site_strings``) and the ``[site]`` ones
    (``site_labels``: the theme's labels, such as the search dialog's name).
"""

from __future__ import annotations

import languages  # beside this file; MkDocs puts it on sys.path while loading hooks
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section

TOGGLES = {"default": "site.to_dark", "slate": "site.to_light"}


# As late as mkdocs-static-i18n (-100), which runs first (plugins before hooks) and sets
# the language of this build.
@event_priority(-100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Site-wide words of the language being built."""
    languages.check(config)
    config.site_name = languages.t(config, "site.name", provider=languages.provider_name(config))
    config.site_description = languages.t(config, "site.description")
    config.copyright = languages.t(config, "site.copyright")
    for palette in config.theme.get("palette") or []:
        toggle = palette.get("toggle")
        if toggle is not None:
            toggle["name"] = languages.t(config, TOGGLES[palette.get("scheme", "default")])
    toc = config.mdx_configs.setdefault("toc", {})
    if toc.get("permalink"):
        toc["permalink_title"] = languages.t(config, "site.permalink")
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """Section titles from the ``[nav]`` strings (``mkdocs.yml`` names them by key)."""
    names = languages.table(config, "nav")
    for item in nav.items:
        if isinstance(item, Section) and item.title in names:
            item.title = names[item.title]
    return nav


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    """Language roots, link strings and the theme's labels for every template."""
    env.globals["language_roots"] = languages.roots(config)
    env.globals["site_strings"] = languages.table(config, "links")
    env.globals["site_labels"] = languages.table(config, "site")
    return env
