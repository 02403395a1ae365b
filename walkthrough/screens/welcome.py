"""The welcome page: what this is, and the disclaimer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal

from ..widgets.nav import TouchButton
from ..widgets.text import PlainText
from .page import Page

if TYPE_CHECKING:
    from ..content.model import Welcome


class WelcomePage(Page):
    """The first page: a greeting, how to use the walkthrough, and the disclaimer."""

    def __init__(
        self,
        welcome: Welcome,
        words: Mapping[str, str],
        languages: Mapping[str, str],
        language: str,
        **kwargs: object,
    ) -> None:
        """The welcome page, with a button for each of ``languages`` (code to name) when there are two or more."""
        super().__init__(words, **kwargs)
        self.welcome = welcome
        self.languages = languages
        self.language = language

    def compose(self) -> ComposeResult:
        """The language choice, the greeting, the body, the disclaimer and the contrast button."""
        if len(self.languages) > 1:
            with Horizontal(id="languages"):
                yield PlainText(self.words["language_choice"], id="language-label")
                for code, name in self.languages.items():
                    chosen = " -chosen" if code == self.language else ""
                    yield TouchButton(name, f"app.language('{code}')", id=f"lang-{code}", classes=f"language{chosen}")
        yield PlainText(self.welcome.title, classes="heading")
        yield PlainText(self.welcome.body, classes="body")
        yield PlainText(self.welcome.disclaimer, classes="disclaimer")
        yield TouchButton(self.words["contrast"], "app.toggle_contrast", id="contrast", classes="secondary")
