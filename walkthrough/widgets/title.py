"""The bar at the top of a screen: the walkthrough's title, and for a counsellor the talk timer."""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.containers import Horizontal

from ..talk import TalkTimer
from .text import PlainText


class TitleBar(Horizontal):
    """One row: the title on the left; in counsellor mode "notes hidden" and the talk timer on the right."""

    def __init__(
        self, title: str, words: Mapping[str, str], talk_timer: TalkTimer | None = None, **kwargs: object
    ) -> None:
        # kwargs are the widget's own options (id, classes...) passed on as given; mypy cannot match object to each
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.title_text = title
        self.words = words
        self.talk_timer = talk_timer

    def compose(self) -> ComposeResult:
        """The title, then the counsellor's parts if any."""
        yield PlainText(self.title_text, id="title")
        if self.talk_timer is not None:
            from .counsellor import TalkClock  # counsellor mode only: a patient's start need not load it

            yield PlainText(self.words["notes_hidden"], id="notes-state")
            yield TalkClock(self.talk_timer, self.words, id="talk-clock")
