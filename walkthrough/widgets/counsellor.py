"""What only a counsellor sees: the talk timer and the notes panel."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer

from ..talk import TalkTimer, minutes_and_seconds
from .text import PlainText, bullet_lines

if TYPE_CHECKING:
    from ..session import CheckAnswer


class TalkClock(PlainText):
    """``Talk 12:34``, counting up; warm once the talk passes the clinic's planned length.

    It redraws only when the shown second changes, and not at all while paused.
    """

    def __init__(self, timer: TalkTimer, words: Mapping[str, str], **kwargs: object) -> None:
        super().__init__("", **kwargs)
        self.timer = timer
        self.words = words
        self._tick: Timer | None = None

    def on_mount(self) -> None:
        """Show the time at once."""
        self.refresh_clock()

    def on_unmount(self) -> None:
        """Leave no timer behind."""
        if self._tick is not None:
            self._tick.stop()

    def refresh_clock(self) -> None:
        """Redraw from the timer, then wait for the next change (none while paused)."""
        if self._tick is not None:
            self._tick.stop()
            self._tick = None
        shown = minutes_and_seconds(self.timer.elapsed())
        self.set_text(self.words["talk_paused" if self.timer.paused else "talk"].format(time=shown))
        self.set_class(self.timer.over_target(), "-over")
        self.set_class(self.timer.paused, "-paused")
        if not self.timer.paused:
            self._tick = self.set_timer(self.timer.seconds_to_next_change(), self.refresh_clock)


class NotesPanel(VerticalScroll):
    """The counsellor's talking points for the screen on show."""

    def __init__(self, words: Mapping[str, str], **kwargs: object) -> None:
        # kwargs are the widget's own options (id, classes...) passed on as given; mypy cannot match object to each
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.words = words
        self.can_focus = False

    def compose(self) -> ComposeResult:
        """A heading, how the patient did on the page's quick check, and the notes."""
        yield PlainText(self.words["notes_title"], classes="notes-heading")
        checked = PlainText("", id="notes-check")
        checked.display = False  # until a check was asked on the page shown
        yield checked
        yield PlainText("", id="notes-text")

    def show(self, notes: tuple[str, ...], check: CheckAnswer | None = None) -> None:
        """Show these notes (or say there are none), from the top, under how the page's check went (if it was asked)."""
        text = bullet_lines(notes) if notes else self.words["notes_none"]
        self.query_one("#notes-text", PlainText).set_text(text)
        checked = self.query_one("#notes-check", PlainText)
        checked.display = check is not None
        checked.set_text(check_note(check, self.words) if check is not None else "")
        checked.set_class(check is not None and check.needed_again, "-went-over")
        self.scroll_home(animate=False)


def check_note(check: CheckAnswer, words: Mapping[str, str]) -> str:
    """One line for the counsellor on how the patient did on a page's quick check (this session only)."""
    if check.needed_again:
        return words["check.note_again"]
    if check.first_right:
        return words["check.note_right"]
    return words["check.note_skipped"]
