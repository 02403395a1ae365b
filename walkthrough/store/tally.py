"""Reading stores for the report: counts per month and language, added up across stores, read-only.

The report never sees a row: SQLite groups the rows (by month, language,
ratings and progress; and by month, language and checks) and this module adds
the counts into one :class:`Tally` per month and language.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .record import LANGUAGE, MONTH, parse_checks
from .schema import CURRENT_VERSION, schema_version

Cell = tuple[str, str]
"""A month (YYYY-MM) and a language: the smallest group the report adds up."""


class StoreProblem(Exception):
    """A store cannot be read (missing, not a store, unreadable, newer): the message names it and says why."""


@dataclass
class Tally:
    """What a group of sessions adds up to: counts only."""

    sessions: int = 0
    completed: int = 0
    """Sessions that reached the last page."""
    before: Counter[int] = field(default_factory=Counter)
    """How many gave each rating before the walk."""
    after: Counter[int] = field(default_factory=Counter)
    """How many gave each rating at the end."""
    change: Counter[int] = field(default_factory=Counter)
    """Sessions with both ratings, by the change (after minus before: below 0 is calmer)."""
    answered: Counter[str] = field(default_factory=Counter)
    """Per check: how many answered it (right or wrong)."""
    right: Counter[str] = field(default_factory=Counter)
    """Per check: how many were right the first time."""

    def add(self, other: Tally) -> None:
        """Add ``other``'s counts to these."""
        self.sessions += other.sessions
        self.completed += other.completed
        self.before.update(other.before)
        self.after.update(other.after)
        self.change.update(other.change)
        self.answered.update(other.answered)
        self.right.update(other.right)


def read_stores(paths: Iterable[Path], *, since: str | None = None, until: str | None = None) -> dict[Cell, Tally]:
    """Every store's counts, added up per month and language; each file once.

    Months before ``since`` are left out, and so are ``until`` and the months after it.

    Raises:
        StoreProblem: a store is missing, unreadable, not a store, or newer than this walkthrough.
    """
    cells: dict[Cell, Tally] = {}
    seen: set[tuple[int, int]] = set()
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            info = None  # read_store says what is wrong with it
        if info is not None:
            if (info.st_dev, info.st_ino) in seen:
                continue  # a store named twice would count its sessions twice, past the small-cell rule
            seen.add((info.st_dev, info.st_ino))
        for cell, tally in read_store(path, since=since, until=until).items():
            cells.setdefault(cell, Tally()).add(tally)
    return cells


def read_store(path: Path, *, since: str | None = None, until: str | None = None) -> dict[Cell, Tally]:
    """One store's counts per month and language (from ``since``, up to but not including ``until``), read-only."""
    if not path.exists():
        raise StoreProblem(f"{path}: there is no store there")
    if path.is_dir():
        raise StoreProblem(f"{path}: this is a folder, not a store file")
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as error:
        raise StoreProblem(f"{path}: cannot be opened ({error})") from None
    try:
        return _counts(connection, since or "0000-00", until or "9999-99")
    except sqlite3.Error as error:
        raise StoreProblem(f"{path}: cannot be read as a walkthrough store ({error})") from None
    finally:
        connection.close()


def _counts(connection: sqlite3.Connection, since: str, until: str) -> dict[Cell, Tally]:
    version = schema_version(connection)
    if version > CURRENT_VERSION:
        raise sqlite3.DatabaseError(f"made by a newer walkthrough (schema {version}, this one reads {CURRENT_VERSION})")
    if version == 0:
        if connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise sqlite3.DatabaseError("it is a database of something else")
        return {}  # a new store: nothing written yet
    cells: dict[Cell, Tally] = {}
    rows = connection.execute(
        # Grouped in the order of the report's index, so SQLite reads the index and never sorts.
        """
        SELECT month, language, rating_before, rating_after, furthest_page + 1 >= page_count, count(*)
        FROM sessions WHERE month >= ? AND month < ?
        GROUP BY month, language, rating_before, rating_after, furthest_page, page_count
        """,
        (since, until),
    )
    for month, language, before, after, completed, count in rows:
        if not (isinstance(month, str) and MONTH.fullmatch(month) and isinstance(language, str)):
            continue  # not written by walkthrough (its own writer checks every field): never shown
        if not LANGUAGE.fullmatch(language):
            continue
        tally = cells.get((month, language))
        if tally is None:
            tally = cells[(month, language)] = Tally()
        tally.sessions += count
        if completed:
            tally.completed += count
        if before is not None:
            tally.before[before] += count
        if after is not None:
            tally.after[after] += count
        if before is not None and after is not None:
            tally.change[after - before] += count
    if version >= 2:
        rows = connection.execute(
            """
            SELECT month, language, checks, count(*) FROM sessions
            WHERE month >= ? AND month < ? AND checks IS NOT NULL GROUP BY month, language, checks
            """,
            (since, until),
        )
        for month, language, checks, count in rows:
            tally = cells.get((month, language))
            if tally is None:
                continue
            for about, right in parse_checks(checks).items():
                if right is not None:
                    tally.answered[about] += count
                    tally.right[about] += count * right
    return cells
