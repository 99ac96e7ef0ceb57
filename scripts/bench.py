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
   a repeat visit on the same profile (its HTTP cache, code cache and service
   worker, as a returning merchant's browser has them; an in-memory context
   caches no compiled code, which made repeat visits ~0.3 s slower). On the
   checklist and the guide page the cold visit lasts until the page says it
   is kept for offline use (the checklist: its Python too), and a third visit
   runs with the network cut (Playwright's offline mode). ``measure.js``
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
5. Times the first verdict in Chromium, Firefox ESR and WebKitGTK, cold, at full
   speed and at 2 Mbit/s shared by every connection (``scripts/bench/engines.py``).
6. Runs Lighthouse (``scripts/bench/lighthouse.py``) on the home page, a
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
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
HERE = Path(__file__).resolve().parent / "bench"
sys.path.insert(0, str(HERE))  # the bench's own modules
import engines  # noqa: E402  (scripts/bench/engines.py)
import lighthouse  # noqa: E402  (scripts/bench/lighthouse.py)
from report import GUIDE, machine, report, versions  # noqa: E402
from serving import mkdocs_build, nginx, prepare_root, work_tree_copy  # noqa: E402
from visits import (  # noqa: E402
    FAKE_LINK,
    FORCE_PLAN,
    PAGES_KEPT,
    RUNTIME_KEPT,
    SLOW_LINK,
    Visit,
    visits,
)

CHECKLIST = "checklist/"
BARE = "__bench/bare.html"


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
        earlier = json.loads(args.report.read_text(encoding="utf-8"))
        print(report(earlier))
        if "engines" in earlier:
            print()
            print(engines.table(earlier["engines"]))
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

            def add(name: str, done: dict[str, Visit], case: str | None = None) -> None:
                """Keep each visit as "<name> <case>": cold, repeat, offline, slow."""
                for kind, value in done.items():
                    samples.setdefault(f"{name} {case or kind}", []).append(value)

            print(f"Fast link: {args.runs} × (checklist, bare, guide), cold, repeat, offline…")
            for _ in range(args.runs):
                add("ours", visits(playwright, server, CHECKLIST, kept=RUNTIME_KEPT))
                add("bare", visits(playwright, server, BARE))
                add("guide", visits(playwright, server, GUIDE, kept=PAGES_KEPT, wait_verdict=False))
            if args.slow_runs:
                print(f"Slow link: {args.slow_runs} × (checklist, bare), cold…", flush=True)
            for _ in range(args.slow_runs):
                add("ours", visits(playwright, server, CHECKLIST, throttle=SLOW_LINK), "slow")
                add("bare", visits(playwright, server, BARE, throttle=SLOW_LINK), "slow")
            if args.levers:
                print(f"Levers: {args.levers} × each way of starting, forced…", flush=True)
            for _ in range(args.levers):
                for plan, rate in FORCE_PLAN.items():
                    done = visits(playwright, server, CHECKLIST, script=FAKE_LINK % rate)
                    add(f"plan {plan}", done)
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
            print("Engines: Chromium, Firefox, WebKit, cold, fast and 2 Mbit/s…", flush=True)
            results["engines"] = engines.timings(root, 1 if args.quick else args.slow_runs or 1)
            about = versions()

    results["samples"] = {name: [asdict(v) for v in done] for name, done in samples.items()}
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
    print()
    print(engines.table(results["engines"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
