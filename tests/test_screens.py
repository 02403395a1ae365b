"""Pilot tests: a patient pages through the visit by keys and by taps, at every size."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher

from walkthrough.app import WalkthroughApp
from walkthrough.content import LoadedWalkthrough, load_walkthrough
from walkthrough.screens.help import HelpScreen
from walkthrough.screens.page import Page
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.widgets.footer import KeyFooter
from walkthrough.widgets.more_hint import MoreHint
from walkthrough.widgets.nav import TouchButton
from walkthrough.widgets.text import PlainText

from .apps import make_app
from .conftest import write_content
from .screen_helpers import flat, screen_text

PAGE_HEADINGS = [
    "Hello",
    "First step",
    "Second step",
    "Third step",
    "Fourth step",
    "Visit length",
    "Course length",
    "Questions",
]
SIZES = [(40, 15), (80, 24), (200, 60)]


async def tap(pilot: Pilot[None], selector: str) -> None:
    """Tap like a person: a button ignores a second tap within its 0.2 s press effect."""
    await pilot.click(selector)
    await pilot.pause(0.25)


def page_text(app: WalkthroughApp) -> str:
    """All the text of the page on show, whether scrolled into view or not."""
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen)
    return flat(" ".join(str(widget.render()) for widget in screen.current_page.query(PlainText)))


async def test_full_visit_forward_and_back_by_keys(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        seen = [page_text(app)]
        for key in ["right", "space", "n", "right", "right", "right", "right"]:
            await pilot.press(key)
            seen.append(page_text(app))
        assert [any(heading in text for heading in [h]) for h, text in zip(PAGE_HEADINGS, seen, strict=True)] == [
            True
        ] * 8
        assert "Step 2 of 4" in seen[2]
        for _ in range(5):
            await pilot.press("left")
        await pilot.press("p")
        assert "First step" in page_text(app)
        await pilot.press("home")
        assert "Hello" in page_text(app)


async def test_full_visit_by_tapping_the_buttons(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        for heading in PAGE_HEADINGS:
            assert heading in flat(screen_text(app))
            await tap(pilot, "#next")
        for heading in reversed(PAGE_HEADINGS[:-1]):
            await tap(pilot, "#back")
            assert heading in flat(screen_text(app))


async def test_next_on_the_last_page_and_back_on_the_first_do_nothing(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("left", "p", "home")
        assert "Hello" in page_text(app)
        assert app.query_one("#back", TouchButton).disabled
        for _ in range(12):
            await pilot.press("right")
        assert "Questions" in page_text(app)
        assert app.query_one("#next", TouchButton).disabled
        await tap(pilot, "#next")
        assert "Questions" in page_text(app)
        app.screen.current_page.scroll_end(animate=False)  # Start again is below the ticks and the box
        await pilot.pause()
        await tap(pilot, "#start-again")
        assert "Hello" in page_text(app)
        assert app.is_running


async def test_content_markup_is_shown_literally_and_does_nothing(tmp_path: Path) -> None:
    hostile = {
        "  title: Hello": '  title: "[bold]Hi[/] [@click=app.quit]Tap[/]"',
        "  body: This is fixture text for tests.": '  body: "Press [Enter] now [/] [link=https://example.com]x[/link]"',
    }
    app = make_app(load_walkthrough(write_content(tmp_path, hostile)))
    async with app.run_test(size=(80, 24)) as pilot:
        shown = flat(screen_text(app))
        assert "[bold]Hi[/] [@click=app.quit]Tap[/]" in shown
        assert "Press [Enter] now [/] [link=https://example.com]x[/link]" in shown
        heading = app.screen.query(PlainText).first()
        await pilot.click(heading, offset=(15, 0))
        await pilot.click(heading, offset=(25, 0))
        await pilot.pause()
        assert app.is_running
        assert "Hi" in page_text(app)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
async def test_every_page_fits_without_overlap_or_cut_off_text(
    good_content: LoadedWalkthrough, size: tuple[int, int]
) -> None:
    app = make_app(good_content)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        for _ in PAGE_HEADINGS:
            page = screen.current_page
            regions = [
                screen.query_one(ContentSwitcher).region,
                screen.query_one("#safety-line").region,
                screen.query_one("#nav").region,
            ]
            assert all(region.height > 0 and screen.region.contains_region(region) for region in regions)
            assert not any(a.overlaps(b) for i, a in enumerate(regions) for b in regions[i + 1 :])
            assert page.max_scroll_x == 0, "text must wrap, never run off to the side"
            await pilot.press("end")
            await pilot.pause()
            last = page.children[-1]
            assert page.region.contains_region(last.region), f"{last} is cut off on {page.id}"
            await pilot.press("right")


async def test_long_step_scrolls_to_its_end_at_tablet_portrait_size() -> None:
    from walkthrough.content import bundled_content_dir

    app = make_app(load_walkthrough(bundled_content_dir()))
    async with app.run_test(size=(40, 15)) as pilot:
        await pilot.press("right")
        page = app.screen.current_page  # type: ignore[attr-defined]
        assert isinstance(page, Page) and page.max_scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        shown = "".join(char for char in screen_text(app) if not "\u2580" <= char <= "\u259f")  # not the scrollbar
        assert "for most people it hurts only a little" in flat(shown)
        await pilot.press("right", "escape", "left")  # esc skips the step's quick check
        assert page.scroll_y == 0, "coming back to a page starts at its top"


async def test_safety_line_is_on_every_page(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in PAGE_HEADINGS:
            assert "Ask to stop at any time." in screen_text(app)
            await pilot.press("right")


async def test_counsellor_notes_never_reach_the_patient_screen(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(200, 60)) as pilot:
        for _ in PAGE_HEADINGS:
            all_text = " ".join(str(widget.render()) for widget in app.screen.query(PlainText))
            assert "note for counsellors" not in all_text
            await pilot.press("right")


async def test_help_opens_and_closes_by_key_and_tap(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.pause()
        assert "Go to the start" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, WalkthroughScreen)
        await pilot.click("#help")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("c")
        assert app.theme == "walkthrough-contrast", "the keys help lists work while it shows"
        await pilot.click("#close")
        assert isinstance(app.screen, WalkthroughScreen)


async def test_contrast_toggles_by_key_and_by_the_welcome_button(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.theme == "walkthrough-calm"
        await pilot.press("c")
        assert app.theme == "walkthrough-contrast"
        await pilot.click("#contrast")
        assert app.theme == "walkthrough-calm"


async def test_q_quits(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_tapping_a_key_in_the_footer_does_what_the_key_does(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        footer = screen.query_one(KeyFooter)
        bottom = screen_text(app).rstrip().splitlines()[-1]
        await pilot.click(KeyFooter, offset=(bottom.index("Next"), 0))
        await pilot.pause()
        assert screen.page_index == 1
        bottom = screen_text(app).rstrip().splitlines()[-1]
        await pilot.click(KeyFooter, offset=(bottom.index("Back"), 0))
        await pilot.pause()
        assert screen.page_index == 0
        await pilot.click(KeyFooter, offset=(footer.size.width - 1, 0))  # past the last key: nothing
        await pilot.pause()
        assert screen.page_index == 0 and app.is_running


async def test_a_narrow_footer_leaves_out_whole_keys(good_content: LoadedWalkthrough) -> None:
    """At 40 columns not every key fits: the ones that do are whole, never cut in the middle of a word."""
    app = make_app(good_content)
    async with app.run_test(size=(40, 15)) as pilot:
        await pilot.press("right")
        await pilot.pause()
        bottom = screen_text(app).rstrip().splitlines()[-1].strip()
        footer = app.screen.query_one(KeyFooter)
        labels = [f"{shown.display} {shown.words}" for shown in footer.shown]
        drawn = [label for label in labels if label in bottom]
        assert drawn and len(drawn) < len(footer.shown)
        assert " ".join(bottom.split()) == " ".join(" ".join(drawn).split())


async def test_footer_shows_which_keys_act(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        bottom = screen_text(app).rstrip().splitlines()[-1]
        assert "Next" in bottom and "Help" in bottom and "Quit" in bottom
        assert "Back" not in bottom, "Back cannot act on the first page"
        await pilot.press("right")
        await pilot.pause()
        assert "Back" in screen_text(app).rstrip().splitlines()[-1]


@pytest.mark.parametrize("size", [(120, 40), (60, 20)])
@pytest.mark.parametrize("turn", ["key", "tap"])
async def test_more_below_shows_only_when_there_is_more_below(tmp_path: Path, turn: str, size: tuple[int, int]) -> None:
    """Turned by key or by tapping Next (the pointer then rests on the button), the hint matches the page on
    show, at a size where pages fit and one where they don't, and it goes once the page is scrolled to the end."""
    folder = write_content(tmp_path, {"Second body.": "A long line of text that fills the page. " * 40})
    app = make_app(load_walkthrough(folder))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        hint = screen.query_one(MoreHint)
        shown_on = []
        for _ in range(screen.page_count - 1):
            if turn == "key":
                await pilot.press("right")
            else:
                await tap(pilot, "#next")
            await pilot.pause(0.1)
            page = screen.current_page
            assert hint.shown == (page.scroll_y < page.max_scroll_y), screen.page_index
            if hint.shown:
                shown_on.append(screen.page_index)
                await pilot.press("end")
                await pilot.pause(0.1)
                assert not hint.shown, screen.page_index
        assert (2 in shown_on) == (size == (60, 20))  # the long step is long only on the small screen


async def test_common_questions_say_when_there_is_more_below() -> None:
    """The longest screen (the bundled twelve questions): "More below" while answers are below the fold."""
    app = make_app(load_walkthrough(Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f")
        await pilot.pause(0.1)
        hint = app.screen.query_one(MoreHint)
        listing = app.screen.query_one("#faq-list")
        assert listing.max_scroll_y > 0 and hint.shown
        assert "More below" in screen_text(app)
        await pilot.press("end")
        await pilot.pause(1.0)  # the list scrolls smoothly
        assert listing.scroll_y == listing.max_scroll_y
        assert not hint.shown and "More below" not in screen_text(app)
