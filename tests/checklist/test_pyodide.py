"""The engine inside real Pyodide (Node, offline), installed from the site's own
wheel and lock file (built by ``pyodide_assets.prepare``, as the site build does).

These tests fail, never skip, when Node or the npm packages are missing: the
checklist page runs this engine in Pyodide, so it must be tested there.
"""

import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from scenario_results import ROOT, SCENARIOS, results

HERE = Path(__file__).parent
PYODIDE = ROOT / "node_modules" / "pyodide"
PYODIDE_VERSION = "314.0.7"
MISSING = "Run `npm ci` in {root} to install Pyodide {version} (node_modules/pyodide)."


def node() -> str:
    found = shutil.which("node")
    if found is None:
        pytest.fail("Node is not installed: the Pyodide tests need Node 20 or newer.")
    if not (PYODIDE / "pyodide.mjs").is_file():
        pytest.fail(MISSING.format(root=ROOT, version=PYODIDE_VERSION))
    return found


@pytest.fixture(scope="module")
def in_pyodide(bundle) -> dict:
    """The runner's output: every scenario evaluated and summarised inside Pyodide."""
    runner = [node(), str(HERE / "pyodide_runner.mjs")]
    lock = bundle.engine_dir / "pyodide-lock.json"
    done = subprocess.run(
        [*runner, str(lock), bundle.package, str(SCENARIOS), str(HERE / "scenario_results.py")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, f"the Pyodide runner failed:\n{done.stderr}"
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_missing_node_or_pyodide_fails_with_what_to_do(monkeypatch, tmp_path):
    monkeypatch.setitem(globals(), "PYODIDE", tmp_path)
    with pytest.raises(pytest.fail.Exception, match=r"Run `npm ci` in .* Pyodide 314\.0\.7"):
        node()
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(pytest.fail.Exception, match="Node is not installed"):
        node()


def test_the_installed_pyodide_is_the_pinned_one():
    node()
    package = json.loads((PYODIDE / "package.json").read_text(encoding="utf-8"))
    assert package["version"] == PYODIDE_VERSION


def test_runs_on_python_3_14_from_the_wheel(in_pyodide):
    assert in_pyodide["runtime"]["version"] == [3, 14]
    assert in_pyodide["runtime"]["checklist"].startswith("/lib/python3.14/site-packages/")


def test_every_scenario_gives_the_same_results_as_cpython(in_pyodide, scenarios):
    expected = results(scenarios)
    assert list(in_pyodide["results"]) == list(expected)
    for name, result in expected.items():
        assert in_pyodide["results"][name] == result, name


def test_every_scenario_meets_its_expectations_in_pyodide(in_pyodide, scenarios):
    for scenario in scenarios:
        got = in_pyodide["results"][scenario["name"]]["evaluate"]
        expect = scenario["expect"]
        assert got["verdict"] == expect["verdict"], scenario["name"]
        assert got["blockers"] == expect["blockers"], scenario["name"]
        assert got["next"] == expect["next"], scenario["name"]
        changes = [[each["kind"], each["item"] or each["question"]] for each in got["changes"]]
        assert changes == expect.get("changes", changes), scenario["name"]


def test_the_wheel_carries_the_package_and_its_data_but_not_the_scenarios(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    package = {
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "checklist").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    assert "checklist/items.toml" in names
    assert package - names == {"checklist/scenarios.json"}
    assert all(name.startswith(("checklist/", "pos_closure_checklist-")) for name in names)


def test_the_tests_use_the_wheel_the_site_ships(bundle, wheel):
    # The same file the build copies into the site (pyodide_assets.install).
    assert wheel.name in bundle.engine_files
    assert wheel.parent == bundle.engine_dir
    lock = json.loads((bundle.engine_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    (entry,) = lock["packages"].values()
    assert entry["file_name"] == wheel.name
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()


def test_pyodide_lockfile_add_wheels_registers_the_wheel(wheel, tmp_path):
    node()  # the lockfile comes from the npm package
    cli = Path(sys.executable).with_name("pyodide")
    lockfile = tmp_path / "pyodide-lock.json"
    shutil.copy2(PYODIDE / "pyodide-lock.json", lockfile)
    out = tmp_path / "pyodide-lock.new.json"
    add = [str(cli), "lockfile", "add-wheels", "--input", str(lockfile), "--output", str(out)]
    done = subprocess.run(
        [*add, str(wheel)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"pyodide lockfile add-wheels failed:\n{done.stderr}"
    packages = json.loads(out.read_text(encoding="utf-8"))["packages"]
    entry = packages["pos-closure-checklist"]
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert entry["file_name"].endswith(wheel.name)
    assert entry["imports"] == ["checklist"]
    assert entry["depends"] == []
