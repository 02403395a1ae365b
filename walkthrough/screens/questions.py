"""The closing page: questions to ask the care team."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult

from ..widgets.nav import TouchButton
from ..widgets.text import BulletList, PlainText
from .page import Page

if TYPE_CHECKING:
    from ..content.shapes import Questions


class QuestionsPage(Page):
    """Questions patients often want to ask, a calm last line, and a way to start again."""

    def __init__(self, questions: Questions, words: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(words, **kwargs)
        self.questions = questions

    def compose(self) -> ComposeResult:
        """Heading, intro, the questions, the closing line and Start again."""
        yield PlainText(self.questions.title, classes="heading")
        yield PlainText(self.questions.summary, classes="summary")
        yield PlainText(self.questions.intro, classes="body")
        yield BulletList(self.questions.items, classes="list")
        yield PlainText(self.questions.closing, classes="body")
        yield TouchButton(self.words["start_again"], "app.start_again", id="start-again", classes="secondary")
