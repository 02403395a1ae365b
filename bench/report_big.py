"""``python -m bench.report_big [--rows N] [--runs N]``: the clinic report over a big store (1,000,000 rows: 2 s).

The store is made once in a temporary folder, with the real schema and the
real row shape (random months over two years, two languages, ratings with
some skipped, progress, three checks), then ``walkthrough report`` is timed
in this process, as a clinic runs it: reading, adding up and writing the
table. Beside it, in the same session, a plain ``SELECT count(*)`` over the
same file: the least any report could cost. Prints the median and spread
(largest minus smallest) of a few runs.
"""

from __future__ import annotations

import argparse
import io
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

from walkthrough.store.report_cli import report_main
from walkthrough.store.schema import INSERT, migrate
from walkthrough.store.writer import connect

BUDGET_SECONDS = 2.0
FULL_ROWS = 1_000_000
AFTER_ALL_MONTHS = "2027-01"
"""The report is made as if in this month, so that every made-up month has ended and is counted."""


def make_store(path: Path, rows: int, *, seed: int = 22) -> None:
    """A store of ``rows`` sessions made up with a fixed seed, written in one transaction."""
    chooser = random.Random(seed)
    months = [f"{year}-{month:02d}" for year in (2025, 2026) for month in range(1, 13)]
    marks = ["1", "1", "1", "0", "-"]
    connection = connect(path)
    connection.execute("PRAGMA journal_mode = WAL")
    migrate(connection)
    connection.execute("BEGIN")

    def row() -> tuple[object, ...]:
        before = chooser.choice([None, *range(3, 11)])
        after = None if chooser.random() < 0.2 else (min(10, max(0, before - chooser.randint(-1, 4))) if before else 5)
        pages = 14
        checks = ",".join(f"{about}:{chooser.choice(marks)}" for about in ("course", "infusion", "visit"))
        return (
            chooser.randrange(1, 2**63),
            chooser.choice(months),
            chooser.choice(["en", "en", "es"]),
            chooser.choice(["patient", "kiosk", "served"]),
            "0123456789abcdef",
            before,
            after,
            chooser.randrange(pages),
            pages,
            checks if chooser.random() < 0.7 else None,
        )

    connection.executemany(INSERT, (row() for _ in range(rows)))
    connection.execute("COMMIT")
    connection.close()


def time_report(path: Path, form: str) -> float:
    """Seconds for one ``walkthrough report --store PATH --format FORM`` (its output thrown away)."""
    started = time.perf_counter()
    with redirect_stdout(io.StringIO()):
        code = report_main([path], since=None, form=form, output=None, until=AFTER_ALL_MONTHS)
    elapsed = time.perf_counter() - started
    assert code == 0, code
    return elapsed


def time_count(path: Path) -> float:
    """Seconds for ``SELECT count(*)`` over the same store, read-only: the floor under any report."""
    started = time.perf_counter()
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    connection.execute("SELECT count(*) FROM sessions").fetchone()
    connection.close()
    return time.perf_counter() - started


def report_figures(rows: int, runs: int) -> dict[str, list[float]]:
    """Seconds per run: the report as a table, as HTML, and the bare count."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "store.db"
        make_store(path, rows)
        return {
            "table": [time_report(path, "table") for _ in range(runs)],
            "html": [time_report(path, "html") for _ in range(runs)],
            "count": [time_count(path) for _ in range(runs)],
        }


def main() -> int:
    """Make the store, time the report, print the figures."""
    parser = argparse.ArgumentParser(prog="python -m bench.report_big")
    parser.add_argument("--rows", type=int, default=FULL_ROWS, help=f"sessions in the store (default {FULL_ROWS:,})")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each (default 5)")
    args = parser.parse_args()
    started = time.perf_counter()
    figures = report_figures(args.rows, args.runs)
    made = time.perf_counter() - started
    print(f"walkthrough report over {args.rows:,} sessions ({made:.0f} s with making the store)")
    count = statistics.median(figures["count"])
    for name, values in figures.items():
        middle = statistics.median(values)
        print(
            f"  {name:6} median {middle:.3f} s  spread {max(values) - min(values):.3f} s  "
            f"{middle / count:5.1f}× count(*)"
        )
    worst = max(statistics.median(figures["table"]), statistics.median(figures["html"]))
    verdict = "pass" if worst <= BUDGET_SECONDS else "OVER"
    print(f"  budget: {BUDGET_SECONDS:g} s at {FULL_ROWS:,} rows: {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
