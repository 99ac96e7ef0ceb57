"""Fixtures for the checklist engine's tests: the named scenarios and the shipped engine."""

import sys
from pathlib import Path

import pytest
from hypothesis import settings
from scenario_results import ROOT, load_scenarios

# The property tests check what the engine returns, not how fast: on a shared,
# loaded machine one example can take longer than Hypothesis's 200 ms deadline
# (a flaky failure that says nothing about the engine), so there is none.
settings.register_profile("engine", deadline=None)
settings.load_profile("engine")

HOOKS = ROOT / "overrides" / "hooks"

# No per-example deadline: on a shared or loaded machine (CI, several builds at
# once) a slow example fails with DeadlineExceeded although nothing is wrong. How
# long the engine may take on input of any size is tested on its own
# (test_validate.py times huge input).
settings.register_profile("engine", deadline=None)
settings.load_profile("engine")


@pytest.fixture(scope="session")
def scenarios() -> list[dict]:
    return load_scenarios()


def pyodide_assets():
    """The build's own module that builds the engine's wheel and lock file for the site."""
    if str(HOOKS) not in sys.path:
        sys.path.insert(0, str(HOOKS))
    import pyodide_assets

    return pyodide_assets


@pytest.fixture(scope="session")
def bundle():
    """The engine exactly as the site ships it: ``pyodide_assets.prepare``, the code the
    build runs, builds (or reuses from ``build/pyodide-engine/``) the wheel and the
    ``pyodide-lock.json`` that registers it."""
    return pyodide_assets().prepare(ROOT)


@pytest.fixture(scope="session")
def wheel(bundle) -> Path:
    """The shipped wheel (``pos-closure-checklist``, package ``checklist``)."""
    return bundle.engine_dir / bundle.wheel
