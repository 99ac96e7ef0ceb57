"""deploy/precompress.py: which files get .br and .gz companions, and the cache."""

from __future__ import annotations

import gzip
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import brotli

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "deploy" / "precompress.py"


def load():
    spec = importlib.util.spec_from_file_location("precompress_under_test", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_site(root: Path) -> dict[str, bytes]:
    files = {
        "index.html": "<p>结业申请 closing a merchant account</p>\n".encode() * 200,
        "assets/app.js": b"export const steps = ['stop', 'settle', 'return'];\n" * 100,
        "assets/runtime.wasm": b"\0asm\1\0\0\0" + b"\x01\x02\x03\x04" * 5000,
        "small.css": b"p { color: black }\n",  # under MIN_SIZE
        "noise.json": os.urandom(8192),  # nothing to gain
        "lib.zip": b"PK" + b"z" * 4096,  # already compressed formats are left alone
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def test_text_and_wasm_get_brotli_and_gzip_that_decode_to_the_original(tmp_path: Path) -> None:
    files = make_site(tmp_path)
    written = load().precompress(tmp_path)
    names = sorted(path.relative_to(tmp_path).as_posix() for path in written)
    assert names == [
        "assets/app.js.br",
        "assets/app.js.gz",
        "assets/runtime.wasm.br",
        "assets/runtime.wasm.gz",
        "index.html.br",
        "index.html.gz",
    ]
    for name in ("index.html", "assets/app.js", "assets/runtime.wasm"):
        original = files[name]
        assert brotli.decompress((tmp_path / f"{name}.br").read_bytes()) == original
        assert gzip.decompress((tmp_path / f"{name}.gz").read_bytes()) == original
        # Brotli at quality 11 beats gzip -9 on every file worth compressing.
        assert (tmp_path / f"{name}.br").stat().st_size < (tmp_path / f"{name}.gz").stat().st_size


def test_a_companion_that_would_not_be_smaller_is_removed(tmp_path: Path) -> None:
    make_site(tmp_path)
    (tmp_path / "noise.json.gz").write_bytes(b"stale")
    load().precompress(tmp_path)
    assert not (tmp_path / "noise.json.gz").exists()
    assert not (tmp_path / "noise.json.br").exists()


def test_the_cache_is_keyed_by_content_and_reused(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    files = make_site(site)
    module = load()
    module.precompress(site, cache)
    entries = sorted(path.name for path in cache.iterdir())
    assert len(entries) == 2 * 4  # .br and .gz of each text file large enough to try
    assert not [name for name in entries if name.endswith(".part")]

    # A changed file is compressed again; the others come from the cache as they were.
    (site / "index.html").write_bytes(files["index.html"] + b"<p>more</p>\n")
    before = {name: (site / f"{name}.br").read_bytes() for name in ("assets/app.js",)}
    module.precompress(site, cache)
    assert len(list(cache.iterdir())) == 2 * 4 + 2
    assert brotli.decompress((site / "index.html.br").read_bytes()).endswith(b"<p>more</p>\n")
    assert (site / "assets/app.js.br").read_bytes() == before["assets/app.js"]


def test_the_command_line_reports_what_it_wrote_and_refuses_a_missing_site(tmp_path: Path) -> None:
    make_site(tmp_path)
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path)], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == f"wrote 6 files (.br, .gz) under {tmp_path}"
    missing = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path / "nope")], capture_output=True, text=True
    )
    assert missing.returncode == 2
    assert "is not a directory" in missing.stderr
