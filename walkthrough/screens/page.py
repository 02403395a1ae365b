"""What every page of the walkthrough shares."""

from __future__ import annotations

from collections.abc import Mapping

from textual.containers import VerticalScroll
from textual.widget import Widget

SCROLL_BY_KEY = {
    "up": Widget.scroll_up,
    "down": Widget.scroll_down,
    "pageup": Widget.scroll_page_up,
    "pagedown": Widget.scroll_page_down,
    "end": Widget.scroll_end,
}
"""How each scroll key moves a scrolling widget: ↑ ↓ by a line, PgUp PgDn by a screen, end to the bottom."""


def scroll_by_key(widget: Widget, key: str) -> None:
    """Scroll ``widget`` as ``key`` (a key of :data:`SCROLL_BY_KEY`) says, at once (no animation)."""
    SCROLL_BY_KEY[key](widget, animate=False)


class Page(VerticalScroll):
    """One screenful of the walkthrough; long text scrolls inside it.

    Pages are built once (the first one shown before the first frame, the
    rest straight after) and shown in turn, so moving between them costs no
    widget building. They never take the keyboard focus:
    a focus change restyles the whole page and rebuilds the footer on every
    turn, so the screen's arrow keys scroll the page on show instead.
    """

    can_focus = False

    def __init__(self, words: Mapping[str, str], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.words = words
