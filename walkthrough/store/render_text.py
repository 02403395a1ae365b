"""The clinic report as a terminal table (with a small text chart) and as CSV for a spreadsheet.

Both show only what :mod:`.report` lets through: a figure that is not shown
reads "fewer than 11" (or "none"), in CSV too.
"""

from __future__ import annotations

import csv
import io

from .report import Figure, Report, Row

LEFT_OUT_MARK = "*"
SCALE = "Anxiety is rated 0 (not at all) to 10 (extremely). Change is after minus before: below 0 means calmer."
METHOD = (
    "The 95 % interval of the median change is the distribution-free order-statistic (sign-test) interval "
    "for the median of the paired changes."
)
RULE = (
    "Small-cell rule: one language in one month is counted only with 11 or more sessions, and each figure "
    "only with 11 or more sessions behind it; every row adds up counted groups only, so no figure can be "
    "worked out for a group of fewer than 11."
)
LEFT_OUT_NOTE = f"{LEFT_OUT_MARK} some sessions of this row were in groups of fewer than 11 and are not counted."


def number(value: float) -> str:
    """A median or interval end: whole numbers plainly, halves with one decimal; minus as a real minus sign."""
    text = f"{value:.0f}" if value == int(value) else f"{value:.1f}"
    return text.replace("-", "−")


def percent(figure: Figure) -> str:
    """A share as a whole percent, or why it is not shown."""
    return f"{figure.value * 100:.0f}%" if figure.value is not None else figure.note


def median_text(figure: Figure) -> str:
    """A median, or why it is not shown."""
    return number(figure.value) if figure.value is not None else figure.note


def change_text(figure: Figure) -> str:
    """The median change and its interval, e.g. ``−2 (−3 to −1)``."""
    if figure.value is None:
        return figure.note
    if figure.low is None or figure.high is None:
        return number(figure.value)
    return f"{number(figure.value)} ({number(figure.low)} to {number(figure.high)})"


def sessions_text(row: Row) -> str:
    """The session count, marked when some were left out."""
    text = f"{row.sessions.value:,.0f}" if row.sessions.value is not None else row.sessions.note
    return text + (LEFT_OUT_MARK if row.left_out else "")


def heading(report: Report) -> str:
    """One line saying what the report covers."""
    stores = "1 store" if report.stores == 1 else f"{report.stores} stores"
    months = [row.label for row in report.months]
    span = f"{months[0]} to {months[-1]}" if months else "no months"
    limits = ([f"since {report.since}"] if report.since else []) + (
        [f"{report.until}, the month in progress, is shown once it has ended"] if report.until else []
    )
    return f"walkthrough clinic report: {stores}, {span}" + (f" ({'; '.join(limits)})" if limits else "")


def render_table(report: Report) -> str:
    """The report for a terminal: the totals, by month with a chart, by language, and the checks."""
    out = [heading(report), SCALE, ""]
    columns = ["sessions", "reached end", "before", "after", "change (95 % CI)", "felt calmer"]
    out += _table(["group", *columns], [row_cells(report.total)])
    out += ["", "By month", *_table(["month", *columns], [row_cells(row) for row in report.months])]
    out += ["", "Median change by month (each █ is one point; left of │ is calmer)"]
    out += [f"  {row.label}  {_bar(row.change)}" for row in report.months]
    out += ["", "By language", *_table(["language", *columns], [row_cells(row) for row in report.languages])]
    if report.check_ids:
        out += ["", "Understood on the first try (of those who answered)"]
        head = ["check", "all", *report.check_languages]
        rows = [
            [about, percent(report.total.checks[about])]
            + [check_cell(report.by_check_language[language], about) for language in report.check_languages]
            for about in report.check_ids
        ]
        out += _table(head, rows)
    out += ["", LEFT_OUT_NOTE, METHOD, RULE]
    return "\n".join(out) + "\n"


def render_csv(report: Report) -> str:
    """The report as one CSV table: a row per group (all, each month, each language) and per check and language."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        [
            "table", "group", "check", "sessions", "some_not_counted", "reached_end_pct", "median_before",
            "median_after", "median_change", "change_ci_low", "change_ci_high", "felt_calmer_pct",
            "answered", "first_try_pct",
        ]
    )  # fmt: skip
    groups = [("all", report.total), *(("month", r) for r in report.months)]
    groups += [("language", row) for row in report.languages]
    for table, row in groups:
        change = row.change
        writer.writerow(
            [
                table, row.label, "", _plain(row.sessions, 0), "yes" if row.left_out else "no",
                _plain(row.reached_end, 1, 100), _plain(row.before, 1), _plain(row.after, 1), _plain(change, 1),
                "" if change.low is None else change.low, "" if change.high is None else change.high,
                _plain(row.calmer, 1, 100), "", "",
            ]
        )  # fmt: skip
    for about in report.check_ids:
        for label, row in [("all", report.total), *report.by_check_language.items()]:
            figure = row.checks.get(about)
            if figure is None:
                continue
            answered = f"{figure.base}" if figure.shown else figure.note
            writer.writerow(["check", label, about, *[""] * 9, answered, _plain(figure, 1, 100)])
    return buffer.getvalue()


def _plain(figure: Figure, places: int, times: float = 1) -> str:
    return f"{figure.value * times:.{places}f}" if figure.value is not None else figure.note


def row_cells(row: Row) -> list[str]:
    """A report row's figures as the table and the HTML page show them, in column order."""
    return [
        row.label,
        sessions_text(row),
        percent(row.reached_end),
        median_text(row.before),
        median_text(row.after),
        change_text(row.change),
        percent(row.calmer),
    ]


def check_cell(row: Row, about: str) -> str:
    """First-try understanding of the check ``about`` in ``row``, or "none" where no one answered it."""
    figure = row.checks.get(about)
    return percent(figure) if figure is not None else "none"


def _bar(change: Figure, half_width: int = 10) -> str:
    """``█`` per point left (calmer) or right of the axis; the figure's words when there is none."""
    if change.value is None:
        return " " * half_width + "│ " + change.note
    points = min(half_width, round(abs(change.value)))
    left = "█" * points if change.value < 0 else ""
    right = "█" * points if change.value > 0 else ""
    return f"{left:>{half_width}}│{right:<{half_width}} {number(change.value)}"


def _table(head: list[str], rows: list[list[str]]) -> list[str]:
    widths = [max(len(line[index]) for line in [head, *rows]) for index in range(len(head))]

    def line(cells: list[str]) -> str:
        first, *rest = cells
        right = (cell.rjust(width) for cell, width in zip(rest, widths[1:], strict=True))
        return "  " + "  ".join([first.ljust(widths[0]), *right]).rstrip()

    return [line(head), *(line(cells) for cells in rows)]
