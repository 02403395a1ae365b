"""The calm rating: "How anxious do you feel right now?", 0 to 10, once before the walk and once at its end.

A single-item scale (0 = not at all, 10 = extremely), never a questionnaire's
items. It is a short, calm pause in the walk, not a form: eleven big numbers
to tap (in one row where they fit, two otherwise), Skip always there, no
answer ever needed. The number chosen goes straight into the patient's
session, shows with a tick and in words (never by colour alone), and can be
changed until the patient moves on. Asked only when the clinic keeps the
anonymous figures (``session_end.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen

from ..stylesheets import stylesheet
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText, plain
from .page import scroll_by_key

if TYPE_CHECKING:
    from ..breathing import Clock
    from ..session import PatientSession
    from ..session_end import Moment

HIGHEST = 10
"""The top of the scale (0 is the bottom)."""

TEN_SECONDS = 1.5
"""A 0 typed this soon after a 1 makes 10 (the scale's only two-digit number, typed as it is written)."""

CHOSEN_MARK = "✓"
"""Put before the chosen number, so it shows without colour."""


class RatingScreen(ModalScreen[None]):
    """One calm rating over the walkthrough, written into the session as it is chosen; dismissed on moving on.

    Keys (digits are free here: the counsellor's digit keys belong to the
    walkthrough screen underneath, and a counsellor's talk asks no rating):
    0-9 choose, 1 then 0 chooses 10; ← → change the number chosen (with none
    chosen, → goes on, as everywhere in the walk, and never picks one);
    enter, space or n go on; esc skips (no number kept).
    """

    CSS_PATH = stylesheet("rating.tcss")
    AUTO_FOCUS = ""  # nothing takes the focus (None would mean the app's "*"), so the keys below reach the screen

    BINDINGS = [
        *(Binding(str(digit), f"digit({digit})", "Choose", show=False) for digit in range(10)),
        Binding("left", "change(-1)", "Less", show=False),
        Binding("right", "change(1)", "More", show=False),
        Binding("enter,space,n", "go_on", "Next", show=False),
        Binding("escape", "skip", "Skip", show=False),
        *(Binding(key, f"scroll('{key}')", show=False) for key in ("up", "down", "pageup", "pagedown")),
    ]

    def __init__(self, session: PatientSession, moment: Moment, words: Mapping[str, str], *, clock: Clock) -> None:
        """Ask the ``moment`` rating ("before" or "after"), keeping the answer in ``session`` as it changes.

        ``clock`` (monotonic seconds; tests pass a fake one) tells a 1 then 0 typed together (10).
        """
        super().__init__()
        self.session = session
        self.moment = moment
        self.words = words
        self.clock = clock
        self._last_digit: tuple[int, float] | None = None

    @property
    def value(self) -> int | None:
        """The number chosen (0-10), or None: none yet, or skipped."""
        return self.session.rating_before if self.moment == "before" else self.session.rating_after

    def _keep(self, value: int | None) -> None:
        if self.moment == "before":
            self.session.rating_before = value
        else:
            self.session.rating_after = value

    def compose(self) -> ComposeResult:
        """The panel: a title, the question, the numbers, what 0 and 10 mean, the choice, Skip and Next, the keys."""
        words = self.words
        with Vertical(id="rating-panel"):
            with VerticalScroll(id="rating-body", can_focus=False):
                yield PlainText(words[f"rating.{self.moment}_title"], classes="heading")
                yield PlainText(words["rating.question"], id="rating-question")
                with Grid(id="rating-scale"):
                    for number in range(HIGHEST + 1):
                        yield TouchButton(str(number), f"screen.choose({number})", id=f"rate-{number}", classes="rate")
                with Horizontal(id="rating-ends"):
                    yield PlainText(words["rating.low"], id="rating-low")
                    yield PlainText(words["rating.high"], id="rating-high")
                yield PlainText("", id="rating-chosen")
                with Horizontal(id="rating-row"):
                    yield TouchButton(words["rating.skip"], "screen.skip", id="rating-skip", classes="secondary")
                    yield TouchButton(words["next"], "screen.go_on", id="rating-next", classes="primary")
            yield PlainText(words["rating.keys"], id="rating-keys")

    def on_mount(self) -> None:
        """Show the number already chosen (none the first time)."""
        for button in self.query(".rate"):
            button.styles.line_pad = 0  # the room for "✓10" inside a border; Textual's CSS refuses line-pad: 0
        self._show()

    def _show(self) -> None:
        value = self.value
        for number in range(HIGHEST + 1):
            button = self.query_one(f"#rate-{number}", TouchButton)
            chosen = number == value
            button.set_class(chosen, "-chosen")
            button.label = plain(f"{CHOSEN_MARK}{number}" if chosen else str(number))
        line = self.query_one("#rating-chosen", PlainText)
        line.set_text(self.words["rating.hint"] if value is None else self.words["rating.chosen"].format(value=value))
        line.set_class(value is None, "-hint")

    def action_choose(self, number: int) -> None:
        """Choose ``number`` (a tap, or a key): kept in the session at once, and changeable until moving on."""
        if 0 <= number <= HIGHEST:
            self._keep(number)
            self._show()

    def action_digit(self, digit: int) -> None:
        """A digit key: that number, or 10 for a 0 typed straight after a 1."""
        now = self.clock()
        typed_ten = digit == 0 and self._last_digit is not None and self._last_digit[0] == 1
        if typed_ten and self._last_digit is not None and now - self._last_digit[1] <= TEN_SECONDS:
            self._last_digit = None
            self.action_choose(HIGHEST)
            return
        self._last_digit = (digit, now)
        self.action_choose(digit)

    def action_change(self, step: int) -> None:
        """← one less, → one more; with no number chosen, → goes on (no number is picked for anyone)."""
        value = self.value
        self._last_digit = None
        if value is None:
            if step > 0:
                self.action_go_on()
            return
        self.action_choose(min(HIGHEST, max(0, value + step)))

    def action_go_on(self) -> None:
        """Go on with the walk, keeping the number chosen (or none)."""
        self.dismiss(None)

    def action_skip(self) -> None:
        """Skip: no number is kept, and the walk goes on."""
        self._keep(None)
        self.dismiss(None)

    def action_scroll(self, key: str) -> None:
        """Scroll a panel too tall for the screen: ↑ ↓ by a line, PgUp PgDn by a screen."""
        scroll_by_key(self.query_one("#rating-body", VerticalScroll), key)
