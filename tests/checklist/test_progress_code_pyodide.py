"""The progress code inside real Pyodide (Node, offline): the same codes as CPython,
every state round-trips, every typo and neighbour swap is refused there too."""

import json
import random
import subprocess
from pathlib import Path

import pytest
from progress_code_checks import run
from scenario_results import ROOT, load_scenarios
from test_pyodide import node

from checklist import evaluate
from checklist.data import ITEMS, QUESTIONS

HERE = Path(__file__).parent


def sample_states(count: int = 40, seed: int = 14) -> list:
    """Random valid states, every scenario's state, and a few odd inputs."""
    rng = random.Random(seed)
    states: list = []
    for _ in range(count):
        answers = {
            key: rng.choice([option["value"] for option in spec["options"]])
            for key, spec in QUESTIONS.items()
            if rng.random() < 0.7
        }
        done = {item: True for item in ITEMS if rng.random() < 0.5}
        states.append({"schema": 2, "answers": answers, "done": done})
    states += [scenario["state"] for scenario in load_scenarios()]
    states += [{}, None, [], {"schema": 1, "done": ["tax-paid"]}, {"schema": 99}]
    return states


@pytest.fixture(scope="module")
def states(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("progress-code") / "states.json"
    path.write_text(json.dumps(sample_states()), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def in_pyodide(wheel: Path, states: Path) -> dict:
    runner = [node(), str(HERE / "progress_code_runner.mjs")]
    done = subprocess.run(
        [*runner, str(wheel), str(HERE / "progress_code_checks.py"), str(states)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert done.returncode == 0, f"the Pyodide runner failed:\n{done.stderr}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_runs_on_pyodide_s_python(in_pyodide):
    assert in_pyodide["python"] == [3, 14]


def test_pyodide_makes_and_reads_the_same_codes_as_cpython(in_pyodide, states):
    expected = json.loads(json.dumps(run(json.loads(states.read_text(encoding="utf-8")))))
    assert in_pyodide["codes"] == expected["codes"]
    assert in_pyodide["decoded"] == expected["decoded"]
    assert "" in in_pyodide["codes"]  # the newer schema has no code


def test_every_state_round_trips_in_pyodide(in_pyodide, states):
    inputs = json.loads(states.read_text(encoding="utf-8"))
    for state, code, decoded in zip(
        inputs, in_pyodide["codes"], in_pyodide["decoded"], strict=True
    ):
        if code == "":
            assert evaluate(state)["problems"][0]["code"] in ("schema_too_new", "schema_invalid")
            continue
        assert decoded["problems"] == []
        expected = evaluate(state)["state"]
        assert decoded["state"]["answers"] == expected["answers"]
        assert decoded["state"]["done"] == expected["done"]


def test_no_typo_or_swap_is_accepted_in_pyodide(in_pyodide):
    assert in_pyodide["typos_accepted"] == []
    assert in_pyodide["misses"] and set(in_pyodide["misses"].values()) == {0}
