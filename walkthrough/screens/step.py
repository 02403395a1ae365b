"""A step page: one of the steps of the visit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from ..widgets.progress import StepProgress
from ..widgets.text import BulletList, PlainText
from .page import Page

if TYPE_CHECKING:
    from ..content.shapes import Step


class StepPage(Page):
    """One step: where it sits among the steps, what happens, what you may feel, what helps.

    Counsellor notes are never composed here: a patient's screen does not hold them.
    """

    def __init__(self, step: Step, number: int, total: int, words: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(words, **kwargs)
        self.step = step
        self.number = number
        self.total = total

    def compose(self) -> ComposeResult:
        """Progress, heading, summary, body and the two lists (side by side when there is room)."""
        label = self.words["step_of"].format(number=self.number, total=self.total)
        yield StepProgress(label, self.number, self.total, classes="progress")
        yield PlainText(self.step.title, classes="heading")
        yield PlainText(self.step.summary, classes="summary")
        yield PlainText(self.step.body, classes="body")
        with Horizontal(classes="columns"):
            with Vertical(classes="column"):
                yield PlainText(self.words["may_feel"], classes="subheading")
                yield BulletList(self.step.may_feel, classes="list")
            with Vertical(classes="column"):
                yield PlainText(self.words["what_helps"], classes="subheading")
                yield BulletList(self.step.what_helps, classes="list")
