"""Fixtures for the checklist engine's tests: the named scenarios and the built wheel."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from scenario_results import ROOT, load_scenarios


@pytest.fixture(scope="session")
def scenarios() -> list[dict]:
    return load_scenarios()


def build_wheel(dest: Path) -> Path:
    """Build the project's wheel into ``dest`` with the project's own pyproject.toml.

    It is built from a copy of the package and the project files, because
    building in place leaves ``build/`` and ``*.egg-info`` in the shared work tree
    (and two builds at once would share them).
    """
    source = dest / "source"
    shutil.copytree(
        ROOT / "checklist", source / "checklist", ignore=shutil.ignore_patterns("__pycache__")
    )
    for pattern in ("pyproject.toml", "LICEN[CS]E*", "COPYING*", "NOTICE*", "AUTHORS*"):
        for path in ROOT.glob(pattern):
            shutil.copy2(path, source)
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation"]
    done = subprocess.run(
        [*command, "--quiet", "-w", str(dest), str(source)], capture_output=True, text=True
    )
    assert done.returncode == 0, f"building the wheel failed:\n{done.stdout}\n{done.stderr}"
    (wheel,) = dest.glob("pos_closure_checklist-*.whl")
    return wheel


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel (``pos-closure-checklist``, package ``checklist``), built once."""
    return build_wheel(tmp_path_factory.mktemp("wheel"))
