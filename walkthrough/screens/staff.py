"""The staff PIN prompt: the only way out of a kiosk, apart from the supervisor's signal."""

from __future__ import annotations

import math
from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Input

from ..pin import MAX_PIN_LENGTH, PinGuard
from ..stylesheets import stylesheet
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText


class StaffPinScreen(ModalScreen[bool]):
    """Asks for the staff PIN; dismisses with True when it is right, False on cancel.

    The PIN is typed into a masked field and checked against the stored hash
    only; three wrong tries lock the prompt (the guard lives in the app, so
    closing and reopening does not reset it).
    """

    CSS_PATH = stylesheet("kiosk.tcss")

    BINDINGS = [Binding("escape", "cancel", "Cancel", key_display="esc")]

    def __init__(self, words: Mapping[str, str], guard: PinGuard) -> None:
        super().__init__()
        self.words = words
        self.guard = guard
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Heading, the masked PIN field, a status line and the buttons."""
        with Vertical(id="staff-panel"):
            yield PlainText(self.words["staff_title"], classes="heading")
            yield PlainText(self.words["staff_prompt"], id="staff-prompt")
            yield Input(password=True, max_length=MAX_PIN_LENGTH, id="pin")
            yield PlainText("", id="staff-status")
            with Horizontal(id="staff-buttons"):
                # Cancel is the bright one: whoever opened this by chance should see the way back first.
                yield TouchButton(self.words["cancel"], "screen.cancel", id="staff-cancel", classes="primary")
                yield TouchButton(self.words["staff_exit"], "screen.submit", id="staff-exit")

    def on_mount(self) -> None:
        """Start with the field ready, or with the lock showing."""
        self.query_one("#pin", Input).focus()
        self._show_lock()

    def on_unmount(self) -> None:
        """Leave no timer behind."""
        if self._timer is not None:
            self._timer.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the field tries the PIN."""
        event.stop()
        self.action_submit()

    def action_submit(self) -> None:
        """Try the PIN in the field; the field is cleared whatever the answer."""
        field = self.query_one("#pin", Input)
        pin, field.value = field.value, ""
        if not pin:
            return
        result = self.guard.attempt(pin)
        if result.outcome == "ok":
            self.dismiss(True)
        elif result.outcome == "wrong":
            self.query_one("#staff-status", PlainText).set_text(
                self.words["staff_wrong"].format(tries=result.tries_left)
            )
        else:
            self._show_lock()

    def action_cancel(self) -> None:
        """Close the prompt and go back to the walkthrough."""
        self.dismiss(False)

    def _show_lock(self) -> None:
        """While locked, say for how long and take no tries; unlock when the time is up."""
        self._timer = None
        if not self.query("#pin"):  # not composed yet
            return
        left = self.guard.seconds_locked()
        field = self.query_one("#pin", Input)
        status = self.query_one("#staff-status", PlainText)
        locked = left > 0
        field.disabled = locked
        field.display = not locked
        self.query_one("#staff-prompt").display = not locked
        self.query_one("#staff-exit").disabled = locked
        if left <= 0:
            if self.guard.locked_until:
                status.set_text("")
                field.focus()
            return
        shown = math.ceil(left)
        status.set_text(self.words["staff_locked"].format(seconds=shown))
        self._timer = self.set_timer(left - (shown - 1), self._show_lock)

    def tick(self) -> None:
        """Redraw the lock from the clock (tests with a fake clock call this)."""
        if self._timer is not None:
            self._timer.stop()
        self._show_lock()
