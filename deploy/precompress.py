"""Write ``name.gz`` next to each large text file of a built site.

Servers that can send precompressed files (nginx ``gzip_static``, Caddy
``precompressed gzip``, most CDNs' "serve .gz" options) then send those bytes
instead of compressing on every request; the Pyodide runtime's 9.6 MB wasm
shrinks to about 3.5 MB. Files that are already compressed (zip, wheel, png)
are left alone, and so are files a gzip would not make smaller.

    python3 deploy/precompress.py site/

Standard library only; safe to run twice (existing .gz files are rewritten).
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

SUFFIXES = frozenset(
    {".html", ".css", ".js", ".mjs", ".json", ".map", ".wasm", ".svg", ".xml", ".txt"}
)
MIN_SIZE = 1024


def precompress(root: Path) -> list[Path]:
    """Compress every eligible file under ``root``; return the .gz files written."""
    written = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix not in SUFFIXES or path.stat().st_size < MIN_SIZE:
            continue
        data = path.read_bytes()
        packed = gzip.compress(data, compresslevel=9, mtime=0)
        target = path.with_name(path.name + ".gz")
        if len(packed) >= len(data):
            target.unlink(missing_ok=True)
            continue
        target.write_bytes(packed)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python3 deploy/precompress.py SITE_DIR", file=sys.stderr)
        return 2
    written = precompress(Path(argv[0]))
    print(f"wrote {len(written)} .gz files under {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
