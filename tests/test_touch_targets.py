"""Buttons a finger can hit: their boxes on screen, measured, and a tap at each one's centre."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region

from walkthrough.app import WalkthroughApp
from walkthrough.content import load_walkthrough
from walkthrough.content.loader import load_languages
from walkthrough.widgets.nav import TouchButton, nav_columns, nav_layout

from .apps import make_app
from .conftest import FakeClock

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"

TALL_SIZES = [(80, 24), (120, 30), (43, 40), (39, 35)]
"""A desktop terminal, a wide one, and phones in the browser (about 39 to 43 columns): buttons three rows tall."""

SHORT_SIZE = (40, 15)
"""A small tablet's terminal: one-row buttons, but still apart."""

PLACES = {
    "welcome": [],
    "step": ["right", "right"],
    "questions": ["right"] * 7,
    "calm": ["right", "b"],
    "help": ["question_mark"],
    "faq": ["f"],
}
"""Every screen with buttons of its own, by the keys that reach it."""


def bundled_app(language: str = "en") -> WalkthroughApp:
    """The bundled walkthrough in ``language``, with every language on offer (so the welcome has its buttons)."""
    first = load_walkthrough(BUNDLED, language)
    languages, _ = load_languages(BUNDLED, first)
    return make_app(first, clock=FakeClock(), languages=languages)


def button_boxes(app: WalkthroughApp) -> dict[str, Region]:
    """Each button on show, by id: the part of its box (border included, margin not) not scrolled out of sight."""
    boxes = {}
    for button in app.screen.query(TouchButton):
        if button.display and button.visible and button.region:
            placed = app.screen.find_widget(button)
            seen = placed.region.intersection(placed.clip)
            if seen:
                boxes[button.id or ""] = seen
    return boxes


def clipped(app: WalkthroughApp) -> set[str]:
    """Buttons partly scrolled out of sight (a scroll brings the rest: their height is not measured)."""
    partly = set()
    for button in app.screen.query(TouchButton):
        if button.display and button.region:
            placed = app.screen.find_widget(button)
            if placed.region.intersection(placed.clip) != placed.region:
                partly.add(button.id or "")
    return partly


def gap(first: Region, second: Region) -> int:
    """Blank cells between two boxes, across or down (0 if they touch or overlap)."""
    across = max(second.x - first.right, first.x - second.right)
    down = max(second.y - first.bottom, first.y - second.bottom)
    return max(across, down, 0)


def edge_gap(box: Region, width: int, height: int) -> int:
    """Blank cells between a box and the nearest edge of a screen ``width`` by ``height``."""
    return min(box.x, box.y, width - box.right, height - box.bottom)


def spacing_problems(
    boxes: dict[str, Region], size: tuple[int, int], *, min_height: int, partly: set[str] = frozenset()
) -> list[str]:
    """Every way the buttons are too small, touch each other, or touch the screen's edge."""
    problems = [
        f"{name} is {box.height} rows" for name, box in boxes.items() if box.height < min_height and name not in partly
    ]
    names = sorted(boxes)
    for index, name in enumerate(names):
        problems += [f"{name} touches {other}" for other in names[index + 1 :] if gap(boxes[name], boxes[other]) < 1]
        if edge_gap(boxes[name], *size) < 1:
            problems.append(f"{name} touches the edge: {boxes[name]}")
    return problems


async def show(app: WalkthroughApp, pilot: object, keys: list[str]) -> None:
    """Press ``keys`` and let the screen settle; a quick check a Next opens is skipped (test_checks.py answers them)."""
    for key in keys:
        await pilot.press(key)  # type: ignore[attr-defined]
        await pilot.pause()  # type: ignore[attr-defined]
        if app.screen.id == "check-screen":
            await pilot.press("escape")  # type: ignore[attr-defined]
            await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [*TALL_SIZES, SHORT_SIZE], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_every_button_is_tall_enough_and_apart(size: tuple[int, int], language: str) -> None:
    app = bundled_app(language)
    min_height = 1 if size == SHORT_SIZE else 3
    async with app.run_test(size=size) as pilot:
        for place, keys in PLACES.items():
            await show(app, pilot, keys)
            boxes = button_boxes(app)
            assert boxes, place
            problems = spacing_problems(boxes, size, min_height=min_height, partly=clipped(app))
            assert problems == [], (place, boxes)
            await show(app, pilot, ["escape"] if place in ("calm", "help", "faq") else ["home"])


@pytest.mark.parametrize("size", [*TALL_SIZES, SHORT_SIZE], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_tap_at_each_buttons_centre_runs_its_action(size: tuple[int, int]) -> None:
    app = bundled_app()
    ran: list[str] = []

    async def record(action: str, *args: object, **kwargs: object) -> None:
        ran.append(action)

    async with app.run_test(size=size) as pilot:
        await show(app, pilot, ["right"])
        app.run_action = record  # type: ignore[method-assign, assignment]
        buttons = [button for button in app.screen.query(TouchButton) if button.region]
        assert len(buttons) >= 5
        for button in buttons:
            box = button.region
            await pilot.click(offset=(box.x + box.width // 2, box.y + box.height // 2))
            await pilot.pause()
            assert ran[-1:] == [button.action], button.id


@pytest.mark.parametrize("size", [(43, 40), SHORT_SIZE], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_a_tap_on_next_turns_the_page_on_a_phone(size: tuple[int, int]) -> None:
    app = bundled_app("es")
    async with app.run_test(size=size) as pilot:
        await show(app, pilot, [])
        for expected in (1, 2):
            box = app.screen.query_one("#next").region
            await pilot.click(offset=(box.x + box.width // 2, box.y + box.height // 2))
            await pilot.pause(0.3)  # past the pressed look, which ignores a second tap
            if (
                app.screen.id == "check-screen"
            ):  # a step's quick check: skipped with a tap (test_checks.py answers them)
                await pilot.click("#skip")
                await pilot.pause(0.3)
            assert app.screen.page_index == expected  # type: ignore[attr-defined]


def test_buttons_go_in_as_few_rows_as_their_labels_allow() -> None:
    english = [6, 7, 4, 9, 6, 6]  # ← Back, Breathe, Auto, Questions, Help ?, Next →
    spanish = [7, 8, 4, 9, 7, 11]
    assert nav_columns(english, 80, border=2) == 6
    assert nav_columns(spanish, 80, border=2) == 6
    assert nav_columns(spanish, 43, border=2) == 3
    assert nav_columns(spanish, 40, border=2) == 2, "a label never folds: fewer columns instead"
    assert nav_columns(spanish, 40, border=0) == 3
    assert nav_columns(english[:5], 30, border=2) == 2
    assert nav_layout(spanish, 39, short=False) == (3, 0), "a fill instead of a border: two rows, not three"
    assert nav_layout(english, 39, short=False) == (3, 2)
    assert nav_layout(spanish, 80, short=False) == (6, 2)
