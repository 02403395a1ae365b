"""The walkthrough App: themes, help and quitting, around the walkthrough screen."""

from __future__ import annotations

import time

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from .breathing import Clock
from .content import LoadedWalkthrough
from .screens.calm import CalmScreen
from .screens.help import HelpScreen
from .screens.walkthrough import WalkthroughScreen
from .themes import CALM, HIGH_CONTRAST, THEMES
from .ui_text import ui_text


class WalkthroughApp(App[None]):
    """Shows one loaded walkthrough to a patient.

    The command palette is off: nothing a patient needs is in it, and it can
    change the look to themes that are not checked for contrast.
    """

    CSS_PATH = "walkthrough.tcss"
    ENABLE_COMMAND_PALETTE = False
    VERTICAL_BREAKPOINTS = [(0, "-short"), (20, "-tall")]
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (70, "-wide")]
    BINDINGS = [
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("c", "toggle_contrast", "Contrast"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(
        self, content: LoadedWalkthrough, *, reduced_motion: bool = False, clock: Clock = time.monotonic
    ) -> None:
        """Show ``content``; ``clock`` times every timer (tests pass a fake one)."""
        super().__init__()
        self.content = content
        self.clock = clock
        self.reduced_motion = reduced_motion or content.clinic.reduced_motion or self.animation_level == "none"
        """No moving shapes: asked for on the command line, by the clinic, or by TEXTUAL_ANIMATIONS=none."""
        self.title = content.walkthrough.title
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = CALM.name

    async def on_event(self, event: events.Event) -> None:
        """Tell the walkthrough of every key and tap (before it is handled), so hands-free reading pauses."""
        if isinstance(event, (events.Key, events.MouseDown)) and self.screen_stack:
            screen = self.screen
            if isinstance(screen, WalkthroughScreen) and not _is_auto_toggle(screen, event):
                screen.user_activity()
        await super().on_event(event)

    def get_default_screen(self) -> Screen[None]:
        """The walkthrough itself is the first screen."""
        return WalkthroughScreen(self.content)

    def action_help(self) -> None:
        """Show the keys, unless help is already showing."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(ui_text(self.content.language)))

    def action_calm(self) -> None:
        """Open calming mode over the walkthrough, which keeps its place underneath."""
        if not isinstance(self.screen, CalmScreen):
            words = ui_text(self.content.language)
            minutes = self.content.clinic.calm_minutes
            screen = CalmScreen(
                self.content.walkthrough, words, minutes=minutes, reduced_motion=self.reduced_motion, clock=self.clock
            )
            self.push_screen(screen)

    def action_toggle_contrast(self) -> None:
        """Switch between the calm theme and high contrast."""
        self.theme = CALM.name if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name


def _is_auto_toggle(screen: WalkthroughScreen, event: events.Event) -> bool:
    """The key or tap that itself turns hands-free reading on or off."""
    if isinstance(event, events.Key):
        return event.key == "a"
    if isinstance(event, events.MouseDown):
        widget, _ = screen.get_widget_at(event.screen_x, event.screen_y)
        return widget.id == "auto"
    return False
