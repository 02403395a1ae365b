"""The content model: what a walkthrough file and a clinic values file may say.

Every field has a description; they become the JSON Schema that gives editors
completion and hover help. Models are frozen: screens read them, never change them.

Screens do not name these classes: a start from the content cache hands them
records, not models, so they read content through the Protocols of the same
names in ``shapes.py``. A field added here is added there too
(``tests/test_shapes.py`` fails until it is).
"""

from __future__ import annotations

import difflib
from typing import Annotated, Literal

from pydantic import Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from ..pin import is_pin_hash
from .clinic_values import value_text
from .kinds import LanguageCode, LocalText, Notes, StepId, Strict, Text, TextList
from .limits import IDLE_SECONDS_MAX, IDLE_SECONDS_MIN


class Welcome(Strict):
    """The first screen a patient sees."""

    title: Text = Field(description="The big heading on the welcome screen.")
    body: Text = Field(description="What this walkthrough is and how to use it, in a few short sentences.")
    disclaimer: Text = Field(description="Short note: general information, not medical advice; ask your care team.")
    counsellor_notes: Notes = Field(
        default=(), description="Optional talking points for the counsellor on this screen. Patients never see these."
    )


class Check(Strict):
    """A teach-back check: one plain question about what a page just said, to see it was clear.

    Never a test of the patient: a wrong answer or "Not sure" (which the
    screen adds itself) brings the re-explanation and the question again.
    """

    question: Text = Field(description="One plain question about what this page said, e.g. 'Who puts the IV in?'.")
    choices: Annotated[tuple[Text, ...], Field(min_length=2, max_length=3)] = Field(
        json_schema_extra={"uniqueItems": True},
        description="2 or 3 short answers, each different; the screen adds 'Not sure' itself. "
        "Wrong ones are plainly wrong but never silly or frightening.",
    )
    answer: Text = Field(description="The right answer: exactly one of the choices, written the same way.")
    explain: Text = Field(
        description="Said after a wrong answer or 'Not sure': the page's key sentence again, in other words."
    )

    @field_validator("choices")
    @classmethod
    def _each_choice_differs(cls, choices: tuple[str, ...]) -> tuple[str, ...]:
        folded = [choice.casefold() for choice in choices]  # "Yes" and "yes" read as the same choice
        for index, choice in enumerate(folded):
            if choice in folded[:index]:
                raise PydanticCustomError(
                    "duplicate_choice",
                    "choice {item_number} is the same as choice {first_number}; each choice must be different",
                    {"item": index, "item_number": index + 1, "first_number": folded.index(choice) + 1},
                )
        return choices

    @field_validator("answer")
    @classmethod
    def _answer_is_a_choice(cls, answer: str, info: ValidationInfo) -> str:
        choices = info.data.get("choices")
        if choices is None or answer in choices:
            return answer  # choices that are not valid are reported themselves
        from .sanitize import echo  # only when there is a problem to show

        close = difflib.get_close_matches(answer, choices, n=1, cutoff=0.6)
        hint = f"did you mean '{echo(close[0])}'?" if close else "copy one of the choices here, word for word"
        message = "the answer must be one of the choices; {hint}"
        raise PydanticCustomError("answer_not_a_choice", message, {"hint": hint})


class Step(Strict):
    """One step of the visit, shown as its own screen."""

    id: StepId = Field(
        description="A short, unique name for the step (lowercase, e.g. 'iv'); the same in every language."
    )
    title: Text = Field(description="The step's heading, e.g. 'The IV goes in'.")
    summary: Text = Field(description="One line that sums up the step.")
    body: Text = Field(description="What happens in this step, in short, plain sentences.")
    may_feel: TextList = Field(description="What you may feel: one short line each.")
    what_helps: TextList = Field(description="What helps: one short line each.")
    counsellor_notes: TextList = Field(description="Talking points for the counsellor. Patients never see these.")
    check: Check | None = Field(
        default=None, description="Optional teach-back check: one question about what this step's page said."
    )


class TimelineStage(Strict):
    """One stage on the drawn timeline of a visit."""

    label: Text = Field(description="A word or two, e.g. 'Arrive' or 'Infusion'.")
    detail: str = Field(
        default="", description="Optional short detail under the label, e.g. 'about {infusion_minutes} min'."
    )


class Visit(Strict):
    """The screen about how long one visit takes."""

    title: Text = Field(description="Heading of the visit screen.")
    summary: Text = Field(description="One line that sums up the visit.")
    body: Text = Field(description="How long a visit takes, in plain words.")
    timeline: tuple[TimelineStage, ...] = Field(
        min_length=2, max_length=8, description="The stages of a visit, in order, drawn as a timeline."
    )
    counsellor_notes: Notes = Field(
        default=(), description="Optional talking points for the counsellor on this screen. Patients never see these."
    )
    check: Check | None = Field(
        default=None,
        description="Optional teach-back check about how long a visit takes; may use clinic values "
        "like {infusion_minutes}.",
    )


class Course(Strict):
    """The screen about the course of treatment and results."""

    title: Text = Field(description="Heading of the course screen.")
    summary: Text = Field(description="One line that sums up the course.")
    body: Text = Field(description="How many treatments, over how many days, and what results people notice.")
    after_effects: TextList = Field(description="What to know about how you feel after each treatment.")
    calendar_label: Text = Field(
        description="Caption for the drawn calendar, e.g. '{treatments} treatments over {course_days} days'."
    )
    counsellor_notes: Notes = Field(
        default=(), description="Optional talking points for the counsellor on this screen. Patients never see these."
    )
    check: Check | None = Field(
        default=None,
        description="Optional teach-back check about how many treatments, over how long; may use clinic values "
        "like {treatments} and {course_days}.",
    )


class Questions(Strict):
    """The closing screen: questions to ask the care team."""

    title: Text = Field(description="Heading of the closing screen.")
    summary: Text = Field(description="One line that sums up the screen.")
    intro: Text = Field(description="A sentence before the list.")
    items: TextList = Field(description="Questions patients often want to ask their care team.")
    closing: Text = Field(description="A calm last line, e.g. how to reach the clinic.")
    counsellor_notes: Notes = Field(
        default=(), description="Optional talking points for the counsellor on this screen. Patients never see these."
    )


class FaqItem(Strict):
    """One of the common questions, with a plain answer."""

    question: Text = Field(description="The question as a patient would ask it, e.g. 'Will the IV hurt?'.")
    answer: Text = Field(description="A short, plain answer, from the same facts as the steps.")
    counsellor_notes: Notes = Field(
        default=(), description="Optional notes for the counsellor about this question. Patients never see these."
    )


class BreathingPhase(Strict):
    """One phase of a breathing pattern, e.g. breathe in for 4 seconds."""

    label: Text = Field(description="The words shown during the phase, e.g. 'Breathe in'.")
    seconds: float = Field(ge=1, le=20, description="How long the phase lasts, in seconds (1 to 20).")
    kind: Literal["in", "hold", "out"] = Field(
        description="How the shape moves: 'in' grows, 'out' shrinks, 'hold' stays still."
    )


class BreathingPattern(Strict):
    """A way of breathing offered in calming mode."""

    id: StepId = Field(description="A short, unique name for the pattern (lowercase, e.g. 'slow').")
    name: Text = Field(description="The pattern's name on its button, e.g. 'Slow breathing'.")
    description: Text = Field(description="One short line on how it goes, e.g. 'In for 4, out for 6'.")
    phases: tuple[BreathingPhase, ...] = Field(
        min_length=2, max_length=8, description="The phases, in order; they repeat."
    )


class Calm(Strict):
    """Calming mode: a breathing pacer for the wait."""

    title: Text = Field(description="Heading of the calming screen.")
    intro: Text = Field(description="A short, kind line before the breathing starts.")
    get_ready: Text = Field(description="Shown during the 3-2-1 before the first breath.")
    finished: Text = Field(description="A calm closing line when the time is up.")
    default_pattern: StepId = Field(description="The id of the pattern to start with.")
    patterns: tuple[BreathingPattern, ...] = Field(
        min_length=1, max_length=6, description="The breathing patterns on offer."
    )


class Walkthrough(Strict):
    """One language's whole walkthrough, as read from e.g. ``en.yaml``."""

    title: Text = Field(description="The walkthrough's name, shown at the top of every screen.")
    safety_line: Text = Field(
        description="Always shown at the bottom of every patient screen, e.g. you can ask to stop the infusion."
    )
    welcome: Welcome = Field(description="The welcome screen.")
    steps: tuple[Step, ...] = Field(
        min_length=1, max_length=9, description="The steps of the visit, in order (1 to 9)."
    )
    visit: Visit = Field(description="How long one visit takes.")
    course: Course = Field(description="The course of treatment and what results to expect.")
    questions: Questions = Field(description="Questions to ask the care team.")
    calm: Calm = Field(description="Calming mode: the breathing patterns and their words.")
    faq: tuple[FaqItem, ...] = Field(
        default=(),
        max_length=30,
        description="Common questions with plain answers, shown by the Questions button and the f key.",
    )


Minutes = Annotated[int, Field(ge=1, le=600)]

STAFF_KEYS = tuple(f"f{number}" for number in range(1, 13))
"""Keys a clinic may choose to open the staff PIN prompt."""
PRIVATE_SETTINGS = frozenset(
    {"kiosk", "staff_pin_hash", "staff_key", "talk_minutes", "default_language", "max_sessions", "store"}
)
"""Clinic settings that are never filled into text a patient reads."""


class ClinicValues(Strict):
    """Numbers and names that differ between clinics, filled into the text by name, e.g. ``{observation_minutes}``."""

    clinic_name: Text | LocalText = Field(
        description="The clinic's name as patients know it; or one per language, like {en: ..., es: ...}."
    )
    clinic_phone: Text | LocalText = Field(
        description="A phone number patients can call, written as it should be shown; or one per language."
    )
    default_language: LanguageCode = Field(
        default="en", description="The language shown first, e.g. en or es (there must be a file like es.yaml)."
    )
    infusion_minutes: Minutes = Field(
        description="About how long one treatment (the infusion) takes, in minutes (1 to 600)."
    )
    observation_minutes: Minutes = Field(
        description="About how long you rest and are watched after the infusion, in minutes (1 to 600)."
    )
    treatments: Annotated[int, Field(ge=1, le=50)] = Field(
        description="How many treatments a course usually has (1 to 50)."
    )
    course_days: Annotated[int, Field(ge=1, le=365)] = Field(
        description="Over how many days a course usually runs (1 to 365)."
    )

    calm_minutes: int = Field(default=3, description="Length of a calming session to start with: 1, 3 or 5 minutes.")
    reduced_motion: bool = Field(
        default=False, description="true to show breathing as words only, with no moving shape."
    )

    kiosk: bool = Field(
        default=False, description="true to run as a waiting-room kiosk, as with --kiosk (see docs/kiosk.md)."
    )
    idle_seconds: Annotated[int, Field(ge=IDLE_SECONDS_MIN, le=IDLE_SECONDS_MAX)] = Field(
        default=90,
        description=(
            f"Kiosk: seconds without a tap or key before the 'are you still here?' warning "
            f"({IDLE_SECONDS_MIN} to {IDLE_SECONDS_MAX})."
        ),
    )
    staff_pin_hash: str | None = Field(
        default=None,
        description="Kiosk: the staff PIN as printed by `walkthrough hash-pin` (never the PIN itself). "
        "Leave it out and staff exit is off.",
    )
    staff_key: str = Field(default="f12", description="Kiosk: the key that opens the staff PIN prompt, f1 to f12.")

    talk_minutes: Annotated[int, Field(ge=1, le=180)] | None = Field(
        default=None,
        description="Counsellor mode: the planned length of a pre-visit talk (1 to 180 minutes); "
        "the talk timer turns a warm colour after it. Leave it out for no target.",
    )

    max_sessions: Annotated[int, Field(ge=1, le=500)] | None = Field(
        default=None,
        description="walkthrough serve: at most this many browser tabs at once (1 to 500), each running its own "
        "app of about 40 MB; a tab beyond it is told all screens are in use. --max-sessions overrides it. "
        "Leave it out to choose from the server's memory (half the available memory at 45 MB a tab, at most 50).",
    )
    store: str | None = Field(
        default=None,
        description="The anonymous store's file (see README), relative to this folder; --store overrides it. "
        "Leave it out and nothing is stored.",
    )

    @field_validator("staff_pin_hash")
    @classmethod
    def _printed_by_hash_pin(cls, value: str | None) -> str | None:
        if value is not None and not is_pin_hash(value.strip()):
            raise ValueError("must be the whole line printed by 'walkthrough hash-pin' (it starts with scrypt$)")
        return value.strip() if value is not None else None

    @field_validator("staff_key")
    @classmethod
    def _function_key(cls, key: str) -> str:
        key = key.strip().lower()
        if key not in STAFF_KEYS:
            raise ValueError(f"must be one of f1 to f12, not '{key}'")
        return key

    @field_validator("calm_minutes")
    @classmethod
    def _one_three_or_five(cls, minutes: int) -> int:
        if minutes not in (1, 3, 5):
            raise ValueError(f"must be 1, 3 or 5, not {minutes}")
        return minutes

    @classmethod
    def text_value_names(cls) -> list[str]:
        """The names text may use as placeholders: every value but the private kiosk settings."""
        return sorted(name for name in cls.model_fields if name not in PRIVATE_SETTINGS)

    def as_text(self, language: str) -> dict[str, str]:
        """Every value text may use, as the text that replaces its placeholder in ``language``.

        A value given per language with no text for ``language`` is left out
        (see :meth:`untranslated`), so its placeholder stays as written.
        """
        texts: dict[str, str] = {}
        for name in self.text_value_names():
            text = value_text(getattr(self, name), (language,))
            if text is not None:
                texts[name] = text
        return texts

    def untranslated(self, language: str) -> list[str]:
        """The values given per language that have no text for ``language``."""
        return [name for name in self.text_value_names() if value_text(getattr(self, name), (language,)) is None]
