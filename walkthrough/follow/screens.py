"""What following shows: the code entry (by tap or key), the patient's bar and the counsellor's sharing line."""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable, Mapping
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen

from ..stylesheets import stylesheet
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText
from .pairing import CODE_DIGITS, PairingResult, shown_code


class FollowBar(PlainText):
    """One line under the title: "Your screen follows..." (a tap stops following) or the counsellor's code and count."""

    DEFAULT_CSS = """
    FollowBar {
        height: auto;
        width: 1fr;
        padding: 0 1;
        background: $accent 30%;
        text-align: center;
    }
    """

    def __init__(self, text: str, on_tap: Callable[[], None] | None = None) -> None:
        """Show ``text``; a tap runs ``on_tap`` (the patient's way to stop following)."""
        super().__init__(text, id="follow-bar")
        self.on_tap = on_tap

    def on_click(self, event: events.Click) -> None:
        """A tap on the patient's bar stops following."""
        event.stop()
        if self.on_tap is not None:
            self.on_tap()


class FollowCodeScreen(ModalScreen[bool]):
    """Asks for the counsellor's six-digit code by key or by tapping a keypad; dismisses True once following."""

    CSS_PATH = stylesheet("follow.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", key_display="esc"),
        Binding("enter", "submit", "Follow", show=False),
        Binding("backspace", "erase", "Erase", show=False),
        *(Binding(str(digit), f"digit({digit})", show=False) for digit in range(10)),
    ]

    def __init__(
        self,
        words: Mapping[str, str],
        try_code: Callable[[str], Awaitable[PairingResult]],
        seconds_locked: Callable[[], float],
    ) -> None:
        """Ask in ``words``; ``try_code`` joins with a code and says how it went; ``seconds_locked`` is the lockout."""
        super().__init__()
        self.words = words
        self.try_code = try_code
        self.seconds_locked = seconds_locked
        self.typed = ""

    def compose(self) -> ComposeResult:
        """Heading, prompt, the code so far, a status line, the keypad and the buttons."""
        with Vertical(id="follow-panel"):
            yield PlainText(self.words["follow.title"], classes="heading")
            yield PlainText(self.words["follow.prompt"], id="follow-prompt")
            yield PlainText("", id="follow-code")
            yield PlainText("", id="follow-status")
            with Grid(id="follow-keypad"):
                for digit in (*range(1, 10), 0):
                    yield TouchButton(str(digit), f"screen.digit({digit})", id=f"follow-digit-{digit}")
                yield TouchButton(self.words["follow.erase"], "screen.erase", id="follow-erase", classes="secondary")
            with Horizontal(id="follow-buttons"):
                yield TouchButton(self.words["cancel"], "screen.cancel", id="follow-cancel")
                yield TouchButton(self.words["follow.join"], "screen.submit", id="follow-join", classes="primary")

    def on_mount(self) -> None:
        """Start with the empty code, or with the lock showing."""
        self._show_code()
        self._show_lock()

    def _show_code(self) -> None:
        slots = self.typed + "_" * (CODE_DIGITS - len(self.typed))
        self.query_one("#follow-code", PlainText).set_text(" ".join(shown_code(slots)))

    def _show_lock(self) -> bool:
        seconds = self.seconds_locked()
        if seconds > 0:
            text = self.words["follow.locked"].format(seconds=math.ceil(seconds))
            self.query_one("#follow-status", PlainText).set_text(text)
        return seconds > 0

    def action_digit(self, digit: int) -> None:
        """One more digit (a seventh is not taken)."""
        if len(self.typed) < CODE_DIGITS:
            self.typed += str(digit)
            self._show_code()

    def action_erase(self) -> None:
        """Take back the last digit."""
        self.typed = self.typed[:-1]
        self._show_code()

    def action_cancel(self) -> None:
        """Close without following."""
        self.dismiss(False)

    async def action_submit(self) -> None:
        """Try the code typed (once it has six digits); the code is cleared unless it worked."""
        if len(self.typed) < CODE_DIGITS or self._show_lock():
            return
        code, self.typed = self.typed, ""
        self._show_code()
        result = await self.try_code(code)
        status = self.query_one("#follow-status", PlainText)
        if result.outcome == "ok":
            self.dismiss(True)
        elif result.outcome == "wrong":
            status.set_text(self.words["follow.wrong"].format(tries=result.tries_left))
        elif result.outcome == "locked":
            self._show_lock()
        else:
            status.set_text(self.words["follow.cannot"])
