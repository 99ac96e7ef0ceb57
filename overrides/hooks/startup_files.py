"""The files that let Python start fast on the checklist page, made at build
time by ``pyodide_startup.mjs`` (Node, with the real Pyodide): the part of the
standard library the engine needs, as bytecode and as source, and
``startup.json``, the manifest the page's worker reads (file names, and sizes
on the wire and unpacked).

Imported by ``pyodide_assets`` (it is not a hook itself).
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

STARTUP_SCRIPT = Path(__file__).with_name("pyodide_startup.mjs")
STARTUP_FILES = ("stdlib-compiled.zip", "stdlib-source.zip")
MANIFEST = "startup.json"
SCENARIOS = Path("checklist") / "scenarios.json"


def run(command: list[str], cwd: Path, what: str) -> None:
    """Run a build step; on failure, stop the build with its output."""
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()[-3000:]
        raise PluginError(f"{what} failed ({' '.join(command)}):\n{output}")


def node() -> str:
    """The `node` command (Node.js), which npm needed anyway to install Pyodide."""
    found = shutil.which("node")
    if not found:
        raise PluginError(
            "Node.js (`node`) was not found: it makes the checklist's start-up files "
            "at build time. Install Node 20 or later."
        )
    return found


def gzip_size(path: Path) -> int:
    """The size of a file gzipped as a server does on the fly (level 6)."""
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def build_startup(root: Path, out: Path, package: str, wheel: str, scratch: Path) -> None:
    """Make the start-up files next to the lock file and wheel in ``out``, and the
    manifest the page's worker reads: file names, and sizes on the wire (to state
    the download and choose how to start) and unpacked (to measure progress)."""
    scenarios = root / SCENARIOS
    if not scenarios.is_file():
        raise PluginError(f"{scenarios} not found: the start-up files are recorded from it.")
    runtime_dir = root / "node_modules" / "pyodide"
    arguments = {
        "pyodide": str(runtime_dir),
        "lock": str(out / "pyodide-lock.json"),
        "package": package,
        "scenarios": str(scenarios),
        "out": str(scratch),
    }
    run(
        [node(), str(STARTUP_SCRIPT), json.dumps(arguments)],
        cwd=root,
        what="Making the checklist's start-up files (pyodide_startup.mjs)",
    )
    for name in STARTUP_FILES:
        shutil.move(scratch / name, out / name)
    engine = [out / "pyodide-lock.json", out / wheel]
    wasm = runtime_dir / "pyodide.asm.wasm"
    manifest = {
        "wheel": wheel,
        "stdlib": {"compiled": "stdlib-compiled.zip", "source": "stdlib-source.zip"},
        # Bytes on the wire (gzip), to weigh each way of starting against the link.
        "bytes": {
            "runtime": sum(
                gzip_size(runtime_dir / name)
                for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
            ),
            "compiled": (out / "stdlib-compiled.zip").stat().st_size,
            "source": (out / "stdlib-source.zip").stat().st_size,
            "engine": sum(gzip_size(path) for path in engine),
        },
        # Bytes as the worker reads them (after HTTP decompression), for its progress.
        "sizes": {
            "wasm": wasm.stat().st_size,
            "compiled": (out / "stdlib-compiled.zip").stat().st_size,
            "source": (out / "stdlib-source.zip").stat().st_size,
            "engine": sum(path.stat().st_size for path in engine),
        },
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
