"""Ten tablets at once: ``walkthrough serve`` with ten headless Chromium tabs, beside a bare Textual app.

``python -m bench.serve_load [--tabs N]`` prints, for the walkthrough and the
bare app: each app process's resident memory once every tab shows its first
screen (median and max), the server's own, and how long → takes to show the
next page in each tab while all of them are open. Needs Debian's
Chromium and the playwright package (``pip install '.[test]'``).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .browser import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    TabOutput,
    app_processes,
    free_port,
    stop_server,
    wait_until_listening,
)

BUDGET_APP_MB = 45.0

BARE_SERVER = """
import sys
from textual_serve.server import Server
Server(sys.argv[1], host="127.0.0.1", port=int(sys.argv[2])).serve()
"""


def rss_mb(pid: int) -> float:
    """Resident memory of one process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start(argv: list[str], port: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_listening(port)
    except TimeoutError:
        process.kill()
        raise
    return process


def measure(name: str, server_argv: list[str], port: int, tabs: int, first_text: str, next_text: str) -> dict[str, Any]:
    """Open ``tabs`` tabs on one server, wait for ``first_text`` in each, read memory, then time → in each."""
    from playwright.sync_api import sync_playwright

    server = start(server_argv, port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            tabs_open = []
            for _ in range(tabs):
                tab = TabOutput(browser.new_page(viewport={"width": 1000, "height": 700}))
                tab.page.goto(f"http://127.0.0.1:{port}/")
                tabs_open.append(tab)
            for tab in tabs_open:
                tab.wait_for_text(first_text, timeout=60)
            tabs_open[0].page.wait_for_timeout(2000)  # every app settled after its first screen
            apps = app_processes(server.pid)
            app_rss = [rss_mb(pid) for pid in apps]
            server_rss = rss_mb(server.pid)
            taps = []
            for tab in tabs_open:
                since = len(tab.drawn)
                started = time.perf_counter()
                tab.page.locator(".xterm-helper-textarea").focus()
                tab.page.keyboard.press("ArrowRight")
                tab.wait_for_text(next_text, since, timeout=20)
                taps.append((time.perf_counter() - started) * 1000)
            browser.close()
    finally:
        stop_server(server)
    return {"name": name, "apps": len(apps), "app_rss": app_rss, "server_rss": server_rss, "taps": taps}


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
