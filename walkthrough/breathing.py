"""The breathing session's clock: where in the pattern we are at any moment.

Everything is computed from one monotonic start time and the planned phase
lengths, so a phase ends at ``start + planned`` and nothing drifts, however
late a screen refresh runs. Pausing moves the start forward by the pause.
No Textual here: the pacer widget asks this for its state.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .content.shapes import BreathingPattern, Calm


Clock = Callable[[], float]
"""A source of monotonic seconds; ``time.monotonic`` unless a test passes its own."""

LEAD_IN_SECONDS = 3
"""The gentle 3-2-1 before the first breath."""


@dataclass(frozen=True)
class BreathState:
    """What the pacer shows at one moment.

    Attributes:
        lead_in: Seconds of 3-2-1 still to go (0 once breathing has begun).
        phase_index: Which phase of the pattern, counting from 0.
        cycle: How many whole cycles of the pattern are done.
        label: The phase's words, e.g. "Breathe in".
        kind: "in", "hold" or "out": how the shape moves.
        phase_left: Seconds left in this phase.
        phase_start: Session seconds at which this phase began.
        fullness: How full the shape is, 0.0 (empty) to 1.0 (full).
        remaining: Seconds left in the whole session.
        finished: True once the session time has run out.
    """

    lead_in: float
    phase_index: int
    cycle: int
    label: str
    kind: str
    phase_left: float
    phase_start: float
    fullness: float
    remaining: float
    finished: bool


def pattern_in(calm: Calm, pattern_id: str) -> BreathingPattern:
    """The breathing pattern of calming mode with this id (the default one if no pattern has it)."""
    by_id = {pattern.id: pattern for pattern in calm.patterns}
    return by_id.get(pattern_id) or by_id.get(calm.default_pattern) or calm.patterns[0]


class BreathingSession:
    """A timed session of one breathing pattern, with a lead-in, pause and resume."""

    def __init__(self, pattern: BreathingPattern, minutes: int, clock: Clock = time.monotonic) -> None:
        self.pattern = pattern
        self.total = minutes * 60.0
        self.clock = clock
        self.started_at = clock()
        self.paused_at: float | None = None
        self.cycle_seconds = sum(phase.seconds for phase in pattern.phases)

    @property
    def paused(self) -> bool:
        """True while the clock is stopped."""
        return self.paused_at is not None

    def pause(self) -> None:
        """Stop the clock where it is."""
        if self.paused_at is None:
            self.paused_at = self.clock()

    def resume(self) -> None:
        """Start the clock again; the pause does not count."""
        if self.paused_at is not None:
            self.started_at += self.clock() - self.paused_at
            self.paused_at = None

    def elapsed(self) -> float:
        """Seconds of session time since the lead-in ended (negative during the lead-in)."""
        now = self.paused_at if self.paused_at is not None else self.clock()
        return now - self.started_at - LEAD_IN_SECONDS

    def state(self) -> BreathState:
        """Where the session is now."""
        elapsed = self.elapsed()
        if elapsed < 0:
            first = self.pattern.phases[0]
            return BreathState(
                -elapsed, 0, 0, first.label, first.kind, first.seconds, 0.0, self._start_fullness(0), self.total, False
            )
        finished = elapsed >= self.total
        elapsed = min(elapsed, self.total)
        cycle, into_cycle = divmod(elapsed, self.cycle_seconds)
        index, into_phase = self._phase_at(into_cycle)
        phase = self.pattern.phases[index]
        progress = into_phase / phase.seconds
        return BreathState(
            0.0, index, int(cycle), phase.label, phase.kind, phase.seconds - into_phase,
            elapsed - into_phase, self._fullness(index, progress), self.total - elapsed, finished,
        )  # fmt: skip

    def next_boundary(self) -> float:
        """Session seconds (see ``elapsed``) at which the next phase begins or the session ends."""
        elapsed = self.elapsed()
        if elapsed < 0:
            return 0.0
        cycle_start = math.floor(elapsed / self.cycle_seconds) * self.cycle_seconds
        boundary = cycle_start
        for phase in self.pattern.phases:
            boundary += phase.seconds
            if boundary > elapsed:
                return min(boundary, self.total)
        return min(boundary, self.total)

    def clock_time_of(self, session_seconds: float) -> float:
        """The monotonic clock reading at which the session reaches ``session_seconds`` (if not paused)."""
        return self.started_at + LEAD_IN_SECONDS + session_seconds

    def _phase_at(self, into_cycle: float) -> tuple[int, float]:
        for index, phase in enumerate(self.pattern.phases):
            if into_cycle < phase.seconds:
                return index, into_cycle
            into_cycle -= phase.seconds
        last = len(self.pattern.phases) - 1
        return last, self.pattern.phases[last].seconds

    def _start_fullness(self, index: int) -> float:
        """How full the shape is as phase ``index`` begins: where the phases before it left it."""
        fullness = 0.0
        for phase in self.pattern.phases[:index]:
            fullness = {"in": 1.0, "out": 0.0}.get(phase.kind, fullness)
        if index == 0:
            # The pattern repeats, so the first phase starts where the last one ends.
            for phase in self.pattern.phases:
                fullness = {"in": 1.0, "out": 0.0}.get(phase.kind, fullness)
        return fullness

    def _fullness(self, index: int, progress: float) -> float:
        kind = self.pattern.phases[index].kind
        if kind == "in":
            return progress
        if kind == "out":
            return 1.0 - progress
        return self._start_fullness(index)
