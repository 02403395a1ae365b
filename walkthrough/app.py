"""The walkthrough App: themes, help and quitting, around the walkthrough screen."""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from .content import LoadedWalkthrough
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

    def __init__(self, content: LoadedWalkthrough) -> None:
        super().__init__()
        self.content = content
        self.title = content.walkthrough.title
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = CALM.name

    def get_default_screen(self) -> Screen[None]:
        """The walkthrough itself is the first screen."""
        return WalkthroughScreen(self.content)

    def action_help(self) -> None:
        """Show the keys, unless help is already showing."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(ui_text(self.content.language)))

    def action_toggle_contrast(self) -> None:
        """Switch between the calm theme and high contrast."""
        self.theme = CALM.name if self.theme == HIGH_CONTRAST.name else HIGH_CONTRAST.name
