"""What the browser tests and the load benchmark share: Debian's Chromium, a served app's processes, a tab's text.

Chromium is Debian's own, headless, never one that a test tool downloads.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, NamedTuple

CHROMIUM = os.environ.get("WALKTHROUGH_CHROMIUM", "/usr/bin/chromium")
"""Debian's Chromium (``apt-get install chromium``), or another one named by WALKTHROUGH_CHROMIUM."""

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Headless, and quiet: without the background-networking flags Chromium keeps trying to reach Google's hosts."""


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_listening(port: int, timeout: float = 20.0) -> None:
    """Wait until a server accepts connections on the loopback ``port``."""
    deadline = time.monotonic() + timeout
    while True:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing listened on port {port}")
        time.sleep(0.05)


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """End a server as a supervisor would (SIGTERM), and for good if it has not gone after 10 seconds."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


@contextmanager
def serve_walkthrough(
    *arguments: str, output: IO[bytes] | int = subprocess.DEVNULL
) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """``walkthrough serve ARGUMENTS`` on a free loopback port, its output (and errors) to ``output``.

    Yields the port and the server's process once it listens; the server is
    stopped (SIGTERM, as a supervisor would) when the block ends.
    """
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "walkthrough", "serve", "--port", str(port), *arguments],
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_until_listening(port)
        yield port, process
    finally:
        stop_server(process)


def app_processes(server_pid: int) -> list[int]:
    """The Python processes below a server (each tab's app), by pid."""
    apps, queue = [], [server_pid]
    while queue:
        parent = queue.pop()
        children = Path(f"/proc/{parent}/task/{parent}/children")
        try:
            kids = [int(child) for child in children.read_text().split()]
        except OSError:
            continue
        queue += kids
        for kid in kids:
            try:
                if "python" in Path(f"/proc/{kid}/comm").read_text():
                    apps.append(kid)
            except OSError:
                continue
    return apps


class TabOutput:
    """What the app in one browser tab has drawn (the text of its websocket frames), and the terminal's size."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.drawn = ""
        self.size = (0, 0)
        """Columns and rows, as the page last told the app."""
        page.on("websocket", self._follow)

    def _follow(self, websocket: Any) -> None:
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload: bytes | str) -> None:
        self.drawn += payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload

    def _sent(self, payload: bytes | str) -> None:
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        if text.startswith('["resize"'):
            size = json.loads(text)[1]
            self.size = (int(size["width"]), int(size["height"]))

    def wait_for_text(self, text: str, since: int = 0, timeout: float = 15.0) -> None:
        """Wait until the app has drawn ``text`` after the first ``since`` characters of what it drew."""
        deadline = time.monotonic() + timeout
        while text not in self.drawn[since:]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{text!r} never appeared")
            self.page.wait_for_timeout(5)  # Playwright delivers frames only while it is called


READ_SCREEN = """() => {
    const terminal = window.walkthrough_terminal;
    const buffer = terminal.buffer.active;
    const box = document.querySelector(".xterm-screen").getBoundingClientRect();
    const lines = [], backgrounds = [];
    const cell = buffer.getNullCell();
    for (let y = 0; y < terminal.rows; y++) {
        const line = buffer.getLine(buffer.viewportY + y);
        let text = "";
        const colours = [];
        for (let x = 0; x < terminal.cols; x++) {
            line.getCell(x, cell);
            text += cell.getChars().charAt(0) || " ";
            colours.push(cell.getBgColorMode() * 0x1000000 + cell.getBgColor());
        }
        lines.push(text);
        backgrounds.push(colours);
    }
    return {lines, backgrounds, columns: terminal.cols, rows: terminal.rows,
            box: [box.x, box.y, box.width, box.height], font_size: Number(terminal.options.fontSize)};
}"""
"""Page script: every cell xterm shows (one character and its background each), and the grid's box in CSS px."""

BORDER_GLYPHS = set("─━│┃╭╮╰╯┌┐└┘┏┓┗┛═║╔╗╚╝▔▁▎▊▌▐▏▕")
"""Characters a button's border is drawn with (Textual's round, solid, heavy, double, tall and wide borders)."""


class CellBox(NamedTuple):
    """A rectangle of terminal cells: left column, top row, width and height in cells."""

    left: int
    top: int
    width: int
    height: int


class TerminalScreen(NamedTuple):
    """What a tab's terminal shows: one string per row (one character per cell), each cell's background, its box."""

    lines: list[str]
    backgrounds: list[list[int]]
    columns: int
    rows: int
    box: tuple[float, float, float, float]
    """The grid's left, top, width and height in CSS px."""
    font_size: float

    @property
    def cell(self) -> tuple[float, float]:
        """One cell's width and height in CSS px."""
        return self.box[2] / self.columns, self.box[3] / self.rows

    def find(self, text: str) -> tuple[int, int] | None:
        """The (column, row) where ``text`` first shows, or None."""
        for row, line in enumerate(self.lines):
            column = line.find(text)
            if column >= 0:
                return column, row
        return None

    def find_label(self, label: str) -> tuple[int, int] | None:
        """Where the button label ``label`` shows, searching up from above the key line; None if it does not.

        The label must stand alone (no letter or digit touching it), so "Auto"
        is not found in "Automatic". Searching up finds the big buttons at the
        foot before the same word in the text above them.
        """
        for row in range(self.rows - 2, -1, -1):
            line = self.lines[row]
            column = line.find(label)
            while column >= 0:
                before = line[column - 1] if column else " "
                after = line[column + len(label)] if column + len(label) < len(line) else " "
                if not before.isalnum() and not after.isalnum():
                    return column, row
                column = line.find(label, column + 1)
        return None

    def button_around(self, column: int, row: int, length: int) -> CellBox:
        """The box of the button whose label starts at (column, row) and is ``length`` cells long.

        Found as drawn: the run of cells with the label's background to either
        side (stopping after a border), then the rows above and below with that
        background across the same columns that hold only blanks and border
        characters (another label's row belongs to another button), stopping
        after a border row.
        """
        colour = self.backgrounds[row][column]
        left, right = column, column + length - 1
        while left > 0 and self.backgrounds[row][left - 1] == colour and self.lines[row][left] not in BORDER_GLYPHS:
            left -= 1
        while (
            right < self.columns - 1
            and self.backgrounds[row][right + 1] == colour
            and self.lines[row][right] not in BORDER_GLYPHS
        ):
            right += 1

        def part_of_button(y: int) -> bool:
            return all(
                self.backgrounds[y][x] == colour and (self.lines[y][x] == " " or self.lines[y][x] in BORDER_GLYPHS)
                for x in range(left, right + 1)
            )

        def border_row(y: int) -> bool:
            return any(self.lines[y][x] in BORDER_GLYPHS - set("│┃║▎▊▌▐▏▕") for x in range(left, right + 1))

        top = bottom = row
        while top > 0 and not border_row(top) and part_of_button(top - 1):
            top -= 1
        while bottom < self.rows - 1 and not border_row(bottom) and part_of_button(bottom + 1):
            bottom += 1
        return CellBox(left, top, right - left + 1, bottom - top + 1)

    def css_box(self, cells: CellBox) -> tuple[float, float, float, float]:
        """A box of cells in CSS px on the page: left, top, width, height."""
        width, height = self.cell
        return (
            self.box[0] + cells.left * width,
            self.box[1] + cells.top * height,
            cells.width * width,
            cells.height * height,
        )


def read_screen(page: Any) -> TerminalScreen:
    """What the terminal in ``page`` shows now (our page keeps its terminal in window.walkthrough_terminal)."""
    seen = page.evaluate(READ_SCREEN)
    return TerminalScreen(
        seen["lines"], seen["backgrounds"], seen["columns"], seen["rows"], tuple(seen["box"]), seen["font_size"]
    )
