"""The big Back / Help / Next buttons at the foot of every walkthrough screen."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button

from .text import plain


def touch_button(label: str, action: str, *, id: str, classes: str = "") -> Button:
    """A large button that runs ``action``, the same action its key runs.

    It never takes keyboard focus, so the walkthrough's keys always reach the
    screen (space on a focused button would press it instead of going next).
    """
    button = Button(plain(label), action=action, id=id, classes=classes)
    button.can_focus = False
    return button


class NavBar(Horizontal):
    """Back, Breathe, Auto, Questions, Help and Next, each wide and three rows tall so a finger can hit it."""

    def __init__(self, words: Mapping[str, str], *, faq: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.words = words
        self.faq = faq
        """Offer the common questions (only when the content has some)."""

    def compose(self) -> ComposeResult:
        """Lay out the three buttons."""
        yield touch_button(self.words["back"], "screen.back", id="back")
        yield touch_button(self.words["breathe"], "app.calm", id="breathe", classes="secondary")
        yield touch_button(self.words["auto"], "screen.auto", id="auto", classes="secondary")
        if self.faq:
            yield touch_button(self.words["faq"], "app.faq", id="faq", classes="secondary")
        yield touch_button(self.words["help"], "app.help", id="help", classes="secondary")
        yield touch_button(self.words["next"], "screen.next", id="next", classes="primary")

    def on_mount(self) -> None:
        """No space around labels: longer ones, like the Spanish Next, need every column.

        Set here because Textual's CSS does not accept ``line-pad: 0``.
        """
        for button in self.query(Button):
            button.styles.line_pad = 0
