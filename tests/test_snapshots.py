"""Snapshots: the look of each kind of screen at 80x24 and at tablet-portrait 40x15, on fixture content."""

from __future__ import annotations

import pytest

from walkthrough.app import WalkthroughApp
from walkthrough.content import load_walkthrough

from .conftest import GOOD, FakeClock

SCREENS = {
    "welcome": [],
    "step": ["right", "right"],
    "visit": ["right"] * 5,
    "course": ["right"] * 6,
    "questions": ["right"] * 7,
    "help": ["question_mark"],
    "contrast_step": ["c", "right"],
    "calm": ["right", "b"],
    "auto_reading": ["right", "a"],
}
SIZES = [(80, 24), (40, 15)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", SCREENS)
def test_screen_looks_right(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = WalkthroughApp(load_walkthrough(GOOD), clock=FakeClock())  # time stands still: the same frame every run
    assert snap_compare(app, press=SCREENS[screen], terminal_size=size)
