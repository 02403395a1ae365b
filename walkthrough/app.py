"""The app every mode shares: one walkthrough shown to one person, in the terminal or a browser tab.

What only a kiosk or a counsellor needs lives in ``modes/`` (each a subclass
of :class:`WalkthroughApp`, chosen once by :func:`modes.app_for` from the
settings record); live reload in ``watch.py``; the start-up speed work in
``startup.py``; Textual's private hooks in ``compat/``. Screens are handed what
they need (content, words, clock) and tell the app what happens with messages.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.binding import Binding
from textual.geometry import Offset
from textual.screen import Screen

from .compat.fixes import keep_styles_caches_collectable, next_frame_on_the_next_tick, start_in_theme, styled_as_new
from .compat.wrap import wrap_in_at_least_one_cell
from .content.records import LoadedWalkthrough, as_records
from .follow.actions import FOLLOW_ACTIONS, FollowActions
from .key_queue import KeyQueue
from .kiosk import describe_fault
from .over_the_walk import ScreensOverTheWalk
from .screens.walkthrough import WalkthroughScreen
from .served_page import ServedPage
from .session import PatientSession
from .session_end import SessionTracker
from .settings import Asked, Mode, Settings, settings_for
from .stylesheets import FOR_FIRST_SCREEN, stylesheet
from .terminal import TerminalApp
from .themes import CALM, HIGH_CONTRAST, THEMES
from .ui import words_for

if TYPE_CHECKING:
    from .store.record import StoreMode
    from .summary.delivery import SummaryDelivery
    from .talk import TalkTimer
    from .watch import LiveReload

keep_styles_caches_collectable()
wrap_in_at_least_one_cell()
next_frame_on_the_next_tick()

ACTIVITY_EVENTS = (events.Key, events.MouseDown, events.MouseScrollDown, events.MouseScrollUp, events.Paste)
"""What counts as someone using the app: a key, a tap, a scroll or a paste (not the mouse passing over)."""


class WalkthroughApp(FollowActions, ServedPage, ScreensOverTheWalk, TerminalApp):
    """Shows one loaded walkthrough to one patient: the mode every other mode builds on.

    The command palette is off: nothing a patient needs is in it, and it can
    change the look to themes that are not checked for contrast.
    """

    MODE: ClassVar[Mode] = "patient"
    """The settings' mode this class shows (``modes.app_for`` picks the class)."""
    STORE_MODE: ClassVar[StoreMode | None] = "patient"
    """How the anonymous store names this mode's sessions ("served" when in a browser tab); None: never stored."""
    OFFERS_FOLLOW: ClassVar[bool] = True
    """The welcome page offers "Follow my counsellor" (a patient's own app; not a kiosk, not the counsellor's)."""
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
        Binding("j", "follow", "Follow", show=False),  # README: Follow the counsellor
        Binding("x", "stop_following", "Stop following"),
    ]

    def __init__(
        self,
        content: LoadedWalkthrough,
        settings: Settings | None = None,
        *,
        languages: Mapping[str, LoadedWalkthrough] | None = None,
        log: logging.Logger | None = None,
        handle_signals: bool = False,
    ) -> None:
        """Show ``content``.

        Args:
            content: The loaded walkthrough.
            settings: How this run behaves (its mode must be this class's MODE); None: a patient's defaults.
            languages: Every language a patient may switch to, by code (``content``'s own is added).
            log: Where faults and kiosk events are written (nothing else is).
            handle_signals: End cleanly on SIGTERM, SIGHUP and SIGINT (only for a real terminal).

        Raises:
            ValueError: The settings are for another mode (see ``modes.app_for``).
        """
        settings = settings or settings_for(Asked(content.source), content.clinic)
        if settings.mode != self.MODE:
            raise ValueError(f"{type(self).__name__} shows {self.MODE} mode, not {settings.mode} (see modes.app_for)")
        super().__init__()
        self.settings = settings
        # The app holds records, never model objects: the same whether the content was just checked or remembered.
        content = as_records(content)
        self.start_content = content
        """The walkthrough (and so the language) every fresh start goes back to."""
        self.content = content
        offered = {code: as_records(other) for code, other in (languages or {}).items()}
        offered[content.language] = content
        self.languages: dict[str, LoadedWalkthrough] = dict(sorted(offered.items()))
        """The languages on offer, by code, each with its own loaded walkthrough."""
        self.live_reload: LiveReload | None = None
        if settings.watch:
            from .watch import LiveReload

            self.live_reload = LiveReload(settings.content, words_for(content))
        self.clock = settings.clock
        self.log_file = log or logging.getLogger("walkthrough")
        self.handle_signals = handle_signals
        self.reduced_motion = settings.reduced_motion or self.animation_level == "none"
        """No moving shapes: asked for on the command line, by the clinic, or by TEXTUAL_ANIMATIONS=none."""
        self.title = content.walkthrough.title
        self.session = PatientSession()
        """What this patient did (answers, ticks, ratings): in memory only, new at every fresh start."""
        self.session_tracker = SessionTracker(self)  # how far it got, the calm ratings, its one anonymous row
        self.fault_total = 0
        """Unexpected errors caught so far (a kiosk recovers from them)."""
        self._sessions = 0
        self.first_frame_shown = False
        """Textual has drawn the first frame (until then, it holds every frame back)."""
        # Textual moves the hidden cursor here after every frame, and xterm.js (walkthrough serve) redraws
        # every row from the top down to the lowest change: at (0, 0), a tap's pressed button at the foot
        # redrew the whole screen. At the foot (clamped to the last row), only the rows that changed below.
        self.cursor_position = Offset(0, 10_000)
        self._held_keys = KeyQueue()  # keys typed during a language switch wait for the new screens
        self.add_mode(self.DEFAULT_MODE, self.first_screen)
        for theme in THEMES:
            self.register_theme(theme)
        start_in_theme(self, CALM.name)

    @property
    def talk_timer(self) -> TalkTimer | None:
        """The counsellor's talk timer, which screens show; a patient's app has none."""
        return None

    @property
    def words(self) -> Mapping[str, str]:
        """The interface words of the language on show."""
        return words_for(self.content)

    # Start.

    def on_mount(self) -> None:
        """Start polling the content's files, with ``--watch``."""
        if self.live_reload is not None:
            from .watch import POLL_SECONDS

            self.set_interval(POLL_SECONDS, self.check_for_changes)
        self.start_following_as_asked(self.settings.lead, self.settings.follow)
        self.watch_focus_for_the_page(self)

    def on_ready(self) -> None:
        """The first frame is out: build the rest of the first screen, then settle down for a long run."""
        from .startup import settle_after_start

        self.first_frame_shown = True
        if isinstance(self.screen, WalkthroughScreen):
            self.screen.build_other_pages()
        self.call_after_refresh(settle_after_start, self)

    # Every key and tap.

    async def on_event(self, event: events.Event) -> None:
        """See every key and tap first: it pauses hands-free reading (and keys wait out a language swap)."""
        if self._held_keys.take(event):
            return
        if isinstance(event, ACTIVITY_EVENTS) and self.screen_stack:
            self.someone_is_here()
            screen = self.screen
            if isinstance(screen, WalkthroughScreen):
                screen.user_activity(event)
        await super().on_event(event)

    def someone_is_here(self) -> None:
        """A key, tap, scroll or paste (a kiosk restarts its idle clock)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Which of the app's actions may run now; the footer lists only those.

        Common questions need some in the content; the language key needs
        more than one language.
        """
        if action == "faq":
            return bool(self.content.walkthrough.faq) and not self.top_screen_is("faq")
        if action == "language":
            return len(self.languages) > 1 and isinstance(self.top_screen, WalkthroughScreen)
        if action in FOLLOW_ACTIONS:
            return self.may_follow_action(action)
        return True

    def first_screen(self) -> Screen[Any]:
        """The first session's screen: the welcome page (modes/pin_first.py puts the PIN before it)."""
        return self.new_walkthrough_screen()

    def new_walkthrough_screen(self, page: str | int = 0) -> WalkthroughScreen:
        """A walkthrough screen at ``page`` (a page name, or the welcome page)."""
        screen = WalkthroughScreen(
            self.content,
            self.words,
            clock=self.clock,
            talk_timer=self.talk_timer,
            page=page,
            languages=self.language_names(),
            first_of_app=not self.first_frame_shown,
            session=self.session,
            offer_follow=self.OFFERS_FOLLOW,
        )
        return styled_as_new(screen, self)

    def shown_page(self) -> tuple[str, int]:
        """The walkthrough's page on show now, by name and number (the welcome page before there is one).

        Asked at the moment it is needed: a screen's PageShown message can still
        be on its way when a key typed just after a page turn switches language.
        """
        screen = self.screen_stack[0] if self.screen_stack else None
        return screen.shown_page if isinstance(screen, WalkthroughScreen) else ("welcome", 0)

    def language_names(self) -> dict[str, str]:
        """Each language on offer, by code, named in itself ("Español"), when there is more than one."""
        if len(self.languages) < 2:
            return {}
        return {code: words_for(content)["language_name"] for code, content in self.languages.items()}

    def action_language(self, code: str = "") -> None:
        """Show another language (the next one, with no ``code``), on the same page.

        The swap runs from the app's own queue: a button's handler cannot wait
        for its own screen to be removed. A step the other language lacks
        opens its welcome page, never another step by mistake.
        """
        codes = list(self.languages)
        if len(codes) < 2 or code == self.content.language:
            return
        if not code:
            code = codes[(codes.index(self.content.language) + 1) % len(codes)]
        if code in self.languages:
            self.content = self.languages[code]
            self._held_keys.hold()
            self.call_later(self.replace_session, self.shown_page()[0])

    async def replace_session(self, page: str | int = 0) -> None:
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

    async def check_for_changes(self) -> None:
        """``--watch``: when a content file was saved, reload it and show it on the same page (watch.py)."""
        if self.live_reload is not None:
            await self.live_reload.check(self)

    def action_start_again(self) -> None:
        """Start again: this patient's answers, ticks and ratings are dropped, and the walk opens at its welcome."""
        self.end_session("start again")
        self.session, ended = PatientSession(), self.session
        ended.clear()  # in place: a screen left behind holds nothing of it
        self.tell_page_a_new_patient()
        self.call_later(self.replace_session)

    def deliver_summary(self, html: str, texts: Sequence[str]) -> SummaryDelivery:
        """Give the patient their take-home summary page: to their own browser when served, else saved to a file.

        ``texts`` (the compact summary, fullest first) are for modes that show
        a QR code instead (a kiosk); this one gives the whole page.
        """
        from .summary.delivery import save_to_file, send_to_browser
        from .summary.files import file_stem

        stem = file_stem(self.words["summary.file_name"])
        return send_to_browser(self, html, stem) if self.is_web else save_to_file(html, stem)

    def copy_to_clipboard(self, text: str) -> None:
        """Copy nothing: a question one patient typed must never be pasted by the next (a kiosk, a shared tablet)."""

    def action_toggle_contrast(self) -> None:
        """Switch between the calm theme and high contrast."""
        self.theme = CALM.name if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name

    # The session's end.

    def on_walkthrough_screen_page_shown(self, message: WalkthroughScreen.PageShown) -> None:
        """Note how far the walk got; the calm ratings open at their moments (session_end.py)."""
        self.session_tracker.page_shown(message.index)

    def end_session(self, reason: str) -> None:
        """This patient's session ends (the end, a fresh start, Start again): its anonymous row, once, if kept."""
        self.session_tracker.end(reason)

    def on_unmount(self) -> None:
        """The app ends (quit, a signal, a served tab closed): the session's row is written before it goes."""
        self.session_tracker.end("quit", wait=True)

    # Faults.

    def fault(self, error: Exception) -> bool:
        """Log any unexpected error (type and place, no message); the app then ends with one calm line."""
        self.fault_total += 1
        self.log_file.error(describe_fault(error))
        return False

    def log_file_hint(self) -> logging.Logger:
        """The calm line after a fault names this log's file."""
        return self.log_file
