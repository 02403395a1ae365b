"""A bare Textual app to compare against: one Static screen with next/back paging, optionally a bar at 15 fps.

``--next-button`` adds Textual's own Button, "Next", below the text (for bench/serve_load, which taps it).
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Static

PAGES = [f"Page {number}\n\nA bare Textual app for comparison." for number in range(1, 9)]


class BareApp(App[None]):
    """The least a Textual app can be: a Static paged by → and ←; with ``animate``, a bar redrawn 15 times a second."""

    BINDINGS = [Binding("right", "page(1)", "Next"), Binding("left", "page(-1)", "Back"), Binding("q", "quit", "Quit")]

    def __init__(self, animate: bool = False, next_button: bool = False) -> None:
        super().__init__()
        self.animate = animate
        self.next_button = next_button
        self.frame = 0
        self.page = 0

    def compose(self) -> ComposeResult:
        yield Static("Welcome\n\nA bare Textual app for comparison.", id="text")
        yield Static("", id="bar")
        if self.next_button:
            yield Button("Next", id="next")

    def on_mount(self) -> None:
        if self.animate:
            self.set_interval(1 / 15, self.step)

    def on_button_pressed(self) -> None:
        """The Next button: the next page."""
        self.action_page(1)

    def action_page(self, step: int) -> None:
        self.page = (self.page + step) % len(PAGES)
        self.query_one("#text", Static).update(PAGES[self.page])

    def step(self) -> None:
        self.frame = (self.frame + 1) % 30
        self.query_one("#bar", Static).update("█" * (10 + abs(15 - self.frame) * 2))


if __name__ == "__main__":
    BareApp(animate="--animate" in sys.argv, next_button="--next-button" in sys.argv).run()
