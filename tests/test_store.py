"""The anonymous store: only allowed columns, WAL, migrations, concurrent writers, and faults that never raise."""

from __future__ import annotations

import logging
import multiprocessing
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tests.store_helpers import VERSION, make_store, record
from walkthrough.session import PatientSession
from walkthrough.settings import Asked, settings_for
from walkthrough.store import writer
from walkthrough.store.record import RecordError, SessionRecord
from walkthrough.store.schema import CURRENT_VERSION, MIGRATIONS
from walkthrough.store.writer import record_session

# Every column the store may have, with its type. A new column must be added here on purpose, after asking:
# could it point to a person or a moment (an id, a date or time, an address, a host, typed text)? Then it may not.
ALLOWED_COLUMNS = {
    "month": "TEXT",  # YYYY-MM only
    "language": "TEXT",
    "mode": "TEXT",  # patient / kiosk / served
    "content_version": "TEXT",  # a hash of the content
    "rating_before": "INTEGER",  # 0-10 or NULL
    "rating_after": "INTEGER",
    "furthest_page": "INTEGER",
    "page_count": "INTEGER",
    "checks": "TEXT",  # check id : 1 / 0 / -
}
FORBIDDEN_WORDS = ("id", "time", "date", "day", "host", "addr", "ip", "name", "text", "question", "user", "agent")


def rows(path: Path) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT * FROM sessions").fetchall()
    finally:
        connection.close()


def test_only_allowed_columns_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    record_session(path, record(before=5, after=3, checks={"visit": True}))
    connection = sqlite3.connect(path)
    columns = {name: kind for _, name, kind, *_ in connection.execute("PRAGMA table_info(sessions)")}
    tables = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert columns == ALLOWED_COLUMNS
    assert tables == {"sessions"}
    for name in columns:
        assert not any(word in name.split("_") for word in FORBIDDEN_WORDS), name
    # The rowid is random: not the order in which sessions were written.
    for _ in range(5):
        record_session(path, record(before=5))
    rowids = [rowid for (rowid,) in connection.execute("SELECT rowid FROM sessions")]
    assert max(rowids) > 2**40 and rowids != list(range(1, len(rowids) + 1))


def test_a_row_holds_the_record_and_the_file_is_wal(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    record_session(path, record("2025-04", "es", 8, 4, furthest=5, checks={"visit": True, "course": None}))
    assert rows(path) == [("2025-04", "es", "kiosk", VERSION, 8, 4, 5, 14, "course:-,visit:1")]
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connection.execute("PRAGMA user_version").fetchone() == (CURRENT_VERSION,)


def test_from_session_takes_ratings_progress_and_first_answers_only() -> None:
    session = PatientSession(rating_before=7, rating_after=3, furthest_page=20)
    session.answer("visit").first_right = False
    session.own_questions.append("Will it hurt? My name is Ana")
    session.ticked_questions.add(2)
    made = SessionRecord.from_session(
        session, month="2025-05", language="ES", mode="served", content_version=VERSION, page_count=14
    )
    assert (made.rating_before, made.rating_after, made.furthest_page, made.language) == (7, 3, 13, "es")
    assert made.checks == {"visit": False}
    assert "Ana" not in repr(made)


@pytest.mark.parametrize(
    "changes",
    [{"month": "2025-03-14"}, {"month": "March"}, {"language": "en; DROP"}, {"before": 11}, {"furthest": 14}],
)
def test_a_record_refuses_what_must_not_be_stored(changes: dict[str, object]) -> None:
    with pytest.raises(RecordError):
        record(**changes)  # type: ignore[arg-type]
    with pytest.raises(RecordError):
        record(checks={"My own words": True})


def test_nothing_is_written_for_an_empty_session(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    empty = SessionRecord.from_session(
        PatientSession(), month="2025-05", language="en", mode="kiosk", content_version=VERSION, page_count=14
    )
    record_session(path, empty)
    assert not path.exists()


def test_a_version_one_store_is_migrated_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    connection = sqlite3.connect(path)
    for statement in MIGRATIONS[0]:
        connection.execute(statement)
    connection.execute("PRAGMA user_version = 1")
    connection.execute("INSERT INTO sessions VALUES ('2024-12', 'en', 'patient', ?, 6, 2, 13, 14)", (VERSION,))
    connection.commit()
    connection.close()
    record_session(path, record("2025-01", before=4, checks={"visit": True}))
    assert sorted(rows(path), key=str) == [
        ("2024-12", "en", "patient", VERSION, 6, 2, 13, 14, None),
        ("2025-01", "en", "kiosk", VERSION, 4, None, 13, 14, "visit:1"),
    ]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone() == (CURRENT_VERSION,)


def _write_many(path: str, writer_number: int, count: int, log_path: str) -> None:
    log = logging.getLogger(f"walkthrough.tests.writer-{writer_number}")
    log.propagate = False
    log.addHandler(logging.FileHandler(log_path, delay=True))  # created only if something is logged
    for index in range(count):
        record_session(Path(path), record(before=writer_number, after=index % 11), log=log)


def test_ten_concurrent_writer_processes_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    logs = [tmp_path / f"writer-{number}.log" for number in range(10)]
    context = multiprocessing.get_context("fork")
    processes = [
        context.Process(target=_write_many, args=(str(path), number, 40, str(logs[number]))) for number in range(10)
    ]
    for process in processes:
        process.start()
    for process in processes:
        process.join(120)
        assert process.exitcode == 0
    assert [log.read_text() for log in logs if log.exists()] == []  # not one write given up
    written = rows(path)
    assert len(written) == 400
    assert sorted({(row[4], row[5]) for row in written}) == sorted({(n, i % 11) for n in range(10) for i in range(40)})


class _OtherWriterBefore:
    """A connection that lets another writer write a whole row just before its ``before``-th statement.

    Or the first one after it outside a transaction: no other writer can come in during one.
    """

    def __init__(self, connection: sqlite3.Connection, before: int, other_write: Callable[[], None]) -> None:
        self.connection, self.before, self.other_write, self.count = connection, before, other_write, 0

    def execute(self, sql: str, *parameters: object) -> sqlite3.Cursor:
        self.count += 1
        if self.count >= self.before and not self.connection.in_transaction:
            self.other_write()
            self.before = 10**9
        return self.connection.execute(sql, *parameters)

    def __getattr__(self, name: str) -> object:
        return getattr(self.connection, name)


def _write_with_another_writer_before(path: Path, before: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Write a row (rating 2), another writer writing one (rating 1) before its ``before``-th statement."""
    real_connect = writer.connect
    others: list[int] = []

    def other_write() -> None:
        monkeypatch.setattr(writer, "connect", real_connect)
        others.append(1)
        record_session(path, record(before=1))

    monkeypatch.setattr(writer, "connect", lambda store: _OtherWriterBefore(real_connect(store), before, other_write))
    record_session(path, record(before=2))
    if not others:  # past this write's last statement
        other_write()


def test_another_writer_between_any_two_statements_costs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    # Another tab creating the new store while this one looked at it once had this one refuse it as
    # "a database of something else", losing the row (a split read of its version and its tables).
    with caplog.at_level(logging.WARNING, "walkthrough"):
        for before in range(1, 12):
            _write_with_another_writer_before(tmp_path / f"new-{before}.db", before, monkeypatch)
            assert sorted(row[4] for row in rows(tmp_path / f"new-{before}.db")) == [1, 2], before
    assert caplog.text == ""


def test_a_store_busy_for_a_long_while_still_gets_the_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, clock: FakeClock
) -> None:
    # Other tabs keep the store locked for 25 s (some locks are reported at once, without SQLite's wait):
    # far more tries than a fixed count would allow, but not a lock held too long.
    path = make_store(tmp_path / "busy.db", [record(before=1)])
    real_connect = writer.connect
    tries: list[float] = []

    def busy_for_25_seconds(store: Path) -> sqlite3.Connection:
        tries.append(clock.now)
        if clock.now < 1025:
            raise sqlite3.OperationalError("database is locked")
        return real_connect(store)

    monkeypatch.setattr(writer, "connect", busy_for_25_seconds)
    monkeypatch.setattr(writer, "_now", clock)
    monkeypatch.setattr(writer, "_sleep", clock.advance)
    with caplog.at_level(logging.WARNING, "walkthrough"):
        record_session(path, record(before=2))
    assert sorted(row[4] for row in rows(path)) == [1, 2]
    assert caplog.text == "" and len(tries) > 20


def _give_up(caplog: pytest.LogCaptureFixture, words: str) -> None:
    messages = " ".join(entry.getMessage() for entry in caplog.records)
    assert "the session was not stored" in messages and words in messages, messages


def test_a_full_disk_gives_the_write_up_and_logs_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = make_store(tmp_path / "full.db", [record(before=1)])
    real_connect = writer.connect

    def full_disk(store: Path) -> sqlite3.Connection:
        # SQLite's own "database or disk is full": no page may be added to the file.
        connection = real_connect(store)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection

    monkeypatch.setattr(writer, "connect", full_disk)
    with caplog.at_level(logging.WARNING, "walkthrough"):
        for before in range(200):  # enough rows to need a new page
            record_session(path, record(before=before % 11, checks={f"step-{before}": True}))
    _give_up(caplog, "full")
    assert len(rows(path)) >= 1


def test_a_read_only_store_gives_the_write_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = make_store(tmp_path / "ro.db", [record(before=1)])
    monkeypatch.setattr(
        writer, "connect", lambda store: sqlite3.connect(f"{store.resolve().as_uri()}?mode=ro", uri=True)
    )
    with caplog.at_level(logging.WARNING, "walkthrough"):
        record_session(path, record(before=2))
    _give_up(caplog, "readonly")
    assert len(rows(path)) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_a_read_only_folder_gives_the_write_up(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with caplog.at_level(logging.WARNING, "walkthrough"):
            record_session(folder / "store.db", record(before=2))
    finally:
        folder.chmod(0o755)
    _give_up(caplog, "")


def test_a_store_locked_too_long_gives_the_write_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, clock: FakeClock
) -> None:
    path = make_store(tmp_path / "locked.db", [record(before=1)])
    monkeypatch.setattr(writer, "BUSY_TIMEOUT_SECONDS", 0.01)  # each try waits for real, but briefly
    monkeypatch.setattr(writer, "_now", clock)
    monkeypatch.setattr(writer, "_sleep", clock.advance)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with caplog.at_level(logging.WARNING, "walkthrough"):
            record_session(path, record(before=2))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _give_up(caplog, "locked too long")
    assert writer.LOCKED_TOO_LONG_SECONDS - 1.5 <= clock.now - 1000 <= writer.LOCKED_TOO_LONG_SECONDS
    assert len(rows(path)) == 1


def test_a_corrupt_store_is_moved_aside_never_overwritten(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "store.db"
    path.write_bytes(b"not a database at all " * 100)
    with caplog.at_level(logging.WARNING, "walkthrough"):
        record_session(path, record(before=3))
        path.write_bytes(b"garbage again " * 100)
        record_session(path, record(before=4))
    assert (tmp_path / "store.db.corrupt-1").read_bytes() == b"not a database at all " * 100
    assert (tmp_path / "store.db.corrupt-2").read_bytes() == b"garbage again " * 100
    assert [row[4] for row in rows(path)] == [4]
    assert "moved aside to store.db.corrupt-1" in caplog.text


def test_a_malformed_store_is_moved_aside(tmp_path: Path) -> None:
    path = make_store(tmp_path / "store.db", [record(before=1, checks={"visit": True})] * 2000)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    for page in range(1, len(data) // 4096):  # every page but the first: headers torn
        data[page * 4096 : page * 4096 + 100] = b"\xff" * 100
    path.write_bytes(bytes(data))
    record_session(path, record(before=9))
    assert (tmp_path / "store.db.corrupt-1").read_bytes() == bytes(data)
    assert [row[4] for row in rows(path)] == [9]


@pytest.mark.parametrize("make", ["newer", "other"])
def test_a_store_that_is_not_ours_is_left_alone(tmp_path: Path, make: str, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "store.db"
    connection = sqlite3.connect(path)
    if make == "newer":
        connection.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    else:
        connection.execute("CREATE TABLE patients (name TEXT)")
    connection.commit()
    connection.close()
    before = path.read_bytes()
    with caplog.at_level(logging.WARNING, "walkthrough"):
        record_session(path, record(before=2))
    assert path.read_bytes() == before
    assert "left alone" in caplog.text


def test_the_store_setting_comes_from_the_command_line_or_the_clinic(tmp_path: Path) -> None:
    class Clinic:
        kiosk = False
        reduced_motion = False
        idle_seconds = 90
        staff_pin_hash = None
        staff_key = "f12"
        store = "data/store.db"

    off = settings_for(Asked(tmp_path), type("NoStore", (Clinic,), {"store": None})())  # type: ignore[arg-type]
    assert off.store is None and "--store" not in off.arguments()
    from_clinic = settings_for(Asked(tmp_path), Clinic())  # type: ignore[arg-type]
    assert from_clinic.store == tmp_path / "data" / "store.db"
    asked = settings_for(Asked(tmp_path, store=tmp_path / "mine.db"), Clinic())  # type: ignore[arg-type]
    assert asked.store == tmp_path / "mine.db"
    words = asked.arguments()
    assert words[words.index("--store") + 1] == str((tmp_path / "mine.db").resolve())
