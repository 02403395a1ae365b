"""The clinic report as one self-contained HTML page: tables and inline SVG charts, no script, nothing fetched.

The page's Content-Security-Policy forbids loading anything at all (only its
own inline style runs), every chart has a text alternative (``<title>`` and
``<desc>`` named by ``aria-labelledby``) and the same figures are in a table
below it, and every word from a store is escaped.
"""

from __future__ import annotations

from html import escape

from .render_text import LEFT_OUT_NOTE, METHOD, RULE, SCALE, change_text, check_cell, heading, percent, row_cells
from .report import Figure, Report, Row

STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; color: #1d2b36; background: #fbfaf7; margin: 2rem auto;
       max-width: 60rem; padding: 0 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { padding: 0.25rem 0.75rem; border-bottom: 1px solid #d5d9dc; text-align: right; }
th:first-child, td:first-child { text-align: left; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
svg { max-width: 100%; height: auto; }
.note { color: #44525e; }
"""
BAR = "#2f6f8f"
MUTED = "#6b7780"


def render_html(report: Report) -> str:
    """The whole page."""
    columns = ["Sessions", "Reached the end", "Median before", "Median after", "Median change (95 % CI)", "Felt calmer"]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>walkthrough clinic report</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        "<h1>Does it help? Clinic report</h1>",
        f"<p>{escape(heading(report))}.</p>",
        f"<p>{escape(SCALE)}</p>",
        _table("All sessions", "Group", columns, [row_cells(report.total)]),
        "<h2>By month</h2>",
        _change_chart(report.months),
        _table("By month", "Month", columns, [row_cells(row) for row in report.months]),
        "<h2>By language</h2>",
        _table("By language", "Language", columns, [row_cells(row) for row in report.languages]),
    ]
    if report.check_ids:
        parts += [
            "<h2>Understood on the first try</h2>",
            _checks_chart(report),
            _table(
                "Understood on the first try, of those who answered",
                "Check",
                ["All", *report.check_languages],
                [
                    [about, percent(report.total.checks[about])]
                    + [check_cell(report.by_check_language[language], about) for language in report.check_languages]
                    for about in report.check_ids
                ],
            ),
        ]
    parts += [
        "<h2>How to read this</h2>",
        *(f'<p class="note">{escape(text)}</p>' for text in (LEFT_OUT_NOTE, METHOD, RULE)),
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _table(caption: str, first: str, columns: list[str], rows: list[list[str]]) -> str:
    head = "".join(f'<th scope="col">{escape(name)}</th>' for name in [first, *columns])
    body = "".join(
        "<tr>"
        + f'<th scope="row">{escape(cells[0])}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in cells[1:])
        + "</tr>"
        for cells in rows
    )
    return f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _svg(name: str, title: str, description: str, width: int, height: int, body: list[str]) -> str:
    return (
        f'<figure><svg role="img" aria-labelledby="{name}-title {name}-desc" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}">'
        f'<title id="{name}-title">{escape(title)}</title><desc id="{name}-desc">{escape(description)}</desc>'
        + "".join(body)
        + "</svg></figure>"
    )


def _change_chart(months: list[Row]) -> str:
    """Bars of the median change per month around a zero line (down is calmer), with the interval as a whisker."""
    step, top, scale = 48, 20, 12  # pixels per month, margin, pixels per point
    zero = top + 10 * scale
    width, height = 60 + step * max(1, len(months)), zero + 10 * scale + 50
    body = [
        f'<line x1="50" y1="{zero}" x2="{width}" y2="{zero}" stroke="{MUTED}"/>',
        f'<text x="4" y="{top + 4}" font-size="11" fill="{MUTED}">+10</text>',
        f'<text x="4" y="{zero + 4}" font-size="11" fill="{MUTED}">0</text>',
        f'<text x="4" y="{zero + 10 * scale + 4}" font-size="11" fill="{MUTED}">−10</text>',
    ]
    said = []
    for index, row in enumerate(months):
        x = 56 + index * step
        label_y = zero + 10 * scale + 16
        body.append(f'<text x="{x}" y="{label_y}" font-size="10" fill="#1d2b36">{escape(row.label)}</text>')
        figure = row.change
        if figure.value is None:
            body.append(f'<text x="{x}" y="{zero - 4}" font-size="10" fill="{MUTED}">–</text>')
            said.append(f"{row.label}: {figure.note}")
            continue
        y = zero - figure.value * scale
        body.append(
            f'<rect x="{x}" y="{min(y, zero):.1f}" width="{step - 16}" height="{max(1.0, abs(zero - y)):.1f}" '
            f'fill="{BAR}"/>'
        )
        if figure.low is not None and figure.high is not None:
            middle = x + (step - 16) / 2
            body.append(
                f'<line x1="{middle}" y1="{zero - figure.high * scale:.1f}" x2="{middle}" '
                f'y2="{zero - figure.low * scale:.1f}" stroke="#1d2b36" stroke-width="1.5"/>'
            )
        said.append(f"{row.label}: {change_text(figure)}")
    description = "Median change in anxiety (after minus before; below zero is calmer) by month. " + "; ".join(said)
    return _svg("change", "Median change in anxiety by month", description, width, height, body)


def _checks_chart(report: Report) -> str:
    """A horizontal bar per check: the share right the first time (all languages)."""
    row_height, left, bar_width = 28, 120, 320
    height = 10 + row_height * len(report.check_ids)
    body, said = [], []
    for index, about in enumerate(report.check_ids):
        figure: Figure = report.total.checks[about]
        y = 10 + index * row_height
        body.append(f'<text x="4" y="{y + 15}" font-size="12" fill="#1d2b36">{escape(about)}</text>')
        body.append(f'<rect x="{left}" y="{y}" width="{bar_width}" height="18" fill="#e4e8eb"/>')
        if figure.value is not None:
            body.append(f'<rect x="{left}" y="{y}" width="{figure.value * bar_width:.1f}" height="18" fill="{BAR}"/>')
        words = escape(percent(figure))
        body.append(f'<text x="{left + bar_width + 8}" y="{y + 15}" font-size="12" fill="#1d2b36">{words}</text>')
        said.append(f"{about}: {percent(figure)}")
    description = "Share right on the first try, per check. " + "; ".join(said)
    return _svg("checks", "Understood on the first try, per check", description, left + bar_width + 90, height, body)
