"""Ten tablets at once: ``walkthrough serve`` with ten headless Chromium tabs, beside a bare Textual app.

``python -m bench.serve_load [--tabs N]`` prints, for the walkthrough and the
bare app: each app process's resident memory once every tab shows its first
screen (median and max), the server's own, and how long → takes to show the
next page in each tab while all of them are open. Needs Debian's
Chromium and the playwright package (``pip install '.[test]'``).
"""

from __future__ import annotations

import argparse
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .chromium import CHROMIUM, CHROMIUM_FLAGS

BUDGET_APP_MB = 45.0

BARE_SERVER = """
import sys
from textual_serve.server import Server
Server(sys.argv[1], host="127.0.0.1", port=int(sys.argv[2])).serve()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident memory of one process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def descendants(pid: int) -> list[int]:
    """Every process below ``pid``."""
    found, queue = [], [pid]
    while queue:
        parent = queue.pop()
        children = Path(f"/proc/{parent}/task/{parent}/children")
        kids = [int(child) for child in children.read_text().split()] if children.exists() else []
        found += kids
        queue += kids
    return found


def python_processes(pid: int) -> list[int]:
    """The app processes below a server (python, not a shell in between)."""
    apps = []
    for child in descendants(pid):
        try:
            if "python" in Path(f"/proc/{child}/comm").read_text():
                apps.append(child)
        except OSError:
            continue
    return apps


def start(argv: list[str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return process
        time.sleep(0.05)
    process.kill()
    raise RuntimeError(f"{argv} never listened on {port}")


def measure(name: str, server_argv: list[str], port: int, tabs: int, first_text: str, next_text: str) -> dict[str, Any]:
    """Open ``tabs`` tabs on one server, wait for ``first_text`` in each, read memory, then time → in each."""
    from playwright.sync_api import sync_playwright

    server = start(server_argv, port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            pages, drawn = [], []
            for index in range(tabs):
                page = browser.new_page(viewport={"width": 1000, "height": 700})
                drawn.append([""])

                def follow(websocket: Any, box: list[str] = drawn[index]) -> None:
                    def received(payload: bytes | str) -> None:
                        box[0] += payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload

                    websocket.on("framereceived", received)

                page.on("websocket", follow)
                page.goto(f"http://127.0.0.1:{port}/")
                pages.append(page)
            for page, box in zip(pages, drawn, strict=True):
                wait_for(page, box, first_text, 0, 60)
            pages[0].wait_for_timeout(2000)  # every app settled after its first screen
            apps = python_processes(server.pid)
            app_rss = [rss_mb(pid) for pid in apps]
            server_rss = rss_mb(server.pid)
            taps = []
            for page, box in zip(pages, drawn, strict=True):
                since = len(box[0])
                started = time.perf_counter()
                page.locator(".xterm-helper-textarea").focus()
                page.keyboard.press("ArrowRight")
                wait_for(page, box, next_text, since, 20)
                taps.append((time.perf_counter() - started) * 1000)
            browser.close()
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    return {"name": name, "apps": len(apps), "app_rss": app_rss, "server_rss": server_rss, "taps": taps}


def wait_for(page: Any, box: list[str], text: str, since: int, timeout: float) -> None:
    """Wait until ``text`` is in what the tab drew after ``since`` (Playwright delivers frames only while waiting)."""
    deadline = time.monotonic() + timeout
    while text not in box[0][since:]:
        if time.monotonic() > deadline:
            raise TimeoutError(f"{text!r} never appeared")
        page.wait_for_timeout(2)


def main() -> int:
    """Measure the walkthrough and the bare app, ten tabs each, and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.serve_load")
    parser.add_argument("--tabs", type=int, default=10)
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 2
    port = free_port()
    app = measure(
        "walkthrough",
        [sys.executable, "-m", "walkthrough", "serve", "--port", str(port)],
        port,
        args.tabs,
        "Welcome",
        "The IV goes in",
    )
    port = free_port()
    bare_command = f"exec {sys.executable} -m bench.bare_app"
    bare = measure(
        "bare Textual app",
        [sys.executable, "-c", BARE_SERVER, bare_command, str(port)],
        port,
        args.tabs,
        "bare Textual app",
        "Page 2",
    )
    print(f"{args.tabs} browser tabs at once, headless Chromium, one app process per tab")
    heading = f"{'apps':>5}  {'RSS per app, MB (median / max)':>31}  {'server MB':>9}"
    print(f"{'':18}{heading}  {'→ to next page, ms (median / max)':>33}")
    for row in (app, bare):
        rss, taps = row["app_rss"], row["taps"]
        print(
            f"{row['name']:18}{row['apps']:>5}  {statistics.median(rss):>19.1f} / {max(rss):>9.1f}  "
            f"{row['server_rss']:>9.1f}  {statistics.median(taps):>19.0f} / {max(taps):>9.0f}"
        )
    ratio = statistics.median(app["app_rss"]) / statistics.median(bare["app_rss"])
    verdict = "pass" if max(app["app_rss"]) <= BUDGET_APP_MB else "FAIL"
    print(f"walkthrough / bare, RSS per app: {ratio:.2f}; budget ≤ {BUDGET_APP_MB:g} MB per app: {verdict}")
    return 0 if verdict == "pass" else 1


if __name__ == "__main__":
    raise SystemExit(main())
