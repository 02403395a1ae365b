"""Memory over a day: thousands of navigations through every screen, RSS after a full collection every so often."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from .probe import read_samples
from .ptyrun import KEYS, probe_program

APP_ROUND = [
    *["right"] * 7,  # every page
    "b", "escape",  # calming mode and back
    "f", "escape",  # common questions
    "question_mark", "escape",  # help
    "l", "l",  # Spanish and back: every screen rebuilt
    *["left"] * 7,
]  # fmt: skip
"""One round of a patient's use; repeated, each key is one navigation."""
BARE_ROUND = ["right"] * 7 + ["left"] * 7
PAUSE = {"l": 0.6, "b": 0.08, "f": 0.05, "question_mark": 0.05}
"""Seconds after keys that build a screen (a language switch rebuilds them all: about 0.3 s); 0.02 after others."""


def rss_readings(which: str, navigations: int, every: int, round_keys: list[str] | None = None) -> list[float]:
    """Press ``navigations`` keys, round after round; the app's RSS (MB) after each ``every`` of them."""
    round_keys = round_keys or (APP_ROUND if which == "app" else BARE_ROUND)
    with tempfile.TemporaryDirectory() as folder:
        samples = Path(folder) / "samples.txt"
        program = probe_program(which, samples)
        try:
            program.send(KEYS["f9"])
            for done in range(1, navigations + 1):
                key = round_keys[(done - 1) % len(round_keys)]
                program.send(KEYS[key])
                time.sleep(PAUSE.get(key, 0.02))
                if done % every == 0:
                    program.send(KEYS["f9"])
                    time.sleep(0.3)
            expected = navigations // every + 1
            deadline = time.monotonic() + 30
            while len(read_samples(samples, "rss")) < expected and time.monotonic() < deadline:
                time.sleep(0.2)
        finally:
            program.close()
        return read_samples(samples, "rss")


def memory_figures(navigations: int, every: int) -> dict[str, list[float]]:
    """RSS readings (MB) for the app and the bare app: at the start, then each ``every`` navigations."""
    return {"app": rss_readings("app", navigations, every), "bare": rss_readings("bare", navigations, every)}
