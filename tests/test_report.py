"""The clinic report: statistics against hand-worked examples, the small-cell rule, merging, CSV and HTML."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.store_helpers import make_store, record
from walkthrough.cli import main
from walkthrough.store.record import this_month as month_of_today
from walkthrough.store.report import FEWER, build_report
from walkthrough.store.stats import interval_coverage, interval_rank, median_interval, median_of
from walkthrough.store.tally import read_stores


def test_medians_by_hand() -> None:
    # 3, 5, 5, 9 -> the two middle values are 5 and 5 -> 5; with a 9 more: 3 5 5 9 9 -> the third, 5.
    assert median_of(Counter({3: 1, 5: 2, 9: 1})) == 5
    assert median_of(Counter({3: 1, 5: 2, 9: 2})) == 5
    # 2, 7 -> (2 + 7) / 2 = 4.5
    assert median_of(Counter({2: 1, 7: 1})) == 4.5
    assert median_of(Counter()) is None


def test_the_interval_by_hand() -> None:
    # n = 11 changes, sorted: -5 -4 -3 -3 -2 -2 -1 -1 0 0 1. Median: the 6th, -2.
    # B ~ Binomial(11, 1/2): P(B <= 0) = 1/2048 = 0.0005; P(B <= 1) = (1 + 11)/2048 = 0.0059 <= 0.025;
    # P(B <= 2) = (1 + 11 + 55)/2048 = 0.0327 > 0.025. So k = 2: the interval is [d(2), d(10)] = [-4, 0],
    # with coverage 1 - 2 * 12/2048 = 0.98828125.
    changes = Counter({-5: 1, -4: 1, -3: 2, -2: 2, -1: 2, 0: 2, 1: 1})
    assert median_of(changes) == -2
    assert interval_rank(11) == 2
    assert median_interval(changes) == (-4, 0)
    assert interval_coverage(11) == 1 - 2 * 12 / 2048
    # n = 6: P(B <= 0) = 1/64 = 0.016 <= 0.025, P(B <= 1) = 7/64 > 0.025: k = 1, [d(1), d(6)]. n = 5: 1/32 > 0.025.
    assert interval_rank(6) == 1 and interval_rank(5) is None
    # Printed tables of the sign-test interval: n = 20 -> ranks 6 and 15; n = 100 -> ranks 40 and 61.
    assert interval_rank(20) == 6 and interval_rank(100) == 40
    # Above the exact range, the double-precision sum agrees with the normal approximation's neighbourhood.
    assert abs(interval_rank(1_000_000) - (500_000 - 1.96 * 500)) < 3  # type: ignore[operator]


def test_figures_of_one_group_by_hand(tmp_path: Path) -> None:
    # 12 sessions in March, English: before 6 (x12); after 3,3,3,3,4,4,4,4,5,6,7,6 -> changes
    # -3 x4, -2 x4, -1, 0, +1, 0. Sorted: -3 -3 -3 -3 -2 -2 -2 -2 -1 0 0 1; median = mean of the 6th and 7th = -2.
    # n = 12: P(B <= 2) = (1 + 12 + 66)/4096 = 0.0193 <= 0.025, P(B <= 3) = 299/4096 = 0.073: k = 3 ->
    # [d(3), d(10)] = [-3, 0]. Calmer: 9 of 12 = 75 %. 9 of 12 reached the end: 75 %. Median after: 4.
    afters = [3, 3, 3, 3, 4, 4, 4, 4, 5, 6, 7, 6]
    store = make_store(
        tmp_path / "s.db",
        [record(before=6, after=after, furthest=13 if index < 9 else 2) for index, after in enumerate(afters)],
    )
    row = build_report(read_stores([store])).total
    assert row.sessions.value == 12 and row.reached_end.value == 0.75
    assert (row.before.value, row.after.value) == (6, 4)
    assert (row.change.value, row.change.low, row.change.high) == (-2, -3, 0)
    assert row.calmer.value == 0.75


def _sessions(month: str, language: str, count: int, before: int = 7, after: int = 4) -> list:
    return [record(month, language, before, after, checks={"visit": index % 2 == 0}) for index in range(count)]


def test_groups_under_eleven_show_no_figures_and_count_nowhere(tmp_path: Path) -> None:
    store = make_store(
        tmp_path / "s.db",
        _sessions("2025-01", "en", 30) + _sessions("2025-01", "es", 5, 9, 9) + _sessions("2025-02", "en", 12),
    )
    report = build_report(read_stores([store]))
    spanish = report.languages[1]
    assert spanish.label == "es" and spanish.sessions.note == FEWER and spanish.sessions.value is None
    assert all(figure.value is None for figure in (spanish.before, spanish.change, spanish.calmer))
    assert spanish.checks["visit"].value is None
    january = report.months[0]
    # Differencing: the total is the sum of what is shown, so nothing is left to work out the hidden five.
    assert january.sessions.value == 30 and january.left_out
    assert report.total.sessions.value == 42 == sum(row.sessions.value or 0 for row in report.months)
    assert report.total.sessions.value == sum(row.sessions.value or 0 for row in report.languages)
    # The hidden five rated 9 -> 9; the total's medians and calmer share are those of the 42 counted only.
    assert report.total.before.value == 7 and report.total.calmer.value == 1.0


def test_two_reports_with_another_since_cannot_be_subtracted(tmp_path: Path) -> None:
    # March has 4 Spanish sessions (hidden). Reports since February and since April differ by whole counted
    # groups only: February's and March's English sessions, never the four.
    store = make_store(
        tmp_path / "s.db",
        _sessions("2025-02", "en", 15)
        + _sessions("2025-03", "en", 20)
        + _sessions("2025-03", "es", 4, 2, 9)
        + _sessions("2025-04", "en", 11)
        + _sessions("2025-04", "es", 11),
    )
    early, late = (build_report(read_stores([store], since=since), since=since) for since in ("2025-02", "2025-04"))
    assert early.total.sessions.value is not None and late.total.sessions.value is not None
    assert early.total.sessions.value - late.total.sessions.value == 15 + 20
    spanish_early, spanish_late = early.languages[1], late.languages[1]
    assert spanish_early.sessions.value == spanish_late.sessions.value == 11
    assert spanish_early.calmer.value == spanish_late.calmer.value


def test_a_figure_on_fewer_than_eleven_sessions_is_left_out_of_every_row(tmp_path: Path) -> None:
    # 20 sessions in each month; in January only 5 rated before. January's median before is hidden, and the
    # total's median before rests on February's 20 only (all rated 2): the January five (rated 10) count nowhere.
    january = [record("2025-01", before=10 if index < 5 else None) for index in range(20)]
    february = [record("2025-02", before=2) for _ in range(20)]
    report = build_report(read_stores([make_store(tmp_path / "s.db", january + february)]))
    assert report.months[0].before.note == FEWER and report.months[0].sessions.value == 20
    assert report.total.before.value == 2 and report.total.before.base == 20


def test_stores_merge_into_one_report(tmp_path: Path) -> None:
    one = make_store(tmp_path / "one.db", _sessions("2025-05", "en", 6))
    two = make_store(tmp_path / "two.db", _sessions("2025-05", "en", 6))
    assert build_report(read_stores([one])).total.sessions.note == FEWER
    merged = build_report(read_stores([one, two]), stores=2)
    assert merged.total.sessions.value == 12 and merged.stores == 2


def test_one_store_named_twice_counts_once_so_a_small_cell_stays_hidden(tmp_path: Path) -> None:
    one = make_store(tmp_path / "one.db", _sessions("2025-05", "en", 6))
    (tmp_path / "link.db").symlink_to(one)
    assert build_report(read_stores([one, one, tmp_path / "link.db"])).total.sessions.note == FEWER


def _report(capsys: pytest.CaptureFixture[str], *words: str) -> tuple[int, str, str]:
    code = main(["report", *words])
    out, err = capsys.readouterr()
    return code, out, err


def test_missing_unreadable_and_empty_stores(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _report(capsys, "--store", str(tmp_path / "missing.db"))
    assert code == 2 and "missing.db" in err and "no store there" in err
    (tmp_path / "junk.db").write_text("hello " * 200)
    code, _, err = _report(capsys, "--store", str(tmp_path / "junk.db"))
    assert code == 2 and "junk.db" in err
    (tmp_path / "new.db").touch()
    code, out, _ = _report(capsys, "--store", str(tmp_path / "new.db"))
    assert code == 0 and "no sessions of a finished month are stored yet" in out


def test_csv_applies_the_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = make_store(tmp_path / "s.db", _sessions("2025-01", "en", 30) + _sessions("2025-01", "es", 5))
    code, out, _ = _report(capsys, "--store", str(store), "--format", "csv")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    spanish = next(row for row in table if row["table"] == "language" and row["group"] == "es")
    assert spanish["sessions"] == FEWER and spanish["median_before"] == FEWER and spanish["change_ci_low"] == ""
    assert next(row for row in table if row["table"] == "all")["sessions"] == "30"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.svg_labels: list[str | None] = []
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += attrs
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        if tag == "svg":
            self.svg_labels.append(dict(attrs).get("aria-labelledby"))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_is_self_contained_and_accessible(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = _sessions("2025-01", "en", 30) + _sessions("2025-02", "en", 4) + _sessions("2025-02", "es", 12)
    store = make_store(tmp_path / "s.db", records)
    output = tmp_path / "report.html"
    code, _, _ = _report(capsys, "--store", str(store), "--format", "html", "--output", str(output))
    assert code == 0
    page = _Page()
    page.feed(output.read_text(encoding="utf-8"))
    assert page.lang == "en"
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    for name, value in page.attributes:
        assert not name.startswith("on"), name
        assert "http:" not in (value or "") and "https:" not in (value or "") and "//" not in (value or "")
    assert "url(" not in "".join(page.text)
    assert page.tags.count("svg") == 2 and all(page.svg_labels)
    assert "title" in page.tags and "desc" in page.tags
    words = " ".join(page.text)
    assert "Median change in anxiety by month" in words and FEWER in words


def test_the_table_has_a_chart_and_the_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = make_store(tmp_path / "s.db", _sessions("2025-01", "en", 30))
    code, out, _ = _report(capsys, "--store", str(store), "--since", "2025-01")
    assert code == 0 and "███│" in out and "fewer than 11" in out and "(since 2025-01; " in out


def test_the_month_in_progress_is_left_out_until_it_ends(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Reports made a day apart in a month still filling would differ by that day's sessions: one session's
    # ratings could be read off the change. So a month shows only once it has ended.
    this_month = month_of_today()
    store = make_store(tmp_path / "s.db", _sessions("2025-01", "en", 12) + _sessions(this_month, "en", 15, 9, 1))
    code, out, _ = _report(capsys, "--store", str(store), "--format", "csv")
    assert code == 0 and "\nall,all,,12," in out and this_month not in out
    code, out, _ = _report(capsys, "--store", str(store))
    assert code == 0 and f"{this_month}, the month in progress, is shown once it has ended" in out
    assert f"  {this_month} " not in out
    # Once the month has ended (the report made the next month), its sessions count.
    later = build_report(read_stores([store], until="9999-12"), until="9999-12")
    assert later.total.sessions.value == 27 and [row.label for row in later.months] == ["2025-01", this_month]
    # A store with sessions of this month only says when they will show, and exits 0.
    only_now = make_store(tmp_path / "now.db", _sessions(this_month, "es", 20))
    code, out, _ = _report(capsys, "--store", str(only_now))
    assert code == 0 and f"those of {this_month}, the month in progress, are shown once it has ended" in out


def test_rows_not_written_by_walkthrough_are_never_shown(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = make_store(tmp_path / "s.db", _sessions("2025-01", "en", 12))
    connection = sqlite3.connect(store)
    connection.executemany(
        "INSERT INTO sessions VALUES ('2025-01', '=HYPERLINK()', 'kiosk', '0123456789abcdef', 5, 5, 1, 2, NULL)",
        [()] * 12,
    )
    connection.commit()
    connection.close()
    code, out, _ = _report(capsys, "--store", str(store), "--format", "csv")
    assert code == 0 and "HYPERLINK" not in out and "\nall,all,,12," in out
