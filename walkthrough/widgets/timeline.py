"""Drawn pictures of time: the stages of one visit, and the treatments of a course."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual.content import Content

from .text import PlainText, SelfWrapped, plain

if TYPE_CHECKING:
    from ..content.shapes import TimelineStage


def visit_timeline_text(stages: tuple[TimelineStage, ...]) -> str:
    """The visit as a top-to-bottom line of stages, each with its detail beside it.

    Vertical, so it fits a narrow portrait tablet as well as a wide screen.
    """
    lines = []
    for index, stage in enumerate(stages):
        detail = f"  ({stage.detail})" if stage.detail else ""
        lines.append(f"● {stage.label}{detail}")
        if index < len(stages) - 1:
            lines.append("│")
    return "\n".join(lines)


ARROW = " → "
"""Between two stages of the visit drawn across."""


def stage_names(stages: tuple[TimelineStage, ...]) -> list[str]:
    """Each stage as it is drawn across: its label, and its detail in brackets."""
    return [f"{stage.label} ({stage.detail})" if stage.detail else stage.label for stage in stages]


def stages_across(names: list[str], width: int) -> Content:
    """Stages left to right with arrows, a line broken only between two stages (a stage too long is wrapped)."""
    lines: list[str] = []
    for name in names:
        if lines and cell_len(lines[-1] + ARROW + name) <= width:
            lines[-1] += ARROW + name
        else:
            lines.append(f"→ {name}" if lines else name)
    return Content("\n").join(line for text in lines for line in plain(text).wrap(width))


def treatment_days(treatments: int, days: int) -> list[int]:
    """Days (1-based) on which treatments fall when spread evenly over the course.

    Only an illustration: the first and last treatments sit on the first and
    last days, the rest evenly between.
    """
    if treatments <= 1:
        return [1]
    return sorted({1 + round(i * (days - 1) / (treatments - 1)) for i in range(treatments)})


def course_calendar_text(treatments: int, days: int, week_label: str = "Week") -> str:
    """The course as weeks of seven days: ● a treatment day, · a day without one."""
    marked = set(treatment_days(treatments, days))
    rows = []
    for start in range(1, days + 1, 7):
        week = " ".join("●" if day in marked else "·" for day in range(start, min(start + 7, days + 1)))
        rows.append(f"{week_label} {(start - 1) // 7 + 1}:  {week}")
    return "\n".join(rows)


class VisitTimeline(PlainText):
    """The stages of one visit, drawn as a line from arriving to going home."""

    def __init__(self, stages: tuple[TimelineStage, ...], **kwargs: object) -> None:
        super().__init__(visit_timeline_text(stages), **kwargs)


class VisitTimelineAcross(SelfWrapped):
    """The stages of one visit drawn across, left to right: the compact form, for a short screen."""

    def __init__(self, stages: tuple[TimelineStage, ...], **kwargs: object) -> None:
        self.names = stage_names(stages)
        super().__init__(ARROW.join(self.names), **kwargs)

    def wrap_to(self, width: int) -> Content:
        """The stages, a line broken only between two of them."""
        return stages_across(self.names, width)


class CourseCalendar(PlainText):
    """A course of treatment drawn as weeks, one mark for each treatment day."""

    def __init__(self, treatments: int, days: int, week_label: str, **kwargs: object) -> None:
        super().__init__(course_calendar_text(treatments, days, week_label), **kwargs)
