"""The teach-back checks on screen: asked after a page, answered by key and tap, kind, and noted for the counsellor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList

from tests.apps import make_app
from tests.conftest import FIXTURES, FakeClock
from tests.screen_helpers import flat, screen_text
from walkthrough.app import WalkthroughApp
from walkthrough.content import LoadedWalkthrough, bundled_content_dir, load_walkthrough
from walkthrough.screens.check import CheckScreen
from walkthrough.screens.overview import OverviewScreen
from walkthrough.screens.pages import page_checks
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.ui import packaged_words
from walkthrough.widgets.text import PlainText

SIZES = [(40, 15), (80, 24), (120, 30)]

UNKIND = ("wrong", "incorrect", "score", "fail")
"""Words a check never shows: it is not a test."""


@pytest.fixture
def checks_content() -> LoadedWalkthrough:
    """The fixture walkthrough with a check on every step, the visit and the course."""
    return load_walkthrough(FIXTURES / "checks" / "en.yaml")


async def tap(pilot: Pilot[None], selector: str) -> None:
    """Tap like a person: a button ignores a second tap within its 0.2 s press effect."""
    await pilot.click(selector)
    await pilot.pause(0.25)


def walkthrough_of(app: WalkthroughApp) -> WalkthroughScreen:
    """The walkthrough screen at the foot of the stack (under any check)."""
    screen = app.screen_stack[0]
    assert isinstance(screen, WalkthroughScreen)
    return screen


def shown(app: Any) -> str:
    """The screen's text, folded to one line."""
    return flat(screen_text(app))


async def open_check_on_step_one(app: WalkthroughApp, pilot: Pilot[None]) -> CheckScreen:
    """From the welcome page: Next to step one, Next again opens its check."""
    await pilot.press("right")
    await pilot.pause()
    assert walkthrough_of(app).shown_page[0] == "step:one"
    await pilot.press("right")
    await pilot.pause()
    assert isinstance(app.screen, CheckScreen)
    return app.screen


async def test_a_right_answer_by_key_gets_a_warm_word_and_next_goes_on(checks_content: LoadedWalkthrough) -> None:
    app = make_app(checks_content)
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check_on_step_one(app, pilot)
        text = shown(app)
        assert "Quick check" in text and "What is the first step about?" in text
        assert "1 The first thing." in text and "2 The last thing." in text and "Not sure" in text and "Skip" in text
        await pilot.press("1")
        await pilot.pause()
        assert check.stage == "right" and "Yes, that's right." in shown(app)
        assert walkthrough_of(app).shown_page[0] == "step:one", "the page waits for the patient's Next"
        await pilot.press("right")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.shown_page[0] == "step:two"
        answer = app.session.checks["one"]
        assert answer.first_right is True and not answer.needed_again


async def test_a_wrong_answer_by_tap_explains_again_and_see_the_page_again_stays(
    checks_content: LoadedWalkthrough,
) -> None:
    app = make_app(checks_content)
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check_on_step_one(app, pilot)
        await tap(pilot, "#choice-2")
        text = shown(app)
        assert check.stage == "again"
        assert "Let's look at that again" in text and "The first step is about the first thing." in text
        assert not any(word in text.lower() for word in UNKIND)
        await tap(pilot, "#see-again")
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.shown_page[0] == "step:one"
        answer = app.session.checks["one"]
        assert answer.first_right is False and answer.needed_again
        await tap(pilot, "#next")
        assert isinstance(app.screen, WalkthroughScreen), "an answered check is not asked again"
        assert app.screen.shown_page[0] == "step:two"


async def test_not_sure_then_ask_me_again_counts_only_the_first_answer(checks_content: LoadedWalkthrough) -> None:
    app = make_app(checks_content)
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check_on_step_one(app, pilot)
        await pilot.press("0")
        await pilot.pause()
        assert check.stage == "again"
        await pilot.press("a")
        await pilot.pause()
        assert str(check.stage) == "question" and "What is the first step about?" in shown(app)
        await pilot.press("1")
        await pilot.pause()
        assert str(check.stage) == "right" and "Yes, that's right." in shown(app)
        answer = app.session.checks["one"]
        assert answer.first_right is False and answer.needed_again
        await pilot.press("enter")
        await pilot.pause()
        assert walkthrough_of(app).shown_page[0] == "step:two" and isinstance(app.screen, WalkthroughScreen)


async def test_a_second_miss_by_tap_moves_on_kindly(checks_content: LoadedWalkthrough) -> None:
    app = make_app(checks_content)
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check_on_step_one(app, pilot)
        await tap(pilot, "#not-sure")
        await tap(pilot, "#ask-again")
        await tap(pilot, "#choice-2")
        text = shown(app)
        assert check.stage == "thanks" and "Thank you." in text
        assert not any(word in text.lower() for word in UNKIND)
        await tap(pilot, "#thanks-next")
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.shown_page[0] == "step:two"
        assert app.session.checks["one"].first_right is False


@pytest.mark.parametrize("how", ["escape", "right", "space", "tap"])
async def test_skip_goes_on_and_the_check_is_not_asked_again(checks_content: LoadedWalkthrough, how: str) -> None:
    app = make_app(checks_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_check_on_step_one(app, pilot)
        if how == "tap":
            await tap(pilot, "#skip")
        else:
            await pilot.press(how)
            await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.shown_page[0] == "step:two"
        answer = app.session.checks["one"]
        assert answer.first_right is None and not answer.needed_again
        await pilot.press("left", "right")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.shown_page[0] == "step:two"


async def test_keys_of_other_stages_do_nothing(checks_content: LoadedWalkthrough) -> None:
    app = make_app(checks_content)
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check_on_step_one(app, pilot)
        # No third choice; ask again, see the page again and go on wait for their stage.
        await pilot.press("3", "a", "left", "enter")
        await pilot.pause()
        assert check.stage == "question" and app.screen is check
        assert "one" not in app.session.checks or app.session.checks["one"].first_right is None


async def test_every_page_with_a_check_asks_it_once_through_to_the_end(checks_content: LoadedWalkthrough) -> None:
    app = make_app(checks_content)
    async with app.run_test(size=(80, 24)) as pilot:
        asked = []
        for _ in range(20):
            await pilot.press("right")
            await pilot.pause()
            if isinstance(app.screen, CheckScreen):
                asked.append(walkthrough_of(app).shown_page[0])
                assert "{" not in shown(app), "clinic values are filled in"
                await pilot.press("1", "right")
                await pilot.pause()
        assert asked == list(page_checks(checks_content.walkthrough))
        assert walkthrough_of(app).shown_page[0] == "questions"
        assert set(app.session.checks) == {"one", "two", "three", "four", "visit", "course"}


async def test_hands_free_reading_and_jumps_never_open_a_check(
    checks_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = make_app(checks_content, clock=clock, counsellor=True)
    async with app.run_test(size=(120, 30)) as pilot:
        screen = walkthrough_of(app)
        await pilot.press("3")
        await pilot.pause()
        assert app.screen is screen and screen.shown_page[0] == "step:three"
        await pilot.press("o", "2")
        await pilot.pause()
        assert app.screen is screen and screen.shown_page[0] == "step:two"
        await pilot.press("a")
        for _ in range(screen.page_count):
            clock.advance(600)
            screen.auto_tick()
            await pilot.pause()
            assert app.screen is screen
        assert screen.shown_page[0] == "questions" and not app.session.checks


async def test_the_counsellor_sees_where_the_patient_needed_it_again(checks_content: LoadedWalkthrough) -> None:
    words = packaged_words("en")
    app = make_app(checks_content, counsellor=True)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_check_on_step_one(app, pilot)
        await pilot.press("2", "left")  # wrong, then see the page again
        await pilot.pause()
        assert check_note(app) == words["check.note_again"]
        await pilot.press("right")  # step two
        await pilot.pause()
        assert check_note(app) == "", "a check not asked yet says nothing"
        await pilot.press("right", "2", "right", "left")  # right the first time, then back to step two
        await pilot.pause()
        assert walkthrough_of(app).shown_page[0] == "step:two" and check_note(app) == words["check.note_right"]
        await pilot.press("right", "right", "escape", "left")  # step three skipped, then back to it
        await pilot.pause()
        assert walkthrough_of(app).shown_page[0] == "step:three" and check_note(app) == words["check.note_skipped"]
        await pilot.press("o")
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        prompts = [str(option.prompt) for option in overview.query_one(OptionList).options]
        marked = [prompt.splitlines()[0] for prompt in prompts if words["check.overview_mark"] in prompt]
        assert marked == ["1  First step"]


def check_note(app: WalkthroughApp) -> str:
    """The counsellor's line on the page's check, or "" when none shows."""
    note = walkthrough_of(app).query_one("#notes-check", PlainText)
    return str(note.render()) if note.display else ""


async def test_a_patients_screens_never_show_the_counsellors_marks(checks_content: LoadedWalkthrough) -> None:
    words = packaged_words("en")
    app = make_app(checks_content)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_check_on_step_one(app, pilot)
        await pilot.press("0", "left")
        await pilot.pause()
        text = shown(app)
        assert words["check.note_again"] not in text and words["check.overview_mark"] not in text


async def test_a_kiosk_fresh_start_drops_an_open_check(checks_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = make_app(checks_content, kiosk={"idle_seconds": 60.0}, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_check_on_step_one(app, pilot)
        await pilot.press("0")
        await pilot.pause()
        assert app.session.checks
        clock.advance(61)
        app.idle_check()  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.screen.id == "idle-screen"
        clock.advance(31)
        app.screen.tick()  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.shown_page[0] == "welcome"
        assert len(app.screen_stack) == 1 and app.session.is_empty
        await open_check_on_step_one(app, pilot)  # the next patient is asked again


async def test_start_again_drops_the_answers(checks_content: LoadedWalkthrough) -> None:
    app = make_app(checks_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_check_on_step_one(app, pilot)
        await pilot.press("1", "right")
        await pilot.pause()
        app.action_start_again()
        await pilot.pause()
        await pilot.pause()
        assert app.session.is_empty
        await open_check_on_step_one(app, pilot)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", ["en", "es"])
async def test_every_button_fits_and_can_be_tapped_at_every_size(size: tuple[int, int], language: str) -> None:
    content = load_walkthrough(bundled_content_dir() / f"{language}.yaml")
    words = packaged_words(language)
    app = make_app(content)
    async with app.run_test(size=size) as pilot:
        await open_check_on_step_one_of(app, pilot)
        check = app.screen
        assert isinstance(check, CheckScreen)
        assert words["check.title"] in shown(app)
        for selector in ("#choice-1", "#not-sure", "#skip"):
            button = check.query_one(selector)
            check.query_one("#check-body").scroll_to_widget(button, animate=False)
            await pilot.pause()
            assert check.region.contains_region(button.region), f"{selector} off screen at {size}"
        assert button.region.width >= len(words["check.skip"])
        await tap(pilot, "#not-sure")
        for selector in ("#see-again", "#ask-again"):
            button = check.query_one(selector)
            check.query_one("#check-body").scroll_to_widget(button, animate=False)
            await pilot.pause()
            assert check.region.contains_region(button.region), f"{selector} off screen at {size}"
            assert button.region.width >= len(words["check.see_step"] if selector == "#see-again" else "")
        await tap(pilot, "#ask-again")
        check.query_one("#check-body").scroll_home(animate=False)
        await pilot.pause()
        await tap(pilot, "#choice-1")
        assert check.stage in ("right", "thanks")


async def open_check_on_step_one_of(app: WalkthroughApp, pilot: Pilot[None]) -> None:
    """Any content: Next past the welcome page, then Next opens the first step's check."""
    await pilot.press("right")
    await pilot.pause()
    await pilot.press("right")
    await pilot.pause()


def test_the_bundled_walkthrough_has_a_check_on_every_step() -> None:
    for language in ("en", "es"):
        walkthrough = load_walkthrough(Path(bundled_content_dir()) / f"{language}.yaml").walkthrough
        assert len(page_checks(walkthrough)) == len(walkthrough.steps) + 2


async def test_enter_presses_the_lit_button_ask_me_again_then_goes_on_after_a_right_answer(
    checks_content: LoadedWalkthrough,
) -> None:
    app = make_app(checks_content)
    async with app.run_test(size=(80, 24)) as pilot:
        check = await open_check_on_step_one(app, pilot)
        await pilot.press("0", "enter")
        await pilot.pause()
        assert check.stage == "question", "enter with the re-explanation asks again, as its lit button says"
        await pilot.press("1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.shown_page[0] == "step:two"
