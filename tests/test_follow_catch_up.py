"""Following while a screen is on top: nothing changes underneath it, and it catches up the moment it closes."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from walkthrough.app import WalkthroughApp
from walkthrough.screens.calm import CalmScreen
from walkthrough.screens.check import CheckScreen
from walkthrough.screens.help import HelpScreen
from walkthrough.screens.idle import IdleWarningScreen
from walkthrough.screens.walkthrough import WalkthroughScreen

from .conftest import FakeClock
from .test_follow import bundled, followers, lead, page, paired, screen_text, until
from .test_follow import follow_folder as follow_folder  # autouse: each test's sockets in a folder of its own


def base_page(app: WalkthroughApp) -> int:
    """The page number of the walkthrough screen at the bottom of the stack (under whatever is on top)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, WalkthroughScreen)
    return screen.page_index


async def a_while(pilots: tuple[Pilot[Any], ...]) -> None:
    """Long enough for a state on its way to have arrived and been shown, were it to be."""
    for _ in range(15):
        for pilot in pilots:
            await pilot.pause(0.01)


async def test_help_closed_the_follower_shows_the_leaders_page_in_the_leaders_language_at_once() -> None:
    async with paired() as (leader, follower, pilots):
        lp, fp = pilots
        await lp.press("1")
        await until(pilots, lambda: page(follower) == "step:iv", "followed")
        await fp.press("question_mark")
        await fp.pause()
        assert isinstance(follower.screen, HelpScreen)
        under = base_page(follower)
        await lp.press("3", "l")
        await until(pilots, lambda: leader.content.language == "es" and page(leader) == "step:effects", "leader moved")
        await a_while(pilots)
        # nothing half done under help: neither the page nor the language
        assert isinstance(follower.screen, HelpScreen)
        assert follower.content.language == "en" and base_page(follower) == under and page(follower) == "step:iv"
        await fp.press("escape")
        await until(pilots, lambda: follower.content.language == "es" and page(follower) == "step:effects", "caught up")
        assert isinstance(follower.screen, WalkthroughScreen)
        assert "Siente el efecto" in screen_text(follower)
        # and it goes on following as before
        await lp.press("4")
        await until(pilots, lambda: page(follower) == "step:end", "still following")


async def test_calming_mode_the_leader_opened_under_help_opens_when_help_closes() -> None:
    async with paired() as (leader, follower, pilots):
        lp, fp = pilots
        await until(pilots, lambda: followers(leader) == 1, "joined")
        await fp.press("question_mark")
        await fp.pause()
        await lp.press("b")
        await until(pilots, lambda: isinstance(leader.screen, CalmScreen), "leader calm")
        await a_while(pilots)
        assert isinstance(follower.screen, HelpScreen)
        await fp.press("escape")
        await until(pilots, lambda: isinstance(follower.screen, CalmScreen), "calm caught up")


@pytest.mark.parametrize("answer", ["key", "tap"])
async def test_a_quick_check_answered_the_follower_ends_on_the_leaders_page_not_one_past_it(answer: str) -> None:
    async with paired() as (leader, follower, pilots):
        lp, fp = pilots
        await lp.press("1")
        await until(pilots, lambda: page(follower) == "step:iv", "followed")
        await fp.press("right")  # the patient's own Next: step 1's quick check first
        await fp.pause()
        assert isinstance(follower.screen, CheckScreen)
        await lp.press("3")
        await until(pilots, lambda: page(leader) == "step:effects", "leader moved")
        await a_while(pilots)
        assert isinstance(follower.screen, CheckScreen) and page(follower) == "step:iv"
        # Skip turns the page (to step 2)... then the leader's page wins, never one past it (step 4).
        if answer == "key":
            await fp.press("escape")
        else:
            await fp.click("#skip")
        await until(pilots, lambda: page(follower) == "step:effects", "caught up")
        await a_while(pilots)
        assert page(follower) == "step:effects" and isinstance(follower.screen, WalkthroughScreen)


async def test_a_state_already_shown_is_not_shown_again_when_a_screen_closes() -> None:
    """Calming mode the patient opened by hand stays open: only a held-back state catches up."""
    async with paired() as (leader, follower, pilots):
        lp, fp = pilots
        await lp.press("2")
        await until(pilots, lambda: page(follower) == "step:infusion", "followed")
        await fp.press("question_mark")
        await fp.pause()
        await fp.press("escape")
        await fp.pause()
        await fp.press("b")
        await a_while(pilots)
        assert isinstance(follower.screen, CalmScreen), "the patient's own calming mode was closed"


async def test_a_kiosk_with_are_you_still_here_up_changes_nothing_until_it_is_answered(clock: FakeClock) -> None:
    leader = bundled(counsellor=True)
    kiosk = bundled(kiosk={"idle_seconds": 5.0}, clock=clock)
    async with leader.run_test(size=(100, 30)) as lp, kiosk.run_test(size=(80, 24)) as kp:
        pilots = (lp, kp)
        code = await lead(leader, pilots)
        kiosk.link().start_following(code)
        await lp.press("1")
        await until(pilots, lambda: page(kiosk) == "step:iv", "kiosk follows")
        await kp.press("down")  # someone used it, so quiet time warns
        clock.advance(6)
        kiosk.idle_check()  # type: ignore[attr-defined]
        await kp.pause()
        warning = kiosk.screen
        assert isinstance(warning, IdleWarningScreen)
        await lp.press("3", "l")
        await until(pilots, lambda: leader.content.language == "es" and page(leader) == "step:effects", "leader moved")
        await a_while(pilots)
        assert kiosk.screen is warning, "the warning must stay up"
        assert kiosk.content.language == "en" and page(kiosk) == "step:iv"
        await kp.press("space")  # "I'm still here"
        await until(pilots, lambda: kiosk.content.language == "es" and page(kiosk) == "step:effects", "caught up")
        assert isinstance(kiosk.screen, WalkthroughScreen)
        assert "Siente el efecto" in screen_text(kiosk)


async def test_a_following_worker_that_fails_is_logged_and_the_app_goes_on(tmp_path: Any) -> None:
    """Workers of the "follow" group never end the app; a failure in one goes to the log, not to nowhere."""
    import logging

    from walkthrough.kiosk import open_log

    app = bundled(log=open_log(tmp_path / "app.log"))

    async def fails() -> None:
        raise RuntimeError("a fault in following")

    async with app.run_test() as pilot:
        await pilot.pause()
        app.run_worker(fails(), group="follow", exit_on_error=False)
        await pilot.pause(0.2)
        assert app.is_running
    for handler in logging.getLogger("walkthrough").handlers:
        handler.flush()
    text = (tmp_path / "app.log").read_text(encoding="utf-8")
    assert "ERROR following: unexpected builtins.RuntimeError" in text and "a fault in following" not in text
