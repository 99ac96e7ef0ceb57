"""Lighthouse as a second judge: the four category scores and the key metrics of a
few pages, served by nginx with the deployment example.

``scripts/bench.py`` calls :func:`run_pages` while its nginx serves the build
and :func:`table` for its report. Alone, for one or two pages while working
on them (a built site is served the same way, after ``deploy/precompress.py``)::

    .venv/bin/python scripts/bench/lighthouse.py --site /tmp/site guide/before/ en/

Lighthouse is npm's ``lighthouse`` (pinned in ``scripts/bench/package.json``,
installed only by ``make bench``; it needs none of the install scripts, which the
``.npmrc`` beside it turns off) with Debian's Chromium and its
default mobile emulation (simulated slow 4G, 4× CPU slowdown). Nothing leaves
the machine: error reporting is off, and Chromium resolves no host name
(``--host-resolver-rules``), so a request to anything but the site's
``127.0.0.1`` fails at once instead of reaching the internet. No audit of
Lighthouse 12's four categories needs another host (``robots.txt`` and
source maps are fetched from the site itself); every request of a run is
checked against the site's origin and listed if it went elsewhere.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from chromium import ARGS, CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
# Installed by `make bench` only (scripts/bench/package.json and its lock).
LIGHTHOUSE = Path(__file__).resolve().parent / "node_modules" / "lighthouse" / "cli" / "index.js"
# Lets Lighthouse 12.2.3 read Chromium 156's traces (see the file).
TRACE_FIX = Path(__file__).resolve().parent / "lighthouse-trace-fix.mjs"
CHROME_FLAGS = [
    "--headless=new",
    *ARGS,
    # No host name resolves: the pages are fetched from 127.0.0.1, nothing else can be.
    "--host-resolver-rules=MAP * ~NOTFOUND",
]
# Home, a guide page and the checklist, in both languages.
PAGES = ["", "guide/before/", "checklist/", "en/", "en/guide/before/", "en/checklist/"]
CATEGORIES = {
    "performance": "performance",
    "accessibility": "accessibility",
    "best-practices": "best practices",
    "seo": "SEO",
}
METRICS = {
    "LCP": "largest-contentful-paint",
    "TBT": "total-blocking-time",
    "CLS": "cumulative-layout-shift",
    "FCP": "first-contentful-paint",
    "SI": "speed-index",
}
# Always listed when it has rows: where the page's layout shifts come from.
SHIFTS = "layout-shifts"
TIMEOUT_S = 300


@dataclass
class Result:
    """One Lighthouse run of one page."""

    page: str
    scores: dict[str, int | None] = field(default_factory=dict)  # 0–100 per category
    metrics: dict[str, float | None] = field(default_factory=dict)  # ms, CLS unitless
    failing: list[dict] = field(default_factory=list)  # id, title, score, value, items
    elsewhere: list[str] = field(default_factory=list)  # requests not to the site's origin
    warnings: list[str] = field(default_factory=list)  # Lighthouse's runWarnings
    error: str | None = None  # the run or the page failed
    benchmark_index: float | None = None  # Lighthouse's measure of this machine's speed
    performance_runs: list[int | None] = field(default_factory=list)  # every run's score
    seconds: float = 0.0


def command(url: str, out: Path) -> list[str]:
    """The Lighthouse command line for one page; writes out.report.json and .html."""
    register = (
        f'import {{ register }} from "node:module"; register({json.dumps(TRACE_FIX.as_uri())});'
    )
    return [
        "node",
        f"--import=data:text/javascript,{quote(register)}",
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--no-enable-error-reporting",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={out}",
    ]


def item_summary(item: dict) -> str:
    """One line for an audit's detail row: the element or URL, its score, its causes."""
    if "groupLabel" in item:  # mainthread-work-breakdown
        return f"{item['groupLabel']} {item.get('duration', 0):.0f} ms"
    node = item.get("node") or {}
    where = node.get("selector") or node.get("snippet") or item.get("url") or item.get("source")
    if isinstance(where, dict):
        where = where.get("url") or where.get("selector")
    text = str(where or json.dumps(item, ensure_ascii=False)[:160])
    score = item.get("score")
    if isinstance(score, float | int):
        text += f" ({score:.3f})"
    causes: dict[str, list[str]] = {}  # layout-shifts: cause -> the URLs behind it
    for sub in (item.get("subItems") or {}).get("items", []):
        if "cause" not in sub:
            continue
        extra = sub.get("extra") or {}
        url = extra.get("value") or extra.get("url") or ""
        causes.setdefault(str(sub.get("cause") or "?"), []).append(urlsplit(str(url)).path)
    if causes:
        text += " [" + "; ".join(f"{c}: {', '.join(filter(None, u))}" for c, u in causes.items())
        text += "]"
    return text


def failing_audits(lhr: dict) -> list[dict]:
    """The categories' audits that lost points or could not run (not the metrics: they
    are in the table), plus the layout shifts with their elements and causes."""
    ids = {
        ref["id"]
        for category in lhr["categories"].values()
        for ref in category["auditRefs"]
        if ref.get("group") not in {"metrics", "hidden"}  # metrics: in the table
    } | {SHIFTS}
    out = []
    for audit_id in sorted(ids):
        audit = lhr["audits"].get(audit_id)
        if audit is None:
            continue
        mode, score = audit["scoreDisplayMode"], audit.get("score")
        items = (audit.get("details") or {}).get("items") or []
        if audit_id == SHIFTS:
            if not items and mode != "error":
                continue
        elif mode == "error":
            pass
        elif mode in {"notApplicable", "manual", "informative"} or score is None or score >= 1:
            continue
        out.append(
            {
                "id": audit_id,
                "title": audit["title"],
                "score": score,
                "value": audit.get("errorMessage") or audit.get("displayValue", ""),
                "items": [item_summary(item) for item in items[:8]],
            }
        )
    return out


def parse(page: str, origin: str, lhr: dict) -> Result:
    """What the report says: scores, metrics, failing audits, requests elsewhere."""
    result = Result(page)
    if lhr.get("runtimeError"):
        result.error = lhr["runtimeError"].get("message", str(lhr["runtimeError"]))
    for key in CATEGORIES:
        score = lhr["categories"].get(key, {}).get("score")
        result.scores[key] = None if score is None else round(score * 100)
    for name, audit_id in METRICS.items():
        result.metrics[name] = lhr["audits"].get(audit_id, {}).get("numericValue")
    result.failing = failing_audits(lhr)
    requests = (lhr["audits"].get("network-requests", {}).get("details") or {}).get("items", [])
    result.elsewhere = sorted(
        {
            item["url"]
            for item in requests
            if urlsplit(item["url"]).scheme in {"http", "https", "ws", "wss"}
            and f"{urlsplit(item['url']).scheme}://{urlsplit(item['url']).netloc}" != origin
        }
    )
    result.warnings = [str(warning) for warning in lhr.get("runWarnings", [])]
    result.benchmark_index = (lhr.get("environment") or {}).get("benchmarkIndex")
    return result


def run_page(base_url: str, page: str, out_dir: Path, run: int = 1) -> Result:
    """One Lighthouse run of base_url + page; the reports stay in out_dir."""
    url = base_url + page
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
    out = out_dir / f"{page.strip('/').replace('/', '-') or 'home'}-{run}"
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    done = subprocess.run(
        command(url, out),
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
    )
    report = out.with_name(out.name + ".report.json")
    if done.returncode != 0 or not report.is_file():
        tail = (done.stderr or done.stdout).strip().splitlines()[-5:]
        return Result(page, error=f"lighthouse exited {done.returncode}: {' / '.join(tail)}")
    result = parse(page, origin, json.loads(report.read_text(encoding="utf-8")))
    result.seconds = time.perf_counter() - started
    return result


def median_run(runs: list[Result]) -> Result:
    """The run with the median performance score (the lower middle one of an even count),
    carrying every run's score: one page's runs differ by tens of points on a busy CPU."""
    scored = sorted(
        runs, key=lambda r: -1 if r.scores.get("performance") is None else r.scores["performance"]
    )
    middle = scored[(len(scored) - 1) // 2]
    middle.performance_runs = [r.scores.get("performance") for r in runs]
    return middle


def run_pages(base_url: str, pages: list[str], out_dir: Path, runs: int = 1) -> list[dict]:
    """Lighthouse `runs` times on each page in turn (one Chromium at a time: the scores
    are CPU-bound); each page's median run."""
    results = []
    for page in pages:
        print(f"  Lighthouse: /{page}", flush=True)
        done = [run_page(base_url, page, out_dir, run) for run in range(1, runs + 1)]
        results.append(asdict(median_run(done)))
    return results


# --- reporting ------------------------------------------------------------------


def metric(name: str, value: float | None) -> str:
    if value is None:
        return "–"
    if name == "CLS":
        return f"{value:.3f}"
    return f"{value / 1000:.1f} s" if value >= 1000 else f"{value:.0f} ms"


def runs_note(results: list[dict]) -> str:
    counts = {len(result.get("performance_runs") or [1]) for result in results}
    if counts == {1}:
        return "One run per page"
    return (
        f"{'/'.join(map(str, sorted(counts)))} runs per page, the run with the median "
        "performance score shown (the lowest and highest in brackets)"
    )


def table(results: list[dict]) -> str:
    """The Markdown table of scores and metrics, then each page's failing audits."""
    head = list(CATEGORIES.values()) + list(METRICS)
    rows = [
        "| Lighthouse (mobile) | " + " | ".join(head) + " |",
        "|---" * (len(head) + 1) + "|",
    ]
    notes = []
    for result in results:
        page = "/" + result["page"]
        if result["error"]:
            notes.append(f"- {page}: {result['error']}")
        scores = [
            "–" if result["scores"].get(key) is None else str(result["scores"][key])
            for key in CATEGORIES
        ]
        spread = [score for score in result.get("performance_runs", []) if score is not None]
        if len(spread) > 1:
            scores[0] += f" ({min(spread)}–{max(spread)})"
        metrics = [metric(name, result["metrics"].get(name)) for name in METRICS]
        rows.append(f"| {page} | " + " | ".join(scores + metrics) + " |")
        for audit in result["failing"]:
            score = "–" if audit["score"] is None else f"{audit['score']:.2f}"
            line = f"- {page}: `{audit['id']}` {score}"
            if audit["value"]:
                line += f" ({audit['value']})"
            if audit["items"]:
                line += ": " + "; ".join(audit["items"])
            notes.append(line)
        for warning in result["warnings"]:
            notes.append(f"- {page}: Lighthouse warned: {warning}")
        if result["elsewhere"]:
            notes.append(f"- {page}: requests to other origins: {', '.join(result['elsewhere'])}")
    speed = [r["benchmark_index"] for r in results if r.get("benchmark_index")]
    if speed:
        rows += [
            "",
            f"{runs_note(results)}, mobile emulation (simulated slow 4G, 4× CPU slowdown); "
            "Lighthouse's benchmark index of this machine in those runs "
            f"{min(speed):.0f}–{max(speed):.0f} "
            "(higher is faster; it drops when the machine is busy, and TBT rises with it).",
        ]
    if notes:
        rows += ["", "Audits that lost points (and layout shifts, with their sources):", *notes]
    return "\n".join(rows)


# --- alone ----------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, required=True, help="a built site (mkdocs build)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "bench" / "lighthouse")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median shown)")
    parser.add_argument("pages", nargs="*", default=PAGES, help="paths under the site root")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT / "scripts"))
    import bench  # scripts/bench.py: serve the build exactly as the bench does

    with tempfile.TemporaryDirectory(prefix="lighthouse-") as scratch_name:
        scratch = Path(scratch_name)
        root = bench.prepare_root(args.site, scratch / "served")
        workdir = scratch / "nginx"
        workdir.mkdir()
        with bench.nginx(root, workdir) as server:
            results = run_pages(server.base_url, args.pages, args.out, args.runs)
    print(table(results))
    return 1 if any(result["error"] for result in results) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
