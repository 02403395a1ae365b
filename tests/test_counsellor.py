"""Counsellor mode, driven as a counsellor would: notes, the talk timer, jumps, the overview, common questions."""

from __future__ import annotations

import pytest
from textual.widget import Widget

from walkthrough.app import WalkthroughApp
from walkthrough.content import LoadedWalkthrough
from walkthrough.screens.faq import FaqScreen
from walkthrough.screens.help import HelpScreen
from walkthrough.screens.overview import OverviewScreen
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.talk import TalkTimer, minutes_and_seconds
from walkthrough.widgets.counsellor import TalkClock

from .apps import make_app
from .conftest import FakeClock
from .screen_helpers import flat, screen_text

NOTES = [
    "Welcome note for counsellors.",
    "First note for counsellors.",
    "Second note for counsellors.",
    "Third note for counsellors.",
    "Fourth note for counsellors.",
    "First question note.",
]


def tree_text(widget: Widget) -> str:
    """Every piece of text held anywhere in the widget tree, shown or not."""
    parts = []
    for node in widget.walk_children(with_self=True):
        for name in ("_text", "title_text"):
            value = getattr(node, name, None)
            if isinstance(value, str):
                parts.append(value)
        renderable = getattr(node, "_renderable", None) or getattr(node, "_content", None)
        if renderable is not None:
            parts.append(str(renderable))
    return "\n".join(parts)


def base(app: WalkthroughApp) -> WalkthroughScreen:
    screen = app.screen_stack[0]
    assert isinstance(screen, WalkthroughScreen)
    return screen


def counsellor_app(content: LoadedWalkthrough, clock: FakeClock) -> WalkthroughApp:
    return make_app(content, clock=clock, counsellor=True)


async def test_notes_follow_the_page(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Welcome note for counsellors." in flat(screen_text(app))
        assert "Welcome note for counsellors." in tree_text(app.screen), "the tree check can see notes"
        await pilot.press("right", "right")
        shown = flat(screen_text(app))
        assert "Second note for counsellors." in shown and "First note" not in shown
        await pilot.press("right", "right", "right")  # the visit page has no notes
        assert "No notes for this screen." in flat(screen_text(app))


@pytest.mark.parametrize("mode", ["patient", "kiosk"])
async def test_patients_never_get_notes(good_content: LoadedWalkthrough, clock: FakeClock, mode: str) -> None:
    """Not hidden but absent: no note is anywhere in the widget tree, on any page, in common questions either."""
    kiosk = dict() if mode == "kiosk" else None
    app = make_app(good_content, clock=clock, kiosk=kiosk)
    async with app.run_test(size=(160, 40)) as pilot:
        screen = base(app)
        for _ in range(screen.page_count):
            text = tree_text(app.screen) + screen_text(app)
            assert not any(note in text for note in NOTES)
            await pilot.press("right")
        for key in ("1", "2", "o", "h", "t", "r"):
            await pilot.press(key)
        assert screen.page_index == screen.page_count - 1, "counsellor keys do nothing for a patient"
        assert not app.query(TalkClock) and not app.screen.query("#notes")
        await pilot.press("f")
        assert isinstance(app.screen, FaqScreen)
        text = tree_text(app.screen) + screen_text(app)
        assert "First question?" in text and "First question note." not in text


def test_a_kiosk_can_never_be_in_counsellor_mode(good_content: LoadedWalkthrough) -> None:
    with pytest.raises(ValueError, match="kiosk"):
        make_app(good_content, kiosk=dict(), counsellor=True)


async def test_talk_timer_counts_pauses_and_resets(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        talk_clock = app.screen.query_one(TalkClock)
        assert "Talk 0:00" in screen_text(app)
        clock.advance(75.4)
        talk_clock.refresh_clock()
        await pilot.pause()
        assert "Talk 1:15" in screen_text(app)
        await pilot.press("t")
        clock.advance(600)
        await pilot.pause()
        assert "Talk 1:15 (paused)" in screen_text(app)
        await pilot.press("t")
        clock.advance(5)
        talk_clock.refresh_clock()
        await pilot.pause()
        assert "Talk 1:20" in screen_text(app)
        await pilot.press("r")
        assert "Talk 0:00" in screen_text(app)
        # The same timer runs on every screen.
        clock.advance(30)
        await pilot.press("f")
        assert "Talk 0:30" in screen_text(app)


async def test_timer_turns_warm_after_the_planned_length(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    content = good_content._replace(clinic=good_content.clinic.model_copy(update={"talk_minutes": 1}))
    app = counsellor_app(content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        talk_clock = app.screen.query_one(TalkClock)
        clock.advance(60)
        talk_clock.refresh_clock()
        assert not talk_clock.has_class("-over")
        clock.advance(1)
        talk_clock.refresh_clock()
        await pilot.pause()
        assert talk_clock.has_class("-over")
        assert talk_clock.styles.color != app.screen.query_one("#title").styles.color


def test_talk_timer_by_itself(clock: FakeClock) -> None:
    timer = TalkTimer(clock, target_minutes=20)
    clock.advance(59.9)
    assert minutes_and_seconds(timer.elapsed()) == "0:59"
    assert timer.seconds_to_next_change() == pytest.approx(0.1)
    timer.toggle_pause()
    clock.advance(100)
    assert timer.elapsed() == pytest.approx(59.9)
    timer.reset()
    assert timer.paused and timer.elapsed() == 0
    timer.toggle_pause()
    clock.advance(20 * 60 + 1)
    assert timer.over_target()
    assert minutes_and_seconds(75 * 60 + 3) == "75:03"


@pytest.mark.parametrize("number", [1, 3, 4])
async def test_digit_shows_that_step(good_content: LoadedWalkthrough, clock: FakeClock, number: int) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(str(number))
        assert base(app).page_index == number
        assert f"Step {number} of 4" in screen_text(app)


async def test_digit_past_the_last_step_does_nothing(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("2", "9", "5")
        assert base(app).page_index == 2


async def test_overview_lists_every_screen_and_jumps(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        shown = flat(screen_text(app))
        for text in ("Hello", "1 First step", "The first summary.", "4 Fourth step", "Visit length", "Questions"):
            assert text in shown, text
        await pilot.press("down", "down", "enter")  # from step 1, two down is step 3
        assert base(app).page_index == 3 and app.screen is base(app)
        await pilot.press("o", "2")
        assert base(app).page_index == 2
        await pilot.press("o", "escape")
        assert base(app).page_index == 2 and app.screen is base(app)


async def test_overview_by_tap(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("o")
        await pilot.pause()
        overview = app.screen
        assert isinstance(overview, OverviewScreen)
        option_list = overview.query_one("#overview-list")
        # Entries are two lines (title, summary) with a line between: the fourth entry starts on row 9.
        await pilot.click(option_list, offset=(4, 9))
        await pilot.pause()
        assert base(app).page_index == 3


async def test_overview_can_open_common_questions(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("o", "end", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FaqScreen)


async def test_h_hides_and_shows_the_notes(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("1", "h")
        shown = flat(screen_text(app))
        assert "First note for counsellors." not in shown and "notes hidden" in shown
        await pilot.press("right")  # stays hidden on the next page
        assert "Second note for counsellors." not in flat(screen_text(app))
        await pilot.press("f")
        assert "First question note." not in flat(screen_text(app))
        await pilot.press("escape", "h")
        shown = flat(screen_text(app))
        assert "Second note for counsellors." in shown and "notes hidden" not in shown


async def test_common_questions_for_a_patient(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = make_app(good_content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "right")
        await pilot.click("#faq")
        assert isinstance(app.screen, FaqScreen)
        shown = flat(screen_text(app))
        assert "Common questions" in shown and "First question?" in shown
        assert "First answer, 45 minutes." in shown, "clinic values are filled in"
        await pilot.click("#faq-back")
        assert app.screen is base(app) and base(app).page_index == 2
        await pilot.press("f", "escape")
        assert app.screen is base(app)


async def test_common_questions_for_a_counsellor_show_their_notes(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f")
        assert "First question note." in flat(screen_text(app))


async def test_no_common_questions_means_no_button(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    content = good_content._replace(walkthrough=good_content.walkthrough.model_copy(update={"faq": ()}))
    app = make_app(content, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.screen.query("#faq")
        await pilot.press("f")
        assert app.screen is base(app)


async def test_help_lists_the_counsellor_keys(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = flat(screen_text(app))
        assert "All screens" in shown and "talk timer" in shown


@pytest.mark.parametrize("size", [(80, 24), (160, 40), (120, 30)])
async def test_nothing_overlaps(good_content: LoadedWalkthrough, clock: FakeClock, size: tuple[int, int]) -> None:
    """The page, the notes, the safety line and the buttons each get their own rows (or columns)."""
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("1")
        screen = app.screen
        regions = {
            name: screen.query_one(selector).region
            for name, selector in {
                "title": "#title-bar",
                "page": "#pages",
                "notes": "#notes",
                "safety": "#safety-line",
                "nav": "#nav",
            }.items()
        }
        assert all(region.area > 0 for region in regions.values()), regions
        names = list(regions)
        for index, first in enumerate(names):
            for second in names[index + 1 :]:
                assert not regions[first].overlaps(regions[second]), (first, second, regions)
        beside = size[0] >= 120
        assert (regions["notes"].x > regions["page"].x) == beside
        assert regions["page"].height >= 6


@pytest.mark.parametrize("elsewhere", ["f", "o"])
async def test_hiding_the_notes_elsewhere_holds_back_on_the_step(
    good_content: LoadedWalkthrough, clock: FakeClock, elsewhere: str
) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", elsewhere, "h", "escape")
        await pilot.pause()
        shown = flat(screen_text(app))
        assert "Third note for counsellors." not in shown and "notes hidden" in shown
        await pilot.press("h")
        assert "Third note for counsellors." in flat(screen_text(app)), "one h brings them back"
        await pilot.press("h", "f")
        assert "First question note." not in flat(screen_text(app))


async def test_the_long_counsellor_help_fits_with_its_close_button(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = counsellor_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        close = help_screen.query_one("#close").region
        assert close.bottom <= 24 and close.height == 3, close
        body = help_screen.query_one("#help-body")
        await pilot.press("end")
        assert body.scroll_y == body.max_scroll_y
