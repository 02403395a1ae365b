"""``walkthrough serve`` end to end: a real server, a real headless Chromium, taps only, and nothing leaves the machine.

Needs Debian's Chromium (/usr/bin/chromium; ``.ci/run`` installs it) and the
Playwright package, which drives it; Playwright never downloads a browser
here. The test skips, saying why, only where either is missing.
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bench.browser import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    CellBox,
    TabOutput,
    TerminalScreen,
    app_processes,
    read_screen,
    serve_walkthrough,
)

pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")
playwright_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")

STEP_HEADINGS = ["The IV goes in", "The infusion begins", "You feel the effects", "The session ends"]
NEXT = "Next →"

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
    with log.open("wb") as output, serve_walkthrough(*options, output=output) as (port, process):
        yield f"http://127.0.0.1:{port}/", process


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """The bundled walkthrough, served with the default options."""
    with serving(log=tmp_path / "server.log") as running:
        yield running


class Tab(TabOutput):
    """One browser tab on the walkthrough: what its app has drawn, what the terminal shows, and taps on its buttons."""

    def screen(self) -> TerminalScreen:
        """What the terminal shows now."""
        return read_screen(self.page)

    def button(self, label: str, timeout: float = 10.0) -> tuple[TerminalScreen, CellBox]:
        """The screen and the box of the button labelled ``label``, once it shows and has stopped moving."""
        deadline = time.monotonic() + timeout
        last = None
        while True:
            screen = self.screen()
            found = screen.find_label(label)
            if found is not None:
                box = screen.button_around(*found, len(label))
                if box == last:
                    return screen, box
                last = box
            elif time.monotonic() > deadline:
                raise AssertionError(f"no button {label!r} on the screen:\n" + "\n".join(screen.lines))
            self.page.wait_for_timeout(150)  # type: ignore[attr-defined]

    def background_of(self, label: str) -> int:
        """The background colour of the button labelled ``label`` (xterm's colour mode and value in one number)."""
        screen, box = self.button(label)
        return screen.backgrounds[box.top + box.height // 2][box.left + box.width // 2]

    def tap(self, label: str) -> None:
        """Tap the centre of the button labelled ``label`` with a finger (a touch, not a mouse)."""
        screen, box = self.button(label)
        left, top, width, height = screen.css_box(box)
        self.page.touchscreen.tap(left + width / 2, top + height / 2)  # type: ignore[attr-defined]
        self.page.wait_for_timeout(300)  # type: ignore[attr-defined]  # a button takes one tap per 0.2 s, as a person taps


def open_tab(browser: object, url: str, width: int = 1000, height: int = 700) -> Tab:
    """A new touch-screen tab of ``width`` x ``height`` CSS px showing the walkthrough's welcome page."""
    context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)  # type: ignore[attr-defined]
    tab = Tab(context.new_page())
    tab.page.goto(url)  # type: ignore[attr-defined]
    tab.wait_for_text("Welcome")
    return tab


def test_a_browser_taps_through_the_visit_with_nothing_leaving_the_machine(
    server: tuple[str, subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    url, process = server
    origin = urlsplit(url).netloc
    outside: list[str] = []
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1000, "height": 700}, has_touch=True)

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

        for number, heading in enumerate(STEP_HEADINGS):
            since = len(tab.drawn)
            tab.tap(NEXT)
            if number:  # leaving a step asks its quick check first (tests/test_checks.py answers them)
                tab.wait_for_text("Quick check", since)
                since = len(tab.drawn)
                tab.tap("Skip")
            tab.wait_for_text(heading, since)

        since = len(tab.drawn)
        tab.tap("Breathe")
        tab.wait_for_text("Breathe with me", since)
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
        first, second = (open_tab(browser, url) for _ in range(2))
        assert len(session_processes(process)) == 2
        shown_before = len(second.drawn)
        first.tap(NEXT)
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
        tab = open_tab(browser, url)
        tab.tap(NEXT)
        tab.wait_for_text(STEP_HEADINGS[0])
        since = len(tab.drawn)
        tab.wait_for_text("Are you still here?", since, timeout=20)
        since = len(tab.drawn)
        tab.wait_for_text("Welcome", since, timeout=45)
        browser.close()


SCREENS = {
    "portrait tablet": (768, 1024, range(44, 65)),
    "landscape tablet": (1024, 768, range(80, 101)),
    "phone": (390, 844, range(34, 45)),
}
"""Viewport (CSS px) and the columns the page must give the app there (the rule is in web/app_index.html)."""

SMALLEST_TARGET = 24
"""WCAG 2.5.8 (target size, minimum): every button at least 24 x 24 CSS px."""

FINGER_TARGET = 44
"""Apple's and Android's guidance, which the buttons meet where the screen has 24 rows or more (3 rows each)."""

WELCOME_BUTTONS = ["English", "Español", "High contrast", "← Back", "Breathe", "Auto", "Questions", "Help ?", NEXT]
STEP_BUTTONS = ["← Back", "Breathe", "Auto", "Questions", "Help ?", NEXT]
CALM_BUTTONS = ["Slow", "Box", "Even", "1 min", "3 min", "5 min", "Pause", "Bell off", "Stop"]


def assert_the_app_fills(screen: TerminalScreen, tab: Tab) -> None:
    """The app was told the terminal's size and drew to it: a title bar across every column, the key line below."""
    assert tab.size == (screen.columns, screen.rows), (tab.size, screen.columns, screen.rows)
    assert screen.lines[0].strip() and len(set(screen.backgrounds[0])) == 1, "the title bar does not span the width"
    assert screen.lines[-1].strip(), "nothing drawn on the last row (the key line)"


def measure_buttons(
    tab: Tab, page: str, labels: list[str], measured: dict[str, tuple[float, float]], small: list[str]
) -> None:
    """Each button's box in CSS px into ``measured``; into ``small``, each under 24 px, or 44 px on 24 rows or more."""
    least = FINGER_TARGET if tab.screen().rows >= 24 else SMALLEST_TARGET
    for label in labels:
        screen, box = tab.button(label)
        _, _, width, height = screen.css_box(box)
        measured[f"{page}: {label}"] = (width, height)
        if width < least or height < least:
            small.append(
                f"{label!r} on the {page} is {width:.0f} x {height:.0f} CSS px ({box.width} x {box.height} cells)"
            )


@pytest.mark.parametrize("name", SCREENS)
def test_type_fits_the_screen_and_every_button_is_big_and_does_what_it_says(
    server: tuple[str, subprocess.Popen[bytes]], name: str
) -> None:
    """Columns and rows for the screen, each button's box in CSS px, and a tap at its centre runs its action."""
    width, height, columns = SCREENS[name]
    url, _ = server
    measured: dict[str, tuple[float, float]] = {}
    small: list[str] = []
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        tab = open_tab(browser, url, width, height)
        screen, _ = tab.button(NEXT)
        assert screen.columns in columns, f"{screen.columns} columns at {width}x{height} (font {screen.font_size} px)"
        assert screen.rows >= 24, f"{screen.rows} rows at {width}x{height}"
        assert_the_app_fills(screen, tab)
        measure_buttons(tab, "welcome", WELCOME_BUTTONS, measured, small)

        def tap(label: str, shows: str) -> None:
            since = len(tab.drawn)
            tab.tap(label)
            tab.wait_for_text(shows, since)

        tap(NEXT, STEP_HEADINGS[0])
        measure_buttons(tab, "step", STEP_BUTTONS, measured, small)
        tap("Help ?", "How to use this")
        measure_buttons(tab, "help", ["Close"], measured, small)
        tap("Close", STEP_HEADINGS[0])
        tap("Questions", "Common questions")
        measure_buttons(tab, "questions", ["← Back"], measured, small)
        tap("← Back", STEP_HEADINGS[0])
        tap("Breathe", "Breathe with me")
        measure_buttons(tab, "calming mode", CALM_BUTTONS, measured, small)
        tap("Stop", STEP_HEADINGS[0])
        # Auto turns hands-free reading on (its button shows it is chosen), and off again.
        off = tab.background_of("Auto")
        tab.tap("Auto")
        wait_until(lambda: tab.background_of("Auto") != off, what="Auto to show it is on")
        tab.tap("Auto")
        wait_until(lambda: tab.background_of("Auto") == off, what="Auto to show it is off")
        tap("← Back", "Welcome")
        tap(NEXT, STEP_HEADINGS[0])
        tap(NEXT, "Quick check")
        measure_buttons(tab, "quick check", ["Not sure", "Skip"], measured, small)
        tap("Skip", STEP_HEADINGS[1])
        browser.close()
    print(f"{name} {width}x{height}: {screen.columns}x{screen.rows} cells, font {screen.font_size} px")
    for label, (box_width, box_height) in measured.items():
        print(f"  {label:26} {box_width:5.0f} x {box_height:3.0f} CSS px")
    least = FINGER_TARGET if screen.rows >= 24 else SMALLEST_TARGET
    assert not small, f"buttons under {least} CSS px at {width}x{height}: " + "; ".join(small)


def test_turning_the_tablet_refits_the_type(server: tuple[str, subprocess.Popen[bytes]]) -> None:
    """Portrait to landscape and back: the page picks the font size again, and the app lays out for the new size."""
    url, _ = server
    portrait_width, portrait_height, portrait_columns = SCREENS["portrait tablet"]
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        tab = open_tab(browser, url, portrait_width, portrait_height)
        since = len(tab.drawn)
        tab.tap(NEXT)
        tab.wait_for_text(STEP_HEADINGS[0], since)
        portrait, _ = tab.button(NEXT)
        assert portrait.columns in portrait_columns

        for width, height in ((1024, 768), (768, 1024)):
            tab.page.set_viewport_size({"width": width, "height": height})  # type: ignore[attr-defined]
            refit(tab, SCREENS["landscape tablet" if width > height else "portrait tablet"][2])
        browser.close()


def refit(tab: Tab, columns: range) -> None:
    """Wait for the type to fit ``columns`` again, the app to be told the new size and to lay out for it."""
    wait_until(lambda: tab.screen().columns in columns, what=f"{columns} columns")
    screen = tab.screen()
    wait_until(lambda: tab.size == (screen.columns, screen.rows), what="the app to be told the new size")
    # The app has laid out again: Next ends at the new right edge, on the same page.
    wait_until(
        lambda: right_edge(tab, NEXT) > screen.columns - 4 and tab.screen().find(STEP_HEADINGS[0]) is not None,
        what=f"the app to lay out for {screen.columns} columns",
    )
    assert_the_app_fills(tab.screen(), tab)


def right_edge(tab: Tab, label: str) -> int:
    """The column just right of the button labelled ``label``."""
    _, box = tab.button(label)
    return box.left + box.width


def test_fontsize_in_the_address_keeps_that_size(server: tuple[str, subprocess.Popen[bytes]]) -> None:
    """``?fontsize=16`` turns the fitting off: a portrait tablet gets 16 px type, as textual-serve would give it."""
    url, _ = server
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        tab = open_tab(browser, url + "?fontsize=16", 768, 1024)
        screen, _ = tab.button(NEXT)
        assert screen.font_size == 16 and screen.columns > 64, (screen.font_size, screen.columns)
        tab.page.set_viewport_size({"width": 1024, "height": 768})  # type: ignore[attr-defined]
        wait_until(lambda: tab.screen().columns > 100, what="the 16 px terminal to fill the landscape width")
        assert tab.screen().font_size == 16
        browser.close()
