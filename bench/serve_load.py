"""Ten tablets at once: ``walkthrough serve`` with ten headless Chromium tabs, beside a bare Textual app.

``python -m bench.serve_load [--tabs N] [--taps N]`` opens the tabs at a
portrait tablet's size (768x1024 CSS px, touch screen) and prints, for the
walkthrough and the bare app: each app process's resident memory once every
tab shows its first screen (median and max), the server's own, and how long a
tap on Next takes to show the next page's text, tab after tab, while all of
them are open. Needs Debian's Chromium and the playwright package
(``pip install '.[test]'``).

The tap is timed inside the page, by the page's own clock
(``performance.now()``): from the touch reaching the page to the frame in
which xterm has drawn the new page's heading (and, for a look at where the
time goes, to the moment that text was in xterm's buffer). The bare app, one
Static and Textual's own Button, is served by the same server class and page
as the walkthrough, so the two differ only in the app.
"""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from .browser import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    TabOutput,
    app_processes,
    free_port,
    read_screen,
    stop_server,
    wait_until_listening,
)

BUDGET_APP_MB = 45.0
BUDGET_TAP_MS = 100.0
BUDGET_TAP_RATIO = 1.3
TABLET = {"width": 768, "height": 768 + 256}
"""A portrait tablet's viewport in CSS px (768x1024)."""

WALKTHROUGH_PAGES = [
    "The IV goes in",
    "The infusion begins",
    "You feel the effects",
    "The session ends",
    "Your visit",
    "Your course",
]
"""The heading of each page a tap on Next shows, from the welcome page on."""

BARE_PAGES = [f"Page {number}" for number in range(2, 9)]

BARE_SERVER = """
import sys
from walkthrough.serve import WEB_FOLDER, _server_class
server = _server_class()(sys.argv[1], host="127.0.0.1", port=int(sys.argv[2]), title="bare", language="en",
                         templates_path=WEB_FOLDER)
server.serve()
"""
"""The bare app behind the walkthrough's own server class and page (the same relay, font rule and xterm)."""

ARM_TAP_TIMER = """(text) => {
    const terminal = window.walkthrough_terminal;
    const timing = {};
    window.walkthrough_tap = timing;
    const shows = () => {
        const buffer = terminal.buffer.active;
        for (let y = 0; y < terminal.rows; y++) {
            if (buffer.getLine(buffer.viewportY + y).translateToString(true).includes(text)) return true;
        }
        return false;
    };
    window.addEventListener("touchstart", () => { timing.tapped = performance.now(); }, {capture: true, once: true});
    const parsed = terminal.onWriteParsed(() => {
        if (timing.tapped === undefined || !shows()) return;
        parsed.dispose();
        timing.parsed = performance.now();
        // xterm draws in the next animation frame; a callback asked for now runs just after that drawing.
        requestAnimationFrame(() => { timing.drawn = performance.now(); });
    });
}"""
"""Page script: note when the next touch reaches the page, and when ``text`` is in xterm's buffer and drawn."""


def rss_mb(pid: int) -> float:
    """Resident memory of one process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def start(argv: list[str], port: int) -> subprocess.Popen[bytes]:
    """Start a server and wait until it listens on ``port``."""
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_listening(port)
    except TimeoutError:
        process.kill()
        raise
    return process


def tap_next(tab: TabOutput, label: str, shows: str) -> tuple[float, float]:
    """Tap the centre of the button labelled ``label``; ms until ``shows`` is in xterm's buffer, and drawn."""
    page = tab.page
    screen = read_screen(page)
    found = screen.find_label(label)
    if found is None:
        raise RuntimeError(f"no {label!r} button on the screen:\n" + "\n".join(screen.lines))
    left, top, width, height = screen.css_box(screen.button_around(*found, len(label)))
    page.evaluate(ARM_TAP_TIMER, shows)
    page.touchscreen.tap(left + width / 2, top + height / 2)
    page.wait_for_function("() => window.walkthrough_tap.drawn !== undefined", timeout=20_000, polling=10)
    timing = page.evaluate("() => window.walkthrough_tap")
    return timing["parsed"] - timing["tapped"], timing["drawn"] - timing["tapped"]


def measure(
    name: str, server_argv: list[str], port: int, tabs: int, taps: int, label: str, pages: list[str]
) -> dict[str, Any]:
    """Open ``tabs`` tabs on one server; when each shows its first page, read memory; then tap Next ``taps`` times.

    The taps go round the tabs (one tab at a time, the others open and
    idle), so each tab turns a page once per round.
    """
    from playwright.sync_api import sync_playwright

    server = start(server_argv, port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            tabs_open = []
            for _ in range(tabs):
                context = browser.new_context(viewport=TABLET, has_touch=True)
                tab = TabOutput(context.new_page())
                tab.page.goto(f"http://127.0.0.1:{port}/")
                tabs_open.append(tab)
            for tab in tabs_open:
                tab.wait_for_text(label, timeout=60)
            tabs_open[0].page.wait_for_timeout(2000)  # every app settled after its first screen
            apps = app_processes(server.pid)
            app_rss = [rss_mb(pid) for pid in apps]
            server_rss = rss_mb(server.pid)
            parsed, drawn = [], []
            for round_ in range(taps):
                for tab in tabs_open:
                    in_buffer, on_screen = tap_next(tab, label, pages[round_])
                    parsed.append(in_buffer)
                    drawn.append(on_screen)
                    tab.page.wait_for_timeout(250)  # the app finishes its frame; a person taps no faster
            screen = read_screen(tabs_open[0].page)
            browser.close()
    finally:
        stop_server(server)
    return {
        "name": name,
        "apps": len(apps),
        "app_rss": app_rss,
        "server_rss": server_rss,
        "parsed": parsed,
        "drawn": drawn,
        "grid": f"{screen.columns}x{screen.rows}",
    }


def p95(values: list[float]) -> float:
    """The 95th percentile, nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def main() -> int:
    """Measure the walkthrough and the bare app, ten tabs each, and print the table."""
    parser = argparse.ArgumentParser(prog="python -m bench.serve_load")
    parser.add_argument("--tabs", type=int, default=10)
    parser.add_argument("--taps", type=int, default=len(WALKTHROUGH_PAGES), help="taps on Next per tab (at most 6)")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        print(f"no Chromium at {CHROMIUM}: apt-get install chromium", file=sys.stderr)
        return 2
    taps = max(1, min(args.taps, len(WALKTHROUGH_PAGES)))
    port = free_port()
    app = measure(
        "walkthrough",
        [sys.executable, "-m", "walkthrough", "serve", "--port", str(port)],
        port,
        args.tabs,
        taps,
        "Next →",
        WALKTHROUGH_PAGES,
    )
    port = free_port()
    bare_command = f"exec {sys.executable} -m bench.bare_app --next-button"
    bare = measure(
        "bare Textual app",
        [sys.executable, "-c", BARE_SERVER, bare_command, str(port)],
        port,
        args.tabs,
        taps,
        "Next",
        BARE_PAGES,
    )
    size = f"{TABLET['width']}x{TABLET['height']}"
    print(f"{args.tabs} browser tabs at once, headless Chromium at {size} CSS px (touch), one app process per tab")
    print(
        f"{'':18}{'apps':>5}  {'RSS per app, MB':>15}  {'server':>6}  {'cells':>6}  "
        f"{'tap on Next to next page drawn, ms':>34}  {'in buffer':>9}"
    )
    print(f"{'':18}{'':5}  {'median / max':>15}  {'MB':>6}  {'':>6}  {'median / p95 / max (taps)':>34}  {'median':>9}")
    for row in (app, bare):
        rss, drawn = row["app_rss"], row["drawn"]
        print(
            f"{row['name']:18}{row['apps']:>5}  {statistics.median(rss):>6.1f} / {max(rss):>6.1f}  "
            f"{row['server_rss']:>6.1f}  {row['grid']:>6}  "
            f"{statistics.median(drawn):>11.0f} / {p95(drawn):>4.0f} / {max(drawn):>4.0f} ({len(drawn)})  "
            f"{statistics.median(row['parsed']):>9.0f}"
        )
    rss_ratio = statistics.median(app["app_rss"]) / statistics.median(bare["app_rss"])
    tap, bare_tap = statistics.median(app["drawn"]), statistics.median(bare["drawn"])
    verdicts = {
        f"RSS per app ≤ {BUDGET_APP_MB:g} MB": max(app["app_rss"]) <= BUDGET_APP_MB,
        f"tap median ≤ {BUDGET_TAP_MS:g} ms": tap <= BUDGET_TAP_MS,
        f"tap median ≤ {BUDGET_TAP_RATIO:g}× bare": tap <= BUDGET_TAP_RATIO * bare_tap,
    }
    print(f"walkthrough / bare: RSS per app {rss_ratio:.2f}, tap {tap / bare_tap:.2f}")
    print("budgets: " + "; ".join(f"{what}: {'pass' if ok else 'FAIL'}" for what, ok in verdicts.items()))
    return 0 if all(verdicts.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
