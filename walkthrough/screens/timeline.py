"""Length and results: how long a visit takes, and the course of treatment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult

from ..widgets.text import PlainText, bullet_lines
from ..widgets.timeline import CourseCalendar, VisitTimeline
from .page import Page

if TYPE_CHECKING:
    from ..content.model import ClinicValues, Course, Visit


class VisitPage(Page):
    """How long one visit takes, with its stages drawn as a timeline."""

    def __init__(self, visit: Visit, words: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(words, **kwargs)
        self.visit = visit

    def compose(self) -> ComposeResult:
        """Heading, summary, body and the drawn timeline."""
        yield PlainText(self.visit.title, classes="heading")
        yield PlainText(self.visit.summary, classes="summary")
        yield PlainText(self.visit.body, classes="body")
        yield PlainText(self.words["visit_timeline"], classes="subheading")
        yield VisitTimeline(self.visit.timeline, classes="drawing")


class CoursePage(Page):
    """The course of treatment: how many, over how long, and what to expect after."""

    def __init__(self, course: Course, clinic: ClinicValues, words: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(words, **kwargs)
        self.course = course
        self.clinic = clinic

    def compose(self) -> ComposeResult:
        """Heading, summary, body, the drawn calendar and the after-effects."""
        yield PlainText(self.course.title, classes="heading")
        yield PlainText(self.course.summary, classes="summary")
        yield PlainText(self.course.body, classes="body")
        yield PlainText(self.words["course_calendar"], classes="subheading")
        yield CourseCalendar(self.clinic.treatments, self.clinic.course_days, self.words["week"], classes="drawing")
        yield PlainText(self.course.calendar_label, classes="caption")
        yield PlainText(self.words["legend"], classes="caption legend")
        yield PlainText(self.words["after_treatment"], classes="subheading")
        yield PlainText(bullet_lines(self.course.after_effects), classes="list")
