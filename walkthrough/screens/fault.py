"""What a kiosk shows after an unexpected error: a calm message, then a fresh start."""

from __future__ import annotations

from collections.abc import Mapping

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen

from ..stylesheets import stylesheet
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText

FAULT_SECONDS = 20.0
"""How long the message stays before the welcome screen comes back on its own."""


class FaultScreen(Screen[None]):
    """A calm "something went wrong, please tell staff" message, shown over a fresh walkthrough."""

    CSS_PATH = stylesheet("kiosk.tcss")

    def __init__(self, words: Mapping[str, str]) -> None:
        super().__init__()
        self.words = words

    def compose(self) -> ComposeResult:
        """The message and a button back to the start."""
        with Vertical(id="fault-panel"):
            yield PlainText(self.words["fault_title"], classes="heading")
            yield PlainText(self.words["fault_body"], id="fault-body")
            yield TouchButton(self.words["fault_back"], "screen.back_to_start", id="back-to-start", classes="primary")

    def on_mount(self) -> None:
        """Go back to the start on its own after a while."""
        self.set_timer(FAULT_SECONDS, self.action_back_to_start)

    def action_back_to_start(self) -> None:
        """Show the welcome screen (already fresh underneath)."""
        if self.is_current:
            self.dismiss()

    def on_key(self, event: events.Key) -> None:
        """Keys do nothing here but go back to the start."""
        event.stop()
        event.prevent_default()
        self.action_back_to_start()
