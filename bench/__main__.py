"""``python -m bench [--quick]``: every benchmark, the app beside a bare Textual app, in one table.

Full mode is for notes and the README (about half an hour); ``--quick`` is for CI
(under a minute: the breathing timer runs while memory and CPU are measured) and never
fails on the figures, which are noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import platform
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import textual

import walkthrough

from .calm import cpu_figures, timing_figures
from .figures import median, p99, slope
from .follow_latency import follow_figures
from .latency import latency_figures
from .memory import memory_figures
from .report_big import report_figures
from .startup import startup_figures


@dataclass(frozen=True)
class Mode:
    """How much of each benchmark to run."""

    startups: int
    presses: int
    navigations: int
    every: int
    cpu_window: float
    settle: float
    breathing_minutes: float
    report_rows: int


FULL = Mode(
    startups=15,
    presses=500,
    navigations=10_000,
    every=1_000,
    cpu_window=60.0,
    settle=2.0,
    breathing_minutes=10,
    report_rows=1_000_000,
)
QUICK = Mode(
    startups=4,
    presses=60,
    navigations=230,
    every=46,
    cpu_window=2.0,
    settle=1.0,
    breathing_minutes=0.5,
    report_rows=20_000,
)


@dataclass(frozen=True)
class Row:
    """One line of the table."""

    figure: str
    median: str
    tail: str
    bare: str
    ratio: str
    budget: str
    passed: bool


def main() -> int:
    """Run everything and print the table; in full mode, exit 1 if a budget is broken."""
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true", help="a short run for CI; prints, never fails on figures")
    args = parser.parse_args()
    mode = QUICK if args.quick else FULL
    started = time.monotonic()
    compile_as_installed()
    print(
        f"walkthrough benchmarks ({'quick' if args.quick else 'full'}) on {platform.machine()}, "
        f"Python {platform.python_version()}, Textual {textual.__version__}"
    )
    rows = [*startup_rows(mode), *latency_rows(mode)]
    if args.quick:
        # Quick: breathe in this process while memory and CPU are read from others (it mostly waits).
        with ThreadPoolExecutor(1) as pool:
            timing = pool.submit(timing_rows, mode)
            rows += [*memory_rows(mode), *cpu_rows(mode)]
            rows += timing.result()
    else:
        rows += [*memory_rows(mode), *cpu_rows(mode), *timing_rows(mode)]
    rows += report_rows(mode)
    rows += follow_rows(mode)
    print_table(rows, quick=args.quick)
    if args.quick:
        print("quick run: short samples, for a look only; budgets are judged by a full run (python -m bench)")
    print(f"({time.monotonic() - started:.0f} s)")
    if args.quick:
        return 0
    return 0 if all(row.passed for row in rows) else 1


def compile_as_installed() -> None:
    """Compile walkthrough and the bench to bytecode first, as ``pip install`` does for the package.

    Run from a source tree where no bytecode is written (``PYTHONDONTWRITEBYTECODE``, as on
    some CI machines), every start would otherwise compile every module of ours again and
    measure that (about 25 ms) instead of the app a clinic has installed.
    """
    for package in (walkthrough, sys.modules[__package__]):
        compileall.compile_dir(Path(package.__file__).parent, quiet=1)


def startup_rows(mode: Mode) -> list[Row]:
    """Launch to first screen in a pseudo-terminal."""
    figures = startup_figures(mode.startups)
    app, changed, bare = median(figures["app"]), median(figures["changed"]), median(figures["bare"])
    ratio = app / bare
    return [
        Row(
            f"start-up to first screen, ms ({mode.startups} runs)",
            f"{app:.0f}",
            f"max {max(figures['app']):.0f}",
            f"{bare:.0f}",
            f"{ratio:.2f}",
            "≤ 1.25× bare",
            ratio <= 1.25,
        ),
        Row(
            "  the same, first start after a content change",
            f"{changed:.0f}",
            f"max {max(figures['changed']):.0f}",
            f"{bare:.0f}",
            f"{changed / bare:.2f}",
            "(for a look)",
            True,
        ),
    ]


def latency_rows(mode: Mode) -> list[Row]:
    """Key to painted screen, next and back."""
    figures = latency_figures(mode.presses)
    app, bare = figures["app"], figures["bare"]
    return [
        Row(
            f"key to painted screen, ms ({len(app)} of {mode.presses} keys)",
            f"{median(app):.1f}",
            f"p99 {p99(app):.1f}",
            f"{median(bare):.1f}",
            f"{median(app) / median(bare):.1f}",
            "≤ 10, p99 ≤ 40",
            median(app) <= 10 and p99(app) <= 40,
        )
    ]


def memory_rows(mode: Mode) -> list[Row]:
    """RSS over many navigations: growth after the first checkpoint, and its trend."""
    figures = memory_figures(mode.navigations, mode.every)
    rows = []
    app, bare = figures["app"], figures["bare"]
    # Growth is counted from the first checkpoint: the start-up reading is before any screen was visited.
    growth, bare_growth = app[-1] - app[1], bare[-1] - bare[1]
    trend = slope([(index * mode.every, value) for index, value in enumerate(app[1:], 1)]) * 1000
    rows.append(
        Row(
            f"memory growth, MB ({mode.navigations:,} navigations)",
            f"{growth:+.2f}",
            f"{trend:+.2f}/1k",
            f"{bare_growth:+.2f}",
            "-",
            "≤ 2, no trend",
            growth <= 2.0 and trend <= 0.2,
        )
    )
    print("  RSS MB, app: " + " ".join(f"{value:.1f}" for value in app))
    print("  RSS MB, bare: " + " ".join(f"{value:.1f}" for value in bare))
    return rows


def cpu_rows(mode: Mode) -> list[Row]:
    """CPU of one core: idle on text, after calming mode, and while the pacer animates."""
    figures = cpu_figures(mode.cpu_window, 1, mode.settle)
    bare_idle, bare_animating = figures["bare app, idle"][0], figures["bare app, bar at 15 fps"][0]
    rows = []
    for name, key, bare, budget in [
        ("idle CPU %, text screen", "text screen, idle", bare_idle, 0.5),
        ("idle CPU %, after calming mode", "text screen, after calming mode", bare_idle, 0.5),
        ("animating CPU %, breathing pacer", "pacer animating", bare_animating, 3.0),
    ]:
        value = figures[key][0]
        ratio = f"{value / bare:.1f}" if bare > 0 else "-"
        passed = value < budget if "idle" in name else value <= budget
        limit = f"< {budget}" if "idle" in name else f"≤ {budget}"
        rows.append(Row(f"{name} ({mode.cpu_window:.0f} s)", f"{value:.2f}", "", f"{bare:.2f}", ratio, limit, passed))
    return rows


def timing_rows(mode: Mode) -> list[Row]:
    """Breathing phase changes against the monotonic plan."""
    errors, _ = asyncio.run(timing_figures(mode.breathing_minutes))
    worst = max(abs(error) for error in errors)
    quarter = max(1, len(errors) // 4)
    build_up = statistics.mean(errors[-quarter:]) - statistics.mean(errors[:quarter])
    return [
        Row(
            f"timer error, ms ({len(errors)} phases, {mode.breathing_minutes:g} min)",
            f"{median(errors):.2f}",
            f"max {worst:.2f}",
            "",
            "",
            "each ≤ 10, no build-up",
            worst <= 10 and abs(build_up) <= 2,
        ),
        Row("  build-up, ms (last quarter − first)", f"{build_up:+.2f}", "", "", "", "", True),
    ]


def report_rows(mode: Mode) -> list[Row]:
    """walkthrough report over a big store, beside a bare SELECT count(*) of the same file."""
    figures = report_figures(mode.report_rows, 3)
    seconds, floor = median(figures["table"]), median(figures["count"])
    return [
        Row(
            f"report over {mode.report_rows:,} sessions, s",
            f"{seconds:.2f}",
            f"max {max(figures['table']):.2f}",
            f"{floor:.2f}",
            f"{seconds / floor:.0f}" if floor else "-",
            "≤ 2 at 1,000,000",
            seconds <= 2.0,
        )
    ]


def follow_rows(mode: Mode) -> list[Row]:
    """The leader's key to the follower's frame (two processes on ptys), beside a bare Unix-socket round trip."""
    figures = follow_figures(min(mode.presses, 200))
    follow, bare = figures["follow"], figures["bare"]
    return [
        Row(
            f"follow: leader's key to follower's frame, ms ({len(follow)} keys)",
            f"{median(follow):.1f}",
            f"p99 {p99(follow):.1f}",
            f"{median(bare):.2f}",
            f"{median(follow) / median(bare):.0f}",
            "median ≤ 50",
            median(follow) <= 50,
        )
    ]


def print_table(rows: list[Row], *, quick: bool = False) -> None:
    """The table: figure, median, tail, the bare app's figure, the ratio, the budget and the verdict.

    A quick run's samples are too short to judge a budget by ("over" is a hint, not a failure).
    """
    width = max(len(row.figure) for row in rows)
    lines = [("figure", "median", "p99/max", "bare", "ratio", "budget", "result")]
    for row in rows:
        verdict = "" if not row.budget else ("pass" if row.passed else "over" if quick else "FAIL")
        lines.append((row.figure, row.median, row.tail, row.bare, row.ratio, row.budget, verdict))
    for figure, middle, tail, bare, ratio, budget, verdict in lines:
        print(f"{figure:<{width}}  {middle:>8}  {tail:>12}  {bare:>7}  {ratio:>6}  {budget:<24}{verdict}")
    sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
