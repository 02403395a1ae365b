"""``walkthrough serve`` end to end: a real server, a real headless Chromium, taps only, and nothing leaves the machine.

Needs Debian's Chromium (/usr/bin/chromium; ``.ci/run`` installs it) and the
Playwright package, which drives it; Playwright never downloads a browser
here. The test skips, saying why, only where either is missing.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.browser import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    TabOutput,
    app_processes,
    free_port,
    stop_server,
    wait_until_listening,
)

pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")
playwright_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")

STEP_HEADINGS = ["The IV goes in", "The infusion begins", "You feel the effects", "The session ends"]

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]


def wait_until(check: object, timeout: float = 15.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def session_processes(server: subprocess.Popen[bytes]) -> list[int]:
    """The app processes the server has started, by pid."""
    return app_processes(server.pid)


@contextmanager
def serving(*options: str, log: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """``walkthrough serve`` with ``options`` on a free loopback port, as a clinic would start it."""
    port = free_port()
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "walkthrough", "serve", "--port", str(port), *options],
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_listening(port)
            yield f"http://127.0.0.1:{port}/", process
        finally:
            stop_server(process)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The bundled walkthrough, served with the default options."""
    with serving(log=tmp_path / "server.log") as running:
        yield running


class Tab(TabOutput):
    """One browser tab on the walkthrough: what its app has drawn, and taps on the terminal's grid."""

    def tap_cell(self, column: float, row: float) -> None:
        """Tap the terminal cell at (column, row), counted from the top left."""
        box = self.page.locator(".xterm-screen").bounding_box()  # type: ignore[attr-defined]
        columns, rows = self.size
        x = box["x"] + (column + 0.5) * box["width"] / columns
        y = box["y"] + (row + 0.5) * box["height"] / rows
        self.page.mouse.click(x, y)  # type: ignore[attr-defined]
        self.page.wait_for_timeout(300)  # type: ignore[attr-defined]  # a button takes one tap per 0.2 s, as a person taps

    def tap_nav_button(self, index: int, buttons: int = 6) -> None:
        """Tap the ``index``-th of the equal-width buttons along the bottom (above the key footer)."""
        columns, rows = self.size
        self.tap_cell((index + 0.5) * columns / buttons, rows - 3)


def test_a_browser_taps_through_the_visit_with_nothing_leaving_the_machine(
    server: tuple[str, subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    url, process = server
    origin = urlsplit(url).netloc
    outside: list[str] = []
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1000, "height": 700})

        def guard(route: object, request: object) -> None:
            if urlsplit(request.url).netloc != origin:  # type: ignore[attr-defined]
                outside.append(request.url)  # type: ignore[attr-defined]
                route.abort()  # type: ignore[attr-defined]
            else:
                route.continue_()  # type: ignore[attr-defined]

        context.route("**/*", guard)
        page = context.new_page()
        tab = Tab(page)
        page.goto(url)
        tab.wait_for_text("Welcome")
        assert tab.size[0] >= 40 and tab.size[1] >= 15, tab.size
        assert len(session_processes(process)) == 1

        for heading in STEP_HEADINGS:
            since = len(tab.drawn)
            tab.tap_nav_button(5)  # Next, the last button
            tab.wait_for_text(heading, since)

        since = len(tab.drawn)
        tab.tap_nav_button(1)  # Breathe
        tab.wait_for_text("Breathe", since)
        page.wait_for_timeout(1000)
        page.screenshot(path=str(tmp_path / "calming-mode.png"))
        assert (tmp_path / "calming-mode.png").stat().st_size > 5_000

        page.close()
        wait_until(lambda: not session_processes(process), what="the tab's app process to end")
        browser.close()
    assert outside == [], f"requests left the machine: {outside}"


def test_two_tabs_get_separate_sessions(server: tuple[str, subprocess.Popen[bytes]]) -> None:
    url, process = server
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        first, second = (Tab(browser.new_page(viewport={"width": 1000, "height": 700})) for _ in range(2))
        for tab in (first, second):
            tab.page.goto(url)  # type: ignore[attr-defined]
            tab.wait_for_text("Welcome")
        assert len(session_processes(process)) == 2
        shown_before = len(second.drawn)
        first.tap_nav_button(5)
        first.wait_for_text(STEP_HEADINGS[0])
        second.page.wait_for_timeout(500)  # type: ignore[attr-defined]
        assert STEP_HEADINGS[0] not in second.drawn[shown_before:], "a tap in one tab changed the other"
        browser.close()
    wait_until(lambda: not session_processes(process), what="both apps to end")


def test_an_idle_kiosk_tab_starts_afresh_as_in_the_terminal(tmp_path: Path) -> None:
    """The same idle rules as the terminal kiosk: after the quiet time, "Are you still here?", then the welcome page."""
    options = ("--kiosk", "--idle-seconds", "5", "--log", str(tmp_path / "kiosk.log"))
    with serving(*options, log=tmp_path / "server.log") as (url, _), playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        tab = Tab(browser.new_page(viewport={"width": 1000, "height": 700}))
        tab.page.goto(url)  # type: ignore[attr-defined]
        tab.wait_for_text("Welcome")
        tab.tap_nav_button(5)
        tab.wait_for_text(STEP_HEADINGS[0])
        since = len(tab.drawn)
        tab.wait_for_text("Are you still here?", since, timeout=20)
        since = len(tab.drawn)
        tab.wait_for_text("Welcome", since, timeout=45)
        browser.close()
