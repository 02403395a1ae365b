"""Calming mode: breathe along with a shape, for 1, 3 or 5 minutes."""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer

from ..breathing import BreathingSession, BreathState, Clock, pattern_in
from ..stylesheets import stylesheet
from ..talk import TalkTimer, minutes_and_seconds
from ..widgets.footer import KeyFooter
from ..widgets.nav import TouchButton
from ..widgets.pacer import BreathShape
from ..widgets.text import PlainText, plain
from ..widgets.title import TitleBar

if TYPE_CHECKING:
    from ..content.shapes import Calm, Walkthrough

LENGTHS = (1, 3, 5)
"""Session lengths on offer, in minutes."""


def minutes_seconds(seconds: float) -> str:
    """Seconds left as m:ss, rounded up so it reads 0:00 only at the very end."""
    return minutes_and_seconds(max(0, math.ceil(seconds - 1e-9)))


class CalmScreen(Screen[None]):
    """A breathing pacer with a true countdown; the walkthrough waits underneath, unchanged.

    Nothing ticks on a schedule: after each redraw the screen sets one timer for
    the moment the next visible thing changes (a phase, a second, a size of the
    shape), computed from the monotonic plan.
    """

    CSS_PATH = stylesheet("calm.tcss")

    BINDINGS = [
        Binding("space", "pause", "Pause", key_display="space", priority=True),
        Binding("space", "resume", "Go on", key_display="space", priority=True),
        Binding("space", "again", "Again", key_display="space", priority=True),
        Binding("escape", "stop", "Stop", key_display="esc"),
        Binding("escape", "done", "Back", key_display="esc"),
        Binding("1", "length(1)", "1 min", show=False),
        Binding("3", "length(3)", "3 min", show=False),
        Binding("5", "length(5)", "5 min", show=False),
        Binding("t", "next_pattern", "Pattern"),
        Binding("s", "sound", "Bell"),
    ]

    def __init__(
        self,
        walkthrough: Walkthrough,
        words: Mapping[str, str],
        *,
        minutes: int,
        reduced_motion: bool,
        clock: Clock,
        talk_timer: TalkTimer | None = None,
    ) -> None:
        super().__init__()
        self.talk_timer = talk_timer
        """The counsellor's talk timer, shown at the top; None for a patient."""
        if talk_timer is not None:
            self.add_class("-counsellor")
        self.calm: Calm = walkthrough.calm
        self.walkthrough = walkthrough
        self.words = words
        self.minutes = minutes
        self.reduced_motion = reduced_motion
        self.clock = clock
        self.pattern = pattern_in(self.calm, self.calm.default_pattern)
        self.sound = False
        self.session = BreathingSession(self.pattern, minutes, clock)
        self.phase_log: deque[tuple[float, float]] = deque(maxlen=10_000)
        """(planned, shown) monotonic times of each phase change, for the benchmark and tests."""
        self._timer: Timer | None = None
        self._last_phase: tuple[int, int] | None = None

    def compose(self) -> ComposeResult:
        """Title, choices, the pacer, the countdown and the controls (and a counsellor's talk timer)."""
        if self.talk_timer is not None:
            yield TitleBar(self.walkthrough.title, self.words, self.talk_timer, id="title-bar")
        with Vertical(id="calm"):
            yield PlainText(self.calm.title, classes="heading")
            yield PlainText(self.calm.intro, id="calm-intro")
            with Horizontal(id="calm-choices"):
                for pattern in self.calm.patterns:
                    yield TouchButton(
                        pattern.name, f"screen.pattern('{pattern.id}')", id=f"pattern-{pattern.id}", classes="choice"
                    )
                for minutes in LENGTHS:
                    label = self.words["minutes_button"].format(minutes=minutes)
                    yield TouchButton(label, f"screen.length({minutes})", id=f"length-{minutes}", classes="choice")
            yield PlainText("", id="phase-word")
            yield PlainText("", id="phase-seconds")
            shape = BreathShape(id="shape")
            shape.display = not self.reduced_motion
            yield shape
            yield PlainText("", id="countdown")
            yield PlainText(self.pattern.description, id="pattern-description")
        with Horizontal(id="calm-controls"):
            yield TouchButton(self.words["pause"], "screen.pause", id="pause")
            yield TouchButton(self.words["sound_off"], "screen.sound", id="sound", classes="secondary")
            yield TouchButton(self.words["stop"], "screen.stop", id="stop", classes="primary")
        with Horizontal(id="calm-end"):
            yield TouchButton(self.words["again"], "screen.again", id="again")
            yield TouchButton(self.words["back_to_walkthrough"], "screen.done", id="done", classes="primary")
        yield KeyFooter()

    @property
    def is_breathing(self) -> bool:
        """A session is going on: started, not paused and not finished."""
        return not self.session.paused and not self.has_class("-finished")

    def on_mount(self) -> None:
        """Start breathing with the 3-2-1, with the current choices marked."""
        self._mark_choices()
        self._start()

    def on_unmount(self) -> None:
        """Leave no timer behind."""
        self._cancel_timer()

    def _start(self) -> None:
        self._cancel_timer()
        self.session = BreathingSession(self.pattern, self.minutes, self.clock)
        self._last_phase = None
        self.set_class(False, "-finished")
        self.set_class(False, "-paused")
        self.query_one("#pause", TouchButton).label = plain(self.words["pause"])
        self.refresh_bindings()
        self.query_one("#pattern-description", PlainText).set_text(self.pattern.description)
        self.tick()

    def tick(self) -> None:
        """Redraw from the clock, then wait for the next visible change."""
        self._timer = None
        state = self.session.state()
        self._show(state)
        if state.finished:
            self._finish()
        elif not self.session.paused:
            self._timer = self.set_timer(self._delay_to_next_change(state), self.tick)

    def _show(self, state: BreathState) -> None:
        words = self.query_one("#phase-word", PlainText)
        seconds = self.query_one("#phase-seconds", PlainText)
        if self.session.paused:
            words.set_text(self.words["paused"])
        elif state.lead_in > 0:
            words.set_text(self.calm.get_ready)
            seconds.set_text(str(math.ceil(state.lead_in)))
        else:
            words.set_text(state.label)
            seconds.set_text(str(max(1, math.ceil(state.phase_left - 1e-9))))
            self._note_phase(state)
        self.query_one(BreathShape).show(state.fullness)
        time_left = self.words["time_left"].format(time=minutes_seconds(state.remaining))
        self.query_one("#countdown", PlainText).set_text(time_left)

    def _note_phase(self, state: BreathState) -> None:
        phase = (state.cycle, state.phase_index)
        if phase == self._last_phase:
            return
        if self._last_phase is not None and self.sound:
            self.app.bell()
        self._last_phase = phase
        self.phase_log.append((self.session.clock_time_of(state.phase_start), self.clock()))

    def _phase_seconds(self, state: BreathState) -> float:
        return self.pattern.phases[state.phase_index].seconds

    def _delay_to_next_change(self, state: BreathState) -> float:
        """Seconds until something on screen must change: a boundary, a whole second, a shape size."""
        if state.lead_in > 0:
            return _to_next_whole(state.lead_in)
        waits = [
            self.session.clock_time_of(self.session.next_boundary()) - self.clock(),
            _to_next_whole(state.phase_left),
            _to_next_whole(state.remaining),
        ]
        if not self.reduced_motion and state.kind != "hold":
            step = self._phase_seconds(state) / self.query_one(BreathShape).steps
            into = self._phase_seconds(state) - state.phase_left
            waits.append(step - math.fmod(into, step))
        return max(0.001, min(waits))

    def _finish(self) -> None:
        self.set_class(True, "-finished")
        self.refresh_bindings()
        self.query_one("#phase-word", PlainText).set_text(self.calm.finished)
        self.query_one("#phase-seconds", PlainText).set_text("")
        self.query_one(BreathShape).show(0.0)

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _mark_choices(self) -> None:
        for button in self.query(".choice").results(TouchButton):
            chosen = button.id in (f"pattern-{self.pattern.id}", f"length-{self.minutes}")
            button.set_class(chosen, "-chosen")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """What acts now, and so what the footer offers.

        While breathing, space pauses (or goes on while paused) and esc stops;
        once finished, space starts again and esc goes back, as the two buttons
        then on show do. Pattern and bell are not offered when finished: the
        bell would ring for nothing, and a new pattern would start a session
        nobody asked for.
        """
        finished = self.has_class("-finished")
        if action == "pause":
            return not finished and not self.session.paused
        if action == "resume":
            return not finished and self.session.paused
        if action in ("stop", "next_pattern", "sound"):
            return not finished
        if action in ("again", "done"):
            return finished
        return True

    def action_resume(self) -> None:
        """Go on from where the pause stopped the clock."""
        if self.session.paused:
            self.action_pause()

    def action_pause(self) -> None:
        """Pause the clock, or go on from where it stopped (the Pause / Go on button)."""
        if self.has_class("-finished"):
            return
        self.call_after_refresh(self.refresh_bindings)
        if self.session.paused:
            self.session.resume()
            self.set_class(False, "-paused")
            self.query_one("#pause", TouchButton).label = plain(self.words["pause"])
            self.tick()
        else:
            self.session.pause()
            self._cancel_timer()
            self.set_class(True, "-paused")
            self.query_one("#pause", TouchButton).label = plain(self.words["resume"])
            self.tick()

    def action_stop(self) -> None:
        """End calming mode and go back to the same place in the walkthrough."""
        self._cancel_timer()
        self.dismiss()

    def action_again(self) -> None:
        """Start another session with the same choices."""
        self._start()

    def action_done(self) -> None:
        """After a finished session: back to the same place in the walkthrough."""
        self.action_stop()

    def action_length(self, minutes: int) -> None:
        """Choose 1, 3 or 5 minutes and start again."""
        if minutes in LENGTHS:
            self.minutes = minutes
            self._mark_choices()
            self._start()

    def action_pattern(self, pattern_id: str) -> None:
        """Choose a breathing pattern and start again."""
        self.pattern = pattern_in(self.calm, pattern_id)
        self._mark_choices()
        self._start()

    def action_next_pattern(self) -> None:
        """Move to the next breathing pattern on offer."""
        ids = [pattern.id for pattern in self.calm.patterns]
        self.action_pattern(ids[(ids.index(self.pattern.id) + 1) % len(ids)])

    def action_sound(self) -> None:
        """Turn the soft bell at each phase change on or off."""
        self.sound = not self.sound
        self.query_one("#sound", TouchButton).label = plain(self.words["sound_on" if self.sound else "sound_off"])


def _to_next_whole(seconds: float) -> float:
    """Time until ``seconds``, counting down, next crosses a whole number."""
    fraction = math.fmod(seconds, 1.0)
    return fraction if fraction > 1e-6 else 1.0
