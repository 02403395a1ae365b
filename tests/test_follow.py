"""Following on screen: a counsellor's app leads, a patient's (or a kiosk's) follows, in one test each."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, cast

import pytest
from textual.app import App
from textual.pilot import Pilot

from walkthrough.app import WalkthroughApp
from walkthrough.content import load_walkthrough
from walkthrough.content.loader import load_languages
from walkthrough.follow.screens import FollowBar, FollowCodeScreen
from walkthrough.follow.transport import FOLDER_ENV
from walkthrough.screens.calm import CalmScreen
from walkthrough.screens.walkthrough import WalkthroughScreen

from .apps import make_app
from .screen_helpers import screen_text as app_text

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "content" / "ketamine-infusion"


@pytest.fixture(autouse=True)
def follow_folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Each test's sockets in a short private folder of its own (pairs in other tests never meet)."""
    folder = Path(tempfile.mkdtemp(prefix="wf-"))
    monkeypatch.setenv(FOLDER_ENV, str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def bundled(content: Path = BUNDLED, **kwargs: object) -> WalkthroughApp:
    first = load_walkthrough(content, "en")
    languages, _ = load_languages(content, first)
    return make_app(first, languages=languages, **kwargs)  # type: ignore[arg-type]


Pilots = tuple[Pilot[Any], Pilot[Any]]
"""A leader's and a follower's pilots."""


@asynccontextmanager
async def paired(
    follower: WalkthroughApp | None = None,
) -> AsyncIterator[tuple[WalkthroughApp, WalkthroughApp, Pilots]]:
    """A counsellor's app leading (100x30) and a patient's app (80x24) that has typed its code, both running."""
    leader, follower = bundled(counsellor=True), follower or bundled()
    async with leader.run_test(size=(100, 30)) as lp, follower.run_test(size=(80, 24)) as fp:
        pilots = (lp, fp)
        await type_code(fp, await lead(leader, pilots))
        yield leader, follower, pilots


async def until(pilots: tuple[Pilot[Any], ...], condition: Callable[[], bool], what: str = "") -> None:
    """Let both apps run until ``condition`` holds (at most ~5 s)."""
    for _ in range(250):
        if condition():
            return
        for pilot in pilots:
            await pilot.pause(0.01)
    raise AssertionError(f"never happened: {what} ({[cast(WalkthroughApp, p.app).shown_page()[0] for p in pilots]})")


def followers(app: WalkthroughApp) -> int:
    """How many screens follow ``app`` (which leads)."""
    assert app.follow_link is not None and app.follow_link.leading is not None
    return app.follow_link.leading.follower_count


def following(app: WalkthroughApp) -> bool:
    return app.follow_link is not None and app.follow_link.following is not None


def screen_text(app: WalkthroughApp) -> str:
    """The text on ``app``'s screen."""
    return app_text(cast("App[object]", app))


def page(app: WalkthroughApp) -> str:
    return app.shown_page()[0]


async def lead(leader: WalkthroughApp, pilots: tuple[Pilot[Any], ...]) -> str:
    await pilots[0].press("w")
    await until(pilots, lambda: leader.follow_link is not None and leader.follow_link.leading is not None, "leading")
    assert leader.follow_link is not None and leader.follow_link.leading is not None
    return leader.follow_link.leading.code


async def type_code(pilot: Pilot[Any], code: str) -> None:
    await pilot.press("j")
    await pilot.pause()
    await pilot.press(*code, "enter")


async def test_the_patients_screen_follows_every_move_by_name() -> None:
    leader, follower = bundled(counsellor=True), bundled()
    async with leader.run_test(size=(100, 30)) as lp, follower.run_test(size=(80, 24)) as fp:
        pilots = (lp, fp)
        await lp.press("right")  # to step 1 (welcome has no check)
        code = await lead(leader, pilots)
        assert code.replace(" ", "") in screen_text(leader).replace(" ", "")
        await type_code(fp, code)
        # a late joiner gets the state at once
        await until(pilots, lambda: page(follower) == "step:iv", "late join")
        await until(pilots, lambda: followers(leader) == 1, "count")
        assert follower.query_one(FollowBar)  # the patient sees it follows, and how to stop
        # by key (the counsellor skips the quick check)
        await lp.press("right", "escape")  # Next opens the quick check; esc skips it and moves on
        await until(pilots, lambda: page(follower) == page(leader) == "step:infusion", "next by key")
        # by jump
        await lp.press("4")
        await until(pilots, lambda: page(follower) == "step:end", "jump")
        # by the overview
        await lp.press("o")
        await lp.pause()
        await lp.press("1")
        await until(pilots, lambda: page(follower) == "step:iv", "overview")
        # the language
        await lp.press("l")
        await until(pilots, lambda: follower.content.language == "es" and page(follower) == "step:iv", "language")
        assert "Le ponen la vía" in screen_text(follower)
        # calming mode, its pattern and its length
        await lp.press("b")
        await until(pilots, lambda: isinstance(follower.screen, CalmScreen), "calm on")
        await lp.press("t", "3")
        calm = follower.screen
        assert isinstance(calm, CalmScreen)
        await until(pilots, lambda: (calm.pattern.id, calm.minutes) == ("box", 3), "pattern and length")
        await lp.press("escape")
        await until(pilots, lambda: isinstance(follower.screen, WalkthroughScreen), "calm off")
        # nothing of the counsellor's view: no notes, no talk timer
        text = screen_text(follower)
        assert "Talk" not in text and "Charla" not in text and not follower.query("#notes")


async def test_a_step_the_followers_language_lacks_keeps_its_page(tmp_path: Path) -> None:
    copy = tmp_path / "content"
    shutil.copytree(BUNDLED, copy)
    es = copy / "es.yaml"
    text = es.read_text(encoding="utf-8")
    es.write_text(text[: text.index("  - id: infusion")] + text[text.index("  - id: effects") :], encoding="utf-8")
    async with paired(bundled(copy)) as (leader, follower, pilots):
        lp, fp = pilots
        await lp.press("l", "1")
        await until(pilots, lambda: follower.content.language == "es" and page(follower) == "step:iv", "step 1")
        await lp.press("2")  # "infusion": not in the follower's Spanish
        await until(pilots, lambda: page(leader) == "step:infusion", "leader on infusion")
        for _ in range(10):
            await fp.pause(0.01)
        assert page(follower) == "step:iv"  # never the step at the same number ("effects")
        await lp.press("3")
        await until(pilots, lambda: page(follower) == "step:effects", "effects")


async def test_the_patient_stops_following_and_moves_freely() -> None:
    async with paired() as (leader, follower, pilots):
        lp, fp = pilots
        await until(pilots, lambda: followers(leader) == 1, "joined")
        await fp.click(FollowBar)  # a tap on the bar stops it (x does too)
        await until(pilots, lambda: followers(leader) == 0, "count down")
        assert not follower.query(FollowBar)
        await lp.press("2")
        await fp.press("right")
        await until(pilots, lambda: page(follower) == "step:iv" and page(leader) == "step:infusion", "apart")


async def test_leader_gone_the_follower_says_so_and_stays() -> None:
    async with paired() as (leader, follower, pilots):
        lp, fp = pilots
        await lp.press("3")
        await until(pilots, lambda: page(follower) == "step:effects", "followed")
        await lp.press("w")  # stop sharing
        await until(pilots, lambda: not following(follower), "ended")
        assert page(follower) == "step:effects"
        await fp.pause(0.05)
        assert "counsellor's screen has closed" in " ".join(str(n.message) for n in follower._notifications)


async def test_a_wrong_code_is_refused_and_three_lock_for_a_minute() -> None:
    now = [1000.0]
    follower = bundled(clock=lambda: now[0])
    async with follower.run_test(size=(80, 24)) as fp:
        await fp.press("j")
        await fp.pause()
        assert isinstance(follower.screen, FollowCodeScreen)
        for tries_left in (2, 1):
            await fp.press(*"999999", "enter")
            await fp.pause()
            assert f"Tries left: {tries_left}" in screen_text(follower)
        await fp.press(*"999999", "enter")
        await fp.pause()
        assert "Please wait" in screen_text(follower)
        now[0] += 61
        await fp.press(*"999999", "enter")
        await fp.pause()
        assert "Tries left: 2" in screen_text(follower)
        await fp.press("escape")
        await fp.pause()
        assert isinstance(follower.screen, WalkthroughScreen)


async def test_two_pairs_on_one_machine_never_cross() -> None:
    room_a, room_b = bundled(counsellor=True), bundled(counsellor=True)
    patient_a, patient_b = bundled(), bundled()
    async with (
        room_a.run_test(size=(100, 30)) as a,
        room_b.run_test(size=(100, 30)) as b,
        patient_a.run_test(size=(80, 24)) as pa,
        patient_b.run_test(size=(80, 24)) as pb,
    ):
        pilots = (a, b, pa, pb)
        code_a, code_b = await lead(room_a, (a, b)), await lead(room_b, (b, a))
        assert code_a != code_b
        await type_code(pa, code_a)
        await type_code(pb, code_b)
        await a.press("2")
        await b.press("4")
        await until(pilots, lambda: page(patient_a) == "step:infusion" and page(patient_b) == "step:end", "apart")


async def test_a_kiosk_follows_but_a_fresh_start_ends_it(follow_folder: Path) -> None:
    leader = bundled(counsellor=True)
    kiosk = bundled(kiosk={})
    async with leader.run_test(size=(100, 30)) as lp, kiosk.run_test(size=(80, 24)) as kp:
        pilots = (lp, kp)
        code = await lead(leader, pilots)
        await kp.press("j")  # a patient at a kiosk cannot pair it: the staff do, with --follow
        await kp.pause()
        assert not isinstance(kiosk.screen, FollowCodeScreen)
        kiosk.link().start_following(code)
        await lp.press("2")
        await until(pilots, lambda: page(kiosk) == "step:infusion", "kiosk follows")
        await kiosk.fresh_start()  # type: ignore[attr-defined]
        await until(pilots, lambda: followers(leader) == 0, "ended")
        await lp.press("3")
        for _ in range(10):
            await kp.pause(0.01)
        assert page(kiosk) == "welcome"


def test_only_a_counsellor_may_lead() -> None:
    from walkthrough.settings import Asked, SettingsError, settings_for

    content = load_walkthrough(BUNDLED, "en")
    with pytest.raises(SettingsError):
        settings_for(Asked(BUNDLED, kiosk=True, lead=True), content.clinic)
    with pytest.raises(SettingsError):
        settings_for(Asked(BUNDLED, lead=True), content.clinic)
    with pytest.raises(SettingsError):
        settings_for(Asked(BUNDLED, counsellor=True, follow="123456"), content.clinic)
    assert settings_for(Asked(BUNDLED, kiosk=True, follow="123456"), content.clinic).follow == "123456"


async def test_every_change_is_sent_at_once_with_no_timer() -> None:
    """A page turn and calming mode's choices go out as they happen (nothing waits for a poll)."""
    leader = bundled(counsellor=True)
    async with leader.run_test(size=(100, 30)) as lp:
        await lead(leader, (lp,))
        assert leader.follow_link is not None and leader.follow_link.leading is not None
        server = leader.follow_link.leading.server
        screen = leader.screen_stack[0]
        assert isinstance(screen, WalkthroughScreen)
        screen.action_jump(2)
        assert server.state is not None and server.state.page == page(leader) != "welcome"
        await lp.press("b")
        await lp.pause()
        calm = leader.screen
        assert isinstance(calm, CalmScreen) and server.state.calm is not None
        other = next(pattern.id for pattern in calm.calm.patterns if pattern.id != calm.pattern.id)
        calm.action_pattern(other)
        assert server.state.calm.pattern == other
        calm.action_length(5)
        assert server.state.calm.minutes == 5


async def test_a_patient_taps_follow_my_counsellor_and_a_kiosk_or_counsellor_has_no_such_button() -> None:
    patient = bundled()
    async with patient.run_test(size=(80, 40)) as pilot:
        await pilot.click("#follow")
        await pilot.pause()
        assert isinstance(patient.screen, FollowCodeScreen)
    for app in (bundled(kiosk={}), bundled(counsellor=True)):
        async with app.run_test(size=(80, 40)) as pilot:
            await pilot.pause()
            assert not app.screen.query("#follow"), type(app).__name__
