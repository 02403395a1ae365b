"""The one-page HTML summary, ready to print on A4 or Letter, in the patient's language.

Valid HTML5 with no script, no link and nothing fetched: the page is whole
in itself, so a tablet can print or keep it offline and it tells no server
it was opened. Every string (the content's and, above all, what a patient
typed) is escaped. Large type, black on the paper's own white, no
background colours: it prints as it shows, on any printer.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING

from .parts import chosen_questions, clinic_name, clinic_phone

if TYPE_CHECKING:
    from ..content.records import LoadedWalkthrough
    from ..content.shapes import Walkthrough
    from ..session import PatientSession

BLANK_LINES = 2
"""Lines to write one's own questions on, in the handout (as many as a patient may type in the app)."""

STYLE = """
@page { size: auto; margin: 12mm 14mm; }
html { color: #000; color-scheme: light; font-family: "Atkinson Hyperlegible", Verdana, "DejaVu Sans", sans-serif;
  font-size: 18px; line-height: 1.4; }
body { max-width: 42em; margin: 1em auto; padding: 0 1em; overflow-wrap: anywhere; }
h1 { font-size: 1.7em; margin: 0 0 0.2em; }
h2 { font-size: 1.25em; margin: 0.9em 0 0.25em; padding-bottom: 0.1em; border-bottom: 2px solid #000;
  break-after: avoid; }
h3 { font-size: 1em; margin: 0; }
p { margin: 0.2em 0; }
section { break-inside: avoid; }
ol, ul { margin: 0.2em 0; padding-left: 1.5em; }
li { margin: 0.3em 0; }
ul.tick { list-style: none; padding-left: 0; }
.box { display: inline-block; width: 0.9em; height: 0.9em; border: 2px solid #000; margin-right: 0.5em;
  vertical-align: -0.1em; }
.write { display: inline-block; width: calc(100% - 2em); border-bottom: 1px solid #000; height: 1.6em;
  vertical-align: bottom; }
dl { margin: 0.2em 0; }
dt { font-weight: bold; }
dd { margin: 0 0 0.3em; }
.note { margin-top: 0.8em; }
@media print {
  html { font-size: 12pt; line-height: 1.25; }
  body { max-width: none; margin: 0; padding: 0; }
  h2 { margin-top: 0.7em; }
  li { margin: 0.15em 0; }
  ol h3, ol p { display: inline; }
  ol h3::after { content: ": "; }
}
"""
"""The page's look: no colour but black, no background, nothing fetched (no url(), no @import)."""


def summary_page(content: LoadedWalkthrough, words: Mapping[str, str], session: PatientSession | None = None) -> str:
    """The whole summary page as HTML text.

    Args:
        content: The walkthrough in the patient's language (its text already holds the clinic's numbers).
        words: The interface words of the same language (``summary.*``).
        session: The patient's ticks and typed questions; None (or none chosen) gives the question
            list with empty boxes to tick and lines to write on, as a clinic's printed handout.
    """
    walkthrough = content.walkthrough
    title = f"{words['summary.page_title']}: {walkthrough.title}"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_text(content.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{_text(walkthrough.title)}</h1>",
        f"<p>{_text(words['summary.page_title'])}</p>",
        *_steps(content, words),
        _section(walkthrough.visit.title, f"<p>{_text(walkthrough.visit.summary)}</p>"),
        _section(walkthrough.course.title, f"<p>{_text(walkthrough.course.summary)}</p>\n{_after(walkthrough)}"),
        *_questions(content, words, session),
        *_clinic(content, words),
        f'<p class="note">{_text(walkthrough.welcome.disclaimer)}</p>',
        f"<p>{_text(walkthrough.safety_line)}</p>",
        "</main>",
        "</body>",
        "</html>",
    ]
    return "\n".join(parts) + "\n"


def _text(text: str) -> str:
    """``text`` as HTML: every <, >, &, and quote escaped; a line break in content becomes <br>."""
    return "<br>".join(escape(line, quote=True) for line in text.strip().splitlines())


def _section(heading: str, body: str) -> str:
    return f"<section>\n<h2>{_text(heading)}</h2>\n{body}\n</section>"


def _after(walkthrough: Walkthrough) -> str:
    """What to know after each treatment (how long side effects last, when to tell the doctor): the seed's advice."""
    return "<ul>\n" + "\n".join(f"<li>{_text(line)}</li>" for line in walkthrough.course.after_effects) + "\n</ul>"


def _steps(content: LoadedWalkthrough, words: Mapping[str, str]) -> list[str]:
    items = [f"<li><h3>{_text(step.title)}</h3><p>{_text(step.summary)}</p></li>" for step in content.walkthrough.steps]
    return [_section(words["summary.steps"], "<ol>\n" + "\n".join(items) + "\n</ol>")]


def _questions(content: LoadedWalkthrough, words: Mapping[str, str], session: PatientSession | None) -> list[str]:
    questions = content.walkthrough.questions
    chosen = chosen_questions(content, session)
    if chosen:
        items = "\n".join(f"<li>{_text(question)}</li>" for question in chosen)
        return [_section(words["summary.your_questions"], f"<ul>\n{items}\n</ul>")]
    box = '<span class="box" aria-hidden="true"></span>'
    ticks = "\n".join(f"<li>{box}{_text(question)}</li>" for question in questions.items)
    lines = "\n".join(f'<li>{box}<span class="write"></span></li>' for _ in range(BLANK_LINES))
    body = (
        f"<p>{_text(words['summary.tick_hint'])}</p>\n"
        f'<ul class="tick">\n{ticks}\n</ul>\n'
        f"<h3>{_text(words['summary.own_questions'])}</h3>\n"
        f'<ul class="tick">\n{lines}\n</ul>'
    )
    return [_section(questions.title, body)]


def _clinic(content: LoadedWalkthrough, words: Mapping[str, str]) -> list[str]:
    body = (
        f"<dl>\n<dt>{_text(words['summary.clinic'])}</dt><dd>{_text(clinic_name(content))}</dd>\n"
        f"<dt>{_text(words['summary.phone'])}</dt><dd>{_text(clinic_phone(content))}</dd>\n</dl>"
    )
    return [_section(words["summary.reach"], body)]
