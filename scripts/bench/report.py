"""The bench's report: a Markdown table of medians, spreads and ratios (ours /
the bare Pyodide page) from the samples of one run, for scripts/bench.py."""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
from collections.abc import Callable
from pathlib import Path

import lighthouse
from chromium import CHROMIUM
from serving import NGINX
from visits import FORCE_PLAN, Visit

GUIDE = "guide/before/"


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

    def row(
        label: str, case: str, attr: str, unit: Callable[[float], str], *, vs: str | None = ""
    ) -> None:
        """ours for one case ("cold", "repeat", "offline", "slow") against the bare
        page's same case, or its case `vs`, or (None) nothing."""
        ours = get(f"ours {case}", attr)
        bare = get(f"bare {vs or case}", attr) if vs is not None else []
        against = f" (its {vs})" if vs and bare else ""
        rows.append(
            f"| {label} | {spread(ours, unit)} | {spread(bare, unit) + against if bare else '–'} | "
            f"{ratio(ours, bare) if bare else '–'} |"
        )

    row(
        "checklist shown (first paint; ticks kept from here), cold",
        "cold",
        "paint_ms",
        ms,
        vs=None,
    )
    row("tick saved, cold, fast link", "cold", "tick_ms", ms)
    row("tick saved, repeat visit", "repeat", "tick_ms", ms)
    row("first verdict, cold, fast link", "cold", "verdict_ms", ms)
    row("first verdict, repeat visit", "repeat", "verdict_ms", ms)
    row("first verdict, repeat, against a cold bare page", "repeat", "verdict_ms", ms, vs="cold")
    row("first verdict, offline visit", "offline", "verdict_ms", ms, vs="cold")
    row("checklist shown (first paint), offline visit", "offline", "paint_ms", ms, vs=None)
    row("kept for offline use (its Python too), cold visit", "cold", "kept_ms", ms, vs=None)
    row("bytes, first visit", "cold", "wire_bytes", kb)
    row("bytes, repeat visit", "repeat", "wire_bytes", kb)
    row("bytes from the server, offline visit", "offline", "server_bytes", kb, vs=None)
    if samples.get("ours slow"):
        row("checklist shown (first paint), cold, slow link", "slow", "paint_ms", ms, vs=None)
        row("tick saved, cold, slow link", "slow", "tick_ms", ms)
        row("first verdict, cold, slow link", "slow", "verdict_ms", ms)
        row("bytes, first visit, slow link", "slow", "wire_bytes", kb)
    shown = [spread(get(f"guide {case}", "paint_ms"), ms) for case in ("cold", "repeat", "offline")]
    rows.append(
        f"| guide page ({GUIDE}) first paint, cold / repeat / offline | {' / '.join(shown)} "
        "| – | – |"
    )
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
    notes += ["", *targets(samples, results.get("lighthouse") or [])]
    if results.get("lighthouse"):
        notes += ["", lighthouse.table(results["lighthouse"])]
    return "\n".join(rows + notes)


def targets(samples: dict[str, list[Visit]], pages: list[dict]) -> list[str]:
    """Issue 15's targets, each with this run's figure and whether it was met."""

    def median(name: str, attr: str) -> float | None:
        values = [getattr(v, attr) for v in samples.get(name, []) if getattr(v, attr) is not None]
        return statistics.median(values) if values else None

    bare = median("bare cold", "verdict_ms")
    repeat, cold = median("ours repeat", "verdict_ms"), median("ours cold", "verdict_ms")
    offline, tick = median("ours offline", "verdict_ms"), median("ours cold", "tick_ms")
    checks = [
        ("first verdict, repeat visit ≤ 0.3× a cold bare page", repeat, bare, 0.3),
        ("first verdict, cold, fast link ≤ 0.35× a cold bare page", cold, bare, 0.35),
        ("first verdict, offline ≤ 1× the online repeat visit", offline, repeat, 1.0),
    ]
    lines = ["| target | this run | met |", "|---|---|---|"]
    for label, ours, base, limit in checks:
        if ours is None or not base:
            lines.append(f"| {label} | not measured | – |")
            continue
        met = "yes" if ours / base <= limit else "no"
        lines.append(f"| {label} | {ours / base:.2f}× | {met} |")
    if tick is not None:
        lines.append(f"| tick saved, cold < 0.5 s | {ms(tick)} | {'yes' if tick < 500 else 'no'} |")
    for page in pages:
        scores, cls = page["scores"], page["metrics"].get("CLS")
        others = [scores.get(name) for name in ("accessibility", "best-practices", "seo")]
        met = (
            cls is not None
            and cls <= 0.1
            and (scores.get("performance") or 0) >= 90
            and all(score == 100 for score in others)
        )
        lines.append(
            f"| Lighthouse /{page['page']}: CLS ≤ 0.1, performance ≥ 90, the others 100 | "
            f"CLS {cls if cls is None else f'{cls:.3f}'}, {scores.get('performance')} / "
            f"{' / '.join(str(score) for score in others)} | {'yes' if met else 'no'} |"
        )
    return lines
