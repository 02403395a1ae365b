"""``walkthrough serve`` by touch, in Debian's Chromium with a touch screen: a finger scrolls, a tap brings no keyboard.

Both live in the page, walkthrough/web/app_index.html: a vertical one-finger
drag becomes wheel events (xterm.js ignores touch while the app reports the
mouse), and xterm's hidden textarea has inputmode="none" unless the app says a
text box has focus (WalkthroughApp.tell_page_about_keyboard). Playwright has no
touch drag, so drags go through the DevTools protocol's Input.dispatchTouchEvent.
Headless Chromium shows no keyboard; what these tests can see is the
textarea's inputmode, which a tablet's browser obeys.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from bench.browser import CHROMIUM, CHROMIUM_FLAGS, CellBox, TabOutput, TerminalScreen, read_screen, serve_walkthrough
from walkthrough.content.ready import load_ready
from walkthrough.content.records import LoadedWalkthrough
from walkthrough.ui import words_for

pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")
playwright_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]

PORTRAIT_TABLET = (768, 1024)
WHEEL_LINES = 2
"""Lines Textual scrolls per wheel report (App.scroll_sensitivity_y); the page sends one per this many rows dragged."""
INPUTMODE = "() => document.querySelector('.xterm-helper-textarea').getAttribute('inputmode')"
BOX_HINT = "Type your question"
BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"


def bundled(language: str = "en") -> LoadedWalkthrough:
    """The bundled walkthrough in ``language``, as the server shows it."""
    return load_ready(BUNDLED, language).first


class TouchTab(TabOutput):
    """A touch-screen tab on the walkthrough: what it shows, taps, and finger drags."""

    def __init__(self, context: Any) -> None:
        super().__init__(context.new_page())
        self.devtools = context.new_cdp_session(self.page)
        self.sent: list[str] = []
        """Every websocket frame the page sent the server (keys, mouse reports, focus and blur)."""
        self.page.on("websocket", lambda websocket: websocket.on("framesent", self._note_sent))

    def _note_sent(self, payload: bytes | str) -> None:
        self.sent.append(payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload)

    def screen(self) -> TerminalScreen:
        """What the terminal shows now."""
        return read_screen(self.page)

    def tap_at(self, x: float, y: float) -> None:
        """One finger tap at (x, y) CSS px, then a moment for the app to answer (a person taps no faster)."""
        self.page.touchscreen.tap(x, y)
        self.page.wait_for_timeout(300)

    def tap_box(self, screen: TerminalScreen, box: CellBox) -> None:
        """Tap the centre of a box of cells."""
        left, top, width, height = screen.css_box(box)
        self.tap_at(left + width / 2, top + height / 2)

    def tap_button(self, label: str) -> None:
        """Tap the button labelled ``label``, which must show now."""
        screen = self.screen()
        found = screen.find_label(label)
        assert found is not None, f"no {label!r} on the screen:\n" + "\n".join(screen.lines)
        self.tap_box(screen, screen.button_around(*found, len(label)))

    def drag(self, x: float, y: float, to_x: float, to_y: float, steps: int = 24) -> None:
        """A one-finger drag from (x, y) to (to_x, to_y) in ``steps`` moves about a frame apart, as a finger moves."""
        self._touch("touchStart", [{"x": x, "y": y}])
        for step in range(1, steps + 1):
            share = step / steps
            self._touch("touchMove", [{"x": x + (to_x - x) * share, "y": y + (to_y - y) * share}])
            self.page.wait_for_timeout(16)
        self._touch("touchEnd", [])
        self.page.wait_for_timeout(500)

    def _touch(self, kind: str, points: list[dict[str, float]]) -> None:
        self.devtools.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    def inputmode(self) -> str | None:
        """The hidden textarea's inputmode (a tablet shows no keyboard for "none")."""
        mode = self.page.evaluate(INPUTMODE)
        return None if mode is None else str(mode)

    def wait_for_inputmode(self, wanted: str, timeout: float = 5.0) -> None:
        """Wait until the app has told the page (it answers after the tap, over the websocket)."""
        wait_until(lambda: self.inputmode() == wanted, timeout, f"inputmode {wanted!r} (it is {self.inputmode()!r})")


def wait_until(check: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@contextmanager
def touch_tab(tmp_path: Path, size: tuple[int, int] = PORTRAIT_TABLET) -> Iterator[tuple[Any, TouchTab]]:
    """The bundled walkthrough served, and a touch-screen tab of ``size`` CSS px on its welcome page."""
    with (
        (tmp_path / "server.log").open("wb") as log,
        serve_walkthrough(output=log) as (port, _),
        playwright_api.sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        width, height = size
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
        tab = TouchTab(context)
        tab.page.goto(f"http://127.0.0.1:{port}/")
        tab.wait_for_text("Welcome")
        tab.page.wait_for_timeout(300)
        try:
            yield context, tab
        finally:
            browser.close()


def to_the_questions_page(tab: TouchTab) -> None:
    """On to the last page by keys, whatever quick checks come between (→ goes on from one)."""
    title = bundled("en").walkthrough.questions.title
    tab.page.focus(".xterm-helper-textarea")
    for _ in range(30):
        if tab.screen().find(title) is not None:
            tab.page.wait_for_timeout(300)
            return
        tab.page.keyboard.press("ArrowRight")
        tab.page.wait_for_timeout(250)
    raise AssertionError("never reached the questions page:\n" + "\n".join(tab.screen().lines))


def row_of(screen: TerminalScreen, line: str) -> int | None:
    """The one row showing exactly ``line``, or None."""
    rows = [row for row, shown in enumerate(screen.lines) if shown == line]
    return rows[0] if len(rows) == 1 else None


def test_a_finger_drag_scrolls_the_page_and_a_tap_still_presses_a_button(tmp_path: Path) -> None:
    """Swipe up on the questions page: the text follows the finger about 1:1, "Take this with you" comes into view,
    nothing is pressed by the swipe, and a tap on the button then opens the summary."""
    take = words_for(bundled("en"))["summary.take"]
    with touch_tab(tmp_path) as (context, tab):
        opened: list[str] = []

        def note_download(response: Any) -> None:
            if "/download/" in response.url:
                opened.append(response.url)

        context.on("response", note_download)
        to_the_questions_page(tab)
        before = tab.screen()
        assert before.find_label(take) is None, "the page fits: nothing to scroll to"
        left, top, width, height = before.box
        _, row_height = before.cell
        x, y = left + width / 2, top + height * 0.55

        tab.drag(x, y, x - width * 0.4, y + 3)  # sideways: nothing moves
        assert tab.screen().lines == before.lines

        anchor = next(
            line
            for line in before.lines[before.rows // 3 : before.rows // 2]
            if line.strip() and row_of(before, line) is not None
        )
        distance = 6 * row_height
        tab.drag(x, y, x, y - distance)
        after = tab.screen()
        start, end = row_of(before, anchor), row_of(after, anchor)
        assert start is not None and end is not None, "\n".join(after.lines)
        followed = (start - end) * row_height
        assert abs(followed - distance) <= WHEEL_LINES * row_height, (start, end, "not about 1:1 with the finger")

        for _ in range(10):
            if tab.screen().find_label(take) is not None:
                break
            tab.drag(x, y, x, y - height * 0.3)
        assert tab.screen().find_label(take) is not None, "\n".join(tab.screen().lines)
        assert opened == [], "a swipe pressed a button"
        tab.page.screenshot(path=str(tmp_path / "swiped.png"))

        tab.drag(x, top + height * 0.2, x, top + height * 0.3)  # a short swipe down scrolls back up a little
        assert tab.screen().lines != after.lines

        for _ in range(10):  # and back down
            if tab.screen().find_label(take) is not None:
                break
            tab.drag(x, y, x, y - height * 0.3)
        with context.expect_page() as summary:
            tab.tap_button(take)
        summary.value.wait_for_load_state()
        assert len(opened) == 1


def test_a_tap_brings_no_keyboard_but_the_question_box_does(tmp_path: Path) -> None:
    """inputmode is "none" after tapping a button, "text" once the question box has focus, "none" again after."""
    with touch_tab(tmp_path) as (context, tab):
        assert tab.inputmode() == "none", "the keyboard is not kept down from the start"
        tab.tap_button("Next →")
        assert tab.page.evaluate("() => document.activeElement.className").find("xterm-helper-textarea") >= 0
        tab.page.wait_for_timeout(500)
        assert tab.inputmode() == "none"
        address = tab.page.url

        to_the_questions_page(tab)
        x = tab.screen().box[0] + tab.screen().box[2] / 2
        for _ in range(10):  # swipe the box into sight
            screen = tab.screen()
            found = screen.find(BOX_HINT)
            if found is not None and found[1] < screen.rows - 10:
                break
            tab.drag(x, screen.box[1] + screen.box[3] * 0.6, x, screen.box[1] + screen.box[3] * 0.3)
        assert found is not None, "\n".join(screen.lines)
        tab.tap_box(screen, CellBox(found[0], found[1], 1, 1))
        tab.wait_for_inputmode("text")
        sent_before = len(tab.sent)
        tab.tap_box(screen, CellBox(found[0], found[1], 1, 1))  # a second tap (iPad: it brings the keyboard)
        tab.page.wait_for_timeout(300)
        assert tab.inputmode() == "text"
        assert '["blur"]' not in tab.sent[sent_before:], "the app saw the refocus and dropped the box's focus"
        tab.page.keyboard.type("nap time? q")
        tab.page.wait_for_timeout(500)
        assert any("nap time? q" in line for line in tab.screen().lines), "the typing missed the box"

        tab.tap_button("Questions")  # a button: the box loses focus (and common questions open over the page)
        tab.wait_for_inputmode("none")
        assert tab.page.url == address and context.pages == [tab.page], "the app's word to the page was opened"
        tab.page.screenshot(path=str(tmp_path / "keyboard-off.png"))
