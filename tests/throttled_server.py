"""A loopback HTTP server for the built site that behaves like a slow mobile link.

- Bandwidth is limited for all connections together (one shared budget of bytes
  per second, handed out in small chunks in the order they are asked for), as
  on a phone where every file shares the same radio link.
- Text, JSON, JavaScript and wasm are gzipped on the fly when the browser
  accepts it, as ``deploy/nginx.conf`` does (level 5, from 1 KB), so the bytes
  on the wire are the ones a merchant's phone receives.
- ``offline`` cuts the link: every request is answered by closing the
  connection, as when a phone loses its signal.
- ``inject`` puts markup first in every HTML page's head, and ``files`` serves
  extra files by path (tests use both to record console messages in engines
  whose driver cannot see them).

Used by the cross-engine tests (tests/engines) and by ``make bench``.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
import time
from pathlib import Path
from typing import ClassVar

COMPRESSED_TYPES = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/wasm",
    "application/xml",
    "image/svg+xml",
)
CHUNK = 8192
TWO_MBIT = 250_000  # bytes per second: a merchant's weak mobile link


class Link:
    """One shared budget of bytes per second for every connection."""

    def __init__(self, bytes_per_second: float | None) -> None:
        self.rate = bytes_per_second
        self.lock = threading.Lock()
        self.next_free = 0.0
        self.sent = 0

    def send(self, write, data: bytes) -> None:
        """Write ``data`` in chunks, each when the link has room for it."""
        for start in range(0, len(data), CHUNK):
            chunk = data[start : start + CHUNK]
            if self.rate:
                with self.lock:
                    begin = max(time.monotonic(), self.next_free)
                    self.next_free = begin + len(chunk) / self.rate
                    ready = self.next_free
                delay = ready - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
            write(chunk)
            with self.lock:
                self.sent += len(chunk)


class SlowHandler(http.server.SimpleHTTPRequestHandler):
    """Static files with the MIME types a host must send, through the shared link."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }
    protocol_version = "HTTP/1.1"
    server: SlowServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def do_GET(self) -> None:
        virtual = self.server.files.get(self.path.split("?")[0])
        if virtual is not None:  # the tests' own scripts: there even offline
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.send_header("Content-Length", str(len(virtual)))
            self.end_headers()
            self.wfile.write(virtual)
            return
        if self.server.offline:
            self.close_connection = True
            return
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return
        kind = self.guess_type(str(path))
        body = self.server.body(path, kind)
        gzipped = (
            "gzip" in self.headers.get("Accept-Encoding", "")
            and kind.startswith(COMPRESSED_TYPES)
            and len(body) >= 1024
        )
        if gzipped:
            body = self.server.gzipped(path, body)
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        # As deploy/nginx.conf: the runtime's URLs change with their content.
        lasting = "/assets/pyodide/" in self.path
        self.send_header("Cache-Control", "max-age=31536000, immutable" if lasting else "no-cache")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.server.link.send(self.wfile.write, body)

    def do_HEAD(self) -> None:
        self.send_error(405)


class SlowServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(
        self,
        directory: Path,
        bytes_per_second: float | None,
        inject: str = "",
        files: dict[str, bytes] | None = None,
    ) -> None:
        super().__init__(("127.0.0.1", 0), functools.partial(SlowHandler, directory=str(directory)))
        self.link = Link(bytes_per_second)
        self.offline = False
        self.inject = inject.encode()
        self.files = files or {}  # virtual files by path (test scripts), not throttled
        self._gzip: dict[tuple[Path, int], bytes] = {}

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_port}/"

    def body(self, path: Path, kind: str) -> bytes:
        data = path.read_bytes()
        if self.inject and kind.startswith("text/html"):
            data = data.replace(b"<head>", b"<head>" + self.inject, 1)
        return data

    def gzipped(self, path: Path, body: bytes) -> bytes:
        key = (path, len(body))
        if key not in self._gzip:
            self._gzip[key] = gzip.compress(body, compresslevel=5, mtime=0)
        return self._gzip[key]

    def start(self) -> SlowServer:
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()
