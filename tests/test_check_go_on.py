"""The quick check's re-explanation has a "Go on" button: a tap does what → does, and it stays the quiet choice."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from tests.apps import make_app
from tests.conftest import FIXTURES
from tests.test_checks import (
    check_note,
    open_check_on_step_one,
    open_check_on_step_one_of,
    shown,
    tap,
    walkthrough_of,
)
from walkthrough.app import WalkthroughApp
from walkthrough.content import bundled_content_dir, load_walkthrough
from walkthrough.screens.check import CheckScreen
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.ui import packaged_words
from walkthrough.widgets.nav import TouchButton

SIZES = [(40, 15), (80, 24), (120, 30)]


def outcome(app: WalkthroughApp) -> tuple[object, ...]:
    """Where the walk is and what the session kept: all that going on may change."""
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen), "the check has closed"
    session = app.session
    return (
        screen.shown_page,
        repr(session.checks),
        session.furthest_page,
        session.ticked_questions,
        session.own_questions,
        session.rating_before,
        session.rating_after,
    )


async def go_on_from_the_re_explanation(app: WalkthroughApp, pilot: Pilot[None], how: str, answer: str) -> None:
    """Open step one's check, answer with ``answer`` (a wrong choice or 0 "Not sure"), then go on by ``how``."""
    check = await open_check_on_step_one(app, pilot)
    await pilot.press(answer)
    await pilot.pause()
    assert check.stage == "again"
    if how == "tap":
        button = check.query_one("#again-go-on", TouchButton)
        check.query_one("#check-body").scroll_to_widget(button, animate=False)
        await pilot.pause()
        assert check.region.contains_region(button.region), "Go on is on the screen to be tapped"
        await tap(pilot, "#again-go-on")
    else:
        await pilot.press(how)
        await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("answer", ["0", "2"])
async def test_go_on_by_tap_does_exactly_what_the_right_arrow_does(size: tuple[int, int], answer: str) -> None:
    content = load_walkthrough(FIXTURES / "checks" / "en.yaml")
    outcomes = {}
    for how in ("right", "tap"):
        app = make_app(content)
        async with app.run_test(size=size) as pilot:
            await go_on_from_the_re_explanation(app, pilot, how, answer)
            outcomes[how] = outcome(app)
            assert walkthrough_of(app).shown_page[0] == "step:two"
            answered = app.session.checks["one"]
            assert answered.first_right is False and answered.needed_again, "noted for the talk, as before"
            await pilot.press("left", "right")  # back to step one and on again: the check is not asked again
            await pilot.pause()
            assert isinstance(app.screen, WalkthroughScreen) and app.screen.shown_page[0] == "step:two"
    assert outcomes["tap"] == outcomes["right"]


async def test_the_counsellor_notes_the_same_after_go_on_as_after_the_arrow() -> None:
    content = load_walkthrough(FIXTURES / "checks" / "en.yaml")
    words = packaged_words("en")
    for how in ("right", "tap"):
        app = make_app(content, counsellor=True)
        async with app.run_test(size=(120, 30)) as pilot:
            await go_on_from_the_re_explanation(app, pilot, how, "0")
            await pilot.press("left")  # back to step one, where the note shows
            await pilot.pause()
            assert check_note(app) == words["check.note_again"], how


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", ["en", "es"])
async def test_go_on_shows_whole_and_is_no_louder_than_ask_me_again(size: tuple[int, int], language: str) -> None:
    words = packaged_words(language)
    app = make_app(load_walkthrough(bundled_content_dir() / f"{language}.yaml"))
    async with app.run_test(size=size) as pilot:
        await open_check_on_step_one_of(app, pilot)
        check = app.screen
        assert isinstance(check, CheckScreen)
        await tap(pilot, "#not-sure")
        see, ask, go_on = (
            check.query_one(f"#{name}", TouchButton) for name in ("see-again", "ask-again", "again-go-on")
        )
        assert go_on.label.plain == words["check.go_on"]
        check.query_one("#check-body").scroll_to_widget(go_on, animate=False)
        await pilot.pause()
        assert check.region.contains_region(go_on.region), f"Go on off screen at {size}"
        assert go_on.content_region.width >= len(words["check.go_on"]), "the whole label shows"
        # The order: see the page, ask again, then go on (below ask again, never before it).
        assert see.region.y <= ask.region.y < go_on.region.y
        if size[0] >= 70:
            assert (go_on.region.x, go_on.region.width) == (ask.region.x, ask.region.width), "under Ask me again"
        # Quiet: the look of "See the page again", never the lit look of "Ask me again".
        assert ask.has_class("primary") and not go_on.has_class("primary")
        assert go_on.styles.background == see.styles.background != ask.styles.background
        assert go_on.styles.color == see.styles.color
        # The key line still names → for going on; enter still asks again (the lit button).
        assert words["check.keys_again"] in shown(app)
        await pilot.press("enter")
        await pilot.pause()
        assert check.stage == "question"


async def test_go_on_shows_only_with_the_re_explanation() -> None:
    app = make_app(load_walkthrough(FIXTURES / "checks" / "en.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check_on_step_one(app, pilot)
        assert not check.query_one("#check-again-part").display
        assert "Go on" not in shown(app)
        await pilot.press("1")
        await pilot.pause()
        assert check.stage == "right" and "Go on" not in shown(app)
