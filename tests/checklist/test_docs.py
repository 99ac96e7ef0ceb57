"""The documented public API is the engine's ``__all__``: the table in
ARCHITECTURE.md and the list in the package's docstring name every public name,
and nothing else."""

import re

from scenario_results import ROOT

import checklist


def table_names(markdown: str, heading: str) -> set[str]:
    """The names in the first column of the table after the line ``heading``."""
    after = markdown.split(heading, 1)[1]
    rows = re.findall(
        r"^\| `([A-Za-z_]+)[(`]", after.split("\n\n|", 1)[-1].split("\n\n", 1)[0], re.M
    )
    return set(rows)


def test_architecture_md_lists_the_public_api_and_only_it() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert table_names(text, "The public API (`checklist.__all__`") == set(checklist.__all__)


def test_the_package_docstring_lists_the_public_api_and_only_it() -> None:
    doc = checklist.__doc__ or ""
    paragraph = doc.split("The API (``__all__``):", 1)[1].split("\n\n", 1)[0]
    assert set(re.findall(r"``([A-Za-z_]+)", paragraph)) == set(checklist.__all__)


def test_the_check_would_see_a_name_left_out() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    shorter = re.sub(r"^\| `decode_progress\(code\)` .*\n", "", text, flags=re.M)
    assert shorter != text
    names = table_names(shorter, "The public API (`checklist.__all__`")
    assert set(checklist.__all__) - names == {"decode_progress"}
