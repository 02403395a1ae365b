"""One session as the anonymous store keeps it: a handful of numbers and short codes, nothing about the person.

A :class:`SessionRecord` holds exactly what becomes one row (README: "Does it
help? The anonymous store"): the month, the language, how the app was run, a
short hash of the content, the two calm ratings, how far the walk got and, per
teach-back check, whether the first answer was right. Every field is checked
here, so nothing else (a date, a time, a name, typed text) can reach the file.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from ..session import PatientSession

StoreMode = Literal["patient", "kiosk", "served"]
"""How the app was run: one patient at a terminal, a waiting-room kiosk, or a browser tab of ``walkthrough serve``."""

STORE_MODES: tuple[StoreMode, ...] = ("patient", "kiosk", "served")

MONTH = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
"""YYYY-MM: the only trace of when a session happened."""
LANGUAGE = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})?")
"""A language code as the content names its files (en, es, es-mx)."""
CONTENT_VERSION = re.compile(r"[0-9a-f]{8,64}")
"""A hex digest of the content."""
CHECK_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
"""What a check is about: a step id from the content, ``visit`` or ``course`` (never text a patient typed)."""

RATING_RANGE = range(0, 11)


def this_month(today: Callable[[], datetime.date] = datetime.date.today) -> str:
    """The current month as YYYY-MM (the day and time are never kept)."""
    return today().strftime("%Y-%m")


def content_version(content: Path) -> str:
    """A short hash (16 hex digits) of the content's YAML files: their names and bytes, never where they live.

    ``content`` is the walkthrough folder or one of its language files. Two
    clinics with the same files get the same version; any edit gives a new one.
    Files that cannot be read are left out (the store must never stop the app).
    """
    folder = content if content.is_dir() else content.parent
    digest = hashlib.sha256(b"walkthrough content\0")
    for file in sorted([*folder.glob("*.yaml"), *folder.glob("ui/*.yaml")]):
        try:
            data = file.read_bytes()
        except OSError:
            continue
        digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + data + b"\0")
    return digest.hexdigest()[:16]


@dataclass(frozen=True)
class SessionFigures:
    """What the store may take of a session (ratings, furthest page, first answers), fixed when taken.

    The app takes them as the session ends and its writer thread makes the
    record from them: the app's session may change or be replaced while the
    write waits, and ticked and typed questions never leave the app.
    ``checks`` maps what a check is about to whether the first answer was
    right (None: skipped or not answered).
    """

    rating_before: int | None
    rating_after: int | None
    furthest_page: int
    checks: Mapping[str, bool | None]

    @classmethod
    def of(cls, session: PatientSession) -> SessionFigures:
        """The figures of ``session`` as it is now."""
        return cls(
            rating_before=session.rating_before,
            rating_after=session.rating_after,
            furthest_page=session.furthest_page,
            checks={about: answer.first_right for about, answer in session.checks.items()},
        )


class RecordError(ValueError):
    """A field would put something in the store that it must not hold (a full date, free text, a bad rating)."""


@dataclass(frozen=True)
class SessionRecord:
    """What the store keeps of one session (one row), checked when made.

    ``checks`` maps what a check is about to whether the first answer was right
    (None: skipped or not answered).
    """

    month: str
    language: str
    mode: StoreMode
    content_version: str
    rating_before: int | None = None
    rating_after: int | None = None
    furthest_page: int = 0
    page_count: int = 1
    checks: Mapping[str, bool | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        _must(MONTH.fullmatch(self.month) is not None, f"month must be YYYY-MM, not {self.month!r}")
        _must(LANGUAGE.fullmatch(self.language) is not None, f"not a language code: {self.language!r}")
        _must(self.mode in STORE_MODES, f"mode must be one of {', '.join(STORE_MODES)}")
        _must(CONTENT_VERSION.fullmatch(self.content_version) is not None, "content version must be a hex digest")
        for rating in (self.rating_before, self.rating_after):
            _must(rating is None or (type(rating) is int and rating in RATING_RANGE), "ratings are 0 to 10 or None")
        _must(type(self.page_count) is int and self.page_count >= 1, "page count must be 1 or more")
        _must(
            type(self.furthest_page) is int and 0 <= self.furthest_page < self.page_count,
            "furthest page must be a page index below the page count",
        )
        for about, right in self.checks.items():
            _must(CHECK_ID.fullmatch(about) is not None, f"not a check id: {about!r}")
            _must(right is None or type(right) is bool, "a check's first answer is right, wrong or None")

    @classmethod
    def from_session(
        cls,
        session: PatientSession | SessionFigures,
        *,
        month: str,
        language: str,
        mode: StoreMode,
        content_version: str,
        page_count: int,
    ) -> SessionRecord:
        """The record of ``session``: its ratings, furthest page and first answers, and nothing else it holds.

        ``session`` may be the session itself or its figures taken earlier
        (:meth:`SessionFigures.of`). Ticked and typed questions are never
        taken. A furthest page past the last (content reloaded shorter) is
        kept as the last page.
        """
        figures = session if isinstance(session, SessionFigures) else SessionFigures.of(session)
        return cls(
            month=month,
            language=language.lower(),
            mode=mode,
            content_version=content_version,
            rating_before=figures.rating_before,
            rating_after=figures.rating_after,
            furthest_page=max(0, min(figures.furthest_page, page_count - 1)),
            page_count=page_count,
            checks=dict(figures.checks),
        )

    @property
    def is_empty(self) -> bool:
        """Nothing worth a row: no rating, no check answered or skipped, and no page turned."""
        return self.rating_before is None and self.rating_after is None and not self.checks and self.furthest_page == 0

    @property
    def checks_column(self) -> str | None:
        """The checks as the store's compact column: ``about:1`` (right), ``about:0`` (wrong), ``about:-`` (none).

        Sorted by id and joined by commas; None when there were no checks.
        """
        if not self.checks:
            return None
        marks = {True: "1", False: "0", None: "-"}
        return ",".join(f"{about}:{marks[self.checks[about]]}" for about in sorted(self.checks))


def parse_checks(column: str | None) -> dict[str, bool | None]:
    """The checks from a store's compact column (the inverse of :attr:`SessionRecord.checks_column`).

    Parts that do not read as ``id:1``, ``id:0`` or ``id:-`` are skipped.
    """
    answers: dict[str, bool | None] = {}
    marks = {"1": True, "0": False, "-": None}
    for part in (column or "").split(","):
        about, _, mark = part.partition(":")
        if CHECK_ID.fullmatch(about) and mark in marks:
            answers[about] = marks[mark]
    return answers


def _must(condition: bool, message: str) -> None:
    if not condition:
        raise RecordError(message)
