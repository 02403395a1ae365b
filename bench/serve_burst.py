"""A burst of tabs: 100 websocket connections in one second against ``walkthrough serve --max-sessions N``.

``python -m bench.serve_burst [--connections 100] [--seconds 1] [--cap 8]`` starts the server on a loopback
port, opens the connections evenly over the time given (each from the server's own page, as a browser
would), and prints: how many got an app and how many the calm refusal, the most seats and app processes
seen at any moment (never above the cap), the server's resident memory before, at the peak and after every
tab has closed, how long the refusals took, and that the server is still up and answering /health.
Only loopback addresses are used. Needs the serve extra (textual-serve, which brings aiohttp).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from pathlib import Path
from tempfile import TemporaryDirectory

import aiohttp

from walkthrough.serve.sessions import FULL_CLOSE_CODE

from .browser import app_processes, serve_walkthrough


def rss_mb(pid: int) -> float:
    """A process's resident memory in MB (VmRSS)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Watch:
    """The most seats in use and app processes seen, sampled every 20 ms while the burst runs."""

    def __init__(self, url: str, server_pid: int) -> None:
        self.url = url
        self.server_pid = server_pid
        self.most_seats = 0
        self.most_apps = 0
        self.peak_rss = 0.0
        self.health_failures = 0

    async def run(self, session: aiohttp.ClientSession, stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                async with session.get(self.url + "/health", timeout=aiohttp.ClientTimeout(total=5)) as response:
                    self.most_seats = max(self.most_seats, int((await response.json())["in_use"]))
            except (aiohttp.ClientError, TimeoutError):
                self.health_failures += 1
            self.most_apps = max(self.most_apps, len(app_processes(self.server_pid)))
            self.peak_rss = max(self.peak_rss, rss_mb(self.server_pid))
            await asyncio.sleep(0.02)


async def one_tab(session: aiohttp.ClientSession, url: str, delay: float) -> tuple[str, float, object]:
    """Open one tab's websocket after ``delay`` s; what came first ("app", "full", or what else), when, the socket."""
    await asyncio.sleep(delay)
    started = time.monotonic()
    try:
        websocket = await session.ws_connect(url + "/ws?width=80&height=24", headers={"Origin": url})
        message = await websocket.receive(timeout=60)
    except (aiohttp.ClientError, TimeoutError) as error:
        return f"error: {type(error).__name__}", time.monotonic() - started, None
    took = time.monotonic() - started
    if message.type == aiohttp.WSMsgType.BINARY:
        return "app", took, websocket
    if websocket.close_code == FULL_CLOSE_CODE:
        return "full", took, websocket
    return f"other: {message.type.name} {websocket.close_code}", took, websocket


async def burst(url: str, server_pid: int, connections: int, seconds: float) -> dict[str, object]:
    """Open the tabs, watch the server, close them all; the figures."""
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        watch = Watch(url, server_pid)
        stop = asyncio.Event()
        watcher = asyncio.create_task(watch.run(session, stop))
        began = time.monotonic()
        results = await asyncio.gather(
            *(one_tab(session, url, seconds * number / connections) for number in range(connections))
        )
        answered = time.monotonic() - began
        await asyncio.sleep(1.0)  # apps that started keep running a moment: the peak includes them drawing
        kinds = [kind for kind, _, _ in results]
        refusal_times = [took for kind, took, _ in results if kind == "full"]
        start_times = [took for kind, took, _ in results if kind == "app"]
        for _, _, websocket in results:
            if websocket is not None:
                await websocket.close()  # type: ignore[attr-defined]
        closed_at = time.monotonic()
        while True:
            async with session.get(url + "/health") as response:
                state = await response.json()
            if state["in_use"] == 0 or time.monotonic() - closed_at > 30:
                break
            await asyncio.sleep(0.05)
        freed_after = time.monotonic() - closed_at
        stop.set()
        await watcher
    return {
        "kinds": kinds,
        "answered": answered,
        "refusal_times": refusal_times,
        "start_times": start_times,
        "watch": watch,
        "health": state,
        "freed_after": freed_after,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the burst and print its figures; 1 if the server fell over or started more apps than the cap."""
    parser = argparse.ArgumentParser(prog="python -m bench.serve_burst", description=__doc__.split("\n")[0])
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=1.0, help="spread the connections over this many seconds")
    parser.add_argument("--cap", type=int, default=8, help="--max-sessions for the server")
    args = parser.parse_args(argv)

    with TemporaryDirectory() as folder:
        log = Path(folder) / "serve.log"
        with serve_walkthrough("--max-sessions", str(args.cap), "--server-log", str(log)) as (port, server):
            url = f"http://127.0.0.1:{port}"
            time.sleep(0.5)
            before = rss_mb(server.pid)
            figures = asyncio.run(burst(url, server.pid, args.connections, args.seconds))
            after = rss_mb(server.pid)
            alive = server.poll() is None
            log_lines = log.read_text().splitlines() if log.exists() else []
    kinds: list[str] = figures["kinds"]  # type: ignore[assignment]
    watch: Watch = figures["watch"]  # type: ignore[assignment]
    refusals: list[float] = figures["refusal_times"]  # type: ignore[assignment]
    starts: list[float] = figures["start_times"]  # type: ignore[assignment]
    others = sorted({kind for kind in kinds if kind not in ("app", "full")})
    print(f"walkthrough serve --max-sessions {args.cap}: {args.connections} websockets over {args.seconds:g} s")
    print(f"  answered within       {figures['answered']:.2f} s")
    print(f"  got an app            {kinds.count('app')}")
    print(f"  calm refusal (4001)   {kinds.count('full')}")
    print(f"  anything else         {len(kinds) - kinds.count('app') - kinds.count('full')}", *others)
    if refusals:
        middle, most = statistics.median(refusals) * 1000, max(refusals) * 1000
        print(f"  refusal time          median {middle:.0f} ms, max {most:.0f} ms")
    if starts:
        print(f"  first output of an app median {statistics.median(starts):.2f} s, max {max(starts):.2f} s")
    print(f"  most seats in use     {watch.most_seats} (cap {args.cap})")
    print(f"  most app processes    {watch.most_apps}")
    print(f"  server RSS            before {before:.1f} MB, peak {watch.peak_rss:.1f} MB, after {after:.1f} MB")
    print(f"  all seats free after  {figures['freed_after']:.2f} s; /health then {figures['health']}")
    print(f"  /health failures      {watch.health_failures} during the burst")
    print(f"  server alive          {'yes' if alive else 'NO'}; log lines {len(log_lines)}")
    healthy = alive and watch.most_apps <= args.cap and watch.most_seats <= args.cap and not others
    print("  result                " + ("pass" if healthy else "FAIL"))
    return 0 if healthy else 1


if __name__ == "__main__":
    raise SystemExit(main())
