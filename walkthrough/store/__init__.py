"""The anonymous store: one row per ended session in a SQLite file a clinic turns on, and the clinic report.

Off by default; ``--store PATH`` or ``store:`` in clinic.yaml turns it on
(README: "Does it help? The anonymous store"). Nothing here imports Textual.
The app calls ``writer.record_session`` once when a session ends::

    record = record.SessionRecord.from_session(
        app.session, month=this_month(), language=..., mode=..., content_version=..., page_count=...
    )
    writer.record_session(settings.store, record, log=log)   # in a worker thread; never raises

``walkthrough report`` (report_cli.py) reads one or more stores, read-only.
"""

# Nothing is imported here: building the parser for "report" loads report_cli.py, which needs none of it.
