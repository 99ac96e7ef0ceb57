"""Self-hosted Pyodide and the checklist engine's wheel, for the checklist page.

Imported by the ``checklist_page`` hook (it is not a hook itself). Two steps:

``prepare(root)``
    Checks that ``node_modules/pyodide`` is installed at the version pinned in
    ``package-lock.json``, then builds the engine's wheel (``pip wheel`` of the
    project) and registers it in a trimmed ``pyodide-lock.json`` with
    ``pyodide lockfile add-wheels``. Then ``pyodide_startup.mjs`` (Node) makes
    the files that let Python start fast (see ``STARTUP_FILES``): the part of
    the standard library the engine needs, as bytecode and as source, each
    checked against every scenario of ``checklist/scenarios.json``. All of it is cached under
    ``build/pyodide-engine/<digest>/``, keyed by a hash of what it is made from,
    so ``mkdocs serve`` rebuilds stay fast.
``install(bundle, site_dir)``
    Copies only the runtime files a browser needs into
    ``assets/pyodide/<version>/`` and the engine's files into
    ``assets/pyodide/<version>/checklist-<hash>/``. That folder is named by a
    hash of its files, so a URL there never changes its content and a browser
    never pairs a cached old file with a new one.

The lock file keeps none of Pyodide's own packages: their wheels are not in the
npm package (they would come from a CDN) and the engine needs only the
standard library. Nothing here fetches anything from the network.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import startup_files  # beside this file, as the hooks import each other
from mkdocs.exceptions import PluginError
from startup_files import MANIFEST, SCENARIOS, STARTUP_FILES, STARTUP_SCRIPT, build_startup, run

# What the browser needs from node_modules/pyodide, and nothing else.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
# The project files a wheel is built from (beside the `checklist` package).
PROJECT_FILES = (
    "pyproject.toml",
    "setup.cfg",
    "setup.py",
    "MANIFEST.in",
    "LICEN[CS]E*",
    "COPYING*",
    "NOTICE*",
    "AUTHORS*",
)
PACKAGE_DIR = "checklist"
# Pyodide's undocumented behaviour the browser's worker relies on.
PRIVATE_API = Path(__file__).parents[1] / "assets" / "checklist" / "pyodide-private.js"


@dataclass(frozen=True)
class EngineBundle:
    """Where the runtime and the engine come from, and where they go in the site."""

    version: str  # Pyodide's version, as installed from npm
    runtime_dir: Path  # node_modules/pyodide
    engine_dir: Path  # the cached lock file, wheel and startup files
    digest: str  # short hash of the engine's sources (the cache key)
    package: str  # the name `loadPackage` takes
    wheel: str  # the wheel's file name
    content: str  # short hash of the engine folder's files (its name in the site)

    @property
    def engine_files(self) -> tuple[str, ...]:
        """The files of the engine's folder in the site."""
        return ("pyodide-lock.json", self.wheel, MANIFEST, *STARTUP_FILES)

    @property
    def runtime_path(self) -> str:
        """The runtime's folder, relative to the site root."""
        return f"assets/pyodide/{self.version}/"

    @property
    def lock_path(self) -> str:
        """The lock file, relative to the site root."""
        return f"{self.runtime_path}checklist-{self.content}/pyodide-lock.json"

    @property
    def download_bytes(self) -> int:
        """What a first visit downloads on the wire (gzip, as startup.json counts it):
        the runtime, the compiled part of the standard library and the engine. The
        worker states the same figure once it knows (less when files are kept)."""
        manifest = json.loads((self.engine_dir / MANIFEST).read_text(encoding="utf-8"))
        wire = manifest["bytes"]
        return int(wire["runtime"] + wire["compiled"] + wire["engine"])


def prepare(root: Path) -> EngineBundle:
    """Check the runtime, then build (or reuse) the engine's wheel and lock file."""
    runtime_dir = root / "node_modules" / "pyodide"
    version = runtime_version(root, runtime_dir)
    base_lock = json.loads((runtime_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    digest = source_digest(root, version, base_lock["info"])
    cache = root / "build" / "pyodide-engine"
    engine_dir = cache / digest
    if not (engine_dir / MANIFEST).is_file():
        build_engine(root, base_lock, cache, engine_dir)
    lock = json.loads((engine_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    (package,) = lock["packages"].values()
    files = ("pyodide-lock.json", package["file_name"], MANIFEST, *STARTUP_FILES)
    return EngineBundle(
        version=version,
        runtime_dir=runtime_dir,
        engine_dir=engine_dir,
        digest=digest,
        package=package["name"],
        wheel=package["file_name"],
        content=content_digest(engine_dir, files),
    )


def runtime_version(root: Path, runtime_dir: Path) -> str:
    """Pyodide's installed version; fail with the fix if it is missing or not the pinned one."""
    missing = [
        name
        for name in (*RUNTIME_FILES, "pyodide-lock.json", "package.json")
        if not (runtime_dir / name).is_file()
    ]
    if missing:
        raise PluginError(
            f"node_modules/pyodide is missing or incomplete ({', '.join(missing)} not found): "
            "run `npm ci` in the project folder (Pyodide is pinned in package.json)."
        )
    installed: str = json.loads((runtime_dir / "package.json").read_text(encoding="utf-8"))[
        "version"
    ]
    lock_file = root / "package-lock.json"
    if lock_file.is_file():
        pinned = json.loads(lock_file.read_text(encoding="utf-8"))
        wanted = pinned.get("packages", {}).get("node_modules/pyodide", {}).get("version")
        if wanted and wanted != installed:
            raise PluginError(
                f"node_modules/pyodide is {installed} but package-lock.json pins {wanted}: "
                "run `npm ci`."
            )
    return installed


def source_files(root: Path) -> list[Path]:
    """Every file the wheel is built from, in a stable order."""
    files = sorted(
        {path for pattern in PROJECT_FILES for path in root.glob(pattern) if path.is_file()}
    )
    package = root / PACKAGE_DIR
    if not (package / "__init__.py").is_file():
        raise PluginError(f"{package}/__init__.py not found: the checklist engine is missing.")
    files += sorted(
        path
        for path in package.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    )
    return files


def source_digest(root: Path, version: str, info: dict[str, str]) -> str:
    """A short hash of what the engine's folder is made from: the engine's sources, the
    runtime it targets, this file, the startup script and the scenarios it runs."""
    digest = hashlib.sha256(f"{version}\0{json.dumps(info, sort_keys=True)}".encode())
    for path in source_files(root):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    build_code = (Path(__file__), Path(startup_files.__file__), STARTUP_SCRIPT, PRIVATE_API)
    for path in (*build_code, root / SCENARIOS):
        digest.update(path.read_bytes() if path.is_file() else b"(missing)")
    return digest.hexdigest()[:16]


def content_digest(folder: Path, names: tuple[str, ...]) -> str:
    """A short hash of the named files of a folder (names and bytes)."""
    digest = hashlib.sha256()
    for name in names:
        digest.update(name.encode() + b"\0" + (folder / name).read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def pyodide_cli() -> list[str]:
    """The `pyodide` command from pyodide-build, next to this Python if possible."""
    beside = Path(sys.executable).with_name("pyodide")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("pyodide")
    if found:
        return [found]
    raise PluginError(
        "The `pyodide` command (pyodide-build) was not found: run `make build` "
        "(it installs requirements/site.lock)."
    )


def build_engine(root: Path, base_lock: dict[str, Any], cache: Path, engine_dir: Path) -> None:
    """Build the wheel from a copy of the sources and write its lock file.

    Building from a copy keeps setuptools' ``build/`` and ``*.egg-info`` out of
    the work tree, and lets two builds run at once. The result appears
    atomically: a folder is renamed into place, or another build won the race.
    """
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="engine-", dir=cache) as scratch:
        scratch_dir = Path(scratch)
        source = scratch_dir / "src"
        for path in source_files(root):
            target = source / path.relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        out = scratch_dir / "out"
        run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "--no-deps",
                "--no-build-isolation",
                "--disable-pip-version-check",
                "--quiet",
                "--wheel-dir",
                str(out),
                str(source),
            ],
            cwd=scratch_dir,
            what="Building the checklist engine's wheel",
        )
        wheels = sorted(out.glob("*.whl"))
        if len(wheels) != 1:
            raise PluginError(f"Expected one wheel from the engine's build, got {wheels}.")
        empty_lock = scratch_dir / "base-lock.json"
        empty_lock.write_text(json.dumps({**base_lock, "packages": {}}), encoding="utf-8")
        run(
            [
                *pyodide_cli(),
                "lockfile",
                "add-wheels",
                "--input",
                str(empty_lock),
                "--output",
                str(out / "pyodide-lock.json"),
                str(wheels[0]),
            ],
            cwd=out,
            what="Registering the engine's wheel in pyodide-lock.json",
        )
        lock = json.loads((out / "pyodide-lock.json").read_text(encoding="utf-8"))
        names = [package["file_name"] for package in lock["packages"].values()]
        if names != [wheels[0].name]:
            raise PluginError(f"Unexpected packages in the engine's lock file: {names}.")
        (package,) = lock["packages"].values()
        build_startup(root, out, package["name"], wheels[0].name, scratch_dir / "startup")
        try:
            os.rename(out, engine_dir)
        except OSError:
            if not (engine_dir / "pyodide-lock.json").is_file():
                raise


def install(bundle: EngineBundle, site_dir: Path) -> None:
    """Copy the runtime and the engine into the built site (unchanged files are skipped)."""
    runtime = site_dir / bundle.runtime_path
    engine = site_dir / bundle.lock_path
    copies = [(bundle.runtime_dir / name, runtime / name) for name in RUNTIME_FILES]
    copies += [(bundle.engine_dir / name, engine.parent / name) for name in bundle.engine_files]
    for source, target in copies:
        stat = source.stat()
        if (
            target.is_file()
            and target.stat().st_size == stat.st_size
            and (target.stat().st_mtime_ns == stat.st_mtime_ns)
        ):
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
