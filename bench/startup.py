"""Start-up: from launch in a real pseudo-terminal until the first screen's text is drawn.

The app remembers checked content between starts (see ``walkthrough/content/ready.py``),
so it is timed twice: as it usually starts, and as it starts the first time after a
content file was changed, when the files are read and checked again.
"""

from __future__ import annotations

import sys
import tempfile
import time

from .ptyrun import PtyProgram

APP = ([sys.executable, "-m", "walkthrough"], "Welcome")
BARE = ([sys.executable, "-m", "bench.bare_app"], "bare Textual app")


def time_to_first_screen(argv: list[str], text: str, env: dict[str, str] | None = None) -> float:
    """Milliseconds from launch until ``text`` is on the terminal."""
    start = time.perf_counter()
    program = PtyProgram(argv, env=env)
    try:
        program.wait_for(text, poll=0.001)
        return (time.perf_counter() - start) * 1000
    finally:
        program.close()


def startup_figures(runs: int) -> dict[str, list[float]]:
    """``runs`` start-ups of the app, of the app after a content change, and of the bare app, in turn.

    Taken in turn so all three see the same noise; the app's cache is a folder
    of the benchmark's own, warmed by the first (untimed) run.
    """
    with tempfile.TemporaryDirectory(prefix="walkthrough-bench-") as folder:
        remembered = {"XDG_CACHE_HOME": folder}
        for argv, text in (APP, BARE):  # one warm-up each: the first run pays for a cold file cache
            time_to_first_screen(argv, text, remembered)
        figures: dict[str, list[float]] = {"app": [], "changed": [], "bare": []}
        for _ in range(runs):
            figures["app"].append(time_to_first_screen(*APP, remembered))
            with tempfile.TemporaryDirectory(prefix="walkthrough-bench-") as empty:
                figures["changed"].append(time_to_first_screen(*APP, {"XDG_CACHE_HOME": empty}))
            figures["bare"].append(time_to_first_screen(*BARE))
        return figures
