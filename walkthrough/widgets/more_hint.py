"""The "More below" hint under a long page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.cells import cell_len
from textual import events
from textual.containers import ScrollableContainer
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class MoreHint(Widget):
    """ "More below ↓" while the text it follows has more below the fold; blank (but as wide) otherwise.

    A tap on the words scrolls the text down by a screen, as PgDn does: on a
    tablet a finger cannot swipe the text, and this is a way on that needs no key.

    Showing or hiding it is a repaint of one short line: its size never
    changes, so it never costs a new layout of the screen (a page turn's
    second frame) and can never change the page's size and re-trigger itself.
    It looks again after every layout of its screen (a page shown, a resize),
    never before one: worked out between a page turn and its layout, it used
    the sizes of the page before. Scrolling needs no layout, so it also
    follows the scrolling of each container it is told about.
    """

    DEFAULT_CSS = """
    MoreHint.-shown {
        pointer: pointer;
    }
    """

    ALLOW_SELECT = False  # a tap scrolls; it should not start selecting the words

    shown: reactive[bool] = reactive(False, layout=False)
    """Whether the words are showing."""

    def __init__(self, text: str, follows: Callable[[], ScrollableContainer], **kwargs: Any) -> None:
        """``text`` (in the screen's language) whenever ``follows()`` (the container on show) has more below."""
        super().__init__(**kwargs)
        self.text = text
        """The words, in the screen's language."""
        self.follows = follows

    def on_mount(self) -> None:
        """Look again after every layout of the screen."""
        self.screen.screen_layout_refresh_signal.subscribe(self, lambda _screen: self.update_shown())

    def follow_scrolling(self, container: ScrollableContainer) -> None:
        """Look again whenever ``container`` scrolls."""
        self.watch(container, "scroll_y", lambda: self.update_shown(), init=False)

    def update_shown(self) -> None:
        """Show the words if the container on show can scroll further down."""
        container = self.follows()
        self.shown = container.scroll_y < container.max_scroll_y

    def watch_shown(self, shown: bool) -> None:
        """Show the pointer over the words only while they are there to tap."""
        self.set_class(shown, "-shown")

    def on_click(self, event: events.Click) -> None:
        """While the words show, a tap scrolls the text down by a screen (the blank hint does nothing)."""
        if self.shown:
            event.stop()
            self.follows().scroll_page_down(animate=False)

    def render(self) -> Content:
        """The words, or as many spaces."""
        return Content(self.text if self.shown else " " * cell_len(self.text))
