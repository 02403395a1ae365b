"""The one list of pages: names, notes and overview entries come from it, and a new kind of page is one entry."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App, ComposeResult

from walkthrough.content import LoadedWalkthrough
from walkthrough.modes import app_for
from walkthrough.screens import pages
from walkthrough.screens.overview import OverviewScreen
from walkthrough.screens.page import Page
from walkthrough.screens.pages import PageKind, PageMaterials, page_entries, page_index_of, page_names, page_notes
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.settings import Settings
from walkthrough.ui import packaged_words
from walkthrough.widgets.text import PlainText

from .conftest import FakeClock
from .screen_helpers import flat, screen_text

NAMES = ["welcome", "step:one", "step:two", "step:three", "step:four", "visit", "course", "questions"]


def test_every_page_has_a_name_notes_and_an_entry(good_content: LoadedWalkthrough) -> None:
    walkthrough = good_content.walkthrough
    assert page_names(walkthrough) == NAMES
    notes = page_notes(walkthrough)
    assert len(notes) == len(NAMES)
    assert notes[0] == ("Welcome note for counsellors.",) and notes[5] == ()
    entries = page_entries(walkthrough)
    assert entries[0] == ("Hello", "") and entries[1] == ("1  First step", "The first summary.")
    assert [title for title, _ in entries[5:]] == ["Visit length", "Course length", "Questions"]


def test_a_page_is_found_by_name(good_content: LoadedWalkthrough) -> None:
    walkthrough = good_content.walkthrough
    assert page_index_of(walkthrough, "step:three") == 3
    assert page_index_of(walkthrough, "questions") == 7
    assert page_index_of(walkthrough, "step:gone") == 0
    assert page_index_of(walkthrough, "step:gone", fallback=4) == 4


class MapPage(Page):
    """A page of a kind the walkthrough does not have: where things are in the clinic."""

    def compose(self) -> ComposeResult:
        yield PlainText("Where things are", classes="heading")
        yield PlainText(self.words["next"], classes="body")


def _map_page(_part: str, _number: int, materials: PageMaterials) -> Page:
    return MapPage(materials.words)


MAP_KIND = PageKind(
    parts=lambda _walkthrough: ("map",),
    name=lambda part: part,
    build=_map_page,
    notes=lambda _part: ("Map note for counsellors.",),
    entry=lambda _part, _number: ("Clinic map", "Where things are."),
)


async def test_a_new_kind_of_page_is_one_entry(
    good_content: LoadedWalkthrough, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One entry more in the list, and the screen, the notes and the overview all have the page: no other change."""
    monkeypatch.setattr(pages, "PAGE_KINDS", [*pages.PAGE_KINDS[:-1], MAP_KIND, pages.PAGE_KINDS[-1]])
    assert page_names(good_content.walkthrough) == [*NAMES[:-1], "map", "questions"]
    app = app_for(good_content, Settings(good_content.source, mode="counsellor", clock=clock))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen) and screen.page_count == 9
        await pilot.pause()
        screen.page_index = 8  # the questions page, now the ninth
        await pilot.pause()
        await pilot.press("left")
        shown = flat(screen_text(app))
        assert "Where things are" in shown and "Map note for counsellors." in shown
        assert "Page 7 of 8" in shown
        await pilot.press("o")
        assert isinstance(app.screen, OverviewScreen)
        await pilot.pause()
        listed = flat(screen_text(app))
        assert "Clinic map" in listed and "Where things are." in listed
        await pilot.press("escape", "4")  # the digits still reach the steps
        assert screen.page_index == 4


class OneScreenApp(App[None]):
    """A bare app showing one walkthrough screen, to see what the screen posts up."""

    def __init__(self, screen: WalkthroughScreen) -> None:
        super().__init__()
        self.first = screen
        self.shown: list[tuple[str, int]] = []

    def on_mount(self) -> None:
        self.push_screen(self.first)

    def on_walkthrough_screen_page_shown(self, message: WalkthroughScreen.PageShown) -> None:
        self.shown.append((message.name, message.index))


async def test_the_screen_opens_on_a_named_page_and_says_which_page_shows(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    words = packaged_words("en")
    screen = WalkthroughScreen(good_content, words, clock=clock, page="step:two")
    app = OneScreenApp(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert screen.page_index == 2
        await pilot.press("right")
        await pilot.pause()
        assert app.shown == [("step:two", 2), ("step:three", 3)]
    assert WalkthroughScreen(good_content, words, clock=clock, page="step:gone").start_page == 0


async def test_only_the_auto_key_leaves_hands_free_reading_on(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    screen = WalkthroughScreen(good_content, packaged_words("en"), clock=clock, page=1)
    app = OneScreenApp(screen)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen.auto_reading = True
        screen.user_activity(events.Key("a", "a"))
        assert screen.auto_reading
        screen.user_activity(events.Key("down", None))
        assert not screen.auto_reading
