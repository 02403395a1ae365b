"""Kiosk mode, driven as a patient and a member of staff would: blocked keys, idle reset, staff PIN, faults."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from walkthrough.app import WalkthroughApp
from walkthrough.content import LoadedWalkthrough
from walkthrough.kiosk import STAFF_EXIT_CODE, open_log
from walkthrough.pin import hash_pin
from walkthrough.screens.calm import CalmScreen
from walkthrough.screens.fault import FaultScreen
from walkthrough.screens.help import HelpScreen
from walkthrough.screens.idle import IdleWarningScreen
from walkthrough.screens.staff import StaffPinScreen
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.themes import CALM, HIGH_CONTRAST

from .apps import make_app
from .conftest import FakeClock
from .screen_helpers import flat, screen_text

STAFF_PIN = "2468"
STAFF_PIN_HASH = hash_pin(STAFF_PIN)

BLOCKED_KEYS = ["ctrl+q", "ctrl+c", "ctrl+z", "ctrl+backslash", "ctrl+d", "ctrl+s", "q", "ctrl+p", "f1", "f12"]
"""Keys that quit, suspend, open the palette or the key panel in a plain Textual app (f12: staff key, no PIN)."""

BLOCKED_ACTIONS = [
    "app.quit",
    "app.help_quit",
    "app.command_palette",
    "app.change_theme",
    "app.screenshot",
    "app.take_screenshot",
    "app.show_help_panel",
    "app.suspend_process",
    "app.toggle_dark",
    "app.bell_and_quit",
]
"""What text or a system command could try to run: none of it may do anything in a kiosk."""


def kiosk_app(
    content: LoadedWalkthrough,
    clock: FakeClock,
    *,
    pin_hash: str | None = None,
    log: logging.Logger | None = None,
    idle_seconds: float = 5,
) -> WalkthroughApp:
    settings = dict(idle_seconds=idle_seconds, staff_pin_hash=pin_hash)
    return make_app(content, clock=clock, kiosk=settings, log=log)


def walkthrough_screen(app: WalkthroughApp) -> WalkthroughScreen:
    screen = app.screen
    assert isinstance(screen, WalkthroughScreen), f"expected the walkthrough, got {screen!r}"
    return screen


def assert_still_running_on(app: WalkthroughApp, page: int) -> None:
    assert app.is_running and app.return_code is None
    assert len(app.screen_stack) == 1
    assert walkthrough_screen(app).page_index == page
    assert not app._notifications, "a hint was shown"
    assert app.theme == CALM.name


@pytest.mark.parametrize("key", BLOCKED_KEYS)
async def test_blocked_key_does_nothing(good_content: LoadedWalkthrough, clock: FakeClock, key: str) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        before = screen_text(app)
        await pilot.press(key, key)
        await pilot.pause()
        assert_still_running_on(app, 1)
        assert screen_text(app) == before


@pytest.mark.parametrize("action", BLOCKED_ACTIONS)
async def test_blocked_action_does_nothing(good_content: LoadedWalkthrough, clock: FakeClock, action: str) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        await app.run_action(action)
        await pilot.pause()
        assert_still_running_on(app, 1)
        assert list(app.get_system_commands(app.screen)) == []


async def test_the_same_keys_work_outside_a_kiosk(good_content: LoadedWalkthrough) -> None:
    """The blocking is the kiosk's doing: a normal app still quits on q."""
    app = make_app(good_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_kiosk_saves_no_screenshot(good_content: LoadedWalkthrough, clock: FakeClock, tmp_path: Path) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)):
        with pytest.raises(PermissionError):
            app.save_screenshot(path=str(tmp_path))
    assert list(tmp_path.iterdir()) == []


async def test_patient_keys_still_work(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "right", "left")
        assert walkthrough_screen(app).page_index == 1
        await pilot.press("home")
        assert walkthrough_screen(app).page_index == 0
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        help_text = flat(screen_text(app))
        assert "Next" in help_text and "Quit" not in help_text
        await pilot.press("escape")
        await pilot.press("c")
        assert app.theme == HIGH_CONTRAST.name
        await pilot.press("c", "b")
        assert isinstance(app.screen, CalmScreen)
        await pilot.press("escape")
        assert walkthrough_screen(app).page_index == 0


async def test_buttons_still_work(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for button in ("#next", "#next", "#back"):
            await pilot.click(button)
            await pilot.pause(0.25)  # a button ignores taps while it shows it was pressed (0.2 s)
        assert walkthrough_screen(app).page_index == 1


# Idle reset.


async def go_idle(pilot: Pilot[None], clock: FakeClock, seconds: float) -> None:
    """Let ``seconds`` of quiet pass and let the idle check run, as its timer would."""
    clock.advance(seconds)
    app = pilot.app
    assert isinstance(app, WalkthroughApp)
    app.idle_check()
    await pilot.pause()


async def let_the_warning_run_out(pilot: Pilot[None], clock: FakeClock) -> None:
    """The warning is up; nobody answers it for its 30 seconds."""
    warning = pilot.app.screen
    assert isinstance(warning, IdleWarningScreen)
    clock.advance(30)
    warning.tick()
    await pilot.pause()
    await pilot.pause()


async def test_quiet_shows_a_countdown_of_thirty_seconds(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        await go_idle(pilot, clock, 4)
        assert isinstance(app.screen, WalkthroughScreen), "warned too early"
        await go_idle(pilot, clock, 1)
        warning = app.screen
        assert isinstance(warning, IdleWarningScreen)
        text = flat(screen_text(app))
        assert "Are you still here?" in text and "Seconds left: 30" in text and "I'm still here" in text
        clock.advance(9.5)
        warning.tick()
        await pilot.pause()
        assert "Seconds left: 21" in flat(screen_text(app))


@pytest.mark.parametrize("answer", ["key", "button", "tap elsewhere"])
async def test_any_key_or_tap_keeps_the_session(good_content: LoadedWalkthrough, clock: FakeClock, answer: str) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "right")
        await pilot.press("c")
        first = walkthrough_screen(app)
        await go_idle(pilot, clock, 5)
        assert isinstance(app.screen, IdleWarningScreen)
        if answer == "key":
            await pilot.press("right")  # answers the warning only: it must not also turn the page
        elif answer == "button":
            await pilot.click("#still-here")
        else:
            await pilot.click(offset=(1, 1))
        await pilot.pause()
        assert app.screen is first and first.page_index == 2
        assert app.theme == HIGH_CONTRAST.name
        await go_idle(pilot, clock, 4)
        assert app.screen is first, "the idle time starts again after the answer"


async def test_silence_after_the_warning_starts_afresh(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        first = walkthrough_screen(app)
        await pilot.press("right", "right", "c")
        app.notify("left from the last patient")
        await pilot.press("question_mark")
        await go_idle(pilot, clock, 5)
        await let_the_warning_run_out(pilot, clock)
        fresh = walkthrough_screen(app)
        assert fresh is not first and not first.is_attached
        assert_still_running_on(app, 0)
        assert app.fresh_starts == 1
        assert good_content.walkthrough.welcome.title in screen_text(app)
        # The fresh session works and has its own idle clock.
        await pilot.press("right")
        assert fresh.page_index == 1
        await go_idle(pilot, clock, 5)
        assert isinstance(app.screen, IdleWarningScreen)


async def test_fresh_start_with_real_timers(good_content: LoadedWalkthrough) -> None:
    """The timers themselves (not a test calling them) bring the warning and then the fresh start."""
    settings = dict(idle_seconds=0.3, warning_seconds=0.6)
    app = make_app(good_content, kiosk=settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        saw_warning = False
        deadline = time.monotonic() + 10
        while app.fresh_starts == 0 and time.monotonic() < deadline:
            await pilot.pause(0.05)
            saw_warning = saw_warning or isinstance(app.screen, IdleWarningScreen)
        assert saw_warning and app.fresh_starts == 1
        await pilot.pause()
        assert walkthrough_screen(app).page_index == 0


async def test_idle_clock_waits_while_breathing(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        calm = app.screen
        assert isinstance(calm, CalmScreen)
        await go_idle(pilot, clock, 60)
        assert app.screen is calm
        await pilot.click("#pause")
        await go_idle(pilot, clock, 5)
        assert isinstance(app.screen, IdleWarningScreen), "a paused session is quiet time"


async def test_idle_clock_waits_while_reading_hands_free(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("a")
        screen = walkthrough_screen(app)
        assert screen.auto_reading
        await go_idle(pilot, clock, 20)
        assert app.screen is screen
        await pilot.press("a")
        await go_idle(pilot, clock, 5)
        assert isinstance(app.screen, IdleWarningScreen)


# Staff exit.


async def open_staff_prompt(pilot: Pilot[None]) -> StaffPinScreen:
    await pilot.press("f12")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, StaffPinScreen)
    assert pilot.app.focused is screen.query_one("#pin", Input)
    return screen


async def type_pin(pilot: Pilot[None], pin: str) -> None:
    await pilot.press(*pin, "enter")
    await pilot.pause()


async def test_right_pin_exits_with_the_staff_code(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock, pin_hash=STAFF_PIN_HASH)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_staff_prompt(pilot)
        assert STAFF_PIN not in screen_text(app)
        await pilot.press(*STAFF_PIN)
        assert STAFF_PIN not in screen_text(app), "the PIN must not be shown as it is typed"
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == STAFF_EXIT_CODE


async def test_wrong_pin_says_so_and_cancel_goes_back(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock, pin_hash=STAFF_PIN_HASH)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        prompt = await open_staff_prompt(pilot)
        await type_pin(pilot, "1111")
        assert "Tries left: 2" in flat(screen_text(app))
        assert prompt.query_one("#pin", Input).value == ""
        await pilot.press("escape")
        assert_still_running_on(app, 1)


async def test_three_wrong_pins_lock_for_a_minute(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock, pin_hash=STAFF_PIN_HASH)
    async with app.run_test(size=(80, 24)) as pilot:
        prompt = await open_staff_prompt(pilot)
        for wrong in ("1111", "2222", "3333"):
            await type_pin(pilot, wrong)
        assert "Seconds left: 60" in flat(screen_text(app))
        assert prompt.query_one("#pin", Input).disabled
        # Closing and opening again does not reset the lock, and the right PIN is not even tried.
        await pilot.press("escape", "f12")
        await pilot.pause()
        prompt = app.screen
        assert isinstance(prompt, StaffPinScreen)
        assert prompt.query_one("#pin", Input).disabled
        await type_pin(pilot, STAFF_PIN)
        assert app.is_running
        clock.advance(59.5)
        prompt.tick()
        await pilot.pause()
        assert "Seconds left: 1" in flat(screen_text(app))
        clock.advance(0.5)
        prompt.tick()
        await pilot.pause()
        assert not prompt.query_one("#pin", Input).disabled
        await type_pin(pilot, STAFF_PIN)
    assert app.return_code == STAFF_EXIT_CODE


async def test_no_pin_means_no_staff_exit(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock, pin_hash=None)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f12")
        await app.run_action("app.staff")
        await pilot.pause()
        assert_still_running_on(app, 0)


async def test_staff_prompt_counts_as_activity(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    """Staff typing a PIN is not silence; but an open prompt left alone still gives way to a fresh start."""
    app = kiosk_app(good_content, clock, pin_hash=STAFF_PIN_HASH)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_staff_prompt(pilot)
        await go_idle(pilot, clock, 5)
        await let_the_warning_run_out(pilot, clock)
        assert_still_running_on(app, 0)


# Faults.


def failing_next(self: WalkthroughScreen) -> None:
    raise RuntimeError("secret words a patient typed")


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    return tmp_path / "state" / "walkthrough.log"


async def test_a_fault_shows_a_calm_message_then_a_fresh_start(
    good_content: LoadedWalkthrough, clock: FakeClock, log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = kiosk_app(good_content, clock, log=open_log(log_file))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "right")
        monkeypatch.setattr(WalkthroughScreen, "action_next", failing_next)
        await pilot.press("right")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, FaultScreen)
        text = flat(screen_text(app))
        assert "This screen has a problem." in text and "Please tell a member of staff." in text
        assert "Traceback" not in text and "secret" not in text
        await pilot.press("x")
        assert_still_running_on(app, 0)
    log = log_file.read_text(encoding="utf-8")
    assert "RuntimeError" in log and "failing_next" in log
    assert "secret" not in log


async def test_a_fault_from_a_tap_recovers_too(
    good_content: LoadedWalkthrough, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(WalkthroughScreen, "action_next", failing_next)
        await pilot.click("#next")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, FaultScreen)
        monkeypatch.undo()
        await pilot.click("#back-to-start")
        await pilot.click("#next")
        assert walkthrough_screen(app).page_index == 1


async def test_a_fault_that_repeats_ends_the_app_for_its_supervisor(
    good_content: LoadedWalkthrough, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = kiosk_app(good_content, clock)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            monkeypatch.setattr(WalkthroughScreen, "action_next", failing_next)
            for _ in range(3):
                await pilot.press("escape", "right")
                await pilot.pause()
    assert app.return_code == 1


async def test_outside_a_kiosk_a_fault_ends_the_app_without_a_traceback(
    good_content: LoadedWalkthrough, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(good_content)
    with pytest.raises(RuntimeError):
        async with app.run_test(size=(80, 24)) as pilot:
            monkeypatch.setattr(WalkthroughScreen, "action_next", failing_next)
            await pilot.press("right")
            await pilot.pause()
            shown = "".join(str(renderable) for renderable in app._exit_renderables)
    assert app.return_code == 1
    assert "Please tell a member of staff" in shown and "Traceback" not in shown and "secret" not in shown


# Found by trying it for real.


async def test_an_untouched_welcome_screen_does_not_keep_asking(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = kiosk_app(good_content, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await go_idle(pilot, clock, 60)
        assert isinstance(app.screen, WalkthroughScreen), "nothing to clear: no warning in an empty room"
        await pilot.press("x")  # a key that does nothing still means someone was here
        await go_idle(pilot, clock, 5)
        await let_the_warning_run_out(pilot, clock)
        await go_idle(pilot, clock, 600)
        assert isinstance(app.screen, WalkthroughScreen) and app.fresh_starts == 1


async def test_the_staff_key_waits_while_the_warning_is_up(good_content: LoadedWalkthrough, clock: FakeClock) -> None:
    app = kiosk_app(good_content, clock, pin_hash=STAFF_PIN_HASH)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        await go_idle(pilot, clock, 5)
        await pilot.press("f12")
        await pilot.pause()
        assert not any(isinstance(screen, StaffPinScreen) for screen in app.screen_stack)
        assert walkthrough_screen(app).page_index == 1, "f12 answered the warning and did nothing else"


async def test_a_staff_prompt_left_over_breathing_still_times_out(
    good_content: LoadedWalkthrough, clock: FakeClock
) -> None:
    app = kiosk_app(good_content, clock, pin_hash=STAFF_PIN_HASH)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await open_staff_prompt(pilot)
        await pilot.press("1")
        await go_idle(pilot, clock, 5)
        assert isinstance(app.screen, IdleWarningScreen)


async def test_a_lockout_is_logged_when_it_happens(
    good_content: LoadedWalkthrough, clock: FakeClock, log_file: Path
) -> None:
    app = kiosk_app(good_content, clock, pin_hash=STAFF_PIN_HASH, log=open_log(log_file))
    async with app.run_test(size=(80, 24)) as pilot:
        prompt = await open_staff_prompt(pilot)
        for wrong in ("1111", "2222", "3333"):
            await type_pin(pilot, wrong)
        assert "locked" in log_file.read_text(encoding="utf-8")
        assert not prompt.query_one("#pin", Input).display, "no field to type in while locked"
    log = log_file.read_text(encoding="utf-8")
    assert not any(pin in log for pin in ("1111", "2222", "3333", STAFF_PIN))
