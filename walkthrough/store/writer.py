"""Writing one session's row: never raising, never disturbing the patient, and losing nothing to a busy file.

Many served tabs may write to one file at once: the file is in WAL mode, each
attempt waits up to :data:`BUSY_TIMEOUT_SECONDS` for the lock, and a write that
still finds it locked is tried again after a growing, jittered pause, for as
long as :data:`LOCKED_TOO_LONG_SECONDS`: other tabs writing never cost a row,
only a lock held far too long does. A fault (disk full, a read-only file or
folder, locked too long, a newer schema) gives the write up and says so in the
log. A corrupt file (not a database, malformed) is moved aside as
``<name>.corrupt-<n>`` (its ``-wal`` and ``-shm`` with it) and a new store is
started: never overwritten.
"""

from __future__ import annotations

import contextlib
import logging
import os
import random
import sqlite3
import time
from pathlib import Path

from .record import SessionRecord
from .schema import INSERT, StoreNotOurs, migrate, refuse_if_not_ours

BUSY_TIMEOUT_SECONDS = 2.0
"""How long one attempt waits for another writer's lock (SQLite's own wait, inside one statement)."""
LOCKED_TOO_LONG_SECONDS = 30.0
"""How long a write keeps trying a locked store before it is given up (and logged).

Timed, not counted: some locks are reported at once, without SQLite's wait, so
a count of tries could run out in a second or two. A row holds the lock for
about three fsyncs (its commit, then the fold of the -wal file): even at 100 ms
each on a slow disk, twenty tabs ending at once clear in about six seconds. A
lock held this long is a stuck process, not a busy clinic.
"""
FIRST_PAUSE_SECONDS = 0.05
"""The pause after the first locked attempt; it doubles each time, with jitter, up to a second."""
CHECKPOINT_WAIT_SECONDS = 0.1
"""How long folding the -wal file in may wait for readers: other writers wait as long (see ``_write``)."""

_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_CORRUPT = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_random = random.SystemRandom()


def connect(path: Path) -> sqlite3.Connection:
    """A connection to the store at ``path``, waiting for other writers (tests wrap it to inject faults)."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    return connection


def record_session(path: Path, record: SessionRecord, *, log: logging.Logger | None = None) -> None:
    """Add ``record`` to the store at ``path`` as one row, in one transaction; an empty record writes nothing.

    Never raises (but for KeyboardInterrupt and the like): a fault goes to
    ``log`` (default: the ``walkthrough`` logger) and the session is not stored.
    It may wait for other writers (at worst :data:`LOCKED_TOO_LONG_SECONDS`
    and one more attempt, about half a minute), so call it off the app's event
    loop.
    """
    log = log or logging.getLogger("walkthrough")
    try:
        if record.is_empty:
            return
        _write_with_retries(Path(path), record, log)
    except Exception as error:  # the store must never take the app down
        log.warning("anonymous store %s: the session was not stored (%s)", path, _describe(error))


class LockedTooLong(Exception):
    """The store stayed locked by other writers for longer than :data:`LOCKED_TOO_LONG_SECONDS`."""


def _write_with_retries(path: Path, record: SessionRecord, log: logging.Logger) -> None:
    started = _now()
    moved_aside = False
    tries = 0
    while True:
        tries += 1
        try:
            _write(path, record)
            return
        except sqlite3.Error as error:
            code = _code(error)
            if code in _BUSY:
                pause = min(1.0, FIRST_PAUSE_SECONDS * 2 ** min(tries - 1, 8)) * _random.uniform(0.5, 1.5)
                waited = _now() - started
                if waited + pause > LOCKED_TOO_LONG_SECONDS:
                    raise LockedTooLong(f"{error}; still after {tries} tries over {waited:.1f} s") from error
                _sleep(pause)
                continue
            if code in _CORRUPT and not moved_aside:
                moved_aside = True
                if move_aside_if_corrupt(path, log):
                    continue
            raise


def _now() -> float:
    return time.monotonic()


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def _write(path: Path, record: SessionRecord) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    connection = connect(path)
    try:
        refuse_if_not_ours(connection)  # before WAL mode, which would change the file's header
        connection.execute("PRAGMA journal_mode = WAL")
        migrate(connection)
        connection.execute("BEGIN IMMEDIATE")
        try:
            connection.execute(INSERT, _row(record))
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
        # The -wal file keeps rows in the order written, and its time dates the newest: fold it into the store.
        # Best effort; the row is already safe. The fold holds every other writer back while it waits for
        # readers (SQLite's rule), so it waits only briefly: the next writer, or the last of a burst, folds it.
        # Nothing here may raise: a retry would write the row twice.
        with contextlib.suppress(sqlite3.Error):
            connection.execute(f"PRAGMA busy_timeout = {int(CHECKPOINT_WAIT_SECONDS * 1000)}")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _row(record: SessionRecord) -> tuple[object, ...]:
    return (
        # A random rowid (SQLite's own rows are numbered in the order they were written).
        _random.randrange(1, 2**63),
        record.month,
        record.language,
        record.mode,
        record.content_version,
        record.rating_before,
        record.rating_after,
        record.furthest_page,
        record.page_count,
        record.checks_column,
    )


def move_aside_if_corrupt(path: Path, log: logging.Logger) -> bool:
    """Rename a corrupt store to ``<name>.corrupt-<n>`` (the first free n) so a new one can start there.

    Looks again first: if another writer has already moved it and started a
    new store, nothing is moved. Returns whether a new store may be tried.
    """
    if not _still_corrupt(path):
        return True
    number = 1
    while Path(f"{path}.corrupt-{number}").exists():
        number += 1
    aside = Path(f"{path}.corrupt-{number}")
    try:
        os.rename(path, aside)
    except FileNotFoundError:
        return True  # another writer moved it a moment ago
    for suffix in ("-wal", "-shm"):
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            try:
                os.rename(companion, Path(f"{aside}{suffix}"))
            except OSError:
                companion.unlink(missing_ok=True)
    log.warning("anonymous store %s was corrupt: moved aside to %s; a new store is started", path, aside.name)
    return True


def _still_corrupt(path: Path) -> bool:
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error:
        return False
    try:
        result = connection.execute("PRAGMA quick_check").fetchone()
        return bool(result is None or result[0] != "ok")
    except sqlite3.Error as error:
        return _code(error) in _CORRUPT
    finally:
        connection.close()


def _code(error: sqlite3.Error) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF  # the primary code of an extended one
    text = str(error).lower()
    if "locked" in text or "busy" in text:
        return sqlite3.SQLITE_BUSY
    if "not a database" in text or "malformed" in text:
        return sqlite3.SQLITE_CORRUPT
    return None


def _describe(error: Exception) -> str:
    if isinstance(error, StoreNotOurs):
        return f"left alone: {error}"
    code = _code(error) if isinstance(error, sqlite3.Error) else None
    if isinstance(error, LockedTooLong) or code in _BUSY:
        return f"locked too long by other writers: {error}"
    return f"{type(error).__name__}: {error}"
