"""Helpers for the store and report tests: records, and stores made in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from walkthrough.store.record import SessionRecord
from walkthrough.store.schema import INSERT, migrate
from walkthrough.store.writer import _row, connect

VERSION = "0123456789abcdef"


def record(
    month: str = "2025-03",
    language: str = "en",
    before: int | None = None,
    after: int | None = None,
    *,
    furthest: int = 13,
    pages: int = 14,
    checks: dict[str, bool | None] | None = None,
    mode: str = "kiosk",
) -> SessionRecord:
    """One session's record (by default: reached the end of 14 pages, no ratings)."""
    return SessionRecord(
        month=month,
        language=language,
        mode=mode,  # type: ignore[arg-type]
        content_version=VERSION,
        rating_before=before,
        rating_after=after,
        furthest_page=furthest,
        page_count=pages,
        checks=checks or {},
    )


def make_store(path: Path, records: Iterable[SessionRecord]) -> Path:
    """A store holding ``records``, written in one transaction."""
    connection = connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    migrate(connection)
    connection.execute("BEGIN")
    connection.executemany(INSERT, (_row(one) for one in records))
    connection.execute("COMMIT")
    connection.close()
    return path
