"""The walkthrough App: themes, help and quitting around the walkthrough screen, and the kiosk guard."""

from __future__ import annotations

import asyncio
import gc
import logging
import signal
import sys
import time
from collections.abc import Mapping
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import App
from textual.binding import Binding
from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver
from textual.geometry import Offset
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer

from .compat.driver import SteadyLinuxDriver
from .compat.fixes import (
    keep_styles_caches_collectable,
    next_frame_on_the_next_tick,
    start_in_theme,
    styled_as_new,
)
from .content.records import LoadedWalkthrough, as_records
from .key_queue import KeyQueue
from .kiosk import KIOSK_APP_ACTIONS, STAFF_EXIT_CODE, FaultCounter, IdleClock, KioskSettings, describe_fault
from .screens.walkthrough import WalkthroughScreen, page_names
from .stop_signals import EXIT_SIGNALS, noted_exit_signal
from .stylesheets import FOR_COUNSELLOR, FOR_FIRST_SCREEN, FOR_OTHER_SCREENS, stylesheet
from .talk import TalkTimer
from .themes import CALM, HIGH_CONTRAST, THEMES
from .ui_text import UI_TEXT, ui_text

if TYPE_CHECKING:
    from .breathing import Clock
    from .compat.web_driver import Heartbeat
    from .pin import PinGuard
    from .watch import ContentWatcher

# The other screens (calming mode, help, common questions, the kiosk's) are imported where they
# are used, and loaded just after the first frame (see load_other_screens): it needs none of them.
# The PIN and watch modules load only in a kiosk with a PIN, or with --watch.

MAX_PROBLEMS_SHOWN = 8
"""A reload notice lists at most this many problems (``walkthrough validate`` lists them all)."""

NOTICE_UNTIL_FIXED = 24 * 60 * 60.0
"""A reload's problems stay on screen until the next save clears them."""

keep_styles_caches_collectable()
next_frame_on_the_next_tick()

COUNSELLOR_ACTIONS = frozenset({"overview", "hide_notes", "show_notes", "talk_pause", "talk_reset"})
"""App actions that exist only in counsellor mode."""

ACTIVITY_EVENTS = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp, events.Paste)
"""What counts as someone using the app: a key, a tap, a scroll or a paste (not the mouse passing over)."""


class WalkthroughApp(App[None]):
    """Shows one loaded walkthrough to a patient, or, with ``kiosk``, to one patient after another.

    The command palette is off: nothing a patient needs is in it, and it can
    change the look to themes that are not checked for contrast.
    """

    CSS_PATH = stylesheet(FOR_FIRST_SCREEN)
    DEFAULT_MODE = "session-0"
    """Each patient's session is a screen mode of its own; a fresh start swaps in a new one and drops the old."""
    ENABLE_COMMAND_PALETTE = False
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (20, "-narrow"), (70, "-wide"), (120, "-widest")]
    BINDINGS = [
        Binding("f", "faq", "Questions"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("c", "toggle_contrast", "Contrast"),
        Binding("q", "quit", "Quit"),
        Binding("o", "overview", "Overview"),
        Binding("h", "hide_notes", "Hide notes"),
        Binding("h", "show_notes", "Show notes"),
        Binding("t", "talk_pause", "Timer"),
        Binding("r", "talk_reset", "Reset timer"),
    ]

    def __init__(
        self,
        content: LoadedWalkthrough,
        *,
        reduced_motion: bool = False,
        clock: Clock = time.monotonic,
        kiosk: KioskSettings | None = None,
        log: logging.Logger | None = None,
        handle_signals: bool = False,
        counsellor: bool = False,
        languages: Mapping[str, LoadedWalkthrough] | None = None,
        watch: Path | None = None,
    ) -> None:
        """Show ``content``.

        Args:
            content: The loaded walkthrough.
            reduced_motion: Breathing as words only.
            clock: Times every timer (tests pass a fake one).
            kiosk: Waiting-room mode, with these settings; None for a normal app.
            log: Where faults and kiosk events are written (nothing else is).
            handle_signals: End cleanly on SIGTERM, SIGHUP and SIGINT (only for a real terminal).
            counsellor: The counsellor's view: notes, talk timer, jumps, overview. Never with ``kiosk``.
            languages: Every language a patient may switch to, by code (``content``'s own is added).
            watch: Reload the content from this folder or file whenever it is saved.

        Raises:
            ValueError: Asked for both a kiosk and counsellor mode.
        """
        if counsellor and kiosk is not None:
            raise ValueError("a kiosk can never be in counsellor mode")
        super().__init__()
        # The app holds records, never model objects: the same whether the content was just checked or remembered.
        content = as_records(content)
        self.start_content = content
        """The walkthrough (and so the language) every fresh start goes back to."""
        self.content = content
        offered = {code: as_records(other) for code, other in (languages or {}).items()}
        offered[content.language] = content
        self.languages: dict[str, LoadedWalkthrough] = dict(sorted(offered.items()))
        """The languages on offer, by code, each with its own loaded walkthrough."""
        self.watcher: ContentWatcher | None = None
        if watch is not None:
            from .watch import ContentWatcher

            self.watcher = ContentWatcher(watch)
        self.clock = clock
        self.kiosk = kiosk
        self.log_file = log or logging.getLogger("walkthrough")
        self.handle_signals = handle_signals
        self.reduced_motion = reduced_motion or content.clinic.reduced_motion or self.animation_level == "none"
        """No moving shapes: asked for on the command line, by the clinic, or by TEXTUAL_ANIMATIONS=none."""
        self.title = content.walkthrough.title
        self.talk_timer = TalkTimer(clock, target_minutes=content.clinic.talk_minutes) if counsellor else None
        """The counsellor's talk timer; None in patient mode."""
        if counsellor:
            counsellor_css = stylesheet(FOR_COUNSELLOR)
            self.css_path = [*self.css_path, counsellor_css]
            if self.css_monitor is not None:  # `textual run --dev` reloads it on a save, as it does the others
                self.css_monitor.add_paths([counsellor_css])
        self.notes_hidden = False
        """The counsellor has hidden the notes (h) for the moment the patient leans in."""
        self.faults = FaultCounter(clock)
        self.fault_total = 0
        """Unexpected errors caught so far (a kiosk recovers from them)."""
        self.fresh_starts = 0
        """How many times a kiosk has gone back to a fresh welcome screen."""
        self.idle: IdleClock | None = None
        self.used_since_fresh_start = False
        """Someone has pressed or tapped something since the last fresh start (so there is something to clear)."""
        self.pin_guard: PinGuard | None = None
        self._idle_timer: Timer | None = None
        self._sessions = 0
        self.first_frame_shown = False
        """Textual has drawn the first frame (until then, it holds every frame back)."""
        # Textual moves the hidden cursor here after every frame, and xterm.js (walkthrough serve) redraws
        # every row from the top down to the lowest change: at (0, 0), a tap's pressed button at the foot
        # redrew the whole screen. At the foot (clamped to the last row), only the rows that changed below.
        self.cursor_position = Offset(0, 10_000)
        self.stopping_on_signal = False
        """SIGTERM, SIGHUP or SIGINT came: the app is ending with 128 + its number."""
        self._held_keys = KeyQueue()  # keys typed during a language switch wait for the new screens
        self.add_mode(self.DEFAULT_MODE, self.first_screen)
        for theme in THEMES:
            self.register_theme(theme)
        start_in_theme(self, CALM.name)
        if kiosk is not None:
            self.idle = IdleClock(kiosk.idle_seconds, clock)
            if kiosk.staff_pin_hash:
                from .pin import PinGuard

                self.pin_guard = PinGuard(kiosk.staff_pin_hash, clock, on_lock=self._log_pin_lock)
                self._bindings.bind(kiosk.staff_key, "staff", description="Staff", show=False, priority=True)

    # Start, stop and signals.

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, but on Linux and macOS one that shrugs off bytes that are not UTF-8.

        Served by ``walkthrough serve`` (textual-serve sets ``TEXTUAL_DRIVER``
        to Textual's web driver), the app runs ours, which answers the server's
        heartbeat (web_driver.py).
        """
        driver_class = super().get_driver_class()
        if driver_class is LinuxDriver:
            return SteadyLinuxDriver
        if (driver_class.__module__, driver_class.__qualname__) == ("textual.drivers.web_driver", "WebDriver"):
            from .compat.web_driver import ServedWebDriver

            return ServedWebDriver
        return driver_class

    def on_heartbeat(self, message: Heartbeat) -> None:
        """``walkthrough serve`` asks whether the event loop runs: answered here, on the loop, it says yes."""
        message.answer()

    def on_load(self) -> None:
        """Before the terminal changes mode: end cleanly on the supervisor's signals, one that came already too."""
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for number in EXIT_SIGNALS:
                loop.add_signal_handler(number, self.exit_on_signal, number)
            noted = noted_exit_signal()
            if noted is not None:
                self.exit_on_signal(noted)

    def exit_on_signal(self, number: int) -> None:
        """Leave as after a quit (terminal restored), with exit status 128 + the signal's number."""
        self.log_file.info("stopping on %s", signal.Signals(number).name)
        self.stopping_on_signal = True
        self.exit(return_code=128 + number)

    def on_mount(self) -> None:
        """Start the idle clock of a kiosk."""
        if self.kiosk is not None:
            self.log_file.info("kiosk started")
            self._arm_idle_check(self.kiosk.idle_seconds)
        if self.watcher is not None:
            from .watch import POLL_SECONDS

            self.set_interval(POLL_SECONDS, self.check_for_changes)

    def on_ready(self) -> None:
        """The first frame is out: build the rest of the first screen, then settle down for a long run."""
        self.first_frame_shown = True
        if isinstance(self.screen, WalkthroughScreen):
            self.screen.build_other_pages()
        self.call_after_refresh(self.settle_after_start)

    def settle_after_start(self) -> None:
        """After the first frame: load the other screens and their look, collect once, freeze, turn the collector on.

        ``walkthrough`` starts with the collector off (see ``cli.run_app``): a
        start builds thousands of objects that live as long as the app, and
        collecting them over and over cost about 40 ms before the first frame.
        Frozen, full collections need not walk them again, so they stay short and
        page turns steady. Only this first session is frozen: a kiosk's fresh
        starts can leave at most that one screen behind, however long it runs.
        """
        try:
            load_other_screens()
            self.load_other_stylesheets()
        finally:  # whatever failed (and is reported as a fault), a kiosk must not run on for days uncollected
            gc.collect()
            gc.freeze()
            gc.enable()

    def load_other_stylesheets(self) -> None:
        """Read the other screens' stylesheets now, so opening one later neither parses nor restyles anything.

        Left to Textual, a screen's stylesheet is read when the screen is first
        shown, and then every stylesheet is parsed again and every widget
        restyled. Their rules match nothing on the screens already shown, so
        adding them needs no restyle; the stylesheets read before are not parsed
        again (Textual keeps what it parsed).
        """
        stylesheet_now = self.stylesheet
        for name in FOR_OTHER_SCREENS:
            path = stylesheet(name)
            if not stylesheet_now.has_source(str(path)):
                stylesheet_now.read(path)
        stylesheet_now.parse()

    def input_failed(self, error: BaseException) -> None:
        """The terminal's input failed for good: log it and end, so a supervisor can start afresh."""
        self.log_file.error("input stopped: %s", describe_fault(error))
        self.exit(return_code=1, message="walkthrough stopped: the terminal's input failed.")

    # Every key and tap.

    async def on_event(self, event: events.Event) -> None:
        """See every key and tap first: it keeps a kiosk awake and pauses hands-free reading (keys wait out a swap)."""
        if self._held_keys.take(event):
            return
        if isinstance(event, ACTIVITY_EVENTS) and self.screen_stack:
            if self.idle is not None:
                self.idle.touch()
                self.used_since_fresh_start = True
            screen = self.screen
            if isinstance(screen, WalkthroughScreen) and not _is_auto_toggle(screen, event):
                screen.user_activity()
        await super().on_event(event)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which of the app's actions may run now; the footer lists only those.

        In a kiosk only harmless actions run: no quit, palette, theme,
        screenshot or key panel, and the staff key waits while "Are you still
        here?" or the fault message is up. Counsellor actions need counsellor
        mode; common questions need some in the content.
        """
        if self.kiosk is not None:
            if action not in KIOSK_APP_ACTIONS:
                return False
            if action == "staff" and self._kiosk_notice_on_top():
                return False
        if action in COUNSELLOR_ACTIONS and self.talk_timer is None:
            return False
        if action in ("hide_notes", "show_notes"):
            return self.notes_hidden == (action == "show_notes")
        if action == "overview":
            return isinstance(self.top_screen, WalkthroughScreen)
        if action == "faq":
            return bool(self.content.walkthrough.faq) and not self._top_screen_is("faq", "FaqScreen")
        if action == "language":
            return len(self.languages) > 1 and isinstance(self.top_screen, WalkthroughScreen)
        return True

    def _kiosk_notice_on_top(self) -> bool:
        """Whether "Are you still here?" or the fault message is the screen on top."""
        return self._top_screen_is("idle", "IdleWarningScreen") or self._top_screen_is("fault", "FaultScreen")

    def _top_screen_is(self, module: str, screen_class: str) -> bool:
        """Whether the screen on top is ``screen_class`` of ``walkthrough.screens.<module>``.

        Asked while the footer is drawn for the first frame, so it must not
        import the module: a screen whose module is not loaded yet is not shown.
        """
        loaded = sys.modules.get(f"{__package__}.screens.{module}")
        return loaded is not None and isinstance(self.top_screen, getattr(loaded, screen_class))

    @property
    def top_screen(self) -> Screen[Any] | None:
        """The screen on top, or None for the moment a fresh start swaps one session's screens for the next."""
        stack = self.screen_stack
        return stack[-1] if stack else None

    def get_system_commands(self, screen: Screen[Any]):  # type: ignore[no-untyped-def]
        """A kiosk offers no system commands at all, even if the palette were opened somehow."""
        if self.kiosk is not None:
            return iter(())
        return super().get_system_commands(screen)

    def save_screenshot(self, *args: Any, **kwargs: Any) -> str:
        """A kiosk writes no screenshots: what a patient saw stays on the screen."""
        if self.kiosk is not None:
            raise PermissionError("a kiosk saves no screenshots")
        return super().save_screenshot(*args, **kwargs)

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> None:
        """A kiosk delivers no screenshots either."""
        if self.kiosk is None:
            super().deliver_screenshot(*args, **kwargs)

    # Actions.

    def first_screen(self) -> Screen[Any]:
        """The first session's screen: the welcome page (counsellor_gate.PinFirstApp puts the PIN before it)."""
        return self.new_walkthrough_screen()

    def new_walkthrough_screen(self, page: int = 0) -> WalkthroughScreen:
        """A walkthrough screen at ``page`` (the welcome page unless a language or content changed)."""
        screen = WalkthroughScreen(
            self.content,
            talk_timer=self.talk_timer,
            page=page,
            languages=self.language_names(),
            first_of_app=not self.first_frame_shown,
        )
        return styled_as_new(screen, self)

    def language_names(self) -> dict[str, str]:
        """Each language on offer, by code, named in itself ("Español"), when there is more than one."""
        if len(self.languages) < 2:
            return {}
        return {code: ui_text(code)["language_name"] if code in UI_TEXT else code for code in self.languages}

    def action_language(self, code: str = "") -> None:
        """Show another language (the next one, with no ``code``), on the same page.

        The swap runs from the app's own queue: a button's handler cannot wait
        for its own screen to be removed.
        """
        codes = list(self.languages)
        if len(codes) < 2 or code == self.content.language:
            return
        if not code:
            code = codes[(codes.index(self.content.language) + 1) % len(codes)]
        if code in self.languages:
            page = self._same_page_in(self.languages[code], or_else_start=True)
            self.content = self.languages[code]
            self._held_keys.hold()
            self.call_later(self._replace_session, page)

    def _same_page_in(self, content: LoadedWalkthrough, *, or_else_start: bool) -> int:
        """The page of ``content`` that shows what is on screen now: the same step by its id.

        A step the other content lacks leads to the welcome page (``or_else_start``,
        never to another step by mistake) or to the page at the same place.
        """
        screen = self.screen_stack[0] if self.screen_stack else None
        if not isinstance(screen, WalkthroughScreen):
            return 0
        now, then = page_names(screen.content.walkthrough), page_names(content.walkthrough)
        name = now[min(screen.page_index, len(now) - 1)]
        if name in then:
            return then.index(name)
        return 0 if or_else_start else min(screen.page_index, len(then) - 1)

    async def _replace_session(self, page: int = 0) -> None:
        """Swap the whole screen stack for a new walkthrough screen at ``page``, then apply the keys held meanwhile."""
        self._sessions += 1
        old_mode, new_mode = self.current_mode, f"session-{self._sessions}"
        self.add_mode(new_mode, lambda: self.new_walkthrough_screen(page))
        try:
            await self.switch_mode(new_mode)
            await self.remove_mode(old_mode)
            self.title = self.content.walkthrough.title
        finally:
            await self._held_keys.release(self.on_event)

    # Live reload.

    async def check_for_changes(self) -> None:
        """``--watch``: when a content file was saved, reload it and show it on the same page."""
        if self.watcher is None or not self.watcher.changed():
            return
        from .watch import reload_content

        reloaded = reload_content(self.watcher.path, self.content, self.languages)
        self.languages = reloaded.languages
        start = self.start_content.language
        self.start_content = self.languages.get(start, self.start_content)
        self.clear_notifications()
        words = ui_text(self.content.language)
        if reloaded.problems:
            details = "\n".join(str(problem) for problem in reloaded.problems[:MAX_PROBLEMS_SHOWN])
            more = len(reloaded.problems) - MAX_PROBLEMS_SHOWN
            if more > 0:
                details += f"\n… +{more}"
            self.notify(
                details, title=words["reload_failed"], severity="error", timeout=NOTICE_UNTIL_FIXED, markup=False
            )
        if reloaded.current != self.content:
            page = self._same_page_in(reloaded.current, or_else_start=False)
            self.content = reloaded.current
            await self._replace_session(page)
            if not reloaded.problems:
                self.notify(words["reload_done"], timeout=3, markup=False)

    def action_help(self) -> None:
        """Show the keys, unless help is already showing."""
        from .screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen.of(self))

    def action_calm(self) -> None:
        """Open calming mode over the walkthrough, which keeps its place underneath."""
        from .screens.calm import CalmScreen

        if not isinstance(self.screen, CalmScreen):
            words = ui_text(self.content.language)
            minutes = self.content.clinic.calm_minutes
            screen = CalmScreen(
                self.content.walkthrough,
                words,
                minutes=minutes,
                reduced_motion=self.reduced_motion,
                clock=self.clock,
                talk_timer=self.talk_timer,
            )
            self.push_screen(screen)

    def action_faq(self) -> None:
        """Show the common questions over where the walkthrough is."""
        from .screens.faq import FaqScreen

        if self.content.walkthrough.faq and not isinstance(self.screen, FaqScreen):
            words = ui_text(self.content.language)
            self.push_screen(FaqScreen(self.content.walkthrough, words, talk_timer=self.talk_timer))

    def action_overview(self) -> None:
        """Counsellor: list every screen, to jump to one."""
        screen = self.screen
        if self.talk_timer is None or not isinstance(screen, WalkthroughScreen):
            return
        from .screens.overview import OverviewScreen

        overview = OverviewScreen(
            self.content.walkthrough.title,
            screen.page_entries(),
            ui_text(self.content.language),
            current=screen.page_index,
            steps=len(self.content.walkthrough.steps),
            faq=bool(self.content.walkthrough.faq),
            talk_timer=self.talk_timer,
        )
        self.push_screen(overview, self._overview_picked)

    def _overview_picked(self, choice: int | None) -> None:
        from .screens.overview import FAQ_CHOICE

        if choice == FAQ_CHOICE:
            self.action_faq()
        elif choice is not None and isinstance(self.screen, WalkthroughScreen):
            self.screen.page_index = choice

    def action_hide_notes(self) -> None:
        """Counsellor: hide the notes while the patient looks at the screen."""
        self._set_notes_hidden(True)

    def action_show_notes(self) -> None:
        """Counsellor: bring the notes back."""
        self._set_notes_hidden(False)

    def _set_notes_hidden(self, hidden: bool) -> None:
        # A class on every open screen (new ones get it in push_screen): a class on the app alone
        # does not restyle the screens under the one on top.
        self.notes_hidden = hidden
        for screen in self.screen_stack:
            screen.set_class(hidden, "-notes-hidden")
        self.refresh_bindings()

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Push a screen, carrying the counsellor's "notes hidden" over to it."""
        if isinstance(screen, Screen):
            screen.set_class(self.notes_hidden, "-notes-hidden")
        return super().push_screen(screen, *args, **kwargs)

    def action_talk_pause(self) -> None:
        """Counsellor: pause the talk timer, or go on."""
        if self.talk_timer is not None:
            self.talk_timer.toggle_pause()
            self._redraw_talk_clocks()

    def action_talk_reset(self) -> None:
        """Counsellor: the talk timer back to 0:00."""
        if self.talk_timer is not None:
            self.talk_timer.reset()
            self._redraw_talk_clocks()

    def _redraw_talk_clocks(self) -> None:
        from .widgets.counsellor import TalkClock  # counsellor mode only

        for screen in self.screen_stack:
            for talk_clock in screen.query(TalkClock):
                talk_clock.refresh_clock()

    def action_toggle_contrast(self) -> None:
        """Switch between the calm theme and high contrast."""
        self.theme = CALM.name if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    def action_staff(self) -> None:
        """Open the staff PIN prompt (a kiosk with a PIN only)."""
        from .screens.staff import StaffPinScreen

        if self.pin_guard is None or any(isinstance(screen, StaffPinScreen) for screen in self.screen_stack):
            return
        self.push_screen(StaffPinScreen(ui_text(self.content.language), self.pin_guard), self._staff_answered)

    def _staff_answered(self, right_pin: bool | None) -> None:
        if right_pin:
            self.log_file.info("staff exit")
            self.exit(return_code=STAFF_EXIT_CODE)

    def _log_pin_lock(self) -> None:
        self.log_file.warning("staff prompt locked after wrong PINs")

    # Idle reset.

    def _arm_idle_check(self, delay: float) -> None:
        if self._idle_timer is not None:
            self._idle_timer.stop()
        self._idle_timer = self.set_timer(max(0.5, delay), self.idle_check)

    def idle_check(self) -> None:
        """Warn when a kiosk has been quiet for its idle time; otherwise check again when it could be.

        Quiet time does not count while calming mode or hands-free reading
        runs on top. An untouched fresh start gets no warning: there is nothing
        to clear, and an empty room should not keep asking.
        """
        self._idle_timer = None
        if self.idle is None or self.kiosk is None:
            return
        if self._session_is_running():
            self.idle.touch()
            self._arm_idle_check(1.0)
            return
        left = self.idle.seconds_left()
        if left > 0 or not self.used_since_fresh_start:
            self._arm_idle_check(left if left > 0 else self.idle.idle_seconds)
            return
        if not self._kiosk_notice_on_top():
            from .screens.idle import IdleWarningScreen

            warning = IdleWarningScreen(
                ui_text(self.content.language), seconds=self.kiosk.warning_seconds, clock=self.clock
            )
            self.push_screen(warning, self._idle_answered)

    def _session_is_running(self) -> bool:
        """On top: calming mode breathing (not paused or finished), or hands-free reading turning pages.

        Only the screen on top counts: a staff prompt or help left open over
        breathing is quiet time like any other.
        """
        from .screens.calm import CalmScreen

        screen = self.top_screen
        if isinstance(screen, CalmScreen):
            return screen.is_breathing
        return isinstance(screen, WalkthroughScreen) and screen.auto_reading

    def _idle_answered(self, still_here: bool | None) -> None:
        if still_here:
            if self.idle is not None:
                self.idle.touch()
                self._arm_idle_check(self.idle.idle_seconds)
        else:
            self.call_later(self.fresh_start)

    async def fresh_start(self) -> None:
        """Everything back to a new welcome screen, as for the next patient.

        The session's whole screen stack is dropped for a new mode with a new
        walkthrough screen (so pages, scroll positions, hands-free reading,
        open panels and focus are new); the language and theme go back to the
        start and notifications are cleared.
        """
        self.fresh_starts += 1
        self.used_since_fresh_start = False
        self.content = self.start_content
        self.clear_notifications()
        self.theme = CALM.name
        await self._replace_session()
        if self.idle is not None:
            self.idle.touch()
            self._arm_idle_check(self.idle.idle_seconds)

    # Faults.

    async def _dispatch_message(self, message: Message) -> None:
        """In a kiosk, an error in one of the app's own handlers must not stop its message loop."""
        if self.kiosk is None:
            await super()._dispatch_message(message)
            return
        try:
            await super()._dispatch_message(message)
        except Exception as error:  # noqa: BLE001 - any error at all: recover, don't exit
            self._handle_exception(error)

    def _handle_exception(self, error: Exception) -> None:
        """Log any unexpected error (type and place, no message); a kiosk recovers, the terminal app ends.

        Textual would print a traceback with local values; a patient must never
        see one, and a kiosk must go on for the next patient. Once the app is
        stopping on a signal, errors are not faults: an exit before the first
        screen is mounted makes Textual refuse the rest of its mounting
        (MountError, and NoMatches for the widgets not mounted).
        """
        if self.stopping_on_signal:
            self._close_messages_no_wait()
            return
        self.fault_total += 1
        self.log_file.error(describe_fault(error))
        if self.kiosk is not None and not self._closing and self.faults.add():
            self.call_later(self._recover_from_fault)
            return
        if self._exception is None:
            self._exception = error  # so that tests still see the error
            self._exception_event.set()
        self._return_code = 1
        if not self._exit_renderables:  # one calm line, not one per error
            message = "walkthrough stopped after an unexpected error. Please tell a member of staff."
            self._exit_renderables.append(Text(message + _log_hint(self.log_file)))
        self._close_messages_no_wait()

    async def _recover_from_fault(self) -> None:
        """A fresh walkthrough, with the calm "Something went wrong" message on top."""
        from .screens.fault import FaultScreen

        await self.fresh_start()
        await self.push_screen(FaultScreen(ui_text(self.content.language)))


def _log_hint(log: logging.Logger) -> str:
    """The sentence naming the log's file (" Details are in <file>."), or "" if it has no file."""
    for handler in log.handlers:
        filename = getattr(handler, "baseFilename", None)
        if filename:
            return f" Details are in {Path(filename)}."
    return ""


OTHER_SCREENS = ("calm", "faq", "fault", "help", "idle", "overview", "staff")
"""Screen modules the first frame does not need (walkthrough.screens.*)."""


def load_other_screens() -> None:
    """Import the screens the first frame did not need, now that it is out.

    They are left out of start-up, but not until first use: a kiosk that runs
    for days must not load, at a patient's tap, code that an upgrade may have
    replaced since, nor need a new import to show "Something went wrong".
    """
    for name in OTHER_SCREENS:
        import_module(f"{__package__}.screens.{name}")


def _is_auto_toggle(screen: WalkthroughScreen, event: events.Event) -> bool:
    """The key or tap that itself turns hands-free reading on or off."""
    if isinstance(event, events.Key):
        return event.key == "a"
    if isinstance(event, events.MouseDown):
        widget, _ = screen.get_widget_at(event.screen_x, event.screen_y)
        return widget.id == "auto"
    return False
