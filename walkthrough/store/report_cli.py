"""``walkthrough report``: the clinic report from one or more anonymous stores, read-only.

Exit codes: 0 with a report (or a plain word that the stores are empty);
2 when a store is missing or cannot be read (the message names it), or no
store was named and the clinic file names none.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

FORMATS = ("table", "csv", "html")


def month(text: str) -> str:
    """``--since``: a month as YYYY-MM."""
    from .record import MONTH  # only when a month is given: building the parser needs none of it

    if not MONTH.fullmatch(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not a month written as YYYY-MM")
    return text


def add_report_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``report`` to the command line's subcommands."""
    report = commands.add_parser(
        "report", help="the clinic report from anonymous stores: did patients leave calmer? (see README)"
    )
    report.add_argument(
        "--store",
        dest="report_stores",
        type=Path,
        nargs="+",
        action="extend",
        metavar="PATH",
        help="one or more store files, added up into one report (default: the clinic's store: setting)",
    )
    report.add_argument("--since", type=month, metavar="YYYY-MM", help="leave out months before this one")
    report.add_argument("--format", dest="report_format", choices=FORMATS, default="table", help="default: table")
    report.add_argument("--output", type=Path, metavar="FILE", help="write the report here (default: the screen)")


def run_report(args: argparse.Namespace, clinic_store: Path | None) -> int:
    """Run ``walkthrough report`` from parsed arguments; ``clinic_store`` is the store the settings name."""
    paths = list(args.report_stores or []) or ([clinic_store] if clinic_store else [])
    if not paths:
        print(
            "walkthrough report: no store named; give one with --store PATH (or set store: in clinic.yaml)",
            file=sys.stderr,
        )
        return 2
    return report_main(paths, since=args.since, form=args.report_format, output=args.output)


def report_main(
    paths: list[Path], *, since: str | None, form: str, output: Path | None, until: str | None = None
) -> int:
    """Read the stores, build the report and write it in ``form`` to ``output`` (None: standard output).

    Months from ``until`` on are left out; by default, the month in progress
    (see :mod:`walkthrough.store.report`).
    """
    from .record import this_month
    from .render_html import render_html
    from .render_text import render_csv, render_table
    from .report import build_report
    from .tally import StoreProblem, read_stores

    until = until or this_month()
    try:
        cells = read_stores(paths, since=since, until=until)
    except StoreProblem as problem:
        print(f"walkthrough report: {problem}", file=sys.stderr)
        return 2
    report = build_report(cells, stores=len(paths), since=since, until=until)
    if report.empty:
        names = ", ".join(str(path) for path in paths)
        since_words = f" since {since}" if since else " yet"
        print(
            f"walkthrough report: no sessions of a finished month are stored{since_words} in {names}; "
            f"those of {until}, the month in progress, are shown once it has ended."
        )
        return 0
    text = {"table": render_table, "csv": render_csv, "html": render_html}[form](report)
    if output is None:
        sys.stdout.write(text)
        return 0
    from ..summary.files import SummaryWriteError, write_atomically

    try:
        write_atomically(output, text)  # whole or not at all: never half a report
    except SummaryWriteError as error:
        print(f"walkthrough report: {error}", file=sys.stderr)
        return 2
    return 0
