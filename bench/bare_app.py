"""A bare Textual app to compare against: one Static screen, optionally a bar redrawn at 15 fps."""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Static


class BareApp(App[None]):
    """The least a Textual app can be; with ``animate``, a bar that changes width 15 times a second."""

    def __init__(self, animate: bool) -> None:
        super().__init__()
        self.animate = animate
        self.frame = 0

    def compose(self) -> ComposeResult:
        yield Static("Welcome\n\nA bare Textual app for comparison.", id="text")
        yield Static("", id="bar")

    def on_mount(self) -> None:
        if self.animate:
            self.set_interval(1 / 15, self.step)

    def step(self) -> None:
        self.frame = (self.frame + 1) % 30
        self.query_one("#bar", Static).update("█" * (10 + abs(15 - self.frame) * 2))


if __name__ == "__main__":
    BareApp(animate="--animate" in sys.argv).run()
