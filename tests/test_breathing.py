"""The breathing clock: phases in order, exact boundaries, pause, the end; no Textual."""

from __future__ import annotations

import pytest

from walkthrough.breathing import LEAD_IN_SECONDS, BreathingSession, pattern_in
from walkthrough.content import load_walkthrough
from walkthrough.reading import reading_seconds
from walkthrough.screens.calm import minutes_seconds

from .conftest import GOOD, FakeClock


@pytest.fixture
def quick():  # type: ignore[no-untyped-def]
    """The fixture pattern: in 1 s, hold 1 s, out 2 s."""
    return pattern_in(load_walkthrough(GOOD).walkthrough.calm, "quick")


def test_lead_in_counts_three_two_one(quick, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    session = BreathingSession(quick, 1, clock)
    assert session.state().lead_in == LEAD_IN_SECONDS == 3
    clock.advance(2.5)
    assert session.state().lead_in == pytest.approx(0.5)
    assert session.state().remaining == 60


@pytest.mark.parametrize(
    ("after", "label", "kind", "fullness", "cycle"),
    [
        (0.5, "In", "in", 0.5, 0),
        (1.5, "Hold", "hold", 1.0, 0),
        (3.0, "Out", "out", 0.5, 0),
        (4.25, "In", "in", 0.25, 1),
    ],
)
def test_phases_follow_the_pattern(quick, clock: FakeClock, after, label, kind, fullness, cycle) -> None:  # type: ignore[no-untyped-def]
    session = BreathingSession(quick, 1, clock)
    clock.advance(LEAD_IN_SECONDS + after)
    state = session.state()
    assert (state.label, state.kind, state.cycle) == (label, kind, cycle)
    assert state.fullness == pytest.approx(fullness)


def test_boundaries_never_drift_over_ten_minutes(quick, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    session = BreathingSession(quick, 10, clock)
    clock.advance(LEAD_IN_SECONDS)
    boundaries = []
    while not session.state().finished:
        boundary = session.next_boundary()
        boundaries.append(boundary)
        clock.now = session.clock_time_of(boundary) + 0.0371  # every redraw a little late
    planned = [4 * cycle + offset for cycle in range(150) for offset in (1, 2, 4)]
    assert boundaries == planned[: len(boundaries)]
    assert boundaries[-1] == 600


def test_pause_stops_the_clock_and_the_countdown_falls_by_active_time_only(quick, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    session = BreathingSession(quick, 3, clock)
    clock.advance(LEAD_IN_SECONDS + 10)
    session.pause()
    before = session.state()
    clock.advance(500)
    assert session.state() == before
    session.resume()
    clock.advance(20)
    assert session.state().remaining == pytest.approx(180 - 30)


def test_session_finishes_at_its_length(quick, clock: FakeClock) -> None:  # type: ignore[no-untyped-def]
    session = BreathingSession(quick, 1, clock)
    clock.advance(LEAD_IN_SECONDS + 59.9)
    assert not session.state().finished
    clock.advance(0.2)
    state = session.state()
    assert state.finished and state.remaining == 0


def test_countdown_reads_m_ss_and_rounds_up() -> None:
    assert [minutes_seconds(s) for s in (180, 179.2, 61, 60, 0.4, 0)] == [
        "3:00",
        "3:00",
        "1:01",
        "1:00",
        "0:01",
        "0:00",
    ]


def test_reading_time_is_100_words_a_minute_and_at_least_20_seconds() -> None:
    assert reading_seconds("word " * 10) == 20
    assert reading_seconds("word " * 100) == 60
    assert reading_seconds("word " * 250) == 150
