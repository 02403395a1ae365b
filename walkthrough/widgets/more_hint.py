"""The "More below" hint under a long page."""

from __future__ import annotations

from rich.cells import cell_len
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class MoreHint(Widget):
    """ "More below ↓" while the page on show has text below the fold; blank (but as wide) otherwise.

    Showing or hiding it is a repaint of one short line: its size never
    changes, so it never costs a new layout of the screen (a page turn's
    second frame) and can never change the page's size and re-trigger itself.
    """

    shown: reactive[bool] = reactive(False, layout=False)
    """Whether the words are showing."""

    def __init__(self, text: str, **kwargs: str) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.text = text
        """The words, in the screen's language."""

    def render(self) -> Content:
        """The words, or as many spaces."""
        return Content(self.text if self.shown else " " * cell_len(self.text))
