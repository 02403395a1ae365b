"""Counsellor mode: the same walkthrough, with talking points, a talk timer, jumps and an overview.

Never in a kiosk (the settings refuse it). Everything a patient's app must
never show or do is here, so a patient's app has none of it.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.binding import Binding
from textual.screen import Screen

from ..app import WalkthroughApp
from ..screens.walkthrough import WalkthroughScreen
from ..settings import Mode
from ..stylesheets import FOR_COUNSELLOR, stylesheet
from ..talk import TalkTimer


class CounsellorApp(WalkthroughApp):
    """The counsellor's view: notes on every page (h hides them), a talk timer (t, r), an overview (o)."""

    MODE: ClassVar[Mode] = "counsellor"
    OFFERS_FOLLOW = False
    STORE_MODE = None  # a talk with a counsellor is not a patient alone: never stored
    MAY_LEAD = True
    BINDINGS = [
        Binding("w", "lead", "Share"),
        Binding("w", "stop_leading", "Stop sharing"),
        Binding("o", "overview", "Overview"),
        Binding("h", "hide_notes", "Hide notes"),
        Binding("h", "show_notes", "Show notes"),
        Binding("t", "talk_pause", "Timer"),
        Binding("r", "talk_reset", "Reset timer"),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """As :class:`WalkthroughApp`, with the counsellor's stylesheet and a talk timer."""
        super().__init__(*args, **kwargs)
        self._talk_timer = TalkTimer(self.clock, target_minutes=self.content.clinic.talk_minutes)
        counsellor_css = stylesheet(FOR_COUNSELLOR)
        self.css_path = [*self.css_path, counsellor_css]
        if self.css_monitor is not None:  # `textual run --dev` reloads it on a save, as it does the others
            self.css_monitor.add_paths([counsellor_css])
        self.notes_hidden = False
        """The counsellor has hidden the notes (h) for the moment the patient leans in."""

    @property
    def talk_timer(self) -> TalkTimer:
        """The talk timer every screen shows in its title bar."""
        return self._talk_timer

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """h hides or shows the notes, whichever fits; the overview opens from the walkthrough only."""
        if action in ("hide_notes", "show_notes"):
            return self.notes_hidden == (action == "show_notes")
        if action == "overview":
            return isinstance(self.top_screen, WalkthroughScreen)
        return super().check_action(action, parameters)

    def action_overview(self) -> None:
        """List every page, to jump to one."""
        screen = self.screen
        if not isinstance(screen, WalkthroughScreen):
            return
        from ..screens.overview import OverviewScreen

        overview = OverviewScreen(
            self.content.walkthrough,
            self.words,
            current=screen.shown_page[1],
            talk_timer=self.talk_timer,
            session=self.session,
        )
        self.open_screen(overview, "overview", self._overview_picked)

    def _overview_picked(self, choice: int | None) -> None:
        from ..screens.overview import FAQ_CHOICE

        if choice == FAQ_CHOICE:
            self.action_faq()
        elif choice is not None and isinstance(self.screen, WalkthroughScreen):
            self.screen.page_index = choice

    def action_hide_notes(self) -> None:
        """Hide the notes while the patient looks at the screen."""
        self._set_notes_hidden(True)

    def action_show_notes(self) -> None:
        """Bring the notes back."""
        self._set_notes_hidden(False)

    def _set_notes_hidden(self, hidden: bool) -> None:
        # A class on every open screen (new ones get it in push_screen): a class on the app alone
        # does not restyle the screens under the one on top.
        self.notes_hidden = hidden
        for screen in self.screen_stack:
            screen.set_class(hidden, "-notes-hidden")
        self.refresh_bindings()

    def push_screen(self, screen: Any, *args: Any, **kwargs: Any) -> Any:
        """Push a screen, carrying "notes hidden" over to it."""
        if isinstance(screen, Screen):
            screen.set_class(self.notes_hidden, "-notes-hidden")
        return super().push_screen(screen, *args, **kwargs)

    def action_talk_pause(self) -> None:
        """Pause the talk timer, or go on."""
        self.talk_timer.toggle_pause()
        self._redraw_talk_clocks()

    def action_talk_reset(self) -> None:
        """The talk timer back to 0:00."""
        self.talk_timer.reset()
        self._redraw_talk_clocks()

    def _redraw_talk_clocks(self) -> None:
        from ..widgets.counsellor import TalkClock

        for screen in self.screen_stack:
            for talk_clock in screen.query(TalkClock):
                talk_clock.refresh_clock()
