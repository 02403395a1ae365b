"""The clinic report's figures, with the small-cell rule applied before anything is shown.

The small-cell rule (README: "The small-cell rule"). The smallest group the
report adds up is one language in one month (a *cell*). A cell with fewer than
:data:`SMALL_CELL` sessions counts towards nothing: not its month's row, not
its language's row, not the total. In a cell that is counted, each figure
counts only if it rests on at least 11 sessions of that cell (11 rated before,
11 rated both, 11 answered a check...); otherwise that part of the cell is
left out of every row too. Every row is then the sum of counted cells only,
so no total, no row and no second report with another ``--since`` can be
subtracted from another to work out a group of fewer than 11: any difference
is itself a sum of whole counted cells. The month in progress is left out
(``until``): its cells still grow, and two reports a day apart would differ by
that day's sessions. A row with nothing counted shows
"fewer than 11" (or "none" when there was nothing at all); a row that left
something out is marked, without saying how much.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .stats import count_of, median_interval, median_of
from .tally import Cell, Tally

SMALL_CELL = 11
"""The fewest sessions a figure may rest on."""
FEWER = "fewer than 11"
NONE = "none"


@dataclass(frozen=True)
class Figure:
    """One figure of a row: a value resting on ``base`` sessions, or the reason it is not shown (``note``)."""

    value: float | None = None
    base: int = 0
    low: float | None = None
    """The 95 % interval's lower end (the median change only)."""
    high: float | None = None
    note: str = NONE
    """Why there is no value: FEWER or NONE."""

    @property
    def shown(self) -> bool:
        """Whether the figure has a value to show."""
        return self.value is not None


@dataclass(frozen=True)
class Row:
    """One group's figures: all sessions, a month or a language."""

    label: str
    sessions: Figure
    reached_end: Figure
    """Share (0 to 1) of the sessions that reached the last page."""
    before: Figure
    """Median anxiety before the walk (0 to 10)."""
    after: Figure
    """Median anxiety at the end."""
    change: Figure
    """Median change, after minus before (below 0: calmer), with its 95 % interval."""
    calmer: Figure
    """Share of those who rated both times whose anxiety went down."""
    checks: dict[str, Figure] = field(default_factory=dict)
    """Per check: the share right the first time, of those who answered."""
    left_out: bool = False
    """Some of this group's sessions were in groups too small to count."""


@dataclass(frozen=True)
class Report:
    """Every row of the report, ready for a table, CSV or HTML."""

    stores: int
    since: str | None
    until: str | None
    """The first month left out: the month in progress when the report was made (None: none left out)."""
    total: Row
    months: list[Row]
    languages: list[Row]
    check_ids: list[str]
    check_languages: list[str]
    """The languages with a column in the checks table."""
    by_check_language: dict[str, Row]
    """The row of each language in check_languages (its checks), for the checks table."""

    @property
    def empty(self) -> bool:
        """No sessions at all (a new store, or nothing since ``since``)."""
        return self.total.sessions.note == NONE and not self.total.sessions.shown


def build_report(
    cells: dict[Cell, Tally], *, stores: int = 1, since: str | None = None, until: str | None = None
) -> Report:
    """The report of the added-up cells (read with ``since`` and ``until``), with the small-cell rule applied."""
    counted = {cell: counted_part(tally) for cell, tally in cells.items()}
    months = sorted({month for month, _ in cells})
    languages = sorted({language for _, language in cells})

    def row(label: str, keys: list[Cell]) -> Row:
        return make_row(label, [cells[key] for key in keys], [counted[key] for key in keys])

    language_rows = [row(language, [key for key in cells if key[1] == language]) for language in languages]
    total = row("all", list(cells))
    return Report(
        stores=stores,
        since=since,
        until=until,
        total=total,
        months=[row(month, [key for key in cells if key[0] == month]) for month in months],
        languages=language_rows,
        check_ids=sorted(total.checks),
        check_languages=languages,
        by_check_language={language_row.label: language_row for language_row in language_rows},
    )


def counted_part(tally: Tally) -> Tally:
    """The part of one cell that may count: nothing below 11 sessions, and no figure resting on fewer than 11."""
    if tally.sessions < SMALL_CELL:
        return Tally()
    checks = [about for about, answered in tally.answered.items() if answered >= SMALL_CELL]
    return Tally(
        sessions=tally.sessions,
        completed=tally.completed,
        before=tally.before if count_of(tally.before) >= SMALL_CELL else Counter(),
        after=tally.after if count_of(tally.after) >= SMALL_CELL else Counter(),
        change=tally.change if count_of(tally.change) >= SMALL_CELL else Counter(),
        answered=Counter({about: tally.answered[about] for about in checks}),
        right=Counter({about: tally.right[about] for about in checks}),
    )


def make_row(label: str, raw_cells: list[Tally], counted_cells: list[Tally]) -> Row:
    """A row from its cells: figures from the counted parts only; the raw ones only say "fewer" or "none"."""
    raw, counted = Tally(), Tally()
    for tally in raw_cells:
        raw.add(tally)
    for tally in counted_cells:
        counted.add(tally)

    def note(raw_base: int) -> str:
        return FEWER if raw_base else NONE

    def median_figure(counted_values: Counter[int], raw_values: Counter[int]) -> Figure:
        base = count_of(counted_values)
        if base < SMALL_CELL:
            return Figure(note=note(count_of(raw_values)))
        return Figure(median_of(counted_values), base)

    if counted.sessions < SMALL_CELL:
        sessions = reached = Figure(note=note(raw.sessions))
    else:
        sessions = Figure(counted.sessions, counted.sessions)
        reached = Figure(counted.completed / counted.sessions, counted.sessions)
    pairs = count_of(counted.change)
    if pairs < SMALL_CELL:
        change = calmer = Figure(note=note(count_of(raw.change)))
    else:
        interval = median_interval(counted.change)
        low, high = interval if interval else (None, None)
        change = Figure(median_of(counted.change), pairs, low, high)
        calmer = Figure(sum(n for value, n in counted.change.items() if value < 0) / pairs, pairs)
    checks = {
        about: Figure(counted.right[about] / counted.answered[about], counted.answered[about])
        if counted.answered[about] >= SMALL_CELL
        else Figure(note=FEWER)
        for about in raw.answered
    }
    return Row(
        label=label,
        sessions=sessions,
        reached_end=reached,
        before=median_figure(counted.before, raw.before),
        after=median_figure(counted.after, raw.after),
        change=change,
        calmer=calmer,
        checks=checks,
        left_out=_left_out(raw, counted),
    )


def _left_out(raw: Tally, counted: Tally) -> bool:
    return (
        raw.sessions != counted.sessions
        or count_of(raw.before) != count_of(counted.before)
        or count_of(raw.after) != count_of(counted.after)
        or count_of(raw.change) != count_of(counted.change)
        or raw.answered != counted.answered
    )
