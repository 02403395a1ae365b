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

import logging
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.screen import Screen

from .app import WalkthroughApp
from .pin import PinGuard
from .pin_shared import NO_PIN_FOR_COUNSELLOR, SharedPinGuard
from .screens.staff import StaffPinScreen
from .ui_text import ui_text
from .widgets.text import PlainText

if TYPE_CHECKING:
    from .breathing import Clock
    from .content.ready import ReadyContent
    from .content.records import LoadedWalkthrough

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


class PinFirstApp(WalkthroughApp):
    """Counsellor mode that asks for the staff PIN before it draws anything with a note in it."""

    def __init__(
        self,
        content: LoadedWalkthrough,
        *,
        staff_pin_hash: str,
        tries_file: Path | None = None,
        clock: Clock = time.monotonic,
        log: logging.Logger | None = None,
        **options: Any,
    ) -> None:
        """Counsellor mode on ``content``, once ``staff_pin_hash``'s PIN is typed.

        Args:
            content: The loaded walkthrough.
            staff_pin_hash: The clinic's staff PIN line (``walkthrough hash-pin``).
            tries_file: Where wrong tries and the lock are shared with the other tabs' apps; None keeps them here.
            clock: Times every timer and the lock.
            log: Where the prompt's lock and the opening of the view are written.
            options: The rest of :class:`WalkthroughApp`'s options (not ``kiosk`` nor ``counsellor``).
        """
        super().__init__(content, clock=clock, log=log, counsellor=True, **options)
        self.gate_guard: PinGuard = (
            SharedPinGuard(staff_pin_hash, clock, tries_file, on_lock=self._log_gate_lock)
            if tries_file is not None
            else PinGuard(staff_pin_hash, clock, on_lock=self._log_gate_lock)
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
        words = ui_text(self.content.language)
        return {**words, "staff_exit": words["counsellor_open"]}

    def gate_answered(self, right_pin: bool | None) -> None:
        """The right PIN opens the walkthrough in counsellor mode; Cancel ends the app."""
        if right_pin:
            self.unlocked = True
            self.log_file.info("counsellor view opened")
            self.call_later(self._replace_session)
        else:
            self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Before the right PIN, none of the app's actions but quit; after it, counsellor mode's."""
        if not self.unlocked:
            return action in GATE_ACTIONS
        return super().check_action(action, parameters)

    def _log_gate_lock(self) -> None:
        self.log_file.warning("counsellor PIN prompt locked after wrong PINs")


def run_behind_pin(
    ready: ReadyContent,
    pin_first: Path | bool,
    log: logging.Logger,
    *,
    reduced_motion: bool = False,
    watch: Path | None = None,
) -> int:
    """``walkthrough --counsellor --pin-first``: run :class:`PinFirstApp`; 2 if clinic.yaml has no staff PIN.

    ``pin_first`` names the file the wrong tries are shared in (from
    ``--pin-tries-file``), or is True to keep them in this process.
    """
    from .cli import let_go_of_a_closed_terminal

    pin_hash = ready.first.clinic.staff_pin_hash
    if not pin_hash:
        print(NO_PIN_FOR_COUNSELLOR, file=sys.stderr)
        return 2
    app = PinFirstApp(
        ready.first,
        staff_pin_hash=pin_hash,
        tries_file=pin_first if isinstance(pin_first, Path) else None,
        reduced_motion=reduced_motion,
        log=log,
        handle_signals=True,
        languages=ready.languages,
        watch=watch,
    )
    app.run()
    let_go_of_a_closed_terminal()
    return app.return_code or 0
