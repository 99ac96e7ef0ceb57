"""Write ``name.br`` and ``name.gz`` next to each large text file of a built site.

Servers that can send precompressed files (nginx ``brotli_static`` and
``gzip_static``, Caddy ``precompressed br gzip``, most CDNs' "serve
precompressed" options) then send those bytes instead of compressing on every
request, and brotli at its highest quality, which is too slow to run per
request: the Pyodide runtime's 9.6 MB wasm is 2.7 MB as brotli, 3.5 MB as gzip.
Files that are already compressed (zip, wheel, gz, png) are left alone, and so
are files a compressor would not make smaller.

    python3 deploy/precompress.py site/
    python3 deploy/precompress.py --cache build/precompress site/

Brotli needs the ``brotli`` module (``pip install Brotli``, in the project's
requirements); without it only .gz files are written, with a note. Brotli at
quality 11 takes about 30 s for the wasm: ``--cache DIR`` keeps each result
under the hash of its input, so a rebuild only compresses what changed. Safe to
run twice (existing .br and .gz files are rewritten).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

try:
    import brotli
except ImportError:  # pragma: no cover - the project's venv has it
    brotli = None

SUFFIXES = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".map", ".wasm", ".svg", ".xml", ".txt"}
)
MIN_SIZE = 1024
BROTLI_QUALITY = 11


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    return brotli.compress(data, quality=BROTLI_QUALITY)


def encoders() -> dict[str, Callable[[bytes], bytes]]:
    """Each file suffix written, with its compressor: brotli only when available."""
    found = {".gz": gzip_bytes}
    if brotli is not None:
        found[".br"] = brotli_bytes
    return found


def compress(
    data: bytes, suffix: str, encode: Callable[[bytes], bytes], cache: Path | None
) -> bytes:
    """``encode(data)``, read from ``cache`` when it was made before."""
    if cache is None:
        return encode(data)
    key = cache / f"{hashlib.sha256(data).hexdigest()}{suffix}"
    if key.is_file():
        return key.read_bytes()
    packed = encode(data)
    cache.mkdir(parents=True, exist_ok=True)
    partial = key.with_name(key.name + ".part")
    partial.write_bytes(packed)
    partial.replace(key)
    return packed


def precompress(root: Path, cache: Path | None = None) -> list[Path]:
    """Compress every eligible file under ``root``; return the files written."""
    written = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES or path.stat().st_size < MIN_SIZE:
            continue
        data = path.read_bytes()
        for suffix, encode in encoders().items():
            packed = compress(data, suffix, encode, cache)
            target = path.with_name(path.name + suffix)
            if len(packed) >= len(data):
                target.unlink(missing_ok=True)
                continue
            target.write_bytes(packed)
            written.append(target)
    return written


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="the built site directory")
    parser.add_argument("--cache", type=Path, help="keep compressed results here, by content hash")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        parser.error(f"{args.site} is not a directory")
    if brotli is None:
        print("note: the brotli module is not installed (pip install Brotli): writing .gz only")
    written = precompress(args.site, args.cache)
    kinds = sorted({path.suffix for path in written})
    print(f"wrote {len(written)} files ({', '.join(kinds) or 'none'}) under {args.site}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
