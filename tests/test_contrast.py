"""Every piece of text the app draws, in both themes and with NO_COLOR, meets WCAG AA contrast (4.5:1)."""

from __future__ import annotations

import pytest

from walkthrough.app import WalkthroughApp
from walkthrough.content import LoadedWalkthrough
from walkthrough.themes import CALM, HIGH_CONTRAST

from .screen_helpers import flat, low_contrast_text, screen_text

PAGES = 8


@pytest.mark.parametrize("theme", [CALM.name, HIGH_CONTRAST.name])
async def test_all_text_on_every_page_meets_aa_contrast(good_content: LoadedWalkthrough, theme: str) -> None:
    app = WalkthroughApp(good_content)
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
    app = WalkthroughApp(good_content)
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
    app = WalkthroughApp(good_content)
    assert app.no_color
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(PAGES):
            await pilot.pause()
            assert low_contrast_text(app) == []
            await pilot.press("right")
        assert "Questions" in flat(screen_text(app))
