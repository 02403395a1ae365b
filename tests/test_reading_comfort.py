"""Reading comfort: hanging bullets, where you are in the walk, drawings on a small screen, a toggle's state."""

from __future__ import annotations

import pytest

from walkthrough.app import WalkthroughApp
from walkthrough.themes import CALM, HIGH_CONTRAST
from walkthrough.widgets.nav import TouchButton
from walkthrough.widgets.text import BulletList, hung_lines

from .screen_helpers import flat, screen_text
from .test_touch_targets import bundled_app, show

LONG_BULLET = "You may feel as if you are apart from your body."
"""A bullet of the bundled infusion step that wraps at 40 columns."""


def test_hung_lines_start_under_the_text_not_the_bullet() -> None:
    lines = hung_lines(("one two three four five six", "seven"), 12).plain.split("\n")
    assert lines == ["• one two", "  three four", "  five six", "• seven"]


@pytest.mark.parametrize("size", [(40, 15), (43, 40), (80, 24)], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_long_bullets_second_line_starts_at_its_texts_column(size: tuple[int, int]) -> None:
    app = bundled_app()
    async with app.run_test(size=size) as pilot:
        await show(app, pilot, ["right", "right"])
        bullets = next(bullet for bullet in app.screen.query(BulletList) if LONG_BULLET in " ".join(bullet.items))
        bullets.scroll_visible(animate=False)
        await pilot.pause()
        lines = screen_text(app).splitlines()
        first = next(index for index, line in enumerate(lines) if "• You may feel" in line)
        text_column = lines[first].index("• You") + 2
        second = lines[first + 1]
        assert second[:text_column].strip("▁▂▃▄▅▆▇█▉▊▋▌▍▎▏▐ ") == "", second
        assert second[text_column] != " ", f"{lines[first]!r} / {second!r}"


async def test_every_page_after_the_welcome_says_where_it_is_in_the_walk() -> None:
    for language, words in (("en", "Page {} of 7"), ("es", "Página {} de 7")):
        app = bundled_app(language)
        async with app.run_test(size=(80, 24)) as pilot:
            await show(app, pilot, [])
            assert words.format(1) not in screen_text(app), "the welcome is the cover, not a page of the walk"
            for number in range(1, 8):
                await show(app, pilot, ["right"])
                assert words.format(number) in screen_text(app), number


@pytest.mark.parametrize("language", ["en", "es"])
async def test_visit_and_course_show_their_drawing_on_a_small_tablet(language: str) -> None:
    app = bundled_app(language)
    async with app.run_test(size=(40, 15)) as pilot:
        await show(app, pilot, ["right"] * 5)
        visit = flat(screen_text(app))
        stages = app.content.walkthrough.visit.timeline
        assert f"{stages[0].label} →" in visit, "the visit drawn across, near the top"
        assert all(stage.label in visit for stage in stages), visit
        await show(app, pilot, ["right"])
        course = screen_text(app)
        assert "1: ● ·" in flat(course) and "2: ●" in flat(course), "the whole calendar, before More below"


async def test_the_welcome_sits_where_the_steps_do_on_a_wide_screen() -> None:
    app = bundled_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await show(app, pilot, [])
        welcome_x = app.screen.query_one("#page-0 .heading").region.x
        await show(app, pilot, ["right"])
        step_x = app.screen.query_one("#page-1 .heading").region.x
        assert welcome_x == step_x > 10


@pytest.mark.parametrize(
    ("language", "off", "on"),
    [("en", "High contrast: off", "High contrast: on"), ("es", "Alto contraste: no", "Alto contraste: sí")],
)
async def test_high_contrast_button_says_whether_it_is_on(language: str, off: str, on: str) -> None:
    app = bundled_app(language)
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, [])
        button = app.screen.query_one("#contrast", TouchButton)
        assert button.label.plain == off and not button.has_class("-chosen")
        await pilot.click("#contrast")
        await pilot.pause()
        assert app.theme == HIGH_CONTRAST.name
        assert button.label.plain == on and button.has_class("-chosen")
        assert on in screen_text(app)
        await pilot.press("c")  # the key, not the button: the button still follows
        await pilot.pause()
        assert app.theme == CALM.name and button.label.plain == off and not button.has_class("-chosen")


async def test_a_fresh_welcome_in_high_contrast_says_on() -> None:
    app = bundled_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await show(app, pilot, ["c", "l"])  # a language switch builds a new welcome page
        button = app.screen.query_one("#contrast", TouchButton)
        assert isinstance(app, WalkthroughApp) and app.content.language == "es"
        assert button.label.plain == "Alto contraste: sí"
