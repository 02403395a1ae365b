"""Length and results: how long a visit takes, and the course of treatment."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult

from ..widgets.text import BulletList, PlainText
from ..widgets.timeline import CourseCalendar, VisitTimeline, VisitTimelineAcross
from .page import Page

if TYPE_CHECKING:
    from ..content.shapes import ClinicValues, Course, Visit


class VisitPage(Page):
    """How long one visit takes, with its stages drawn as a timeline."""

    def __init__(self, visit: Visit, words: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(words, **kwargs)
        self.visit = visit

    def compose(self) -> ComposeResult:
        """Heading, summary, body and the drawn timeline.

        A short screen shows the timeline as one line under the summary instead,
        so it is on the first screenful (the stylesheet shows one form or the other).
        """
        yield PlainText(self.visit.title, classes="heading")
        yield PlainText(self.visit.summary, classes="summary")
        yield VisitTimelineAcross(self.visit.timeline, classes="drawing compact")
        yield PlainText(self.visit.body, classes="body")
        yield PlainText(self.words["visit_timeline"], classes="subheading full")
        yield VisitTimeline(self.visit.timeline, classes="drawing full")


class CoursePage(Page):
    """The course of treatment: how many, over how long, and what to expect after."""

    def __init__(self, course: Course, clinic: ClinicValues, words: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(words, **kwargs)
        self.course = course
        self.clinic = clinic

    def compose(self) -> ComposeResult:
        """Heading, summary, the drawn calendar (a picture first: it says the most at a glance), body, after-effects."""
        yield PlainText(self.course.title, classes="heading")
        yield PlainText(self.course.summary, classes="summary")
        yield PlainText(self.words["course_calendar"], classes="subheading")
        yield CourseCalendar(self.clinic.treatments, self.clinic.course_days, self.words["week"], classes="drawing")
        yield PlainText(self.course.calendar_label, classes="caption")
        yield PlainText(self.words["legend"], classes="caption legend")
        yield PlainText(self.course.body, classes="body")
        yield PlainText(self.words["after_treatment"], classes="subheading")
        yield BulletList(self.course.after_effects, classes="list")
