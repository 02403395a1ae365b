"""The anonymous store: one row per ended session in a SQLite file a clinic turns on, and the clinic report.

Off by default; ``--store PATH`` or ``store:`` in clinic.yaml turns it on
(README: "Does it help? The anonymous store"). Nothing here imports Textual.
The app calls :func:`record_session` once when a session ends::

    record = SessionRecord.from_session(
        app.session, month=this_month(), language=..., mode=..., content_version=..., page_count=...
    )
    record_session(settings.store, record, log=log)   # in a worker thread; never raises

``walkthrough report`` (report_cli.py) reads one or more stores, read-only.
"""

from __future__ import annotations

from .record import RecordError, SessionRecord, StoreMode, content_version, this_month
from .schema import CURRENT_VERSION, MIGRATIONS
from .writer import record_session

__all__ = [
    "CURRENT_VERSION",
    "MIGRATIONS",
    "RecordError",
    "SessionRecord",
    "StoreMode",
    "content_version",
    "record_session",
    "this_month",
]
