"""What the checklist page loads, checked in the built site (no browser needed):
only Pyodide's runtime files, and a lock file that registers nothing but the
engine's wheel, with its sha256. The hook fails with the fix when Pyodide is
missing."""

from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

import checklist
from checklist.state import FIELDS
from tests import hook_modules

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ["pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide.mjs", "python_stdlib.zip"]
# What makes Python start fast (pyodide_startup.mjs), described by startup.json.
STARTUP = ["startup.json", "stdlib-compiled.zip", "stdlib-source.zip"]


def load_assets_module():
    return hook_modules.load("pyodide_assets")


def page_settings(site_dir: Path, page: str) -> dict:
    html = (site_dir / page).read_text(encoding="utf-8")
    block = re.search(
        r"<script type=\"application/json\" data-checklist-settings>(.*?)</script>",
        html,
        flags=re.S,
    )
    assert block, page
    return json.loads(block.group(1))


def pyodide_version() -> str:
    package = ROOT / "node_modules" / "pyodide" / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"]


def test_the_site_holds_only_the_runtime_files_and_the_engine(site_dir: Path) -> None:
    base = site_dir / "assets" / "pyodide"
    files = sorted(path.relative_to(base).as_posix() for path in base.rglob("*") if path.is_file())
    version = pyodide_version()
    engine = [name for name in files if "/checklist-" in name]
    assert len(engine) == 2 + len(STARTUP), files
    folder = engine[0].rsplit("/", 1)[0]
    wheel = next(name for name in engine if name.endswith(".whl")).rsplit("/", 1)[1]
    assert files == sorted(
        [f"{version}/{name}" for name in RUNTIME]
        + [f"{folder}/pyodide-lock.json", f"{folder}/{wheel}"]
        + [f"{folder}/{name}" for name in STARTUP]
    )
    assert folder.startswith(f"{version}/checklist-")


def test_the_lock_file_registers_only_the_engine_wheel_and_its_sha256(site_dir: Path) -> None:
    settings = page_settings(site_dir, "checklist/index.html")
    lock_path = site_dir / settings["pyodide"]["lockFile"]
    lock = json.loads(lock_path.read_text(encoding="utf-8"))
    upstream = json.loads(
        (ROOT / "node_modules" / "pyodide" / "pyodide-lock.json").read_text(encoding="utf-8")
    )
    assert lock["info"] == upstream["info"]
    assert list(lock["packages"]) == [settings["pyodide"]["package"]]
    (package,) = lock["packages"].values()
    wheel = lock_path.parent / package["file_name"]
    assert package["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert package["imports"] == ["checklist"]
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    assert {"checklist/__init__.py", "checklist/items.toml", "checklist/locales/zh.toml"} <= names
    assert "checklist/locales/en.toml" in names


@pytest.mark.parametrize("page", ["checklist/index.html", "en/checklist/index.html"])
def test_both_pages_point_at_the_same_runtime(site_dir: Path, page: str) -> None:
    settings = page_settings(site_dir, page)
    assert settings["lang"] == ("en" if page.startswith("en/") else "zh")
    assert settings["root"] == ("../.." if page.startswith("en/") else "..")
    assert settings["pyodide"]["runtime"] == f"assets/pyodide/{pyodide_version()}/"
    assert (site_dir / settings["pyodide"]["runtime"] / "pyodide.mjs").is_file()
    assert settings["pyodide"] == page_settings(site_dir, "checklist/index.html")["pyodide"]
    # What a first visit downloads on the wire (gzip): the runtime, the bytecode, the engine.
    assert 3 <= settings["pyodide"]["megabytes"] <= 8


def test_a_missing_pyodide_fails_the_build_with_the_fix(tmp_path: Path) -> None:
    assets = load_assets_module()
    with pytest.raises(PluginError, match="npm ci"):
        assets.prepare(tmp_path)


def test_a_pyodide_other_than_the_pinned_one_fails_the_build(tmp_path: Path) -> None:
    assets = load_assets_module()
    runtime = tmp_path / "node_modules" / "pyodide"
    runtime.mkdir(parents=True)
    for name in [*RUNTIME, "pyodide-lock.json"]:
        (runtime / name).write_text("{}", encoding="utf-8")
    (runtime / "package.json").write_text('{"version": "0.1.0"}', encoding="utf-8")
    (tmp_path / "package-lock.json").write_text(
        json.dumps({"packages": {"node_modules/pyodide": {"version": pyodide_version()}}}),
        encoding="utf-8",
    )
    with pytest.raises(PluginError, match=r"0\.1\.0.*npm ci"):
        assets.prepare(tmp_path)


def test_the_engine_is_built_once_per_source_version(site_dir: Path) -> None:
    """The site build left the engine in the cache; preparing again reuses it."""
    assets = load_assets_module()
    bundle = assets.prepare(ROOT)
    lock = bundle.engine_dir / "pyodide-lock.json"
    before = lock.stat().st_mtime_ns
    again = assets.prepare(ROOT)
    assert again == bundle
    assert lock.stat().st_mtime_ns == before
    assert (
        bundle.lock_path == page_settings(site_dir, "checklist/index.html")["pyodide"]["lockFile"]
    )


@pytest.mark.parametrize(
    ("lang", "page"), [("zh", "checklist/index.html"), ("en", "en/checklist/index.html")]
)
def test_the_printed_summary_uses_the_page_s_task_tags(
    site_dir: Path, lang: str, page: str
) -> None:
    """The summary a merchant prints says of each task what the page's tag said."""
    summary = checklist.summary({"done": {"terminal-stopped": True}}, lang)
    before = summary["phases"][0]["items"]
    page_strings = page_settings(site_dir, page)["strings"]
    assert before[0]["status"] == page_strings["status_done"]
    assert {item["status"] for item in before[1:]} >= {page_strings["blocks_tag"]}


@pytest.mark.parametrize("page", ["checklist/index.html", "en/checklist/index.html"])
def test_the_form_s_length_limits_are_the_engine_s(site_dir: Path, page: str) -> None:
    html = (site_dir / page).read_text(encoding="utf-8")
    limits = checklist.catalogue()["limits"]
    # Every text field of the engine's table is on the page, under its name.
    assert FIELDS
    for name, path in FIELDS.items():
        (found,) = re.findall(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*>', html)
        assert f'maxlength="{limits[".".join(path)]}"' in found, name
