"""Counsellor mode behind the staff PIN: nothing that holds a note exists until the right PIN is typed.

``walkthrough --counsellor --pin-first`` is what ``walkthrough serve`` starts
for each tab on its counsellor's path. The app's first screen is an empty one
with the staff PIN prompt on top (the kiosk's prompt, with its scrypt check and
its lockout); the walkthrough screen, and with it every note, is built only
after the right PIN. Cancel (or Escape) ends the app, so the tab shows the
"closed" page. While the prompt is up, none of the app's own actions run:
common questions, for one, would show the counsellor's notes on the answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen

from ..pin import PinGuard
from ..pin_shared import SharedPinGuard
from ..screens.staff import StaffPinScreen
from ..widgets.text import PlainText
from .counsellor import CounsellorApp

GATE_ACTIONS = frozenset({"quit"})
"""The app's own actions that may run before the right PIN: only leaving."""


class PinGateScreen(Screen[None]):
    """What is under the PIN prompt: the walkthrough's title and nothing else."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.heading = title

    def compose(self) -> ComposeResult:
        """The title only."""
        yield PlainText(self.heading, classes="heading")


class PinFirstApp(CounsellorApp):
    """Counsellor mode that asks for the staff PIN before it draws anything with a note in it.

    The settings say the PIN's hash (from clinic.yaml; ``modes.app_for`` refuses
    to start without one) and the file that shares wrong tries between tabs.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """As :class:`CounsellorApp`, with the staff PIN prompt first."""
        super().__init__(*args, **kwargs)
        pin_hash, tries_file, clock = self.settings.staff_pin_hash, self.settings.pin_tries_file, self.clock
        if not pin_hash:
            raise ValueError("counsellor mode behind the PIN needs the clinic's staff_pin_hash")
        self.gate_guard: PinGuard = (
            SharedPinGuard(pin_hash, clock, tries_file, on_lock=self._log_gate_lock)
            if tries_file is not None
            else PinGuard(pin_hash, clock, on_lock=self._log_gate_lock)
        )
        """Checks the PIN; with a tries file, counts wrong tries across every tab's app."""
        self.unlocked = False
        """The right PIN was typed: the counsellor's view is open."""

    def first_screen(self) -> Screen[Any]:
        """The empty screen the PIN prompt is shown over (never the walkthrough)."""
        return PinGateScreen(self.content.walkthrough.title)

    def on_mount(self) -> None:
        """Ask for the PIN first."""
        super().on_mount()
        self.push_screen(StaffPinScreen(self.gate_words(), self.gate_guard), self.gate_answered)

    def gate_words(self) -> Mapping[str, str]:
        """The prompt's words, with a button that opens the counsellor's view instead of closing the app."""
        words = self.words
        return {**words, "staff_exit": words["counsellor_open"]}

    def gate_answered(self, right_pin: bool | None) -> None:
        """The right PIN opens the walkthrough in counsellor mode; Cancel ends the app."""
        if right_pin:
            self.unlocked = True
            self.log_file.info("counsellor view opened")
            self.call_later(self.replace_session)
        else:
            self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Before the right PIN, none of the app's actions but quit; after it, counsellor mode's."""
        if not self.unlocked:
            return action in GATE_ACTIONS
        return super().check_action(action, parameters)

    def _log_gate_lock(self) -> None:
        self.log_file.warning("counsellor PIN prompt locked after wrong PINs")
