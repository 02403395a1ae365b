"""The big buttons: Back / Help / Next at the foot of every walkthrough screen, and every other button."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from .text import plain

PRESSED_SECONDS = 0.2
"""How long a tapped button shows that it was pressed."""


class TouchButton(Widget):
    """A button for a finger: a literal label and an action, run when it is tapped or clicked.

    Not Textual's Button: every button here is styled by our own stylesheets and
    none takes the focus, so Button's own stylesheet (its variants, flat and
    ANSI looks) was only parsed and matched at every start, for nothing. A
    button never takes keyboard focus, so the walkthrough's keys always reach
    the screen (space on a focused button would press it instead of going
    next). A disabled or hidden button does nothing; while it shows it was
    pressed (class ``-active``), a second tap is ignored.
    """

    ALLOW_SELECT = False
    can_focus = False

    label: reactive[Content] = reactive(Content(""), layout=True)
    """The text on the button, always literal (square brackets are not markup)."""

    def __init__(self, label: str, action: str, *, id: str, classes: str = "") -> None:
        """A button showing ``label`` that runs ``action`` (for example ``"screen.next"``)."""
        super().__init__(id=id, classes=classes)
        self.set_reactive(TouchButton.label, plain(label))
        self.action = action
        """The action a tap runs: the same action its key runs."""

    def validate_label(self, label: str | Content) -> Content:
        """Take a plain string as literal text."""
        return label if isinstance(label, Content) else plain(label)

    def render(self) -> Content:
        """The label."""
        return self.label

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The widest line of the label, and a column either side."""
        return max((cell_len(line) for line in self.label.plain.splitlines()), default=0) + 2

    async def _on_click(self, event: events.Click) -> None:
        event.stop()
        if not self.has_class("-active"):
            self.press()

    def press(self) -> None:
        """Show the press for a moment and run the action, unless the button is disabled or hidden."""
        if self.disabled or not self.display:
            return
        self.add_class("-active")
        self.set_timer(PRESSED_SECONDS, partial(self.remove_class, "-active"))
        self.call_later(self.app.run_action, self.action, default_namespace=self.parent)


class NavBar(Horizontal):
    """Back, Breathe, Auto, Questions, Help and Next, each wide and three rows tall so a finger can hit it."""

    def __init__(self, words: Mapping[str, str], *, faq: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.words = words
        self.faq = faq
        """Offer the common questions (only when the content has some)."""

    def compose(self) -> ComposeResult:
        """Lay out the buttons, with no space around their labels.

        Longer labels, like the Spanish Next, need every column. Set here
        because Textual's CSS does not accept ``line-pad: 0``.
        """
        buttons = [
            TouchButton(self.words["back"], "screen.back", id="back"),
            TouchButton(self.words["breathe"], "app.calm", id="breathe", classes="secondary"),
            TouchButton(self.words["auto"], "screen.auto", id="auto", classes="secondary"),
        ]
        if self.faq:
            buttons.append(TouchButton(self.words["faq"], "app.faq", id="faq", classes="secondary"))
        buttons.append(TouchButton(self.words["help"], "app.help", id="help", classes="secondary"))
        buttons.append(TouchButton(self.words["next"], "screen.next", id="next", classes="primary"))
        for button in buttons:
            button.styles.line_pad = 0
        yield from buttons
