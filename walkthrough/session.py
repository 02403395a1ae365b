"""What one patient did in one session, held only in memory and dropped at a fresh start or "Start again".

The app holds one :class:`PatientSession` and hands it to the screens that
fill it in (the teach-back checks, "my questions", the calm ratings); the
take-home summary and the anonymous store read it. Nothing here is ever
logged or written to disk by the app itself: the summary is handed to the
patient, and the anonymous store (when a clinic turns it on) keeps only
counts and ratings, never typed text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

OWN_QUESTIONS_MAX = 2
"""How many questions of their own a patient may add."""

OWN_QUESTION_CHARACTERS = 200
"""The longest question a patient may type (longer text is cut at a word)."""


@dataclass
class CheckAnswer:
    """How a patient answered one teach-back check (by the id of what it checks: a step id, ``visit``, ``course``)."""

    first_right: bool | None = None
    """Whether the first answer was the right one (None: skipped, or not answered yet)."""
    needed_again: bool = False
    """A wrong answer or "Not sure" led to the re-explanation: something to go over in the talk."""


@dataclass
class PatientSession:
    """One patient's answers, ticks and ratings in this session (in memory only)."""

    checks: dict[str, CheckAnswer] = field(default_factory=dict)
    """Teach-back answers, by what each check is about."""
    ticked_questions: set[int] = field(default_factory=set)
    """The content's questions (by their place in the list) the patient wants to ask."""
    own_questions: list[str] = field(default_factory=list)
    """Questions the patient typed (at most OWN_QUESTIONS_MAX, plain text, already cleaned)."""
    rating_before: int | None = None
    """How anxious (0-10) before the walk; None if not given."""
    rating_after: int | None = None
    """How anxious (0-10) at the end; None if not given."""
    furthest_page: int = 0
    """The furthest page reached (0 is the welcome page)."""

    def answer(self, about: str) -> CheckAnswer:
        """The answer record for the check about ``about``, made when first asked for."""
        return self.checks.setdefault(about, CheckAnswer())

    @property
    def is_empty(self) -> bool:
        """Nothing was answered, ticked, typed or rated, and no page was turned."""
        return (
            not self.checks
            and not self.ticked_questions
            and not self.own_questions
            and self.rating_before is None
            and self.rating_after is None
            and self.furthest_page == 0
        )
