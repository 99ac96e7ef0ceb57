"""The build's record of the guide's steps (``guide_steps``), shared by the hooks
that write the ``go/`` map (``step_links``) and the support page's table
(``support_page``), and the copy-link holders (``link_holders``)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink

from tests import hook_modules


def anchor(title: str, id: str, level: int, *children: AnchorLink) -> AnchorLink:
    link = AnchorLink(title, id, level)
    link.children = list(children)
    return link


def page(src: str, *toc: AnchorLink) -> SimpleNamespace:
    return SimpleNamespace(toc=list(toc), file=SimpleNamespace(src_uri=src))


APPLY = page(
    "guide/apply.zh.md",
    anchor("申请", "apply", 1, anchor("联系", "contact", 2, anchor("细节", "detail", 3))),
)


def test_a_page_records_its_phase_and_steps_but_not_smaller_headings() -> None:
    steps = hook_modules.load("guide_steps")
    steps.start("zh")
    steps.record("zh", "guide/apply/", APPLY)
    assert steps.STEPS["zh"] == {
        "apply": ("guide/apply/", "申请"),
        "contact": ("guide/apply/", "联系"),
    }


def test_a_step_id_used_twice_fails_the_build_naming_the_page() -> None:
    steps = hook_modules.load("guide_steps")
    steps.start("zh")
    steps.record("zh", "guide/apply/", APPLY)
    again = page("guide/settle.zh.md", anchor("结算", "settle", 1, anchor("联系", "contact", 2)))
    with pytest.raises(PluginError, match=r"guide/settle\.zh\.md: step id 'contact' is used twice"):
        steps.record("zh", "guide/settle/", again)


def test_a_new_build_of_a_language_starts_its_record_afresh() -> None:
    steps = hook_modules.load("guide_steps")
    steps.start("en")
    steps.record("en", "guide/apply/", APPLY)
    steps.start("en")
    assert steps.STEPS["en"] == {}
    steps.record("en", "guide/apply/", APPLY)  # a rebuild (mkdocs serve) is no duplicate


@pytest.mark.parametrize("alias", [{"Old": "new-step"}, {"old": "new step"}, {"old": ""}])
def test_an_alias_that_is_not_two_step_ids_fails_before_the_build(alias: dict) -> None:
    links = hook_modules.load("step_links")
    with pytest.raises(PluginError, match="must map an old step id"):
        links.on_config(SimpleNamespace(extra={"step_aliases": alias}))


def test_each_phase_and_step_heading_gets_one_holder_and_other_headings_none() -> None:
    holders = hook_modules.load("link_holders")
    html = '<h1 id="apply">申请</h1><p>x</p><h2 id="contact">联系</h2><h3 id="detail">细节</h3>'
    assert holders.with_link_holders(html) == (
        '<h1 id="apply">申请</h1><div class="step-link"></div><p>x</p>'
        '<h2 id="contact">联系</h2><div class="step-link"></div><h3 id="detail">细节</h3>'
    )


def test_the_map_and_the_support_table_read_one_record() -> None:
    """MkDocs loads each hook as a module of its own: the record is shared only
    because both import the one ``guide_steps`` module beside them."""
    links = hook_modules.load("step_links")
    support = hook_modules.load("support_page")
    assert links.guide_steps is support.guide_steps
    assert links.STEPS is links.guide_steps.STEPS
