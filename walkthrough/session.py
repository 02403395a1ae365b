"""What one patient did in one session, held only in memory and dropped at a fresh start or "Start again".

The app holds one :class:`PatientSession` and hands it to the screens that
fill it in (the teach-back checks, "my questions", the calm ratings); the
take-home summary and the anonymous store read it. Nothing here is ever
logged or written to disk by the app itself: the summary is handed to the
patient, and the anonymous store (when a clinic turns it on) keeps only
counts and ratings, never typed text.
"""

from __future__ import annotations

OWN_QUESTIONS_MAX = 2
"""How many questions of their own a patient may add."""

OWN_QUESTION_CHARACTERS = 200
"""The longest question a patient may type (longer text is cut at a word)."""


# Plain classes, not dataclasses: this is loaded before the first frame, and making a dataclass costs ~0.8 ms.
class CheckAnswer:
    """How a patient answered one teach-back check (by the id of what it checks: a step id, ``visit``, ``course``)."""

    __slots__ = ("first_right", "needed_again")

    def __init__(self, first_right: bool | None = None, needed_again: bool = False) -> None:
        self.first_right = first_right
        """Whether the first answer was the right one (None: skipped, or not answered yet)."""
        self.needed_again = needed_again
        """A wrong answer or "Not sure" led to the re-explanation: something to go over in the talk."""

    def __repr__(self) -> str:
        return f"CheckAnswer(first_right={self.first_right!r}, needed_again={self.needed_again!r})"


class PatientSession:
    """One patient's answers, ticks and ratings in this session (in memory only)."""

    __slots__ = ("checks", "furthest_page", "own_questions", "rating_after", "rating_before", "ticked_questions")

    def __init__(
        self,
        checks: dict[str, CheckAnswer] | None = None,
        ticked_questions: set[int] | None = None,
        own_questions: list[str] | None = None,
        rating_before: int | None = None,
        rating_after: int | None = None,
        furthest_page: int = 0,
    ) -> None:
        self.checks: dict[str, CheckAnswer] = checks if checks is not None else {}
        """Teach-back answers, by what each check is about."""
        self.ticked_questions: set[int] = ticked_questions if ticked_questions is not None else set()
        """The content's questions (by their place in the list) the patient wants to ask."""
        self.own_questions: list[str] = own_questions if own_questions is not None else []
        """Questions the patient typed (at most OWN_QUESTIONS_MAX, plain text, already cleaned)."""
        self.rating_before = rating_before
        """How anxious (0-10) before the walk; None if not given."""
        self.rating_after = rating_after
        """How anxious (0-10) at the end; None if not given."""
        self.furthest_page = furthest_page
        """The furthest page reached (0 is the welcome page)."""

    def answer(self, about: str) -> CheckAnswer:
        """The answer record for the check about ``about``, made when first asked for."""
        return self.checks.setdefault(about, CheckAnswer())

    def clear(self) -> None:
        """Forget everything in place: a screen left behind (and frozen for the collector) keeps nothing of it."""
        self.checks.clear()
        self.ticked_questions.clear()
        self.own_questions.clear()
        self.rating_before = self.rating_after = None
        self.furthest_page = 0

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
