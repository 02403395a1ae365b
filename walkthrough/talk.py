"""The counsellor's talk timer: time since the talk began, with pause and reset, on a monotonic clock."""

from __future__ import annotations

from collections.abc import Callable


class TalkTimer:
    """Counts up from the start of the talk; paused time does not count."""

    def __init__(self, clock: Callable[[], float], *, target_minutes: int | None = None) -> None:
        self.clock = clock
        self.target_seconds = None if target_minutes is None else target_minutes * 60.0
        """The planned length of the talk, if the clinic set one."""
        self._started = clock()
        self._paused_at: float | None = None

    @property
    def paused(self) -> bool:
        """Whether the timer is stopped."""
        return self._paused_at is not None

    def elapsed(self) -> float:
        """Seconds of talk so far."""
        now = self._paused_at if self._paused_at is not None else self.clock()
        return max(0.0, now - self._started)

    def toggle_pause(self) -> None:
        """Stop the timer, or go on from where it stopped."""
        now = self.clock()
        if self._paused_at is None:
            self._paused_at = now
        else:
            self._started += now - self._paused_at
            self._paused_at = None

    def reset(self) -> None:
        """Back to 0:00; a paused timer stays paused."""
        now = self.clock()
        self._started = now
        if self._paused_at is not None:
            self._paused_at = now

    def over_target(self) -> bool:
        """Whether the talk has run past the clinic's planned length."""
        return self.target_seconds is not None and self.elapsed() > self.target_seconds

    def seconds_to_next_change(self) -> float:
        """Seconds until the shown m:ss next changes (or the target is passed)."""
        elapsed = self.elapsed()
        to_next = 1.0 - (elapsed % 1.0)
        if self.target_seconds is not None and elapsed <= self.target_seconds:
            to_next = min(to_next, self.target_seconds - elapsed + 0.001)
        return max(0.01, to_next)


def minutes_and_seconds(seconds: float) -> str:
    """``m:ss``, whole seconds rounded down (minutes can pass 59: a long talk shows 75:03)."""
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"
