"""The welcome page: what this is, and the disclaimer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal

from ..themes import HIGH_CONTRAST
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText, plain
from .page import Page

if TYPE_CHECKING:
    from ..content.shapes import Welcome


class WelcomePage(Page):
    """The first page: a greeting, how to use the walkthrough, and the disclaimer."""

    def __init__(
        self,
        welcome: Welcome,
        words: Mapping[str, str],
        languages: Mapping[str, str],
        language: str,
        *,
        offer_follow: bool = False,
        **kwargs: object,
    ) -> None:
        """The welcome page, with a button for each of ``languages`` (code to name) when there are two or more.

        With ``offer_follow``, a "Follow my counsellor" button opens the code entry (README: following).
        """
        super().__init__(words, **kwargs)
        self.welcome = welcome
        self.languages = languages
        self.language = language
        self.offer_follow = offer_follow

    def compose(self) -> ComposeResult:
        """The language choice, the greeting, the body, the disclaimer, the contrast button (and Follow)."""
        if len(self.languages) > 1:
            with Horizontal(id="languages"):
                yield PlainText(self.words["language_choice"], id="language-label")
                for code, name in self.languages.items():
                    chosen = " -chosen" if code == self.language else ""
                    yield TouchButton(name, f"app.language('{code}')", id=f"lang-{code}", classes=f"language{chosen}")
        yield PlainText(self.welcome.title, classes="heading")
        yield PlainText(self.welcome.body, classes="body")
        yield PlainText(self.welcome.disclaimer, classes="disclaimer")
        chosen = " -chosen" if self._contrast_on() else ""
        yield TouchButton(self._contrast_label(), "app.toggle_contrast", id="contrast", classes=f"secondary{chosen}")
        if self.offer_follow:
            yield TouchButton(self.words["follow.title"], "app.follow", id="follow", classes="secondary")

    def on_mount(self) -> None:
        """The High contrast button follows the theme, however it was changed (the button, the key c, a fresh start)."""
        self.app.theme_changed_signal.subscribe(self, self._theme_changed)

    def on_unmount(self) -> None:
        """Let go of the app's signal: it would keep this page alive after a fresh start or a language switch."""
        self.app.theme_changed_signal.unsubscribe(self)

    def _theme_changed(self, _theme: object) -> None:
        self._show_contrast()

    def _contrast_on(self) -> bool:
        return self.app.theme == HIGH_CONTRAST.name

    def _contrast_label(self) -> str:
        return self.words["contrast_on" if self._contrast_on() else "contrast_off"]

    def _show_contrast(self) -> None:
        """Say on the button whether high contrast is on, in words and with the chosen look."""
        button = self.query_one("#contrast", TouchButton)
        button.label = plain(self._contrast_label())
        button.set_class(self._contrast_on(), "-chosen")
