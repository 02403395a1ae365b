"""Following: milliseconds from the leader's key to the follower's next frame, beside a bare Unix-socket round trip.

The figure is taken as a counsellor and a patient see it: two real processes,
each on its own pseudo-terminal (``walkthrough --counsellor --lead`` and
``walkthrough --follow CODE``, probed). The leader notes the moment each digit
key arrives (a jump: jumps never open a quick check); the follower notes the
moment it writes the first frame showing a new page. Both read
``time.perf_counter`` (CLOCK_MONOTONIC on Linux, one clock for every process),
so a frame's time less the key's before it is the whole path: the leader's
key handling, the socket, the follower's turn of the page and its frame. The
bare figure is one JSON line from a Unix-socket server to a client and back.

``python -m bench.follow_latency [PRESSES]`` prints both.
"""

from __future__ import annotations

import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, TextIO

from .ptyrun import PtyProgram

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"
PAUSE = 0.12
"""Seconds between the leader's keys: a counsellor moving briskly, and time for each frame before the next key."""
JUMP_KEYS = "1234"
"""The leader's keys, in turn: each jumps to another step, so each is a new page for the follower."""


def probed_app(role: str, out: TextIO, code: str | None) -> Any:
    """The leader's (``lead``) or the follower's (``follow``) app, writing its timings to ``out`` as they happen."""
    from textual import events

    from walkthrough.content.files import bundled_content_dir
    from walkthrough.content.ready import default_cache_dir, load_ready
    from walkthrough.modes import app_class
    from walkthrough.settings import Asked, settings_for

    ready = load_ready(bundled_content_dir(), None, default_cache_dir())
    asked = Asked(bundled_content_dir(), counsellor=role == "lead", lead=role == "lead", follow=code)
    settings = settings_for(asked, ready.first.clinic)

    class Probed(app_class(settings)):  # type: ignore[misc]
        _shown_last = "welcome"

        async def on_event(self, event: events.Event) -> None:
            if isinstance(event, events.Key) and event.key in JUMP_KEYS:
                out.write(f"key {time.perf_counter():.6f}\n")
                out.flush()
            await super().on_event(event)

        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            page = self.shown_page()[0]
            if renderable is not None and page != self._shown_last:
                self._shown_last = page
                out.write(f"frame {time.perf_counter():.6f}\n")
                out.flush()

    return Probed(ready.first, settings, languages=ready.languages)


def _times(path: Path, kind: str) -> list[float]:
    if not path.exists():
        return []
    return [float(value) for name, value in (line.split() for line in path.read_text().splitlines()) if name == kind]


def _wait_for_socket(folder: Path, timeout: float = 20.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sockets = list(folder.glob("*.sock"))
        if sockets:
            return sockets[0].stem
        time.sleep(0.02)
    raise TimeoutError("the leader never listened")


def two_process_latencies(presses: int) -> list[float]:
    """Milliseconds from each of the leader's keys to the follower's frame of that page (two processes, two ptys)."""
    work = Path(tempfile.mkdtemp(prefix="wfl-"))
    folder = work / "sockets"
    folder.mkdir(mode=0o700)
    env = {"WALKTHROUGH_FOLLOW_DIR": str(folder)}
    me = [sys.executable, "-m", "bench.follow_latency", "probe"]
    leader = follower = None
    try:
        leader = PtyProgram([*me, "lead", str(work / "lead.txt")], columns=100, rows=30, env=env)
        code = _wait_for_socket(folder)
        follower = PtyProgram([*me, "follow", str(work / "follow.txt"), code], env=env)
        follower.wait_for("Welcome")
        time.sleep(1.0)  # both idle: the pages built after the first frame are built
        for number in range(presses):
            leader.send(JUMP_KEYS[number % len(JUMP_KEYS)])
            time.sleep(PAUSE)
        time.sleep(0.5)
    finally:
        for program in (follower, leader):
            if program is not None:
                program.close()
    keys, frames = _times(work / "lead.txt", "key"), _times(work / "follow.txt", "frame")
    shutil.rmtree(work, ignore_errors=True)
    latencies = []
    for frame in frames:  # each frame answers the last key before it
        before = [key for key in keys if key <= frame]
        if before:
            latencies.append((frame - before[-1]) * 1000)
    return latencies


async def _bare_round_trips(count: int) -> list[float]:
    folder = Path(tempfile.mkdtemp(prefix="wfb-"))
    path = str(folder / "bare.sock")

    async def echo(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while line := await reader.readline():
            writer.write(line)

    server = await asyncio.start_unix_server(echo, path=path)
    reader, writer = await asyncio.open_unix_connection(path)
    times = []
    for _ in range(count):
        started = time.perf_counter()
        writer.write(b'{"kind":"state","page":"step:iv","language":"en","calm":null}\n')
        await reader.readline()
        times.append((time.perf_counter() - started) * 1000)
    writer.close()
    await writer.wait_closed()
    await asyncio.sleep(0.01)  # the echo sees the end and returns
    server.close()
    await server.wait_closed()
    shutil.rmtree(folder, ignore_errors=True)
    return times


def follow_figures(presses: int) -> dict[str, list[float]]:
    """Leader's key to follower's frame (``follow``, two processes) and a bare socket round trip (``bare``), in ms."""
    return {"follow": two_process_latencies(presses), "bare": asyncio.run(_bare_round_trips(presses))}


def main() -> None:
    """``probe lead|follow FILE [CODE]`` runs one probed app; no arguments (or PRESSES) runs the benchmark."""
    if len(sys.argv) > 2 and sys.argv[1] == "probe":
        role, path = sys.argv[2], sys.argv[3]
        code = sys.argv[4] if len(sys.argv) > 4 else None
        with open(path, "a", encoding="utf-8") as out:
            probed_app(role, out, code).run()
        return
    from .figures import median, p99

    figures = follow_figures(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
    for name, values in figures.items():
        print(f"{name:>7}: median {median(values):6.2f} ms  p99 {p99(values):6.2f} ms  (n={len(values)})")
    print(f"  ratio: {median(figures['follow']) / median(figures['bare']):.0f}x the bare round trip (median)")


if __name__ == "__main__":
    main()
