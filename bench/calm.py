"""Calming-mode benchmark: CPU while the pacer animates and while a text screen idles, and timing accuracy.

Usage: ``python -m bench.calm`` (full: 60 s windows, 10 minutes of breathing)
or ``python -m bench.calm --quick`` (10 s windows, 2 minutes; for CI, prints only).

CPU is measured on real processes in a pseudo-terminal, from /proc, beside a
bare Textual app measured the same way in the same run. Timing is measured
in-process on the real clock: each phase change is logged as (planned, shown).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time

from walkthrough.app import WalkthroughApp
from walkthrough.content import bundled_content_dir, load_walkthrough
from walkthrough.screens.calm import CalmScreen

from .ptyrun import PtyProgram

RIGHT, ESCAPE = "\x1b[C", "\x1b"
BUDGET_IDLE, BUDGET_ANIMATING, BUDGET_DRIFT_MS = 0.5, 3.0, 20.0


def cpu_figures(window: float, repeats: int, settle: float = 2.0) -> dict[str, list[float]]:
    """CPU % of one core in each situation: ``repeats`` windows of ``window`` s, after ``settle`` s of quiet."""
    figures: dict[str, list[float]] = {}
    python = sys.executable
    bare = PtyProgram([python, "-m", "bench.bare_app"])
    bare.wait_for("bare Textual app")
    figures["bare app, idle"] = [bare.cpu_percent(window, settle) for _ in range(repeats)]
    bare.close()
    bare = PtyProgram([python, "-m", "bench.bare_app", "--animate"])
    bare.wait_for("bare Textual app")
    figures["bare app, bar at 15 fps"] = [bare.cpu_percent(window, settle) for _ in range(repeats)]
    bare.close()
    app = PtyProgram([python, "-m", "walkthrough"])
    app.wait_for("Welcome")
    app.send(RIGHT)
    app.wait_for("Step")
    figures["text screen, idle"] = [app.cpu_percent(window, settle) for _ in range(repeats)]
    app.send("b")
    app.wait_for("left")
    time.sleep(3.5)  # past the 3-2-1
    figures["pacer animating"] = [app.cpu_percent(window, settle) for _ in range(repeats)]
    app.send(ESCAPE)
    time.sleep(0.5)
    figures["text screen, after calming mode"] = [app.cpu_percent(window, settle) for _ in range(repeats)]
    app.close()
    return figures


async def timing_figures(minutes: float) -> tuple[list[float], list[float]]:
    """Phase-change errors (ms, shown minus planned) and redraw intervals (ms) over ``minutes`` of breathing."""
    app = WalkthroughApp(load_walkthrough(bundled_content_dir()))
    ticks: list[float] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "b")
        screen = app.screen
        assert isinstance(screen, CalmScreen)
        original_tick = screen.tick

        def logged_tick() -> None:
            ticks.append(time.monotonic())
            original_tick()

        screen.tick = logged_tick  # type: ignore[method-assign]
        screen.action_length(minutes if minutes in (1, 3, 5) else 1)
        if minutes not in (1, 3, 5):
            screen.session.total = minutes * 60.0
        while not screen.has_class("-finished"):
            await asyncio.sleep(0.5)
        errors = [(shown - planned) * 1000 for planned, shown in screen.phase_log]
    intervals = [(b - a) * 1000 for a, b in zip(ticks, ticks[1:], strict=False)]
    return errors, intervals


def spread(values: list[float]) -> str:
    """Median and range, e.g. '0.12 (0.10–0.15)'."""
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main() -> int:
    """Run the benchmark and print a table; exit 1 if a budget is broken in full mode."""
    parser = argparse.ArgumentParser(prog="python -m bench.calm")
    parser.add_argument("--quick", action="store_true", help="short windows for CI; never fails on the figures")
    args = parser.parse_args()
    window, repeats, minutes = (10.0, 1, 2) if args.quick else (60.0, 1, 10)
    mode = "quick" if args.quick else "full"
    print(f"calming-mode benchmark ({mode}): CPU windows of {window:.0f} s, {minutes} min of breathing")
    cpu = cpu_figures(window, repeats)
    errors, intervals = asyncio.run(timing_figures(minutes))
    bare_idle = statistics.median(cpu["bare app, idle"])
    bare_anim = statistics.median(cpu["bare app, bar at 15 fps"])
    rows = [
        ("CPU %, text screen idle", cpu["text screen, idle"], bare_idle, BUDGET_IDLE),
        ("CPU %, after calming mode", cpu["text screen, after calming mode"], bare_idle, BUDGET_IDLE),
        ("CPU %, pacer animating", cpu["pacer animating"], bare_anim, BUDGET_ANIMATING),
    ]
    ok = True
    print(f"{'figure':34} {'median (range)':>20} {'bare app':>9} {'ratio':>6} {'budget':>8}  result")
    for name, values, bare, budget in rows:
        median = statistics.median(values)
        passed = median < budget if "idle" in name or "after" in name else median <= budget
        ok &= passed
        ratio = f"{median / bare:.2f}" if bare > 0 else "-"
        print(f"{name:34} {spread(values):>20} {bare:9.2f} {ratio:>6} {budget:8.1f}  {'pass' if passed else 'FAIL'}")
    worst = max(abs(e) for e in errors)
    late_first = statistics.mean(errors[: len(errors) // 4])
    late_last = statistics.mean(errors[-len(errors) // 4 :])
    drift_ok = worst < BUDGET_DRIFT_MS
    ok &= drift_ok
    verdict = "pass" if drift_ok else "FAIL"
    name = f"phase error ms, {len(errors)} phases"
    print(f"{name:34} {spread(errors):>20} {'':>9} {'':>6} {BUDGET_DRIFT_MS:8.1f}  {verdict}")
    print(f"  mean error, first vs last quarter: {late_first:.2f} → {late_last:.2f} ms (alike: no build-up)")
    p99 = sorted(intervals)[int(len(intervals) * 0.99)]
    print(f"{'redraw interval ms':34} {spread(intervals):>20}  p99 {p99:.1f}  ({len(intervals)} redraws)")
    for name, values in cpu.items():
        if name.startswith("bare"):
            print(f"  reference: {name}: {spread(values)} % of a core")
    if args.quick:
        return 0
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
