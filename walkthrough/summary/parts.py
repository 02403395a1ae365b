"""What both forms of the summary are made of: the clinic's name and phone, and the patient's questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..content.clinic_values import shown_text
from ..content.sanitize import one_line
from ..session import OWN_QUESTION_CHARACTERS

if TYPE_CHECKING:
    from ..content.records import LoadedWalkthrough
    from ..session import PatientSession


def clinic_name(content: LoadedWalkthrough) -> str:
    """The clinic's name in the content's language."""
    clinic = content.clinic
    return shown_text(clinic.clinic_name, content.language, clinic.default_language)


def clinic_phone(content: LoadedWalkthrough) -> str:
    """The clinic's phone, as it should be shown, in the content's language."""
    clinic = content.clinic
    return shown_text(clinic.clinic_phone, content.language, clinic.default_language)


def patient_text(text: str) -> str:
    """A question the patient typed, as one plain line: no control characters, no line breaks, capped.

    The session keeps typed text cleaned already; this is done again here
    because the summary leaves the app, and a page or a QR code is no place
    for a stray escape sequence.
    """
    return one_line(text).strip()[:OWN_QUESTION_CHARACTERS]


def chosen_questions(content: LoadedWalkthrough, session: PatientSession | None) -> list[str]:
    """The content's questions the patient ticked (in the content's order), then the ones they typed."""
    if session is None:
        return []
    items = content.walkthrough.questions.items
    ticked = [items[index] for index in sorted(session.ticked_questions) if 0 <= index < len(items)]
    typed = [text for text in (patient_text(question) for question in session.own_questions) if text]
    return ticked + typed
