"""The closing page: questions to ask the care team, the ones the patient ticks or types, and a way to start again.

Ticks and typed questions go straight into the patient's session (``app.session``,
handed over in PageMaterials), at every change: the take-home summary reads
them from there. They live only in memory; a fresh start or "Start again"
makes a new session and a new page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical

from ..session import OWN_QUESTIONS_MAX, PatientSession
from ..widgets.my_questions import OwnQuestionRow, QuestionEntry, TickBox, cleaned_question
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText
from .page import Page

if TYPE_CHECKING:
    from ..content.shapes import Questions


class QuestionsPage(Page):
    """Questions patients often ask (tap to tick), room for a few of one's own, a calm last line, Start again."""

    def __init__(
        self, questions: Questions, words: Mapping[str, str], session: PatientSession, **kwargs: object
    ) -> None:
        """The questions page, showing and filling in ``session``'s ticks and typed questions."""
        super().__init__(words, **kwargs)
        self.questions = questions
        self.session = session

    def compose(self) -> ComposeResult:
        """Heading, intro, a tick for each question, the box for one's own, the closing line and Start again."""
        yield PlainText(self.questions.title, classes="heading")
        yield PlainText(self.questions.summary, classes="summary")
        yield PlainText(self.questions.intro, classes="body")
        yield PlainText(self.words["my_questions.tick_hint"], classes="tick-hint")
        for index, item in enumerate(self.questions.items):
            ticked = index in self.session.ticked_questions
            yield TickBox(item, f"toggle_tick({index})", ticked=ticked, id=f"tick-{index}")
        yield PlainText(self.words["my_questions.own_title"], classes="subheading own-title")
        yield QuestionEntry(self.words["my_questions.placeholder"], self.words["my_questions.add"], id="own-entry")
        yield Vertical(*self._own_rows(), id="own-questions")
        yield PlainText(self.questions.closing, classes="body")
        yield TouchButton(self.words["summary.take"], "take_summary", id="take-summary", classes="primary")
        yield TouchButton(self.words["start_again"], "app.start_again", id="start-again", classes="secondary")

    def on_mount(self) -> None:
        """A session that already holds the most questions (after a language switch) shows the box at rest."""
        self._show_room()

    def action_take_summary(self) -> None:
        """Take this with you: this session's summary, given as the app's mode gives it (screens/summary.py)."""
        from .summary import open_summary

        open_summary(self.app)

    def on_hide(self) -> None:
        """Another page shows: a tick or the box here lets go of the focus, so no key reaches a hidden widget."""
        focused = self.screen.focused
        if focused is not None and self in focused.ancestors:
            self.screen.set_focus(None)

    def action_toggle_tick(self, index: int) -> None:
        """Tick the question at ``index``, or untick it, in the session and on screen."""
        ticked = self.session.ticked_questions
        ticked.symmetric_difference_update({index})
        self.query_one(f"#tick-{index}", TickBox).ticked = index in ticked

    async def on_question_entry_added(self, event: QuestionEntry.Added) -> None:
        """Add the typed question (cleaned, cut to length) to the session, empty the box, and list it."""
        event.stop()
        text = cleaned_question(event.text)
        own = self.session.own_questions
        if not text or len(own) >= OWN_QUESTIONS_MAX:
            return
        own.append(text)
        entry = self.query_one(QuestionEntry)
        entry.box.value = ""
        await self._list_own()
        if len(own) >= OWN_QUESTIONS_MAX:
            self.screen.set_focus(None)  # the box rests now: the walkthrough's keys act again

    async def on_own_question_row_removed(self, event: OwnQuestionRow.Removed) -> None:
        """Remove one of the patient's questions from the session and from the list."""
        event.stop()
        own = self.session.own_questions
        if 0 <= event.index < len(own):
            del own[event.index]
            self.screen.set_focus(None)  # its Remove button is gone
            await self._list_own()

    def _own_rows(self) -> list[OwnQuestionRow]:
        remove = self.words["my_questions.remove"]
        return [OwnQuestionRow(text, index, remove) for index, text in enumerate(self.session.own_questions)]

    async def _list_own(self) -> None:
        listed = self.query_one("#own-questions", Vertical)
        await listed.remove_children()
        await listed.mount_all(self._own_rows())
        self._show_room()

    def _show_room(self) -> None:
        full = len(self.session.own_questions) >= OWN_QUESTIONS_MAX
        placeholder = self.words["my_questions.full" if full else "my_questions.placeholder"]
        self.query_one(QuestionEntry).set_full(full, placeholder.format(count=OWN_QUESTIONS_MAX))
