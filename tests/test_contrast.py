"""Every piece of text the app draws, in both themes and with NO_COLOR, meets WCAG AA contrast (4.5:1)."""

from __future__ import annotations

import pytest

from walkthrough.content import LoadedWalkthrough
from walkthrough.themes import CALM, HIGH_CONTRAST

from .apps import make_app
from .screen_helpers import flat, low_contrast_text, screen_text

PAGES = 8


@pytest.mark.parametrize("theme", [CALM.name, HIGH_CONTRAST.name])
async def test_all_text_on_every_page_meets_aa_contrast(good_content: LoadedWalkthrough, theme: str) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        for _ in range(PAGES):
            await pilot.pause()
            assert low_contrast_text(app) == [], f"page {app.screen.page_index}"  # type: ignore[attr-defined]
            await pilot.press("right")
        await pilot.press("question_mark")
        await pilot.pause()
        assert low_contrast_text(app) == []
        await pilot.press("escape", "a")
        await pilot.pause()
        assert low_contrast_text(app) == [], "hands-free reading"
        await pilot.press("b")
        await pilot.pause(0.2)
        assert low_contrast_text(app) == [], "calming mode"
        await pilot.press("space")
        await pilot.pause()
        assert low_contrast_text(app) == [], "calming mode, paused"


@pytest.mark.parametrize("theme", [CALM.name, HIGH_CONTRAST.name])
async def test_hovered_button_keeps_contrast(good_content: LoadedWalkthrough, theme: str) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = theme
        for button in ("#next", "#back", "#help"):
            await pilot.hover(button)
            await pilot.pause()
            assert low_contrast_text(app) == []


async def test_no_color_keeps_every_text_readable(
    good_content: LoadedWalkthrough, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(good_content)
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(PAGES):
            await pilot.pause()
            assert low_contrast_text(app) == []
            await pilot.press("right")
        assert "Questions" in flat(screen_text(app))


@pytest.mark.parametrize("size", [(80, 24), (40, 15)], ids=["bordered", "filled"])
@pytest.mark.parametrize("theme", [CALM.name, HIGH_CONTRAST.name])
async def test_every_button_state_keeps_contrast(
    good_content: LoadedWalkthrough, theme: str, size: tuple[int, int]
) -> None:
    """Pressed, chosen (a toggle that is on) and disabled, with a border (tall screens) and with a fill (short ones)."""
    app = make_app(good_content)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        screen = app.screen
        assert screen.query_one("#back").disabled, "Back on the welcome page"
        for pressed in ("#next", "#help"):
            screen.query_one(pressed).add_class("-active")
        screen.query_one("#auto").add_class("-chosen")
        screen.query_one("#contrast").add_class("-chosen")
        await pilot.pause()
        assert low_contrast_text(app) == []
        for button in ("#next", "#help"):
            screen.query_one(button).remove_class("-active")
        await pilot.press(*["right"] * PAGES)
        await pilot.pause()
        assert screen.query_one("#next").disabled and screen.query_one("#auto").disabled, "the last page"
        assert low_contrast_text(app) == []
