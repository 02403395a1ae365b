"""What keeps a waiting-room tablet steady all day: nothing left behind by navigating, and no timer on a text screen.

Speed itself is measured by ``python -m bench``, not here; these check the causes.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import Any

import pytest
from textual.timer import Timer
from textual.widget import Widget

from walkthrough.app import WalkthroughApp
from walkthrough.content import load_walkthrough
from walkthrough.content.loader import load_languages
from walkthrough.screens.walkthrough import WalkthroughScreen

from .apps import make_app

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"
PAGES_AND_PANELS = [
    "right", *["right", "escape"] * 6,  # every page (esc skips each quick check); the footer's keys change at both ends
    "b", "escape",  # calming mode
    "f", "escape",  # common questions
    "question_mark", "escape",  # help
    *["left"] * 7,
]  # fmt: skip
LANGUAGES = ["right", "l", "right", "escape", "l", "left", "left"]  # Spanish and back (all rebuilt); esc: a check


def bundled_app(**kwargs: Any) -> WalkthroughApp:
    first = load_walkthrough(BUNDLED)
    languages, _ = load_languages(BUNDLED, first)
    return make_app(first, languages=languages, **kwargs)


def live_widgets() -> int:
    gc.collect()
    return sum(1 for thing in gc.get_objects() if isinstance(thing, Widget))


@pytest.mark.parametrize("round_keys", [PAGES_AND_PANELS, LANGUAGES], ids=["pages and panels", "languages"])
async def test_navigating_leaves_nothing_behind(round_keys: list[str]) -> None:
    """A day is thousands of these rounds: the widgets alive after each must not grow (Textual's Footer leaked)."""
    app = bundled_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*round_keys)  # the first round imports and builds what is built once
        await pilot.pause()
        widgets = live_widgets()
        for _ in range(3):
            await pilot.press(*round_keys)
            await pilot.pause()
        assert live_widgets() == widgets


def running_timers(app: WalkthroughApp) -> list[Timer]:
    nodes: list[Any] = [app]
    for screen in app.screen_stack:
        nodes += [screen, *screen.walk_children(with_self=False)]
    return [
        timer
        for node in nodes
        for timer in list(node._timers)
        if timer._task is not None and not timer._task.done() and timer._active.is_set()
    ]


async def test_no_timer_runs_on_a_text_screen() -> None:
    """A quiet text screen costs nothing: no timer runs, before calming mode or after it."""
    app = bundled_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "right", "escape")  # esc skips step 1's quick check
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        assert running_timers(app) == []
        await pilot.press("b")
        await pilot.pause()
        assert running_timers(app)  # breathing runs...
        await pilot.press("escape")
        await pilot.pause()
        assert running_timers(app) == []  # ...and stops with it
