"""Following: milliseconds from the leader's key to the follower's next frame, beside a bare Unix-socket round trip.

Both apps run headless in one process and one event loop (as two Pilot
tests do); the leader jumps between steps by digit keys (jumps never open a
quick check). The clock starts as the key is sent to the leader and stops
once the follower has turned the page and drawn the frame after it. The bare
figure is one JSON line from a Unix-socket server to a client and back, in the
same loop, in the same session.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
from pathlib import Path

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"


async def _follow_latencies(presses: int) -> list[float]:
    from walkthrough.content import load_walkthrough
    from walkthrough.content.loader import load_languages
    from walkthrough.modes import app_for
    from walkthrough.screens.walkthrough import WalkthroughScreen
    from walkthrough.settings import Asked, settings_for

    first = load_walkthrough(BUNDLED, "en")
    languages, _ = load_languages(BUNDLED, first)

    def app(counsellor: bool):  # type: ignore[no-untyped-def]
        settings = settings_for(Asked(BUNDLED, counsellor=counsellor), first.clinic)
        return app_for(first, settings, languages=languages)

    leader, follower = app(True), app(False)
    times: list[float] = []
    async with leader.run_test(size=(100, 30)) as lp, follower.run_test(size=(80, 24)) as fp:
        await lp.press("w")
        while leader.follow_link is None or leader.follow_link.leading is None:
            await lp.pause(0.01)
        follower.link().start_following(leader.follow_link.leading.code)
        while leader.follow_link.leading.follower_count < 1:
            await lp.pause(0.01)
        drawn = asyncio.Event()
        base = follower.screen_stack[0]
        assert isinstance(base, WalkthroughScreen)
        follower.watch(base, "page_index", lambda _index: follower.call_after_refresh(drawn.set), init=False)
        for number in range(presses):
            drawn.clear()
            started = time.perf_counter()
            await lp.press(str(number % 4 + 1))
            await asyncio.wait_for(drawn.wait(), 5)
            times.append((time.perf_counter() - started) * 1000)
            await fp.pause(0.005)
    return times


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
    server.close()
    shutil.rmtree(folder, ignore_errors=True)
    return times


def follow_figures(presses: int) -> dict[str, list[float]]:
    """Leader's key to follower's frame (``follow``) and a bare socket round trip (``bare``), in milliseconds."""
    folder = tempfile.mkdtemp(prefix="wfl-")
    os.environ["WALKTHROUGH_FOLLOW_DIR"] = folder
    try:
        follow = asyncio.run(_follow_latencies(presses))
        bare = asyncio.run(_bare_round_trips(presses))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"follow": follow, "bare": bare}


if __name__ == "__main__":
    from .figures import median, p99

    figures = follow_figures(200)
    for name, values in figures.items():
        print(f"{name:>7}: median {median(values):6.2f} ms  p99 {p99(values):6.2f} ms  (n={len(values)})")
    print(f"  ratio: {median(figures['follow']) / median(figures['bare']):.0f}x the bare round trip (median)")
