"""The named scenarios (checklist/scenarios.json) and what the engine gives for them.

``results`` is the one function both the CPython tests and the Pyodide runner
(pyodide_runner.mjs) call, so both runtimes run the same code; it calls the
engine through the worker's glue (``checklist.worker``), JSON in and out, as the
page does. The tests import
this module by name (not ``conftest``, which other test folders have too).
"""

import json
import sys
from pathlib import Path

import checklist
from checklist import worker

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "checklist" / "scenarios.json"


def load_scenarios() -> list[dict]:
    return json.loads(SCENARIOS.read_text(encoding="utf-8"))


def page_call(op: str, *args: object) -> object:
    """``checklist.<op>(*args)`` as the page makes it: through the worker's glue."""
    return json.loads(worker.call(op, json.dumps(args)))


def results(scenarios: list[dict]) -> dict:
    """``{name: {"evaluate", "check_zh", "check_en_masked", "summary_en", "import",
    "summary_zh_masked_references", "reminders_en"}}``,
    JSON round-tripped: every public call the page makes, on every scenario."""
    out = {
        scenario["name"]: {
            "evaluate": page_call("evaluate", scenario["state"]),
            "check_zh": page_call("check", scenario["state"], "zh"),
            "check_en_masked": page_call("check", scenario["state"], "en", True),
            "summary_en": page_call("summary", scenario["state"], "en"),
            "import": page_call("check_import", scenario["state"], checklist.new_state()),
            "summary_zh_masked_references": page_call(
                "check", scenario["state"], "zh", False, True
            )["summary"],
            "reminders_en": page_call(
                "reminders",
                scenario["state"],
                "en",
                "https://pos.example.org/en/",
                "2026-12-04T15:00:00+08:00",
            ),
        }
        for scenario in scenarios
    }
    return json.loads(json.dumps(out, allow_nan=False))


def runtime() -> dict:
    """Where this runs: the Python version and where ``checklist`` was imported from."""
    return {"version": list(sys.version_info[:2]), "checklist": checklist.__file__}
