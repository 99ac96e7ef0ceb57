"""Measure how fast the checklist page becomes useful, and what it costs on the wire.

    .venv/bin/python scripts/bench.py            # what `make bench` runs (about 7 min)
    .venv/bin/python scripts/bench.py --quick    # one run of each, no slow link (1 min)
    .venv/bin/python scripts/bench.py --report build/bench/latest.json   # the table again

What it does, in one run:

1. Builds the site with ``mkdocs build --strict``: once from a copy of the work
   tree with an empty cache (the wheel, the trimmed standard library and the
   memory snapshot are all made), then ``--builds`` times in the work tree
   (cache warm, as ``make build`` usually runs).
2. Serves the last build with nginx and the deployment example
   (``deploy/nginx.conf``, after ``deploy/precompress.py``), together with a
   bare Pyodide page (``scripts/bench/bare.html``: loadPyodide + one
   runPython, on the same self-hosted files) from the same server.
3. Drives headless Chromium: every cold visit on a fresh profile on disk, then
   a repeat visit on the same profile (its HTTP cache and code cache, as a
   returning merchant's browser has them; an in-memory context caches no
   compiled code, which made repeat visits ~0.3 s slower). ``measure.js``
   runs before the page's scripts and records, from navigation start, when the
   first tick was saved to localStorage (it ticks as soon as the checklist is
   wired) and when the first verdict appeared (data-verdict). Bytes are CDP's
   ``Network.loadingFinished`` ``encodedDataLength`` (headers and body as
   sent), read through Playwright's ``Request.sizes()``, which covers the
   page's module worker too; nginx's own log of bytes sent is the check.
   The same cold visits run again under Chromium's network emulation
   (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT), and (``--levers``) with
   each of the checklist's three ways of starting forced, to weigh them.
4. Times ``evaluate()`` inside Pyodide under Node (``scripts/bench/evaluate.mjs``).
5. Runs Lighthouse (``scripts/bench/lighthouse.py``) on the home page, a
   guide page and the checklist in both languages, through the same nginx,
   ``--lighthouse-runs`` times each (3; ``--quick``: 1; 0 skips it), and keeps
   each page's median run: the four category scores, LCP, TBT, CLS, FCP and
   Speed Index, and the audits that lost points.

It prints a Markdown table (medians, min–max, ratios ours/bare) and writes
every sample to ``build/bench/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import BrowserContext, Page, Playwright, Request, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent / "bench"
sys.path.insert(0, str(HERE))  # the bench's own modules
import lighthouse  # noqa: E402  (scripts/bench/lighthouse.py)

NGINX = "/usr/sbin/nginx"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
CHECKLIST = "checklist/"
GUIDE = "guide/before/"
BARE = "__bench/bare.html"
# Chromium's network emulation for the slow link (bytes/s and ms, as CDP takes them).
SLOW_LINK = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1_600_000 / 8,
    "uploadThroughput": 750_000 / 8,
}
WAIT_MS = 180_000
# deploy/precompress.py's results by content hash (brotli -q11 of the wasm takes ~30 s).
PRECOMPRESS_CACHE = ROOT / "build" / "precompress"


# --- building -----------------------------------------------------------------


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


# --- visiting -------------------------------------------------------------------


@dataclass
class Visit:
    """What one page load did."""

    tick_ms: float | None  # first save of a tick to localStorage
    paint_ms: float | None = None  # first contentful paint: from then on ticks are kept
    verdict_ms: float | None = None  # first data-verdict (bare page: Python answered)
    wire_bytes: int = 0  # CDP encodedDataLength, page and workers
    server_bytes: int = 0  # nginx's log of bytes sent, for the same visit
    requests: int = 0
    plan: str = "-"  # what the page's worker fetched: snapshot, compiled, source, full
    wasm_seconds: float | None = None  # how long the wasm took to arrive (throttle check)
    wasm_bytes: int = 0


@dataclass
class Recorder:
    """Every finished request of a context, with its CDP size."""

    sizes: dict[str, int] = field(default_factory=dict)
    started: dict[Request, float] = field(default_factory=dict)
    finished: list[tuple[str, int, float]] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> Recorder:
        context.on("request", lambda request: self.started.setdefault(request, time.monotonic()))
        context.on("requestfinished", self._finished)
        return self

    def _finished(self, request: Request) -> None:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        took = time.monotonic() - self.started.get(request, time.monotonic())
        self.finished.append((request.url, max(size, 0), took))

    def take(self) -> list[tuple[str, int, float]]:
        taken, self.finished = self.finished, []
        return taken


def plan_of(urls: list[tuple[str, int, float]]) -> str:
    names = {urlsplit(url).path.rsplit("/", 1)[-1]: size for url, size, _ in urls}
    if "snapshot.bin.gz" in names:
        return "snapshot"
    for plan in ("compiled", "source"):
        if f"stdlib-{plan}.zip" in names:
            return plan
    return "full" if "python_stdlib.zip" in names else "-"


@contextmanager
def fresh_profile(playwright: Playwright, script: str | None = None) -> Iterator[BrowserContext]:
    """Chromium on a new, empty profile on disk: a first visit is cold, and a repeat
    visit finds what a returning merchant's browser keeps (the HTTP cache on disk and
    compiled code, which an in-memory context does not cache)."""
    with tempfile.TemporaryDirectory(prefix="bench-profile-") as profile:
        context = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 412, "height": 900},
        )
        try:
            context.add_init_script(path=str(HERE / "measure.js"))
            if script:
                context.add_init_script(script)
            yield context
        finally:
            context.close()


def visit(
    context: BrowserContext,
    recorder: Recorder,
    server: Server,
    path: str,
    *,
    throttle: dict | None = None,
    wait_verdict: bool = True,
) -> Visit:
    """Open one page in a new tab of `context`; wait for the verdict and a quiet network."""
    page: Page = context.new_page()
    if throttle:
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", throttle)
    recorder.take()
    since = server.log_size()
    page.goto(server.base_url + path, timeout=WAIT_MS)
    if wait_verdict:
        page.locator("[data-verdict]").first.wait_for(state="attached", timeout=WAIT_MS)
    page.wait_for_load_state("networkidle", timeout=WAIT_MS)
    marks = page.evaluate("() => window.__bench")
    page.close()
    time.sleep(0.3)  # let the last requestfinished events and log lines arrive
    finished = recorder.take()
    wasm = [(size, took) for url, size, took in finished if url.endswith("/pyodide.asm.wasm")]
    return Visit(
        tick_ms=marks["saves"][0] if marks["saves"] else None,
        paint_ms=marks["paint"],
        verdict_ms=marks["verdict"],
        wire_bytes=sum(size for _, size, _ in finished),
        server_bytes=server.bytes_sent(since),
        requests=len(finished),
        plan=plan_of(finished),
        wasm_seconds=wasm[0][1] if wasm and wasm[0][0] > 10_000 else None,
        wasm_bytes=wasm[0][0] if wasm else 0,
    )


def cold_and_repeat(
    playwright: Playwright,
    server: Server,
    path: str,
    *,
    throttle: dict | None = None,
    script: str | None = None,
    **options,
) -> tuple[Visit, Visit | None]:
    """A first visit on a fresh profile, then (fast link only) a repeat visit on it."""
    with fresh_profile(playwright, script) as context:
        recorder = Recorder().attach(context)
        cold = visit(context, recorder, server, path, throttle=throttle, **options)
        repeat = None if throttle else visit(context, recorder, server, path, **options)
    return cold, repeat


# Makes the checklist's worker choose a way of starting, as the tests do: the
# page's own files seem to arrive at this many bytes per second.
FORCE_PLAN = {"snapshot": 20_000_000, "compiled": 1_000_000, "source": 200_000}
FAKE_LINK = """
(() => {
  const size = 100000;
  const sample = { name: location.origin + "/measured", encodedBodySize: size,
                   transferSize: size + 300, responseStart: 10,
                   responseEnd: 10 + size * 1000 / %d };
  const real = performance.getEntriesByType.bind(performance);
  performance.getEntriesByType = (type) =>
    type === "resource" ? [sample] : type === "navigation" ? [] : real(type);
})();
"""


# --- reporting ------------------------------------------------------------------


def spread(values: list[float], unit: Callable[[float], str]) -> str:
    values = [value for value in values if value is not None]
    if not values:
        return "–"
    median = statistics.median(values)
    if len(values) == 1:
        return unit(median)
    return f"{unit(median)} ({unit(min(values))}–{unit(max(values))})"


def ms(value: float) -> str:
    return f"{value / 1000:.2f} s" if value >= 1000 else f"{value:.0f} ms"


def kb(value: float) -> str:
    return f"{value / 1_000_000:.2f} MB" if value >= 1_000_000 else f"{value / 1000:.0f} KB"


def seconds(value: float) -> str:
    return f"{value:.1f} s"


def ratio(ours: list[float], bare: list[float]) -> str:
    ours = [v for v in ours if v is not None]
    bare = [v for v in bare if v is not None]
    if not ours or not bare or not statistics.median(bare):
        return "–"
    return f"{statistics.median(ours) / statistics.median(bare):.2f}×"


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "?",
    )
    memory = next(
        (
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return f"{cpu}, {os.cpu_count()} cores, {memory / 1024:.1f} GB RAM, {platform.platform()}"


def versions() -> str:
    def run(*command: str) -> str:
        done = subprocess.run(command, capture_output=True, text=True)
        return (done.stdout + done.stderr).strip()

    chromium = run(CHROMIUM, "--version").removeprefix("Chromium ").split()[0]
    nginx_version = run(NGINX, "-v").split(": ")[-1]
    return f"Chromium {chromium}, {nginx_version}, Node {run('node', '--version')}"


# --- main -----------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="cold+repeat visits per page")
    parser.add_argument("--slow-runs", type=int, default=3, help="cold visits on the slow link")
    parser.add_argument("--builds", type=int, default=3, help="warm-cache site builds")
    parser.add_argument("--quick", action="store_true", help="1 run of each, no slow link")
    parser.add_argument(
        "--levers", type=int, default=3, help="cold+repeat visits forcing each way of starting"
    )
    parser.add_argument(
        "--lighthouse-runs",
        type=int,
        default=3,
        help="Lighthouse runs per page of lighthouse.PAGES, median shown (0: none)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench" / "latest.json")
    parser.add_argument("--report", type=Path, help="only print the table of an earlier run's JSON")
    args = parser.parse_args(argv)
    if args.report:
        print(report(json.loads(args.report.read_text(encoding="utf-8"))))
        return 0
    if args.quick:
        args.runs, args.slow_runs, args.builds, args.levers = 1, 0, 1, 0
        args.lighthouse_runs = min(args.lighthouse_runs, 1)
    started = time.perf_counter()
    load_before = os.getloadavg()
    results: dict = {"argv": argv}

    with tempfile.TemporaryDirectory(prefix="bench-") as scratch_name:
        scratch = Path(scratch_name)
        print("Building: once with an empty cache, then with the cache warm…", flush=True)
        cold_tree = work_tree_copy(scratch / "tree")
        cold_build = mkdocs_build(cold_tree, scratch / "site-cold")
        builds = [mkdocs_build(ROOT, scratch / f"site-{i}") for i in range(args.builds)]
        root = prepare_root(scratch / f"site-{args.builds - 1}", scratch / "served")
        (lock,) = root.glob("assets/pyodide/*/checklist-*/pyodide-lock.json")

        print("Timing evaluate() in Pyodide under Node…", flush=True)
        timing = json.loads(
            subprocess.run(
                [
                    "node",
                    str(HERE / "evaluate.mjs"),
                    str(lock),
                    str(ROOT / "checklist" / "scenarios.json"),
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )

        workdir = scratch / "nginx"
        workdir.mkdir()
        with nginx(root, workdir) as server, sync_playwright() as playwright:
            samples: dict[str, list[Visit]] = {}

            def add(name: str, value: Visit | None) -> None:
                if value is not None:
                    samples.setdefault(name, []).append(value)

            print(f"Fast link: {args.runs} × (checklist, bare, guide), cold then repeat…")
            for _ in range(args.runs):
                cold, repeat = cold_and_repeat(playwright, server, CHECKLIST)
                add("ours cold", cold)
                add("ours repeat", repeat)
                cold, repeat = cold_and_repeat(playwright, server, BARE)
                add("bare cold", cold)
                add("bare repeat", repeat)
                cold, repeat = cold_and_repeat(playwright, server, GUIDE, wait_verdict=False)
                add("guide cold", cold)
                add("guide repeat", repeat)
            if args.slow_runs:
                print(f"Slow link: {args.slow_runs} × (checklist, bare), cold…", flush=True)
            for _ in range(args.slow_runs):
                slow = cold_and_repeat(playwright, server, CHECKLIST, throttle=SLOW_LINK)
                add("ours slow", slow[0])
                slow = cold_and_repeat(playwright, server, BARE, throttle=SLOW_LINK)
                add("bare slow", slow[0])
            if args.levers:
                print(f"Levers: {args.levers} × each way of starting, forced…", flush=True)
            for _ in range(args.levers):
                for plan, rate in FORCE_PLAN.items():
                    cold, repeat = cold_and_repeat(
                        playwright, server, CHECKLIST, script=FAKE_LINK % rate
                    )
                    add(f"plan {plan} cold", cold)
                    add(f"plan {plan} repeat", repeat)
            if args.lighthouse_runs:
                print(
                    f"Lighthouse: {args.lighthouse_runs} × {len(lighthouse.PAGES)} pages…",
                    flush=True,
                )
                results["lighthouse"] = lighthouse.run_pages(
                    server.base_url,
                    lighthouse.PAGES,
                    args.out.parent / "lighthouse",
                    args.lighthouse_runs,
                )
            about = versions()

    results["samples"] = {name: [asdict(v) for v in visits] for name, visits in samples.items()}
    results["builds"] = {"cold": cold_build, "warm": builds}
    results["evaluate"] = timing
    results["machine"] = machine()
    results["software"] = about
    results["load"] = [load_before, os.getloadavg()]
    results["seconds"] = time.perf_counter() - started
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    print()
    print(report(results))
    return 0


def report(results: dict) -> str:
    """The Markdown table (and the notes under it) from a results dict."""
    samples = {
        name: [Visit(**visit) for visit in visits] for name, visits in results["samples"].items()
    }

    def get(name: str, attr: str) -> list:
        return [getattr(v, attr) for v in samples.get(name, [])]

    def plans(name: str) -> str:
        names = sorted(set(get(name, "plan")))
        return "/".join(names) if names else "–"

    rows = [
        "| measure | ours (checklist) | bare Pyodide page | ours/bare |",
        "|---|---|---|---|",
    ]

    def row(label: str, case: str, attr: str, unit: Callable[[float], str], *, vs=True) -> None:
        """ours vs bare (unless `vs` is false) for one case ("cold", "repeat", "slow")."""
        ours, bare = get(f"ours {case}", attr), get(f"bare {case}", attr) if vs else []
        rows.append(
            f"| {label} | {spread(ours, unit)} | {spread(bare, unit) if bare else '–'} | "
            f"{ratio(ours, bare) if bare else '–'} |"
        )

    row(
        "checklist shown (first paint; ticks kept from here), cold",
        "cold",
        "paint_ms",
        ms,
        vs=False,
    )
    row("tick saved, cold, fast link", "cold", "tick_ms", ms)
    row("tick saved, repeat visit", "repeat", "tick_ms", ms)
    row("first verdict, cold, fast link", "cold", "verdict_ms", ms)
    row("first verdict, repeat visit", "repeat", "verdict_ms", ms)
    row("bytes, first visit", "cold", "wire_bytes", kb)
    row("bytes, repeat visit", "repeat", "wire_bytes", kb)
    if samples.get("ours slow"):
        row("checklist shown (first paint), cold, slow link", "slow", "paint_ms", ms, vs=False)
        row("tick saved, cold, slow link", "slow", "tick_ms", ms)
        row("first verdict, cold, slow link", "slow", "verdict_ms", ms)
        row("bytes, first visit, slow link", "slow", "wire_bytes", kb)
    guide = [spread(get(f"guide {case}", "wire_bytes"), kb) for case in ("cold", "repeat")]
    rows.append(
        f"| guide page ({GUIDE}) bytes, first / repeat visit | {' / '.join(guide)} | – | – |"
    )
    timing = results["evaluate"]
    evaluate = statistics.median(timing["evaluate"])
    check = statistics.median(timing["check"])
    rows.append(
        f"| `evaluate()` per change, Pyodide in Node | {evaluate:.0f} µs (the page's whole "
        f"call, evaluate+summary+JSON: {check:.0f} µs) | – | – |"
    )
    builds = results["builds"]
    rows.append(
        f"| `mkdocs build --strict`, cache warm / empty | {spread(builds['warm'], seconds)} / "
        f"{seconds(builds['cold'])} | – | – |"
    )

    levers = [plan for plan in FORCE_PLAN if samples.get(f"plan {plan} cold")]
    if levers:
        rows += [
            "",
            "| way of starting, forced (fast link) | first verdict, cold | first verdict, "
            "repeat | bytes, first visit |",
            "|---|---|---|---|",
        ]
        for plan in levers:
            cold, repeat = f"plan {plan} cold", f"plan {plan} repeat"
            rows.append(
                f"| {plan} | {spread(get(cold, 'verdict_ms'), ms)} | "
                f"{spread(get(repeat, 'verdict_ms'), ms)} | {spread(get(cold, 'wire_bytes'), kb)} |"
            )

    checks = []
    for name in samples:
        wire, server = sum(get(name, "wire_bytes")), sum(get(name, "server_bytes"))
        if server:
            checks.append(f"{name} {100 * (wire - server) / server:+.1f}%")
    throttled = [
        f"{v.wasm_bytes * 8 / v.wasm_seconds / 1e6:.2f} Mbit/s"
        for v in samples.get("ours slow", []) + samples.get("bare slow", [])
        if v.wasm_seconds
    ]
    load = results["load"]
    notes = [
        "",
        f"Runs: {len(samples.get('ours cold', []))} cold + repeat visits per page on the fast link "
        f"(localhost), {len(samples.get('ours slow', []))} cold on the slow link. "
        f"Page chose: fast cold {plans('ours cold')}, repeat {plans('ours repeat')}, "
        f"slow {plans('ours slow')}.",
        "Bytes check, CDP vs nginx's log of bytes sent: " + ", ".join(checks) + ".",
    ]
    if throttled:
        notes.append(f"Throttle check, the worker's wasm download ran at: {', '.join(throttled)}.")
    notes += [
        f"Machine: {results['machine']}; {results['software']}; "
        f"load average {load[0][0]:.1f} before, {load[1][0]:.1f} after.",
        f"Bench run time: {results['seconds'] / 60:.1f} min.",
    ]
    if results.get("lighthouse"):
        notes += ["", lighthouse.table(results["lighthouse"])]
    return "\n".join(rows + notes)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
