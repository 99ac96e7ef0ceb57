"""Problem dicts, field labels and the cap."""

import pytest

from checklist.problems import MAX_PROBLEMS, capped, field_label, path, problem, shown


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("done", "done"),
        ("x" * 40, "x" * 40),
        ("x" * 41, "x" * 40 + "…"),
        (7, "<int>"),
        (None, "<NoneType>"),
    ],
)
def test_shown(key, text):
    assert shown(key) == text


def test_path():
    assert path("answers", "paid_deposit") == "answers.paid_deposit"
    assert path("done", 3) == "done.<int>"


@pytest.mark.parametrize(
    ("field", "zh", "en"),
    [
        ("", "保存的数据", "saved data"),
        ("merchant.merchant_id", "商户号", "merchant number"),
        ("answers.paid_deposit", "“领机器时交过押金吗？”的回答",
         "answer to “Did you pay a deposit for the terminal?”"),
        ("done.tax-paid", "“应缴税款已全部缴清”的勾选", "tick for “All tax owed has been paid”"),
        ("done.7", "勾选记录", "ticks"),  # a schema-1 list entry
        ("answers.colour", "回答", "answers"),
        ("merchant.phone", "商户信息", "merchant details"),
        ("colour", "保存的数据", "saved data"),
    ],
)  # fmt: skip
def test_field_label(field, zh, en):
    assert (field_label(field, "zh"), field_label(field, "en")) == (zh, en)


def test_problem_about_a_field():
    assert problem("too_long", field="notes", limit=2000) == {
        "field": "notes",
        "code": "too_long",
        "level": "error",
        "message": {
            "zh": "备注最多 2000 个字，超出的部分已删去。",
            "en": "The notes can be at most 2000 characters; the rest was removed.",
        },
    }


def test_problem_about_an_item():
    found = problem("not_applicable", item="deposit-refunded")
    assert found["item"] == "deposit-refunded" and "field" not in found
    assert found["level"] == "warning"
    assert found["message"]["zh"].startswith("“押金已退还”")


def test_capped():
    few = [problem("wrong_type")] * MAX_PROBLEMS
    assert capped(few) is few
    many = capped([*few, problem("wrong_type")])
    assert len(many) == MAX_PROBLEMS + 1
    assert many[-1]["code"] == "too_many_problems"
