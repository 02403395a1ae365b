"""The store's tables, as a list of migrations: the file's ``PRAGMA user_version`` says how many have run.

A new store runs them all; an older one runs the rest, in one transaction, the
first time this version of walkthrough writes to it. Never edit a step that
has shipped: add one. The columns are listed in README ("What is stored"), and
tests/test_store.py holds an allow-list of them, so a column that could point
to a person or a moment cannot be added without that test failing.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[list[str]] = [
    # 1: one row per session. No id, date, time, address, host or typed text: see README.
    [
        """
        CREATE TABLE sessions (
            month TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'),
            language TEXT NOT NULL CHECK (length(language) BETWEEN 2 AND 12),
            mode TEXT NOT NULL CHECK (mode IN ('patient', 'kiosk', 'served')),
            content_version TEXT NOT NULL CHECK (length(content_version) BETWEEN 8 AND 64),
            rating_before INTEGER CHECK (rating_before BETWEEN 0 AND 10),
            rating_after INTEGER CHECK (rating_after BETWEEN 0 AND 10),
            furthest_page INTEGER NOT NULL CHECK (furthest_page >= 0),
            page_count INTEGER NOT NULL CHECK (page_count >= 1)
        )
        """,
    ],
    # 2: the teach-back checks' first answers, as one short column (see record.py: checks_column),
    # and two indexes the report reads instead of the table, each in the order its query groups by,
    # so SQLite never sorts (a million rows: about 0.5 s instead of 1.2 s).
    [
        "ALTER TABLE sessions ADD COLUMN checks TEXT CHECK (length(checks) <= 2000)",
        """
        CREATE INDEX sessions_for_report
            ON sessions (month, language, rating_before, rating_after, furthest_page, page_count)
        """,
        "CREATE INDEX sessions_by_checks ON sessions (month, language, checks) WHERE checks IS NOT NULL",
    ],
]

CURRENT_VERSION = len(MIGRATIONS)
"""The schema version this walkthrough writes."""

INSERT = """
    INSERT INTO sessions (
        rowid, month, language, mode, content_version,
        rating_before, rating_after, furthest_page, page_count, checks
    ) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
"""One session's row. Its rowid is a random number, so not even the order of the rows tells when it was written."""


class StoreNotOurs(Exception):
    """The file is a database, but not a walkthrough store, or was made by a newer walkthrough: it is left alone."""


def schema_version(connection: sqlite3.Connection) -> int:
    """The file's schema version (0: a new, empty file)."""
    row = connection.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def refuse_if_not_ours(connection: sqlite3.Connection) -> int:
    """The file's schema version, if this walkthrough may write to it.

    Raises:
        StoreNotOurs: a newer version, or a version-0 file that already has tables of its own.
    """
    # One statement, so one snapshot: read apart, a writer creating the store between the two reads
    # would show version 0 and then its new tables, and this file would be wrongly refused as not ours.
    version, table_count = connection.execute(
        "SELECT user_version, (SELECT count(*) FROM sqlite_master) FROM pragma_user_version"
    ).fetchone()
    if version > CURRENT_VERSION:
        raise StoreNotOurs(f"made by a newer walkthrough (schema {version}; this one knows {CURRENT_VERSION})")
    if version == 0 and table_count:
        raise StoreNotOurs("it is a database of something else (it has tables, but no walkthrough schema)")
    return int(version)


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the store to the current version in one transaction (nothing to do if it is already there).

    Raises:
        StoreNotOurs: a newer version, or a version-0 file that already has tables of its own.
    """
    if schema_version(connection) == CURRENT_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = refuse_if_not_ours(connection)  # again, now that no other writer can run a migration
        for step in MIGRATIONS[version:]:
            for statement in step:
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {CURRENT_VERSION}")
        connection.execute("COMMIT")
    except BaseException:
        if connection.in_transaction:
            connection.execute("ROLLBACK")
        raise
