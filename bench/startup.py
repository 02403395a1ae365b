"""Start-up: from launch in a real pseudo-terminal until the first screen's text is drawn."""

from __future__ import annotations

import sys
import time

from .ptyrun import PtyProgram

APP = ([sys.executable, "-m", "walkthrough"], "Welcome")
BARE = ([sys.executable, "-m", "bench.bare_app"], "bare Textual app")


def time_to_first_screen(argv: list[str], text: str) -> float:
    """Milliseconds from launch until ``text`` is on the terminal."""
    start = time.perf_counter()
    program = PtyProgram(argv)
    try:
        program.wait_for(text, poll=0.001)
        return (time.perf_counter() - start) * 1000
    finally:
        program.close()


def startup_figures(runs: int) -> dict[str, list[float]]:
    """``runs`` start-ups of the app and of the bare app, taken in turn so both see the same noise."""
    for argv, text in (APP, BARE):  # one warm-up each: the first run pays for a cold file cache
        time_to_first_screen(argv, text)
    figures: dict[str, list[float]] = {"app": [], "bare": []}
    for _ in range(runs):
        figures["app"].append(time_to_first_screen(*APP))
        figures["bare"].append(time_to_first_screen(*BARE))
    return figures
