"""The worker's Python glue (checklist/worker.py, in the wheel): it exposes the
engine's public functions by name, so a function added to ``checklist.__all__``
needs no change in Python or JavaScript. The Pyodide tests run the same wheel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import checklist
from checklist import worker

ROOT = Path(__file__).resolve().parents[2]


def call(op: str, *args: object) -> object:
    return json.loads(worker.call(op, json.dumps(args)))


def test_every_public_function_is_an_op() -> None:
    state = checklist.new_state()
    assert call("new_state") == checklist.new_state()
    assert call("evaluate", state) == checklist.evaluate(state)
    assert call("migrate", {"schema": 1, "done": []}) == checklist.migrate(
        {"schema": 1, "done": []}
    )
    assert call("catalogue") == checklist.catalogue()


def test_check_gives_the_evaluation_and_the_summary_in_one_call() -> None:
    state = {**checklist.new_state(), "done": {"terminal-stopped": True}}
    result = call("check", state, "en", True)
    evaluation = checklist.evaluate(state)
    assert result == {
        "evaluation": evaluation,
        "summary": checklist.summary(evaluation["state"], "en", mask=True),
    }


def test_text_comes_back_as_written_not_escaped() -> None:
    assert "销户" in worker.call("catalogue", "[]")


def test_a_function_added_to_the_engine_needs_no_glue_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(checklist, "echo_twice", lambda value: [value, value], raising=False)
    monkeypatch.setattr(checklist, "__all__", [*checklist.__all__, "echo_twice"])
    assert call("echo_twice", {"a": 1}) == [{"a": 1}, {"a": 1}]


@pytest.mark.parametrize("op", ["SCHEMA", "VERDICTS", "worker", "_call", "call", "__all__"])
def test_constants_modules_and_unknown_names_are_not_ops(op: str) -> None:
    with pytest.raises(LookupError):
        call(op)


def test_the_worker_runs_this_module_and_no_python_of_its_own() -> None:
    source = (ROOT / "overrides/assets/checklist/engine-worker.js").read_text(encoding="utf-8")
    assert 'const GLUE = "from checklist.worker import call\\ncall";' in source
    assert "import json" not in source
