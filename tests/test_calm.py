"""Calming mode and hands-free reading, driven by keys and taps with a fake clock."""

from __future__ import annotations

import pytest
import textual.constants
from textual.pilot import Pilot

from walkthrough.content import LoadedWalkthrough
from walkthrough.screens.calm import CalmScreen
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.widgets.nav import TouchButton
from walkthrough.widgets.pacer import BreathShape

from .apps import make_app
from .conftest import FakeClock
from .screen_helpers import flat, screen_text


async def open_calm(pilot: Pilot[None], clock: FakeClock, *, page: int = 2) -> CalmScreen:
    for _ in range(page):
        await pilot.press("right")
    await pilot.press("b")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CalmScreen)
    return screen


async def advance(pilot: Pilot[None], screen: CalmScreen, clock: FakeClock, seconds: float) -> str:
    """Let time pass, redraw as the screen's timer would, and return what the screen shows."""
    clock.advance(seconds)
    screen.tick()
    await pilot.pause()
    return flat(screen_text(pilot.app))


async def test_b_opens_the_pacer_and_escape_returns_to_the_same_step(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calm(pilot, clock, page=2)
        assert "Ready" in flat(screen_text(app))
        await pilot.press("escape")
        assert isinstance(app.screen, WalkthroughScreen)
        assert app.screen.page_index == 2
        assert "Second step" in flat(screen_text(app))
        assert screen._timer is None


async def test_breathe_button_and_stop_button(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        await pilot.click("#breathe")
        assert isinstance(app.screen, CalmScreen)
        await pilot.click("#stop")
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.page_index == 1


async def test_three_two_one_then_phases_in_the_pattern_order(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calm(pilot, clock)
        shown = flat(screen_text(app))
        assert "Ready 3" in shown and "3:00 left" in shown
        assert "Ready 2" in await advance(pilot, screen, clock, 1)
        seen = []
        for step in [2.5, 1, 1, 2, 1]:
            shown = await advance(pilot, screen, clock, step)
            seen.append(str(screen.query_one("#phase-word").render()))
        assert seen == ["In", "Hold", "Out", "In", "Hold"]
        assert "2:55 left" in shown  # 5.5 s of breathing: 180 - 5.5, rounded up


async def test_space_pauses_and_resumes_the_countdown(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calm(pilot, clock)
        await advance(pilot, screen, clock, 3 + 10)
        await pilot.press("space")
        shown = await advance(pilot, screen, clock, 100)
        assert "2:50 left" in shown and "Paused" in shown
        await pilot.press("space")
        assert "2:40 left" in await advance(pilot, screen, clock, 10)


async def test_length_by_key_and_tap_and_the_end(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calm(pilot, clock, page=3)
        await pilot.press("5")
        assert "5:00 left" in flat(screen_text(app))
        assert screen.query_one("#length-5", TouchButton).has_class("-chosen")
        await pilot.click("#length-1")
        assert "1:00 left" in flat(screen_text(app))
        shown = await advance(pilot, screen, clock, 3 + 60)
        assert "All done." in shown and "0:00 left" in shown
        assert (
            screen.query_one("#done", TouchButton).display and not screen.query_one("#pause", TouchButton).is_on_screen
        )
        await pilot.click("#done")
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.page_index == 3


async def test_pattern_choice_by_tap_and_key(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calm(pilot, clock)
        await pilot.click("#pattern-even")
        assert screen.pattern.id == "even" and "In 2, out 2." in flat(screen_text(app))
        await pilot.press("t")
        assert screen.pattern.id == "quick"


async def test_bell_rings_at_phase_changes_only_when_turned_on(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = make_app(good_content, clock=clock)
    rings = []
    app.bell = lambda: rings.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calm(pilot, clock)
        await advance(pilot, screen, clock, 3.5)
        await advance(pilot, screen, clock, 1)
        assert rings == []
        await pilot.press("s")
        assert "Bell on" in flat(screen_text(app))
        await advance(pilot, screen, clock, 1)
        await advance(pilot, screen, clock, 2)
        assert len(rings) == 2


async def test_shape_grows_on_the_in_breath_and_shrinks_on_the_out_breath(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calm(pilot, clock)
        shape = screen.query_one(BreathShape)
        sizes = []
        for step in [3.25, 0.25, 0.25, 1.0, 0.5, 0.5, 0.5]:
            await advance(pilot, screen, clock, step)
            sizes.append(str(shape.render()).count("█"))
        growing, holding, shrinking = sizes[:3], sizes[3], sizes[4:]
        assert growing == sorted(growing) and growing[0] < growing[-1]
        assert holding >= growing[-1]
        assert shrinking == sorted(shrinking, reverse=True) and shrinking[0] < holding


@pytest.mark.parametrize("how", ["flag", "environment"])
async def test_reduced_motion_shows_no_moving_shape(
    good_content: LoadedWalkthrough, clock: FakeClock, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if how == "environment":
        monkeypatch.setattr(textual.constants, "TEXTUAL_ANIMATIONS", "none")
    app = make_app(good_content, clock=clock, reduced_motion=how == "flag")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calm(pilot, clock)
        shown = await advance(pilot, screen, clock, 3.5)
        assert not screen.query_one(BreathShape).display
        assert "█" not in shown
        assert "In 1" in shown and "2:60" not in shown


async def test_hands_free_reading_turns_pages_and_a_tap_pauses_it(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        await pilot.press("a")
        assert screen.auto_reading
        assert "Next page in 20 s" in flat(screen_text(app))
        clock.advance(12)
        screen.auto_tick()
        await pilot.pause()
        assert "Next page in 8 s" in flat(screen_text(app))
        clock.advance(8)
        screen.auto_tick()
        await pilot.pause()
        assert screen.page_index == 1 and "Next page in 20 s" in flat(screen_text(app))
        await pilot.click("#page-1", offset=(5, 5))
        assert not screen.auto_reading
        assert "Next page in" not in flat(screen_text(app))
        await pilot.click("#auto")
        assert screen.auto_reading
        await pilot.press("left")
        assert not screen.auto_reading and screen.page_index == 0


async def test_no_timer_is_left_running_after_calming_mode(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_calm(pilot, clock)
        await advance(pilot, screen, clock, 4)
        await pilot.press("escape")
        await pilot.pause()
        running = [
            timer
            for node in app.screen.walk_children(with_self=True)
            for timer in node._timers
            if timer._active.is_set()
        ]
        assert running == []


async def test_footer_names_what_space_does_now(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_calm(pilot, clock)
        assert "space Pause" in flat(screen_text(app))
        await pilot.press("space")
        await pilot.pause()
        shown = flat(screen_text(app))
        assert "space Go on" in shown and "space Pause" not in shown
        await pilot.press("space")
        await pilot.pause()
        assert "space Pause" in flat(screen_text(app))


async def test_hands_free_reading_stops_on_the_last_page(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    """There is no next page to count down to: reading stops there, and a / Auto do nothing."""
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        await pilot.press(*["right"] * (screen.page_count - 2), "a")
        assert screen.auto_reading
        clock.advance(600)
        screen.auto_tick()
        await pilot.pause()
        assert screen.page_index == screen.page_count - 1
        assert not screen.auto_reading and "Next page in" not in flat(screen_text(app))
        await pilot.press("a")
        assert not screen.auto_reading
        assert screen.query_one("#auto").disabled
