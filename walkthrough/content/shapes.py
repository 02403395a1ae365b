"""What the app may read of checked content: one read-only Protocol for each kind of content.

The app is handed content in one of two forms: the pydantic models of
``model.py`` (a start that checked the files) or the ``Record``\\ s of
``records.py`` (a start from the content cache, which skips pydantic). Both
have the same fields and nothing else the app may rely on, so screens and
widgets are typed with these Protocols, never with the models: reading a
field that a record lacks (a model's method, say ``ClinicValues.as_text``) is
then a type error, not a surprise at a cached start.

Each Protocol has the same name as its model and one read-only property per
model field, of the same type; ``tests/test_shapes.py`` fails if the two ever
differ. The models satisfy the Protocols structurally (the loader's
``LoadedWalkthrough(...)`` is where mypy checks it); records are cast to them
once, in ``records.py``. Field meanings are documented in ``model.py``. The
clinic values' Protocol is in ``clinic_values.py`` and is imported here, so
``shapes.ClinicValues`` names it as before.
"""

from __future__ import annotations

from typing import Literal, Protocol

# Imported "as" itself: the explicit re-export that lets screens, settings and records keep importing it from here.
from .clinic_values import ClinicValues as ClinicValues


class Welcome(Protocol):
    """The first screen a patient sees."""

    @property
    def title(self) -> str:
        """The big heading."""

    @property
    def body(self) -> str:
        """What this walkthrough is and how to use it."""

    @property
    def disclaimer(self) -> str:
        """General information, not medical advice."""

    @property
    def counsellor_notes(self) -> tuple[str, ...]:
        """Talking points for the counsellor (maybe none)."""


class Check(Protocol):
    """A teach-back check: one plain question about what a page said."""

    @property
    def question(self) -> str:
        """The question."""

    @property
    def choices(self) -> tuple[str, ...]:
        """2 or 3 answers (the screen adds "Not sure" itself)."""

    @property
    def answer(self) -> str:
        """The right answer: one of the choices."""

    @property
    def explain(self) -> str:
        """The re-explanation after a wrong answer or "Not sure"."""


class Step(Protocol):
    """One step of the visit, shown as its own screen."""

    @property
    def id(self) -> str:
        """A short name for the step, the same in every language."""

    @property
    def title(self) -> str:
        """The step's heading."""

    @property
    def summary(self) -> str:
        """One line that sums up the step."""

    @property
    def body(self) -> str:
        """What happens in this step."""

    @property
    def may_feel(self) -> tuple[str, ...]:
        """What you may feel: one line each."""

    @property
    def what_helps(self) -> tuple[str, ...]:
        """What helps: one line each."""

    @property
    def counsellor_notes(self) -> tuple[str, ...]:
        """Talking points for the counsellor."""

    @property
    def check(self) -> Check | None:
        """Its teach-back check, if it has one."""


class TimelineStage(Protocol):
    """One stage on the drawn timeline of a visit."""

    @property
    def label(self) -> str:
        """A word or two, e.g. 'Arrive'."""

    @property
    def detail(self) -> str:
        """A short detail under the label, or empty."""


class Visit(Protocol):
    """The screen about how long one visit takes."""

    @property
    def title(self) -> str:
        """Heading of the visit screen."""

    @property
    def summary(self) -> str:
        """One line that sums up the visit."""

    @property
    def body(self) -> str:
        """How long a visit takes."""

    @property
    def timeline(self) -> tuple[TimelineStage, ...]:
        """The stages of a visit, in order."""

    @property
    def counsellor_notes(self) -> tuple[str, ...]:
        """Talking points for the counsellor (maybe none)."""

    @property
    def check(self) -> Check | None:
        """Its teach-back check, if it has one."""


class Course(Protocol):
    """The screen about the course of treatment and results."""

    @property
    def title(self) -> str:
        """Heading of the course screen."""

    @property
    def summary(self) -> str:
        """One line that sums up the course."""

    @property
    def body(self) -> str:
        """How many treatments, over how many days, and what results people notice."""

    @property
    def after_effects(self) -> tuple[str, ...]:
        """How you may feel after each treatment."""

    @property
    def calendar_label(self) -> str:
        """Caption for the drawn calendar."""

    @property
    def counsellor_notes(self) -> tuple[str, ...]:
        """Talking points for the counsellor (maybe none)."""

    @property
    def check(self) -> Check | None:
        """Its teach-back check, if it has one."""


class Questions(Protocol):
    """The closing screen: questions to ask the care team."""

    @property
    def title(self) -> str:
        """Heading of the closing screen."""

    @property
    def summary(self) -> str:
        """One line that sums up the screen."""

    @property
    def intro(self) -> str:
        """A sentence before the list."""

    @property
    def items(self) -> tuple[str, ...]:
        """Questions patients often ask."""

    @property
    def closing(self) -> str:
        """A calm last line."""

    @property
    def counsellor_notes(self) -> tuple[str, ...]:
        """Talking points for the counsellor (maybe none)."""


class FaqItem(Protocol):
    """One of the common questions, with a plain answer."""

    @property
    def question(self) -> str:
        """The question as a patient would ask it."""

    @property
    def answer(self) -> str:
        """A short, plain answer."""

    @property
    def counsellor_notes(self) -> tuple[str, ...]:
        """Notes for the counsellor about this question (maybe none)."""


class BreathingPhase(Protocol):
    """One phase of a breathing pattern, e.g. breathe in for 4 seconds."""

    @property
    def label(self) -> str:
        """The words shown during the phase."""

    @property
    def seconds(self) -> float:
        """How long the phase lasts."""

    @property
    def kind(self) -> Literal["in", "hold", "out"]:
        """How the shape moves: grows, stays still or shrinks."""


class BreathingPattern(Protocol):
    """A way of breathing offered in calming mode."""

    @property
    def id(self) -> str:
        """A short name for the pattern."""

    @property
    def name(self) -> str:
        """The pattern's name on its button."""

    @property
    def description(self) -> str:
        """One line on how it goes."""

    @property
    def phases(self) -> tuple[BreathingPhase, ...]:
        """The phases, in order; they repeat."""


class Calm(Protocol):
    """Calming mode: a breathing pacer for the wait."""

    @property
    def title(self) -> str:
        """Heading of the calming screen."""

    @property
    def intro(self) -> str:
        """A kind line before the breathing starts."""

    @property
    def get_ready(self) -> str:
        """Shown during the 3-2-1."""

    @property
    def finished(self) -> str:
        """The closing line when the time is up."""

    @property
    def default_pattern(self) -> str:
        """The id of the pattern to start with."""

    @property
    def patterns(self) -> tuple[BreathingPattern, ...]:
        """The breathing patterns on offer."""


class Walkthrough(Protocol):
    """One language's whole walkthrough."""

    @property
    def title(self) -> str:
        """The walkthrough's name, at the top of every screen."""

    @property
    def safety_line(self) -> str:
        """The line at the bottom of every patient screen."""

    @property
    def welcome(self) -> Welcome:
        """The welcome screen."""

    @property
    def steps(self) -> tuple[Step, ...]:
        """The steps of the visit, in order."""

    @property
    def visit(self) -> Visit:
        """How long one visit takes."""

    @property
    def course(self) -> Course:
        """The course of treatment."""

    @property
    def questions(self) -> Questions:
        """Questions to ask the care team."""

    @property
    def calm(self) -> Calm:
        """Calming mode."""

    @property
    def faq(self) -> tuple[FaqItem, ...]:
        """Common questions with plain answers (maybe none)."""
