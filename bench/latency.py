"""Key to painted screen: → and ← through every page, timed inside the app from the key to the frame written."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from .probe import read_samples
from .ptyrun import KEYS, probe_program

PAGES = 8
"""The bundled walkthrough's pages (welcome, four steps, visit, course, questions); the bare app has as many."""
PAUSE = 0.03
"""Seconds between presses: a brisk tapper, and time for each frame to be written before the next key."""


def key_latencies(which: str, presses: int) -> list[float]:
    """Milliseconds from each key to its frame, for ``presses`` presses walking forward and back."""
    with tempfile.TemporaryDirectory() as folder:
        samples = Path(folder) / "samples.txt"
        program = probe_program(which, samples)
        try:
            for number in range(presses):
                forward = (number // (PAGES - 1)) % 2 == 0
                program.send(KEYS["right" if forward else "left"])
                time.sleep(PAUSE)
            time.sleep(0.5)
        finally:
            program.close()
        return read_samples(samples, "key")


def latency_figures(presses: int) -> dict[str, list[float]]:
    """Key-to-frame times of the app and of the bare app."""
    return {"app": key_latencies("app", presses), "bare": key_latencies("bare", presses)}
