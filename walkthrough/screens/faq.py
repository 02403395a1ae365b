"""Common questions with plain answers; the counsellor's view adds their notes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen

from ..stylesheets import stylesheet
from ..talk import TalkTimer
from ..widgets.footer import KeyFooter
from ..widgets.more_hint import MoreHint
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText, bullet_lines
from ..widgets.title import TitleBar

if TYPE_CHECKING:
    from ..content.shapes import Walkthrough


class FaqScreen(Screen[None]):
    """Every common question and its answer, one after another, scrolling; Back returns to the same place.

    Counsellor notes are composed only in the counsellor's view (with a talk timer).
    """

    CSS_PATH = stylesheet("lists.tcss")

    BINDINGS = [
        Binding("escape,left,p,f", "close", "Back", key_display="esc"),
    ]

    def __init__(
        self, walkthrough: Walkthrough, words: Mapping[str, str], *, talk_timer: TalkTimer | None = None
    ) -> None:
        super().__init__()
        self.walkthrough = walkthrough
        self.words = words
        self.talk_timer = talk_timer
        if talk_timer is not None:
            self.add_class("-counsellor")

    def compose(self) -> ComposeResult:
        """Title bar, the questions, "More below", the safety line, a big Back button and the footer."""
        yield TitleBar(self.walkthrough.title, self.words, self.talk_timer, id="title-bar")
        with VerticalScroll(id="faq-list"):
            yield PlainText(self.words["faq_title"], classes="heading")
            for number, item in enumerate(self.walkthrough.faq, 1):
                yield PlainText(item.question, classes="faq-question", id=f"faq-{number}")
                yield PlainText(item.answer, classes="faq-answer")
                if self.talk_timer is not None and item.counsellor_notes:
                    notes = f"{self.words['faq_notes']}\n{bullet_lines(item.counsellor_notes)}"
                    yield PlainText(notes, classes="faq-notes")
        with Horizontal(classes="status-row"):
            yield PlainText("", classes="status-spacer")
            yield MoreHint(self.words["more_below"], lambda: self.query_one("#faq-list", VerticalScroll))
        yield PlainText(self.walkthrough.safety_line, id="safety-line")
        with Horizontal(id="faq-nav"):
            yield TouchButton(self.words["back"], "screen.close", id="faq-back", classes="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Arrow keys scroll the list, and "More below" follows it."""
        listing = self.query_one("#faq-list", VerticalScroll)
        listing.focus()
        self.query_one(MoreHint).follow_scrolling(listing)

    def action_close(self) -> None:
        """Back to where the walkthrough was."""
        self.dismiss()
