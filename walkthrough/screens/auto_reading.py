"""Hands-free reading: a screen of pages that turns to the next one on its own after a reading time."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer

from ..reading import reading_seconds
from ..widgets.text import PlainText

if TYPE_CHECKING:
    from ..breathing import Clock


class HandsFreeReadingScreen(Screen[None]):
    """A screen of pages with hands-free reading: the ``auto`` action turns it on or off.

    While it is on, the seconds left on the page show in ``#auto-status`` and
    the page turns when they run out; any other key or tap (see
    :meth:`user_activity`), or another screen on top, turns it off. The
    ``#auto`` button shows whether it is on. A page turned this way is never
    stopped for anything (a teach-back check waits for the person's own Next).

    A subclass says what the pages are: :meth:`reading_text`, :meth:`can_turn_page`, :meth:`turn_page`.
    """

    auto_reading: reactive[bool] = reactive(False, init=False, repaint=False)
    """Hands-free reading: turn to the next page on its own after a reading time."""

    def __init__(self, words: Mapping[str, str], clock: Clock) -> None:
        """Read with ``clock`` (monotonic seconds; tests pass a fake one), saying the seconds left in ``words``."""
        super().__init__()
        self.words = words
        self.clock = clock
        self._auto_deadline = 0.0
        self._auto_timer: Timer | None = None

    def reading_text(self) -> str:
        """The text of the page on show, whose length sets its reading time."""
        raise NotImplementedError

    def can_turn_page(self) -> bool:
        """Whether there is a next page to turn to."""
        raise NotImplementedError

    def turn_page(self) -> None:
        """Show the next page (no teach-back check: hands-free reading never stops for one)."""
        raise NotImplementedError

    def action_auto(self) -> None:
        """Turn hands-free reading on or off."""
        self.auto_reading = not self.auto_reading

    def watch_auto_reading(self, on: bool) -> None:
        """Start the reading clock for this page, or stop it and clear its status."""
        self.query_one("#auto").set_class(on, "-chosen")
        if on:
            self._start_reading_clock()
        else:
            self._stop_reading_clock()
            self.query_one("#auto-status", PlainText).set_text("")

    def user_activity(self, event: events.Event) -> None:
        """The app hands every key and tap here: each pauses hands-free reading, but the one that toggles it."""
        if isinstance(event, events.Key):
            toggles = event.key in auto_keys(type(self))
        elif isinstance(event, events.MouseDown):
            toggles = self.get_widget_at(event.screen_x, event.screen_y)[0].id == "auto"
        else:
            toggles = False
        if not toggles:
            self.auto_reading = False  # the person has taken over

    def on_screen_suspend(self) -> None:
        """Another screen (calming mode, help, a check) is on top: hands-free reading stops."""
        self.auto_reading = False

    def _start_reading_clock(self) -> None:
        self._stop_reading_clock()
        if not self.can_turn_page():
            self.auto_reading = False  # the last page: there is nothing to turn to
            return
        self._auto_deadline = self.clock() + reading_seconds(self.reading_text())
        self.auto_tick()

    def _stop_reading_clock(self) -> None:
        if self._auto_timer is not None:
            self._auto_timer.stop()
            self._auto_timer = None

    def auto_tick(self) -> None:
        """Show the seconds left on this page, or turn the page when they run out."""
        self._auto_timer = None
        left = self._auto_deadline - self.clock()
        if left <= 0:
            if not self.can_turn_page():
                self.auto_reading = False
                return
            self.turn_page()
            self._start_reading_clock()
            return
        shown = math.ceil(left)
        self.query_one("#auto-status", PlainText).set_text(self.words["auto_next_in"].format(seconds=shown))
        self._auto_timer = self.set_timer(left - (shown - 1), self.auto_tick)


@cache
def auto_keys(screen_type: type[Screen[None]]) -> frozenset[str]:
    """The keys bound to ``auto`` on a kind of screen: pressing one toggles hands-free reading, so does not pause it."""
    return frozenset(
        key.strip()
        for binding in screen_type.BINDINGS
        if isinstance(binding, Binding) and binding.action == "auto"
        for key in binding.key.split(",")
    )
