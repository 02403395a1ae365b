"""Hypothesis drives a kiosk with seeded runs of keys, taps, resizes and quiet time; nothing may get out.

After every step: the app still runs, no error was caught, the walkthrough's
page is in range, and only the app's own screens are open. At the end, quiet
time brings back a clean welcome screen.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st
from textual.pilot import Pilot

from walkthrough.app import WalkthroughApp
from walkthrough.content import LoadedWalkthrough, load_walkthrough
from walkthrough.screens.calm import CalmScreen
from walkthrough.screens.faq import FaqScreen
from walkthrough.screens.fault import FaultScreen
from walkthrough.screens.help import HelpScreen
from walkthrough.screens.idle import IdleWarningScreen
from walkthrough.screens.staff import StaffPinScreen
from walkthrough.screens.walkthrough import WalkthroughScreen

from .apps import make_app
from .conftest import GOOD, FakeClock
from .test_kiosk import BLOCKED_KEYS, STAFF_PIN_HASH

KEYS = [
    *BLOCKED_KEYS,
    *"abcfhnpqx0123456789?",
    "right",
    "left",
    "home",
    "end",
    "up",
    "down",
    "pageup",
    "pagedown",
    "space",
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "backspace",
    "delete",
    "ctrl+a",
    "ctrl+e",
    "ctrl+l",
    "ctrl+r",
    "ctrl+t",
    "ctrl+w",
]
SIZES = [(1, 1), (20, 5), (40, 15), (80, 24), (120, 40), (3, 60), (200, 2)]
OWN_SCREENS = (HelpScreen, CalmScreen, FaqScreen, IdleWarningScreen, StaffPinScreen, FaultScreen)
IDLE_SECONDS = 5.0
WARNING_SECONDS = 30.0


@dataclass(frozen=True)
class Press:
    key: str


@dataclass(frozen=True)
class Tap:
    x: float
    y: float


@dataclass(frozen=True)
class Resize:
    size: tuple[int, int]


@dataclass(frozen=True)
class Quiet:
    seconds: float


STEP = st.one_of(
    st.builds(Press, st.sampled_from(KEYS)),
    st.builds(Tap, st.floats(0, 0.999), st.floats(0, 0.999)),
    st.builds(Resize, st.sampled_from(SIZES)),
    st.builds(Quiet, st.sampled_from([0.5, 4.0, 5.0, 20.0, 31.0])),
)


async def take(pilot: Pilot[None], app: WalkthroughApp, clock: FakeClock, step: object) -> None:
    if isinstance(step, Press):
        await pilot.press(step.key)
    elif isinstance(step, Tap):
        # The screen's own size: under load, a resize may not have reached it yet, and a tap lands on what is shown.
        width, height = app.screen.size
        await pilot.click(offset=(min(int(step.x * width), width - 1), min(int(step.y * height), height - 1)))
    elif isinstance(step, Resize):
        await pilot.resize_terminal(*step.size)
    elif isinstance(step, Quiet):
        clock.advance(step.seconds)
        app.idle_check()
        if isinstance(app.screen, IdleWarningScreen):
            app.screen.tick()
    await pilot.pause()


def check(app: WalkthroughApp) -> None:
    assert app.is_running and app.return_code is None
    assert app.fault_total == 0, "an error was caught"
    base, *on_top = app.screen_stack
    assert isinstance(base, WalkthroughScreen)
    assert base.page_count > 0 and 0 <= base.page_index < base.page_count
    assert all(isinstance(screen, OWN_SCREENS) for screen in on_top), app.screen_stack
    assert len(on_top) <= 3


async def run_steps(content: LoadedWalkthrough, steps: list[object]) -> None:
    clock = FakeClock()
    settings = dict(idle_seconds=IDLE_SECONDS, warning_seconds=WARNING_SECONDS, staff_pin_hash=STAFF_PIN_HASH)
    app = make_app(content, clock=clock, kiosk=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        for step in steps:
            await take(pilot, app, clock, step)
            check(app)
        # However it was left, the next patient gets a clean welcome screen.
        await pilot.resize_terminal(80, 24)
        await leave_alone(pilot, app, clock)
        check(app)
        assert len(app.screen_stack) == 1 and app.screen.page_index == 0


async def leave_alone(pilot: Pilot[None], app: WalkthroughApp, clock: FakeClock) -> None:
    """Nobody touches the kiosk: a breathing session runs out, the warning comes and runs out."""
    for _ in range(6):
        if app.fresh_starts and len(app.screen_stack) == 1 and app.screen.page_index == 0:
            return
        screen = app.screen
        if isinstance(screen, CalmScreen) and screen.is_breathing:
            clock.advance(6 * 60)  # longer than the longest session
            screen.tick()
        elif isinstance(screen, IdleWarningScreen):
            clock.advance(WARNING_SECONDS + 1)
            screen.tick()
        else:
            clock.advance(IDLE_SECONDS + 1)
            app.idle_check()
        await pilot.pause()
        await pilot.pause()


CONTENT = load_walkthrough(GOOD)


def fuzz(steps: list[object]) -> None:
    asyncio.run(run_steps(CONTENT, steps))


_COMMON = {
    "derandomize": True,
    "database": None,
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow],
    # Each example starts an app, so shrinking a failure can take many minutes; the failing steps are printed as found.
    "phases": [Phase.explicit, Phase.generate],
}


@settings(max_examples=12, **_COMMON)
@given(st.lists(STEP, min_size=1, max_size=25))
def test_kiosk_survives_random_use(steps: list[object]) -> None:
    fuzz(steps)


def long_random_use(shard: int) -> Callable[[], None]:
    """One shard of the long fuzz: 26 seeded runs of 10 to 80 steps.

    The long fuzz's 104 runs come as four tests of 26, each with a seed of its own, so pytest-xdist
    runs them side by side (each run mostly waits on Pilot). Every shard starts with the same simplest
    run, so 26 a shard still gives at least the 100 different long runs that one test of 100 gave.
    """

    @pytest.mark.slow
    @seed(shard)
    @settings(max_examples=26, **_COMMON)
    @given(st.lists(STEP, min_size=10, max_size=80))
    def test_kiosk_survives_long_random_use(steps: list[object]) -> None:
        fuzz(steps)

    return test_kiosk_survives_long_random_use


test_kiosk_survives_long_random_use_1 = long_random_use(1)
test_kiosk_survives_long_random_use_2 = long_random_use(2)
test_kiosk_survives_long_random_use_3 = long_random_use(3)
test_kiosk_survives_long_random_use_4 = long_random_use(4)
