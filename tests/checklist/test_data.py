"""items.toml and the locale files: the contract with the guide, and complete texts."""

import json
import re
import string

import pytest
from scenario_results import ROOT

import checklist
from checklist import VERDICTS, catalogue, locales
from checklist.conditions import CONDITIONS
from checklist.data import (
    CATALOGUE,
    HISTORY,
    ITEMS,
    LANGS,
    LIMITS,
    PHASES,
    QUESTIONS,
    RULES,
    STRINGS,
)
from tests.guide_ids import BLOCKING
from tests.guide_ids import LANGS as GUIDE_LANGS
from tests.guide_ids import PHASES as GUIDE

QUESTION_OPTIONS = {
    "registered_as": ["person", "business"],
    "device_must_return": ["yes", "no", "unsure"],
    "paid_deposit": ["yes", "no", "unsure"],
    "closing_business": ["yes", "no"],
    "close_bank_account": ["yes", "unsure", "no"],
}
GUIDE_DOCS = ROOT / "docs" / "guide"
CODE = sorted((ROOT / "checklist").glob("*.py"))
STEP_HEADING = re.compile(r"^## .*\{[^}]*#([\w-]+)[^}]*\}\s*$", re.MULTILINE)


def entry_id(entry: dict) -> str:
    return entry.get("key") or entry["id"]


def texts(entry: dict) -> list[dict]:
    """The bilingual texts of a question, option, phase or item."""
    found = [entry[key] for key in ("label", "hint", "title", "action") if key in entry]
    for option in entry.get("options", []):
        found += [option[key] for key in ("label", "hint") if key in option]
    return found


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


@pytest.mark.parametrize("lang", GUIDE_LANGS)
def test_phase_titles_are_the_guide_s_phase_headings(lang):
    """The checklist and the printout name each phase as the guide's heading does."""
    summary = checklist.summary(
        {"answers": {"registered_as": "person", "close_bank_account": "yes"}}, lang
    )
    titles = {phase["id"]: phase["title"] for phase in summary["phases"]}
    titles |= {phase["id"]: phase["title"] for phase in summary["phases_not_applying"]}
    for phase in GUIDE:
        text = (GUIDE_DOCS / f"{phase}.{lang}.md").read_text(encoding="utf-8")
        heading = re.search(r"^# (.+?) \{#", text, re.M).group(1)
        assert titles[phase] == heading


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
    used += [change.get("when", "always") for changes in HISTORY.values() for change in changes]
    assert set(used) <= set(CONDITIONS)
    assert set(CONDITIONS) == set(used)


def test_the_items_the_verdict_relies_on_always_apply():
    for item in (RULES["submitted"], "closure-confirmed"):
        assert ITEMS[item]["applies"] == "always"
        assert PHASES[ITEMS[item]["phase"]]["applies"] == "always"


def test_the_catalogue_has_exactly_the_agreed_keys():
    assert list(CATALOGUE) == ["page", "rules", "limits", "questions", "phases", "items"]
    assert set(CATALOGUE["rules"]) == {"submitted", "apply_phase", "order"}
    for question in CATALOGUE["questions"]:
        assert set(question) == {"key", "ask_when", "label", "hint", "options"}
        for option in question["options"]:
            assert set(option) in ({"value", "label"}, {"value", "label", "hint"})
    for number, phase in enumerate(CATALOGUE["phases"], start=1):
        assert set(phase) == {"id", "number", "applies", "title", "page"}
        assert phase["number"] == number
    for item in CATALOGUE["items"]:
        # `ask`: the question for the call list, only for the steps that need one.
        assert set(item) - {"ask"} == {
            "id",
            "phase",
            "blocks",
            "applies",
            "action",
            "label",
            "hint",
        }
        assert isinstance(item["blocks"], bool)
        assert set(item.get("ask", LANGS)) == set(LANGS)


def test_the_rules_name_items_and_phases_that_exist():
    assert RULES["submitted"] in ITEMS
    assert RULES["apply_phase"] in PHASES
    for rule in RULES["order"]:
        assert rule["later"] in ITEMS
        assert set(rule["earlier"]) <= set(ITEMS)
        assert rule["code"] in STRINGS["problems"]
        assert STRINGS["problems"][rule["code"]]["level"] == "warning"
        # Each earlier step comes before the later one in the guide.
        order = list(ITEMS)
        assert all(order.index(step) < order.index(rule["later"]) for step in rule["earlier"])


def test_the_order_rules_the_guide_asks_for():
    rules = {(rule["later"], earlier) for rule in RULES["order"] for earlier in rule["earlier"]}
    money = ["balance-settled", "refunds-received", "deposit-refunded", "closure-confirmed"]
    assert rules == {
        ("device-wiped", "records-exported"),
        # The terminal goes back only once exported and wiped.
        ("device-returned", "records-exported"),
        ("device-returned", "device-wiped"),
        # Unlinking may cut off the app: both exports, the refunds and the deposit first.
        ("linked-services-unbound", "records-exported"),
        ("linked-services-unbound", "records-exported-again"),
        ("linked-services-unbound", "refunds-received"),
        ("linked-services-unbound", "deposit-refunded"),
        # The account receives money until the follow-up after the closure is done.
        *(("bank-account-closed", step) for step in [*money, "follow-up-done"]),
    }


def step_ids_written(sources: dict[str, str]) -> dict[str, list[str]]:
    """``{step id: [file names]}`` for every step id written in one of ``sources``."""
    found = {step: [name for name, text in sources.items() if step in text] for step in ITEMS}
    return {step: names for step, names in found.items() if names}


def test_no_step_id_is_written_in_the_engine_s_python():
    sources = {path.name: path.read_text(encoding="utf-8") for path in CODE}
    assert step_ids_written(sources) == {}, "rules belong in items.toml"


def test_the_step_id_check_reads_every_module_and_would_catch_one():
    assert {path.name for path in CODE} >= {"rules.py", "summary.py", "validate.py", "checking.py"}
    rules = (ROOT / "checklist" / "rules.py").read_text(encoding="utf-8")
    step = next(iter(ITEMS))
    planted = rules.replace('RULES["submitted"]', repr(step), 1)
    assert planted != rules
    assert step_ids_written({"rules.py": planted}) == {step: ["rules.py"]}


def test_every_limit_is_a_positive_whole_number():
    assert all(isinstance(value, int) and value > 0 for value in LIMITS.values())


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


@pytest.mark.parametrize(
    "entry",
    [*CATALOGUE["questions"], *CATALOGUE["phases"], *CATALOGUE["items"]],
    ids=entry_id,
)
def test_the_voice_is_the_project_s(entry):
    for text in texts(entry):
        assert "您" not in text["zh"]
        assert "unbind" not in text["en"].lower() and "unbound" not in text["en"].lower()
        if "签购单" in text["zh"]:
            assert "card slips" in text["en"]


def test_the_bank_question_never_says_it_is_up_to_the_merchant():
    question = QUESTIONS["close_bank_account"]
    words = " ".join(text[lang] for text in texts(question) for lang in ("zh", "en"))
    assert "由你决定" not in words and "your choice" not in words
    assert "银行" in question["hint"]["zh"] and "bank" in question["hint"]["en"]


def test_every_item_s_action_is_an_instruction_apart_from_its_label():
    for item in CATALOGUE["items"]:
        assert item["action"]["zh"] != item["label"]["zh"] or item["id"] == "support-contacted"
        assert not item["action"]["zh"].startswith("已")
        assert not item["action"]["en"].startswith(("I have", "The "))


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


PLACEHOLDERS = {"field", "item", "key", "limit", "position", "expected", "length"}


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
