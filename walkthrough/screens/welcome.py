"""The welcome page: what this is, and the disclaimer."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult

from ..content.model import Welcome
from ..widgets.nav import touch_button
from ..widgets.text import PlainText
from .page import Page


class WelcomePage(Page):
    """The first page: a greeting, how to use the walkthrough, and the disclaimer."""

    def __init__(self, welcome: Welcome, words: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(words, **kwargs)
        self.welcome = welcome

    def compose(self) -> ComposeResult:
        """The greeting, the body, the disclaimer and the contrast button."""
        yield PlainText(self.welcome.title, classes="heading")
        yield PlainText(self.welcome.body, classes="body")
        yield PlainText(self.welcome.disclaimer, classes="disclaimer")
        yield touch_button(self.words["contrast"], "app.toggle_contrast", id="contrast", classes="secondary")
