"""The counsellor's overview: every screen with its one-line summary, to pick one by key or tap."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ..stylesheets import stylesheet
from ..talk import TalkTimer
from ..widgets.footer import KeyFooter
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText
from ..widgets.title import TitleBar
from .check import check_about
from .pages import page_index_of, planned_pages

if TYPE_CHECKING:
    from ..content.shapes import Walkthrough
    from ..session import PatientSession

FAQ_CHOICE = -1
"""What the overview returns when the common questions were picked."""


class OverviewScreen(Screen[int | None]):
    """Lists every page (and the common questions); dismisses with the page index picked, or None.

    The entries and the pages the digit keys reach come from the one list of pages (``pages.py``).
    A page whose quick check the patient needed explained again is marked: something to go over in the talk.
    """

    CSS_PATH = stylesheet("lists.tcss")

    BINDINGS = [
        Binding("escape,o", "close", "Back", key_display="esc"),
        Binding("1", "pick(1)", "Step"),  # the key line writes the digits that act: 1-4 for four steps
        *(Binding(str(number), f"pick({number})", show=False) for number in range(2, 10)),
    ]

    def __init__(
        self,
        walkthrough: Walkthrough,
        words: Mapping[str, str],
        *,
        current: int | str,
        talk_timer: TalkTimer | None,
        session: PatientSession | None = None,
    ) -> None:
        """The overview of ``walkthrough``'s pages, with the page on show highlighted.

        Args:
            walkthrough: The walkthrough on show.
            words: The interface words in its language.
            current: The page on show: its index or its name (``step:iv``).
            talk_timer: The counsellor's talk timer, shown in the title bar.
            session: The patient's session: pages whose check needed the re-explanation are marked.
        """
        super().__init__()
        pages = planned_pages(walkthrough)
        self.title_text = walkthrough.title
        self.entries = [(page.title, page.summary) for page in pages]
        """(title, one-line summary) of every page, in page order."""
        checks = session.checks if session is not None else {}
        self.went_over = {
            index
            for index, page in enumerate(pages)
            if (answer := checks.get(check_about(page.name))) and answer.needed_again
        }
        """The indexes of the pages whose check the patient needed explained again (to go over in the talk)."""
        self.words = words
        self.current = current if isinstance(current, int) else page_index_of(walkthrough, current)
        """The index of the page on show, highlighted at first."""
        self.digit_pages = [index for index, page in enumerate(pages) if page.digit_key]
        """The page index each digit key picks: the first for 1, and so on (the steps)."""
        self.faq = bool(walkthrough.faq)
        """Offer the common questions (only when the content has some)."""
        self.talk_timer = talk_timer
        self.add_class("-counsellor")

    def compose(self) -> ComposeResult:
        """Title bar, heading, the list, a Back button and the footer."""
        yield TitleBar(self.title_text, self.words, self.talk_timer, id="title-bar")
        yield PlainText(self.words["overview_title"], classes="heading", id="overview-heading")
        options: list[Option | None] = []
        for index, (title, summary) in enumerate(self.entries):
            mark = self.words["check.overview_mark"] if index in self.went_over else ""
            options += [Option(_entry(title, summary, mark), id=f"page-{index}"), None]  # None: a line between entries
        if self.faq:
            options.append(Option(_entry(self.words["faq_title"], ""), id="faq"))
        yield OptionList(*options, id="overview-list")
        with Horizontal(id="overview-nav"):
            yield TouchButton(self.words["back"], "screen.close", id="overview-back", classes="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Start with the page on show highlighted and the list ready for arrows and enter."""
        option_list = self.query_one(OptionList)
        option_list.highlighted = self.current
        option_list.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a tap on an entry goes there."""
        event.stop()
        option_id = event.option.id or ""
        self.dismiss(FAQ_CHOICE if option_id == "faq" else int(option_id.removeprefix("page-")))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Digits pick only steps that exist."""
        if action == "pick" and parameters:
            return 1 <= int(str(parameters[0])) <= len(self.digit_pages)
        return True

    def action_pick(self, number: int) -> None:
        """Go straight to step ``number``."""
        if 1 <= number <= len(self.digit_pages):
            self.dismiss(self.digit_pages[number - 1])

    def action_close(self) -> None:
        """Back to the same place, nothing picked."""
        self.dismiss(None)


def _entry(title: str, summary: str, mark: str = "") -> Text:
    """An entry's title in bold, its summary below and any mark under that, as literal text (never markup)."""
    text = Text(title, style="bold")
    if summary:
        text.append("\n" + summary, style="")
    if mark:
        text.append("\n" + mark, style="bold italic")
    return text
