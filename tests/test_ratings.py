"""The two calm ratings (screens/rating.py) and the anonymous row each ended session writes (session_end.py)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from walkthrough.app import WalkthroughApp
from walkthrough.content import LoadedWalkthrough, load_walkthrough
from walkthrough.content.loader import load_languages
from walkthrough.modes import app_for
from walkthrough.modes.kiosk import KioskApp
from walkthrough.screens.rating import RatingScreen
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.settings import Asked, settings_for
from walkthrough.store import writer

from .apps import KIOSK_DEFAULTS
from .conftest import FakeClock
from .test_touch_targets import button_boxes, clipped, spacing_problems

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"
LAST_PAGE = 7
"""The fixture walkthrough's last page (welcome, four steps, the visit, the course, the questions)."""
SIZES = [(80, 24), (40, 15)]

WORDS = {
    "en": ("How anxious do you feel right now?", "You chose 7."),
    "es": ("¿Cuánta ansiedad siente en este momento?", "Eligió 7."),
}


def app_with(
    content: LoadedWalkthrough,
    store: Path | None,
    *,
    kiosk: bool = False,
    counsellor: bool = False,
    languages: Mapping[str, LoadedWalkthrough] | None = None,
    log: logging.Logger | None = None,
) -> WalkthroughApp:
    """An app as the command line makes it with ``--store store`` (None: the store off)."""
    asked = Asked(content.source, kiosk=kiosk, counsellor=counsellor, store=store)
    settings = settings_for(asked, content.clinic, clock=FakeClock())
    if kiosk:
        settings = settings._replace(**KIOSK_DEFAULTS)
    return app_for(content, settings, languages=languages, log=log or logging.getLogger("walkthrough.tests"))


def bundled(language: str, store: Path) -> WalkthroughApp:
    first = load_walkthrough(BUNDLED, language)
    languages, _ = load_languages(BUNDLED, first)
    return app_with(first, store, languages=languages)


def rows(store: Path) -> list[dict[str, Any]]:
    """Every row of the store, as column name to value."""
    connection = sqlite3.connect(store)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute("SELECT * FROM sessions")]
    finally:
        connection.close()


def rating(app: WalkthroughApp) -> RatingScreen:
    screen = app.screen
    assert isinstance(screen, RatingScreen), screen
    return screen


def page(app: WalkthroughApp) -> int:
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen), screen
    return screen.page_index


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.pause()


async def tap(pilot: Pilot[None], selector: str) -> None:
    await pilot.click(selector)
    await pilot.pause(0.3)  # past the pressed look, which ignores a second tap


async def walk_to_end(pilot: Pilot[None], app: WalkthroughApp) -> None:
    """Next to the last page, skipping the first rating (and any check) on the way."""
    while not isinstance(app.screen, RatingScreen) or rating(app).moment == "before":
        await press(pilot, "escape" if app.screen.id in ("rating-screen", "check-screen") else "right")


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "clinic" / "store.sqlite"


# The ratings.


async def test_the_first_rating_opens_after_the_welcome_and_takes_a_key(
    good_content: LoadedWalkthrough, store: Path
) -> None:
    app = app_with(good_content, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "right")
        screen = rating(app)
        assert screen.moment == "before"
        assert app.session.rating_before is None
        await press(pilot, "7")
        assert app.session.rating_before == 7
        assert screen.query_one("#rate-7").has_class("-chosen")
        assert str(screen.query_one("#rate-7").render()) == "✓7", "the choice shows without colour"
        await press(pilot, "enter")
        assert page(app) == 1
        assert app.session.rating_before == 7
    assert [(row["rating_before"], row["rating_after"], row["furthest_page"]) for row in rows(store)] == [(7, None, 1)]


async def test_a_rating_by_tap_can_be_changed_before_moving_on(good_content: LoadedWalkthrough, store: Path) -> None:
    app = app_with(good_content, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "right")
        await tap(pilot, "#rate-3")
        assert app.session.rating_before == 3
        await press(pilot, "right", "right")  # → changes a number once one is chosen
        assert app.session.rating_before == 5
        await press(pilot, "left")
        assert app.session.rating_before == 4
        await tap(pilot, "#rate-9")
        assert app.session.rating_before == 9
        chosen = [button.id for button in rating(app).query(".rate") if button.has_class("-chosen")]
        assert chosen == ["rate-9"]
        await tap(pilot, "#rating-next")
        assert page(app) == 1
    assert rows(store)[0]["rating_before"] == 9


async def test_ten_is_typed_as_it_is_written(good_content: LoadedWalkthrough, store: Path) -> None:
    app = app_with(good_content, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "right", "1", "0")
        assert app.session.rating_before == 10
        assert str(rating(app).query_one("#rate-10").render()) == "✓10"
        await press(pilot, "1")
        assert isinstance(app.clock, FakeClock)
        app.clock.advance(5)  # a 0 long after the 1 is a 0
        await press(pilot, "0")
        assert app.session.rating_before == 0
        await press(pilot, "right", "right", "right")
        assert app.session.rating_before == 3


@pytest.mark.parametrize("how", ["escape", "tap"])
async def test_a_rating_can_be_skipped_even_after_a_number(
    good_content: LoadedWalkthrough, store: Path, how: str
) -> None:
    app = app_with(good_content, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "right", "6")
        if how == "tap":
            await tap(pilot, "#rating-skip")
        else:
            await press(pilot, "escape")
        assert page(app) == 1
        assert app.session.rating_before is None
        await press(pilot, "left", "right")  # asked once: never again in this session
        assert page(app) == 1
    assert rows(store)[0]["rating_before"] is None


async def test_next_keys_go_on_and_never_pick_a_number(good_content: LoadedWalkthrough, store: Path) -> None:
    app = app_with(good_content, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "right", "right")  # a keyboard walker is never held, and never rates by accident
        assert page(app) == 1
        await press(pilot, "right")
        assert page(app) == 2
        assert app.session.rating_before is None


async def test_hands_free_reading_is_never_stopped_for_a_rating(good_content: LoadedWalkthrough, store: Path) -> None:
    app = app_with(good_content, store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        await press(pilot, "a")
        screen.turn_page()
        await pilot.pause()
        assert app.screen is screen and screen.auto_reading


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("language", ["en", "es"])
async def test_both_ratings_in_each_language_and_size(language: str, size: tuple[int, int], store: Path) -> None:
    app = bundled(language, store)
    question, chosen = WORDS[language]
    async with app.run_test(size=size) as pilot:
        await press(pilot, "right")
        screen = rating(app)
        assert str(screen.query_one("#rating-question").render()) == question
        assert len(button_boxes(app)) == 13, "eleven numbers, Skip and Next, all on screen"
        min_height = 1 if size == (40, 15) else 3
        assert spacing_problems(button_boxes(app), size, min_height=min_height, partly=clipped(app)) == []
        rows_of_numbers = {box.y for name, box in button_boxes(app).items() if name.startswith("rate-")}
        assert len(rows_of_numbers) == (1 if size[0] >= 70 else 2)
        await tap(pilot, "#rate-7")
        assert str(screen.query_one("#rating-chosen").render()) == chosen
        await tap(pilot, "#rating-next")
        await walk_to_end(pilot, app)
        end = rating(app)
        assert end.moment == "after"
        await press(pilot, "2", "enter")
        assert isinstance(app.screen, WalkthroughScreen)
        assert app.screen.page_index == app.screen.page_count - 1
        assert (app.session.rating_before, app.session.rating_after) == (7, 2)
    [row] = rows(store)
    assert (row["language"], row["rating_before"], row["rating_after"]) == (language, 7, 2)


# One row for each ended session.


async def test_the_end_writes_the_row_once(good_content: LoadedWalkthrough, store: Path) -> None:
    app = app_with(good_content, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "right", "4", "enter")
        await walk_to_end(pilot, app)
        await press(pilot, "1", "enter")  # the end rating given: the walk is over
        await press(pilot, "left", "right")  # back and forth after the end: asked and written once
        assert page(app) == LAST_PAGE
    [row] = rows(store)
    assert (row["rating_before"], row["rating_after"], row["furthest_page"], row["page_count"]) == (4, 1, 7, 8)
    assert row["mode"] == "patient" and row["language"] == "en"


async def test_start_again_writes_the_row_and_starts_a_new_session(
    good_content: LoadedWalkthrough, store: Path
) -> None:
    app = app_with(good_content, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "right", "8", "enter", "right")
        first = app.session
        app.action_start_again()
        await pilot.pause()
        assert app.session is not first and app.session.is_empty
        await press(pilot, "right")
        assert rating(app).moment == "before", "a new session is asked again"
        await press(pilot, "3", "enter")
    assert sorted((row["rating_before"], row["furthest_page"]) for row in rows(store)) == [(3, 1), (8, 2)]


async def test_a_kiosk_fresh_start_writes_the_row(good_content: LoadedWalkthrough, store: Path) -> None:
    app = app_with(good_content, store, kiosk=True)
    assert isinstance(app, KioskApp)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "right", "5", "enter", "right", "right")
        await app.fresh_start()
        await pilot.pause()
        assert app.session.is_empty
        await app.fresh_start()  # an untouched fresh start has nothing to write
        await pilot.pause()
    [row] = rows(store)
    assert (row["mode"], row["rating_before"], row["furthest_page"]) == ("kiosk", 5, 3)


async def test_quitting_writes_the_row(good_content: LoadedWalkthrough, store: Path) -> None:
    app = app_with(good_content, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "right", "escape", "right")
        await press(pilot, "q")
        assert not app.is_running
    [row] = rows(store)
    assert (row["rating_before"], row["rating_after"], row["furthest_page"]) == (None, None, 2)


async def test_a_served_tab_is_stored_as_served(
    good_content: LoadedWalkthrough, store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A tab closed ends its app process (a quit, or SIGTERM: the same exit path as quitting)."""
    monkeypatch.setattr(WalkthroughApp, "is_web", property(lambda app: True))
    app = app_with(good_content, store, kiosk=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "right", "2", "enter")
        app.exit_on_signal(15)
        await pilot.pause()
    [row] = rows(store)
    assert (row["mode"], row["rating_before"]) == ("served", 2)


async def test_nothing_is_asked_or_written_without_the_store(good_content: LoadedWalkthrough, tmp_path: Path) -> None:
    app = app_with(good_content, None)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(LAST_PAGE):
            await press(pilot, "right")
            assert isinstance(app.screen, WalkthroughScreen)
        app.action_start_again()
        await pilot.pause()
    assert list(tmp_path.rglob("*")) == []


async def test_a_counsellors_talk_asks_nothing_and_writes_nothing(good_content: LoadedWalkthrough, store: Path) -> None:
    app = app_with(good_content, store, counsellor=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await press(pilot, "right", "right")
        assert isinstance(app.screen, WalkthroughScreen)
    assert not store.exists()


async def test_a_session_with_nothing_done_writes_nothing(good_content: LoadedWalkthrough, store: Path) -> None:
    app = app_with(good_content, store, kiosk=True)
    assert isinstance(app, KioskApp)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "c")  # the look changed, nothing done in the walk
        await app.fresh_start()
        await pilot.pause()
    assert not store.exists()


async def test_a_store_that_fails_never_disturbs_the_patient(
    good_content: LoadedWalkthrough, store: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    store.parent.mkdir()
    sqlite3.connect(store).close()
    monkeypatch.setattr(
        writer, "connect", lambda path: sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    )  # a read-only file (root writes through file permissions)
    app = app_with(good_content, store)
    with caplog.at_level(logging.WARNING, "walkthrough"):
        async with app.run_test(size=(80, 24)) as pilot:
            await press(pilot, "right", "6", "enter", "right")
            app.action_start_again()
            await pilot.pause()
            await press(pilot, "right")
            assert rating(app).moment == "before", "the app goes on as ever"
            app.session_tracker.end("test", wait=True)  # the write's thread has finished
            assert app.is_running and app.fault_total == 0
    assert "not stored" in caplog.text and "readonly" in caplog.text
