"""Building the site and serving it as it deploys, for scripts/bench.py."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
NGINX = "/usr/sbin/nginx"
# deploy/precompress.py's results by content hash (brotli -q11 of the wasm takes ~30 s).
PRECOMPRESS_CACHE = ROOT / "build" / "precompress"


def mkdocs_build(cwd: Path, dest: Path) -> float:
    """One strict build; returns its wall time in seconds."""
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(dest)],
        cwd=cwd,
        check=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    return time.perf_counter() - started


def work_tree_copy(dest: Path) -> Path:
    """The work tree as git sees it (tracked and new files, not ignored ones), with
    node_modules linked: a checkout whose build cache is empty."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


# --- serving --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare_root(site: Path, dest: Path) -> Path:
    """The build as a host serves it: precompressed as the deployment example
    suggests, plus the bare Pyodide page under __bench/."""
    shutil.copytree(site, dest)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "deploy" / "precompress.py"),
            "--cache",
            str(PRECOMPRESS_CACHE),
            str(dest),
        ],
        check=True,
        capture_output=True,
    )
    (lock,) = dest.glob("assets/pyodide/*/checklist-*/pyodide-lock.json")
    bench = dest / "__bench"
    bench.mkdir()
    html = (HERE / "bare.html").read_text(encoding="utf-8")
    html = html.replace("@INDEX@", f"../{lock.parent.parent.relative_to(dest).as_posix()}/")
    html = html.replace("@LOCK@", f"../{lock.relative_to(dest).as_posix()}")
    (bench / "bare.html").write_text(html, encoding="utf-8")
    shutil.copy2(HERE / "bare.js", bench / "bare.js")
    return dest


@dataclass
class Server:
    base_url: str
    log: Path

    def log_size(self) -> int:
        return self.log.stat().st_size if self.log.exists() else 0

    def bytes_sent(self, since: int) -> int:
        """Bytes nginx sent (headers and body) for the requests logged after `since`."""
        with self.log.open("rb") as file:
            file.seek(since)
            return sum(int(line.split()[-1]) for line in file.read().decode().splitlines())


@contextmanager
def nginx(root: Path, workdir: Path) -> Iterator[Server]:
    """nginx with deploy/nginx.conf as it is, plus an access log of bytes sent."""
    example = ROOT / "deploy" / "nginx.conf"
    if not example.is_file():
        raise SystemExit(f"{example} is missing: the bench serves the site as it deploys.")
    port = free_port()
    log = workdir / "access.log"
    text = example.read_text(encoding="utf-8")
    text = text.replace("@LISTEN@", f"127.0.0.1:{port}").replace("@ROOT@", str(root))
    text = text.replace("@PREFIX@", "/")
    # Only for the bench: which bytes went out (the example keeps no access log).
    if "server {" not in text:
        raise SystemExit(f"{example} has no `server {{` block to add the bench's log to.")
    text = text.replace(
        "server {",
        "log_format bench '$request_uri $status $bytes_sent';\n"
        f"    server {{\n        access_log {log} bench;",
        1,
    )
    conf = workdir / "nginx.conf"
    conf.write_text(text, encoding="utf-8")
    main = f"daemon off; pid {workdir / 'nginx.pid'};"
    if os.geteuid() == 0:
        main += " user root;"
    with (workdir / "stderr.log").open("wb") as err:
        process = subprocess.Popen(
            [NGINX, "-p", str(workdir), "-c", str(conf), "-e", "stderr", "-g", main],
            stdin=subprocess.DEVNULL,
            stdout=err,
            stderr=err,
        )
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                raise SystemExit((workdir / "stderr.log").read_text(errors="replace"))
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield Server(f"http://127.0.0.1:{port}/", log)
    finally:
        process.terminate()
        process.wait(timeout=10)
