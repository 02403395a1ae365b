"""Probes: the real app and the bare app, run in a pseudo-terminal, measuring themselves from inside.

``python -m bench.probe app|bare FILE`` appends to FILE, as soon as each is taken:

- ``key MS``: milliseconds from a → or ← key's arrival to the next frame written;
- ``rss MB``: resident memory after a full garbage collection, each time F9 is pressed.
"""

from __future__ import annotations

import gc
import inspect
import os
import sys
import time
from pathlib import Path
from typing import Any, TextIO

from textual import events
from textual.app import App

TIMED_KEYS = frozenset({"right", "left"})
MEASURE_KEY = "f9"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    """This process's resident memory in MB, after a full garbage collection."""
    gc.collect()
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * PAGE_SIZE / 1e6


def probed(app_class: type[App[Any]], out: TextIO) -> type[App[Any]]:
    """``app_class`` with a stopwatch for → and ←, and F9 to write down its memory."""
    css = app_class.CSS_PATH
    folder = Path(inspect.getfile(app_class)).parent

    class Probed(app_class):  # type: ignore[valid-type, misc]
        CSS_PATH = str(folder / css) if isinstance(css, str) else css  # relative paths follow the class's file
        _probe_start: float | None = None

        async def on_event(self, event: events.Event) -> None:
            if isinstance(event, events.Key) and event.key == MEASURE_KEY:
                out.write(f"rss {rss_mb():.3f}\n")
                out.flush()
                return
            if isinstance(event, events.Key) and event.key in TIMED_KEYS:
                self._probe_start = time.perf_counter()
            await super().on_event(event)

        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is not None and self._probe_start is not None:
                out.write(f"key {(time.perf_counter() - self._probe_start) * 1000:.3f}\n")
                out.flush()
                self._probe_start = None

    return Probed


def main() -> None:
    """Run the app (bundled content, every language) or the bare app, probed."""
    which, path = sys.argv[1], sys.argv[2]
    with open(path, "a", encoding="utf-8") as out:
        if which == "bare":
            from .bare_app import BareApp

            probed(BareApp, out)().run()
        else:
            from walkthrough.app import WalkthroughApp
            from walkthrough.content.files import bundled_content_dir
            from walkthrough.content.ready import default_cache_dir, load_ready

            # As the command line loads it: from the checked copy remembered between starts.
            ready = load_ready(bundled_content_dir(), None, default_cache_dir())
            probed(WalkthroughApp, out)(ready.first, languages=ready.languages).run()


def read_samples(path: Path, kind: str) -> list[float]:
    """The figures of one kind (``key`` or ``rss``) a probe wrote, in order."""
    return [float(value) for name, value in (line.split() for line in path.read_text().splitlines()) if name == kind]


if __name__ == "__main__":
    main()
