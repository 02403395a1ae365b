"""The "are you still here?" warning: a countdown and one big button before the fresh start."""

from __future__ import annotations

import math
from collections.abc import Mapping

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.timer import Timer

from ..breathing import Clock
from ..stylesheets import stylesheet
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText


class IdleWarningScreen(ModalScreen[bool]):
    """Counts down; any key or tap answers "still here" (True), silence lets the time run out (False)."""

    CSS_PATH = stylesheet("kiosk.tcss")

    def __init__(self, words: Mapping[str, str], *, seconds: float, clock: Clock) -> None:
        super().__init__()
        self.words = words
        self.clock = clock
        self.deadline = clock() + seconds
        self._answered = False
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """The question, the countdown and the button."""
        with Vertical(id="idle-panel"):
            yield PlainText(self.words["idle_title"], classes="heading")
            yield PlainText(self.words["idle_body"], id="idle-body")
            yield PlainText("", id="idle-countdown")
            yield TouchButton(self.words["still_here"], "screen.still_here", id="still-here", classes="primary")

    def on_mount(self) -> None:
        """Show the full count at once."""
        self.tick()

    def on_unmount(self) -> None:
        """Leave no timer behind."""
        if self._timer is not None:
            self._timer.stop()

    def seconds_left(self) -> float:
        """Seconds until the fresh start."""
        return self.deadline - self.clock()

    def tick(self) -> None:
        """Show the whole seconds left, or end the session when they run out."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._answered:
            return
        left = self.seconds_left()
        if left <= 0:
            self._answer(False)
            return
        shown = math.ceil(left)
        for countdown in self.query("#idle-countdown").results(PlainText):  # none yet before compose
            countdown.set_text(self.words["idle_countdown"].format(seconds=shown))
        self._timer = self.set_timer(left - (shown - 1), self.tick)

    def action_still_here(self) -> None:
        """The person is here: keep everything as it is."""
        self._answer(True)

    def on_key(self, event: events.Key) -> None:
        """Any key at all means someone is here; the key does nothing else."""
        event.stop()
        event.prevent_default()
        self._answer(True)

    def on_click(self, event: events.Click) -> None:
        """A tap anywhere means someone is here."""
        event.stop()
        self._answer(True)

    def _answer(self, still_here: bool) -> None:
        if not self._answered:
            self._answered = True
            self.dismiss(still_here)
