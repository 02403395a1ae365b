"""What the first frame waits for, and what it leaves until after: modules, stylesheets, the buttons' own widget."""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.css.stylesheet import Stylesheet

from walkthrough import startup
from walkthrough.app import WalkthroughApp
from walkthrough.content import LoadedWalkthrough
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.stylesheets import FOLDER, FOR_COUNSELLOR, FOR_FIRST_SCREEN, for_other_screens, stylesheet
from walkthrough.widgets.nav import TouchButton

from .apps import make_app
from .screen_helpers import screen_text

FIRST_FRAME_PROBE = """
import asyncio, sys
from walkthrough.app import WalkthroughApp
from walkthrough.content.files import bundled_content_dir
from walkthrough.content.ready import load_ready

class Probe(WalkthroughApp):
    def on_ready(self):
        ours = sorted(name for name in sys.modules if name.startswith("walkthrough."))
        sheets = sorted(path.rsplit("/", 1)[-1] for path, _ in self.stylesheet.source if path.endswith(".tcss"))
        print("modules", *ours)
        print("stylesheets", *sheets)
        super().on_ready()

async def main():
    async with Probe(load_ready(bundled_content_dir(), None).first).run_test() as pilot:
        await pilot.pause()

asyncio.run(main())
"""


def first_frame(tmp_path: Path) -> dict[str, list[str]]:
    """The walkthrough modules loaded and the stylesheets read when a patient's first frame is out (a fresh process)."""
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE], capture_output=True, text=True, timeout=60, check=True, cwd=tmp_path
    )
    lines = [line.split() for line in result.stdout.splitlines() if line.startswith(("modules", "stylesheets"))]
    return {words[0]: words[1:] for words in lines}


def test_a_patients_first_frame_loads_only_what_it_shows(tmp_path: Path) -> None:
    shown = first_frame(tmp_path)
    modules = set(shown["modules"])
    assert {"walkthrough.screens.walkthrough", "walkthrough.screens.welcome", "walkthrough.widgets.nav"} <= modules
    # The other pages, the other screens (the footer asks whether "Questions" may act, and must not
    # import that screen to answer) and counsellor mode all wait.
    for later in (
        "screens.step",
        "screens.timeline",
        "screens.questions",
        "screens.faq",
        "screens.calm",
        "screens.help",
    ):
        assert f"walkthrough.{later}" not in modules
    assert "walkthrough.widgets.counsellor" not in modules
    assert shown["stylesheets"] == [FOR_FIRST_SCREEN]


def test_every_stylesheet_is_read_by_someone() -> None:
    import importlib
    import inspect

    from textual.screen import Screen

    from walkthrough.startup import other_screens

    assert stylesheet(FOR_FIRST_SCREEN) == WalkthroughApp.CSS_PATH
    assert {FOR_FIRST_SCREEN, FOR_COUNSELLOR} <= {path.name for path in FOLDER.glob("*.tcss")}
    # Each other stylesheet is named by a screen, by the full path Textual compares (so it is never read twice).
    import pkgutil

    import walkthrough

    screen_modules = [f"walkthrough.screens.{name}" for name in other_screens()] + [
        module.name
        for module in pkgutil.walk_packages(walkthrough.__path__, "walkthrough.")
        if module.name.endswith(".screens") and module.name != "walkthrough.screens"
    ]
    named = set()
    for module_name in screen_modules:
        module = importlib.import_module(module_name)
        for _, thing in inspect.getmembers(module, inspect.isclass):
            if issubclass(thing, Screen) and thing.__module__ == module.__name__ and "CSS_PATH" in vars(thing):
                named.add(thing.CSS_PATH)
    assert named == {stylesheet(name) for name in for_other_screens()}
    assert all(Path(path).is_absolute() and ".." not in Path(path).parts for path in named)


async def test_opening_the_other_screens_reparses_and_restyles_nothing(
    good_content: LoadedWalkthrough, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):  # the other stylesheets are read just after the first frame
            await pilot.pause(0.02)
            if all(app.stylesheet.has_source(str(stylesheet(name))) for name in for_other_screens()):
                break
        else:
            pytest.fail("the other screens' stylesheets were not read after the first frame")
        reparsed: list[object] = []
        original = Stylesheet.reparse
        monkeypatch.setattr(Stylesheet, "reparse", lambda sheet: (reparsed.append(sheet), original(sheet)))
        # Each screen is styled by its own file: calm.tcss, help.tcss, lists.tcss.
        for key, widget_id, styled in (
            ("b", "#calm-choices", lambda styles: styles.align_horizontal == "center"),
            ("question_mark", "#help-panel", lambda styles: styles.width.value == 60),
            ("f", "#faq-list", lambda styles: styles.scrollbar_size_vertical == 1),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, WalkthroughScreen), key
            assert styled(app.screen.query_one(widget_id).styles), widget_id
            await pilot.press("escape")
            await pilot.pause()
        assert reparsed == []
        assert isinstance(app.screen, WalkthroughScreen)


async def test_the_counsellor_stylesheet_is_read_only_in_counsellor_mode(good_content: LoadedWalkthrough) -> None:
    counsellor = stylesheet(FOR_COUNSELLOR)
    patient_app = make_app(good_content)
    async with patient_app.run_test(size=(80, 24)):
        assert not patient_app.stylesheet.has_source(str(counsellor))
    counsellor_app = make_app(good_content, counsellor=True)
    async with counsellor_app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert counsellor_app.stylesheet.has_source(str(counsellor))
        talk_clock = counsellor_app.screen.query_one("#talk-clock")
        assert talk_clock.styles.width is not None and talk_clock.styles.width.is_auto


async def test_a_disabled_or_just_pressed_button_does_nothing(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        assert app.query_one("#back", TouchButton).disabled
        await pilot.click("#back")
        await pilot.pause()
        assert screen.page_index == 0
        next_button = app.query_one("#next", TouchButton)
        next_button.add_class("-active")  # still showing the last tap: a second one is not a second turn
        await pilot.click("#next")
        await pilot.pause()
        assert screen.page_index == 0
        next_button.remove_class("-active")
        await pilot.click("#next")
        await pilot.pause()
        assert screen.page_index == 1
        assert next_button.has_class("-active")  # shows the press for a moment
        await pilot.pause(0.3)
        assert not next_button.has_class("-active")


class OneButton(App[None]):
    """A button whose label looks like markup, and counts its presses."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield TouchButton("[b]Go[/b] \\[on]", "app.count", id="go")

    def action_count(self) -> None:
        self.presses += 1


async def test_a_buttons_label_is_literal_and_a_tap_runs_its_action() -> None:
    app = OneButton()
    async with app.run_test(size=(40, 5)) as pilot:
        assert "[b]Go[/b] \\[on]" in screen_text(app)
        await pilot.click("#go")
        await pilot.pause()
        assert app.presses == 1
        button = app.query_one(TouchButton)
        button.label = "Again [i]"
        await pilot.pause()
        assert "Again [i]" in screen_text(app)
        assert not button.can_focus


async def test_the_collector_comes_back_on_even_if_loading_the_rest_fails(
    good_content: LoadedWalkthrough, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unreadable(app: WalkthroughApp) -> None:
        raise OSError("a stylesheet could not be read")

    monkeypatch.setattr(startup, "load_other_stylesheets", unreadable)
    gc.disable()  # as `walkthrough` starts the app
    try:
        app = make_app(good_content)
        with pytest.raises(OSError):
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause(0.2)
        assert gc.isenabled()
    finally:
        gc.enable()
