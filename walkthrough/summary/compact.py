"""The compact summary: a few plain lines (phone, questions, next steps) for a QR code a phone camera reads."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from ..content.sanitize import one_line
from .parts import chosen_questions, clinic_name, clinic_phone

if TYPE_CHECKING:
    from ..content.records import LoadedWalkthrough
    from ..session import PatientSession

COMPACT_BYTES = 220
"""The most UTF-8 bytes the compact text may take: a version 9 QR code at most (53 modules a side, 29 lines drawn).

Bigger codes are harder for a phone camera to read off a terminal, and
would not fit a 120x30 screen. A question that would go past it
is left out (the full page has them all).
"""


def compact_text(
    content: LoadedWalkthrough,
    words: Mapping[str, str],
    session: PatientSession | None = None,
    *,
    limit: int = COMPACT_BYTES,
) -> str:
    """The compact summary: the clinic's phone, the patient's questions, then the visit and the course.

    Each line is the content's own sentence (or the patient's words) on one
    line; a line that would take the text past ``limit`` bytes is left out,
    in that order: the title and phone first, the visit and course last.
    """
    return compact_texts(content, words, session, limit=limit)[0]


def compact_texts(
    content: LoadedWalkthrough,
    words: Mapping[str, str],
    session: PatientSession | None = None,
    *,
    limit: int = COMPACT_BYTES,
) -> list[str]:
    """The compact summary (:func:`compact_text`), then shorter ones, each without the last part of the one before.

    The shortest holds how to reach the clinic (with the title, if both fit).
    A screen too small for the whole code shows the fullest that fits. The
    clinic's line is always there: cut to ``limit`` if a clinic's name and
    phone are longer than that on their own.
    """
    walkthrough = content.walkthrough
    phone = words["summary.text_phone"].format(clinic=clinic_name(content), phone=clinic_phone(content))
    reach = _cut(one_line(phone).strip(), limit)
    title = one_line(walkthrough.title).strip()
    questions = [f"- {one_line(question).strip()}" for question in chosen_questions(content, session)]
    groups: list[list[str]] = []
    if questions:
        groups.append([words["summary.text_ask"], questions[0]])  # "Ask:" only with a question after it
        groups += [[question] for question in questions[1:]]
    groups += [[walkthrough.visit.summary], [walkthrough.course.summary]]
    kept = [[title, reach] if title and _size([title, reach]) <= limit else [reach]]
    for group in groups:
        lines = [one_line(line).strip() for line in group]
        if all(lines) and _size([*(line for part in kept for line in part), *lines]) <= limit:
            kept.append(lines)
    return ["\n".join(line for part in kept[:count] for line in part) for count in range(len(kept), 0, -1)]


def _cut(text: str, limit: int) -> str:
    """``text``, cut to at most ``limit`` UTF-8 bytes (never inside a character)."""
    return text.encode("utf-8")[:limit].decode("utf-8", "ignore")


def _size(lines: list[str]) -> int:
    return len("\n".join(lines).encode("utf-8"))
