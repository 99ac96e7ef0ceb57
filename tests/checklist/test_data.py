"""items.toml and strings.toml: the contract with the guide, and complete texts."""

import json
import re
import string

import pytest
from scenario_results import ROOT

import checklist
from checklist import VERDICTS, catalogue, locales
from checklist.conditions import CONDITIONS
from checklist.data import CATALOGUE, ITEMS, LANGS, PHASES, QUESTIONS, STRINGS
from tests.guide_ids import BLOCKING
from tests.guide_ids import LANGS as GUIDE_LANGS
from tests.guide_ids import PHASES as GUIDE

QUESTION_OPTIONS = {
    "registered_as": ["person", "business"],
    "device_must_return": ["yes", "no", "unsure"],
    "paid_deposit": ["yes", "no", "unsure"],
    "closing_business": ["yes", "no"],
    "close_bank_account": ["yes", "no"],
}
GUIDE_DOCS = ROOT / "docs" / "guide"
STEP_HEADING = re.compile(r"^## .*\{[^}]*#([\w-]+)[^}]*\}\s*$", re.MULTILINE)


def entry_id(entry: dict) -> str:
    return entry.get("key") or entry["id"]


def texts(entry: dict) -> list[dict]:
    """The bilingual texts of a question, option, phase or item."""
    found = [entry[key] for key in ("label", "hint", "title") if key in entry]
    return found + [option["label"] for option in entry.get("options", [])]


def test_phases_and_items_are_the_guide_s_steps_in_order():
    assert list(PHASES) == list(GUIDE)
    assert [(item["phase"], item["id"]) for item in CATALOGUE["items"]] == [
        (phase, step) for phase, steps in GUIDE.items() for step in steps
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("phase", GUIDE)
def test_items_are_the_step_headings_of_the_written_guide(phase, lang):
    # The guide is written alongside; once docs/guide exists, every page must match.
    if not GUIDE_DOCS.is_dir():
        return
    page = GUIDE_DOCS / f"{phase}.{lang}.md"
    assert page.is_file(), f"{page} is missing"
    assert STEP_HEADING.findall(page.read_text(encoding="utf-8")) == list(GUIDE[phase])


def test_phase_pages_are_the_guide_pages():
    assert {phase: spec["page"] for phase, spec in PHASES.items()} == {
        phase: f"guide/{phase}/" for phase in GUIDE
    }


def test_blocking_items():
    assert {item for item, spec in ITEMS.items() if spec["blocks"]} == set(BLOCKING)


def test_questions_and_their_options():
    assert {
        key: [option["value"] for option in spec["options"]] for key, spec in QUESTIONS.items()
    } == QUESTION_OPTIONS


def test_every_condition_name_resolves_and_every_condition_is_used():
    used = [question["ask_when"] for question in CATALOGUE["questions"]]
    used += [phase["applies"] for phase in CATALOGUE["phases"]]
    used += [item["applies"] for item in CATALOGUE["items"]]
    assert set(used) <= set(CONDITIONS)
    assert set(CONDITIONS) == set(used)


def test_the_items_the_verdict_relies_on_always_apply():
    for item in ("application-submitted", "closure-confirmed"):
        assert ITEMS[item]["applies"] == "always"
        assert PHASES[ITEMS[item]["phase"]]["applies"] == "always"


def test_the_catalogue_has_exactly_the_agreed_keys():
    assert list(CATALOGUE) == ["questions", "phases", "items"]
    for question in CATALOGUE["questions"]:
        assert set(question) == {"key", "ask_when", "label", "hint", "options"}
    for phase in CATALOGUE["phases"]:
        assert set(phase) == {"id", "applies", "title", "page"}
    for item in CATALOGUE["items"]:
        assert set(item) == {"id", "phase", "blocks", "applies", "label", "hint"}
        assert isinstance(item["blocks"], bool)


@pytest.mark.parametrize(
    "entry",
    [*CATALOGUE["questions"], *CATALOGUE["phases"], *CATALOGUE["items"]],
    ids=entry_id,
)
def test_every_text_is_in_both_languages_and_invents_no_numbers(entry):
    for text in texts(entry):
        assert set(text) == {"zh", "en"}
        assert all(text[lang].strip() == text[lang] != "" for lang in text)
        # No phone numbers, fees, periods or amounts: the source gives none.
        assert not any(char.isdigit() for char in text["zh"] + text["en"])


@pytest.mark.parametrize("entry", [*CATALOGUE["questions"], *CATALOGUE["items"]], ids=entry_id)
def test_hints_are_one_short_sentence(entry):
    hint = entry["hint"]
    assert hint["zh"].endswith("。") and hint["zh"].count("。") == 1
    assert hint["en"].endswith(".") and ". " not in hint["en"]
    assert len(hint["zh"]) <= 40 and len(hint["en"]) <= 120


def test_catalogue_is_a_json_ready_fresh_copy():
    first = catalogue()
    assert first == CATALOGUE
    assert json.loads(json.dumps(first)) == first
    first["items"].clear()
    assert catalogue()["items"] == CATALOGUE["items"]


def test_the_engine_speaks_the_site_s_languages_default_first():
    assert LANGS == GUIDE_LANGS


def test_every_language_file_has_the_same_keys_and_no_empty_string():
    assert locales.missing(LANGS) == set()
    for lang in LANGS:
        every = locales.strings(lang)
        for key in locales.keys(every):
            assert locales.t(lang, key).strip(), (lang, key)


def test_t_reads_dotted_keys_and_fills_values():
    assert locales.t("en", "links.copy_link_label", title="X") == "Copy link to this step: X"
    assert locales.table("zh", "nav")["guide"] == "指南"


def bilingual(table: dict) -> bool:
    return all(set(text) >= {"zh", "en"} and text["zh"] and text["en"] for text in table.values())


def test_every_verdict_status_and_label_has_words_in_both_languages():
    assert list(STRINGS["verdicts"]) == list(VERDICTS)
    assert set(STRINGS["status"]) == {"done", "required", "todo"}
    for table in ("verdicts", "status", "labels", "fields", "keyed_fields"):
        assert bilingual(STRINGS[table]), table
    assert bilingual({"title": STRINGS["title"]})


PLACEHOLDERS = {"field", "item", "key", "limit"}


@pytest.mark.parametrize("code", STRINGS["problems"])
def test_every_problem_code_has_a_level_and_messages(code):
    spec = STRINGS["problems"][code]
    assert spec["level"] in ("error", "warning")
    for lang in LANGS:
        names = {name for _, name, _, _ in string.Formatter().parse(spec[lang]) if name}
        assert names <= PLACEHOLDERS
        assert spec[lang].endswith(("。", "."))


def test_the_package_docstring_lists_every_problem_code():
    for code in STRINGS["problems"]:
        assert f"``{code}``" in checklist.__doc__
