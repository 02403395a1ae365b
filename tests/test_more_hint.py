"""A tap on "↓ More below" scrolls the text it follows down by a screen, as PgDn does, until the end."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from tests.apps import make_app
from tests.screen_helpers import screen_text
from tests.test_checks import shown
from walkthrough.app import WalkthroughApp
from walkthrough.content import bundled_content_dir, load_walkthrough
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.ui import packaged_words
from walkthrough.widgets.more_hint import MoreHint

SIZES = [(40, 15), (80, 24), (120, 30)]

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"


async def tap_hint(pilot: Pilot[None], hint: MoreHint, *, on_words: bool) -> None:
    """Tap the hint like a finger: on its first cell (padding), or in the middle of its words."""
    offset = (hint.size.width // 2, 0) if on_words else (0, 0)
    await pilot.click(hint, offset=offset)
    await pilot.pause()


async def first_long_page(app: WalkthroughApp, pilot: Pilot[None]) -> WalkthroughScreen:
    """Turn pages (skipping any check) until one has more below; the walkthrough screen showing it."""
    screen = app.screen_stack[0]
    assert isinstance(screen, WalkthroughScreen)
    hint = screen.query_one(MoreHint)
    for _ in range(screen.page_count):
        if hint.shown:
            return screen
        await pilot.press("right")
        await pilot.pause()
        if len(app.screen_stack) > 1:
            await pilot.press("escape")  # skip the page's check
            await pilot.pause()
    raise AssertionError("no page has more below")


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", ["en", "es"])
async def test_a_tap_on_more_below_scrolls_a_screen_as_page_down_does(size: tuple[int, int], language: str) -> None:
    words = packaged_words(language)
    app = make_app(load_walkthrough(bundled_content_dir() / f"{language}.yaml"))
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen = await first_long_page(app, pilot)
        page, hint = screen.current_page, screen.query_one(MoreHint)
        assert page.scroll_y == 0 and hint.region.width >= cell_len(words["more_below"]) + 2, "words and padding"
        await pilot.press("pagedown")
        await pilot.pause()
        by_key = page.scroll_y
        page.scroll_home(animate=False)
        await pilot.pause()
        await tap_hint(pilot, hint, on_words=True)
        assert page.scroll_y == by_key > 0, "a tap scrolls as far as PgDn"
        assert app.screen is screen and screen.current_page is page, "and does nothing else"
        taps = 1
        while hint.shown:
            await tap_hint(pilot, hint, on_words=taps % 2 == 0)
            taps += 1
            assert taps <= 20, "each tap goes further down"
        assert page.scroll_y == page.max_scroll_y, "at the end"
        assert words["more_below"] not in shown(app), "the hint has gone"
        at_end = page.scroll_y
        await tap_hint(pilot, hint, on_words=True)
        assert page.scroll_y == at_end and app.screen is screen, "a tap on the blank hint does nothing"


async def test_a_tap_on_more_below_scrolls_the_common_questions() -> None:
    app = make_app(load_walkthrough(BUNDLED))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("f")
        await pilot.pause(0.1)
        hint = app.screen.query_one(MoreHint)
        listing = app.screen.query_one("#faq-list")
        assert hint.shown and listing.scroll_y == 0
        await tap_hint(pilot, hint, on_words=True)
        assert 0 < listing.scroll_y < listing.max_scroll_y
        assert listing.scroll_y == pytest.approx(listing.scrollable_content_region.height, abs=1), "about a screen"
        for _ in range(40):
            if not hint.shown:
                break
            await tap_hint(pilot, hint, on_words=False)
        assert listing.scroll_y == listing.max_scroll_y and not hint.shown
        assert "More below" not in screen_text(app)
