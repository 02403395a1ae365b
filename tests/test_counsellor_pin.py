"""Counsellor mode behind the staff PIN (``--pin-first``, what ``walkthrough serve`` starts on /counsellor).

No note may exist before the right PIN: not drawn, not in the widget tree,
not on a screen waiting in another mode. Wrong tries lock the prompt, shared
by every app given the same tries file (every tab of one server).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from walkthrough.cli import main
from walkthrough.content import LoadedWalkthrough
from walkthrough.modes.pin_first import PinFirstApp
from walkthrough.pin import LOCK_SECONDS, MAX_TRIES, hash_pin
from walkthrough.pin_shared import SharedPinGuard
from walkthrough.screens.faq import FaqScreen
from walkthrough.screens.overview import OverviewScreen
from walkthrough.screens.staff import StaffPinScreen
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.settings import Settings

from .conftest import GOOD, FakeClock, write_content
from .screen_helpers import flat, screen_text
from .test_counsellor import NOTES, tree_text

PIN = "2468"
PIN_HASH = hash_pin(PIN)


def gate_app(content: LoadedWalkthrough, clock: FakeClock, tries_file: Path | None = None) -> PinFirstApp:
    settings = Settings(
        content.source,
        mode="counsellor",
        pin_first=True,
        staff_pin_hash=PIN_HASH,
        pin_tries_file=tries_file,
        clock=clock,
    )
    return PinFirstApp(content, settings)


def every_text(app: PinFirstApp) -> str:
    """What is drawn, and every text held by any screen of any mode (shown or waiting)."""
    parts = [screen_text(app)]
    for stack in app._screen_stacks.values():
        parts += [tree_text(screen) for screen in stack]
    return "\n".join(parts)


def assert_no_notes(app: PinFirstApp) -> None:
    text = every_text(app)
    assert not any(note in text for note in NOTES), "a note exists before the right PIN"
    assert not any(isinstance(screen, WalkthroughScreen) for stack in app._screen_stacks.values() for screen in stack)


async def type_pin(pilot: Pilot[None], pin: str) -> None:
    await pilot.press(*pin, "enter")
    await pilot.pause()


async def test_the_prompt_comes_first_and_the_right_pin_opens_the_notes(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = gate_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StaffPinScreen)
        assert app.focused is app.screen.query_one("#pin", Input)
        shown = flat(screen_text(app))
        assert "Staff only" in shown and "Open the notes" in shown and "Close the app" not in shown
        assert_no_notes(app)
        await pilot.press(*PIN)
        assert PIN not in screen_text(app), "the PIN must not be shown as it is typed"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)
        assert "Welcome note for counsellors." in flat(screen_text(app))
        assert len(app.screen_stack) == 1, "the prompt and the screen under it are gone"
        await pilot.press("right", "right")
        assert "Second note for counsellors." in flat(screen_text(app))
        await pilot.press("o")  # counsellor actions work once it is open
        await pilot.pause()
        assert isinstance(app.screen, OverviewScreen)


async def test_wrong_pins_draw_no_notes_and_lock_after_three(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = gate_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, StaffPinScreen)
        await type_pin(pilot, "1111")
        assert "Tries left: 2" in flat(screen_text(app))
        assert_no_notes(app)
        for wrong in ("2222", "3333"):
            await type_pin(pilot, wrong)
        assert f"Seconds left: {LOCK_SECONDS:.0f}" in flat(screen_text(app))
        assert prompt.query_one("#pin", Input).disabled
        # Locked, the field has no focus: the app's keys must still do nothing (questions would show notes).
        for key in ("f", "o", "question_mark", "b", "h", "t", "1", "right"):
            await pilot.press(key)
        await pilot.pause()
        assert app.screen is prompt and not any(isinstance(s, FaqScreen) for s in app.screen_stack)
        await type_pin(pilot, PIN)  # not even tried while locked
        assert_no_notes(app)
        clock.advance(LOCK_SECONDS)
        prompt.tick()
        await pilot.pause()
        await type_pin(pilot, PIN)
        await pilot.pause()
        assert "Welcome note for counsellors." in flat(screen_text(app))


async def test_cancel_ends_the_app_with_no_notes_drawn(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = gate_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await type_pin(pilot, "1111")
        await pilot.press("escape")
        await pilot.pause()
        assert_no_notes(app)
    assert app.return_code == 0 and not app.is_running


async def test_wrong_tries_are_shared_by_every_tab(tmp_path: Path, good_content: LoadedWalkthrough) -> None:
    """Reloading the page (a new app) must not give a fresh count: the tries file is the server's, for all tabs."""
    clock = FakeClock()
    tries = tmp_path / "tries"
    first = SharedPinGuard(PIN_HASH, clock, tries)
    second = SharedPinGuard(PIN_HASH, clock, tries)
    assert first.attempt("1111").tries_left == MAX_TRIES - 1
    assert second.attempt("2222").tries_left == MAX_TRIES - 2
    assert first.attempt("3333").outcome == "locked"
    assert second.seconds_locked() == LOCK_SECONDS
    assert SharedPinGuard(PIN_HASH, clock, tries).attempt(PIN).outcome == "locked", "a new tab is locked too"
    assert PIN not in tries.read_text() and PIN_HASH not in tries.read_text()
    assert tries.stat().st_mode & 0o077 == 0, "only the server's user may read it"
    clock.advance(LOCK_SECONDS)
    assert second.attempt(PIN).outcome == "ok"
    # And a new app on the same file starts locked when the others locked it.
    for wrong in ("1111", "2222", "3333"):
        first.attempt(wrong)
    app = gate_app(good_content, clock, tries_file=tries)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StaffPinScreen) and app.screen.query_one("#pin", Input).disabled
        assert "Seconds left" in flat(screen_text(app))


def test_a_broken_tries_file_locks_rather_than_forgets(tmp_path: Path) -> None:
    tries = tmp_path / "tries"
    tries.write_text("{not json")
    clock = FakeClock()
    guard = SharedPinGuard(PIN_HASH, clock, tries)
    assert guard.attempt(PIN).outcome == "locked"


def test_pin_first_without_a_staff_pin_exits_2_saying_how(tmp_path: Path, capsys: object) -> None:
    folder = write_content(tmp_path / "content")
    assert "staff_pin_hash" not in (folder / "clinic.yaml").read_text()
    code = main(["--content", str(folder), "--counsellor", "--pin-first", "--log", str(tmp_path / "log")])
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    assert code == 2
    assert "staff_pin_hash" in err and "walkthrough hash-pin" in err


def test_pin_first_is_for_counsellor_mode_only() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "walkthrough", "--content", str(GOOD), "--pin-first"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "counsellor mode only" in result.stderr


def test_pin_first_is_not_in_the_help() -> None:
    result = subprocess.run([sys.executable, "-m", "walkthrough", "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "pin-first" not in result.stdout and "pin-tries" not in result.stdout
