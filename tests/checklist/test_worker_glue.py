"""The worker's Python glue (in overrides/assets/checklist/engine-worker.js), run here
on CPython: it exposes the engine's public functions by name, so a function
added to ``checklist.__all__`` needs no JavaScript change."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

import checklist

WORKER = (
    Path(__file__).resolve().parents[2] / "overrides" / "assets" / "checklist" / "engine-worker.js"
)


def glue() -> Callable[[str, str], str]:
    """The glue's ``_call``, made as the worker makes it (the last expression)."""
    source = re.search(r"const GLUE = `(.*?)`;", WORKER.read_text(encoding="utf-8"), re.S)
    assert source, "GLUE not found in engine-worker.js"
    namespace: dict = {}
    exec(compile(source.group(1), "GLUE", "exec"), namespace)
    return namespace["_call"]


def call(op: str, *args: object) -> object:
    return json.loads(glue()(op, json.dumps(args)))


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


def test_a_function_added_to_the_engine_needs_no_glue_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(checklist, "echo_twice", lambda value: [value, value], raising=False)
    monkeypatch.setattr(checklist, "__all__", [*checklist.__all__, "echo_twice"])
    assert call("echo_twice", {"a": 1}) == [{"a": 1}, {"a": 1}]


def test_constants_and_unknown_names_are_not_ops() -> None:
    with pytest.raises(LookupError):
        call("SCHEMA")
    with pytest.raises(LookupError):
        call("_call")
