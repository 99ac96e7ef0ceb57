"""The boundary types (checklist/contract.py) say what the engine really returns,
and the page's types (types/engine.d.ts) are written from them."""

import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest
from scenario_results import load_scenarios, results

import checklist
from checklist import contract

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "engine_types.py"


def mismatches(value: object, hint: object, where: str = "") -> list[str]:
    """Where a JSON value does not have the shape ``hint`` says (empty: it has)."""
    if typing.is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{where}: not an object"]
        hints = typing.get_type_hints(hint)
        required = hint.__required_keys__  # type: ignore[attr-defined]
        found = [f"{where}.{key}: not in the type" for key in value if key not in hints]
        found += [f"{where}.{key}: missing" for key in required if key not in value]
        for key, sub in hints.items():
            if key in value:
                found += mismatches(value[key], sub, f"{where}.{key}")
        return found
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return [] if value in args else [f"{where}: {value!r} not one of {args}"]
    if origin in (typing.Union, types.UnionType):
        options = [mismatches(value, arg, where) for arg in args]
        return [] if any(not found for found in options) else min(options, key=len)
    if origin is list:
        if not isinstance(value, list):
            return [f"{where}: not a list"]
        return [
            wrong
            for i, entry in enumerate(value)
            for wrong in mismatches(entry, args[0], f"{where}.{i}")
        ]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{where}: not an object"]
        return [
            wrong
            for key, entry in value.items()
            for wrong in mismatches(entry, args[1], f"{where}.{key}")
        ]
    if hint is object:
        return []
    if hint is type(None):
        return [] if value is None else [f"{where}: not null"]
    if hint is int:
        ok = isinstance(value, int) and not isinstance(value, bool)
        return [] if ok else [f"{where}: not a whole number"]
    return [] if isinstance(value, hint) else [f"{where}: not {hint}"]  # type: ignore[arg-type]


CALLS = {
    "evaluate": contract.Evaluation,
    "check_zh": contract.CheckResult,
    "check_en_masked": contract.CheckResult,
    "summary_en": contract.Summary,
    "import": contract.ImportCheck,
}


@pytest.mark.parametrize("call", sorted(CALLS))
def test_every_scenario_s_result_has_the_contract_s_shape(call: str) -> None:
    for name, result in results(load_scenarios()).items():
        assert mismatches(result[call], CALLS[call], f"{name}:{call}") == []


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        (checklist.new_state(), contract.State),
        (checklist.catalogue(), contract.Catalogue),
        (checklist.migrate({"schema": 1, "done": ["x"]}), contract.Migrated),
        (checklist.migrate({"schema": 9}), contract.Migrated),
        (checklist.decode_progress(checklist.encode_progress({})), contract.Decoded),
        (checklist.decode_progress("U"), contract.Decoded),
        (checklist.check_import([], None), contract.ImportCheck),
    ],
)
def test_the_other_calls_have_the_contract_s_shape(value: object, hint: object) -> None:
    assert mismatches(value, hint) == []


def test_the_check_finds_a_renamed_field() -> None:
    renamed = {**checklist.new_state(), "note": ""}
    del renamed["notes"]  # type: ignore[misc]
    assert mismatches(renamed, contract.State) == [".note: not in the type", ".notes: missing"]


def test_the_page_s_types_are_written_from_the_contract() -> None:
    check = subprocess.run([sys.executable, SCRIPT, "--check"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_a_renamed_field_changes_the_page_s_types(monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import engine_types
    finally:
        sys.path.remove(str(SCRIPT.parent))
    before = engine_types.render()

    class Progress(typing.TypedDict):
        done: int
        count: int

    monkeypatch.setattr(contract, "Progress", Progress)
    after = engine_types.render()
    assert "  total: number;" in before
    assert "  count: number;" in after and "  total: number;" not in after.split("Progress {")[1]
