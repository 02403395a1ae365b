"""The driver of an app that ``walkthrough serve`` runs in a tab: Textual's web driver, answering the heartbeat.

The server asks each app, every few seconds, whether its event loop still runs
(serve/session.py). Textual's input thread reads the question; answering from
that thread would only prove the thread reads. So :class:`ServedWebDriver`
posts a :class:`Heartbeat` message to the app, and the app answers when it
handles it, on its event loop: an app whose loop is stuck never answers, and
the server ends it.

Loaded only when the app is served (``TEXTUAL_DRIVER`` names Textual's web
driver, see ``WalkthroughApp.get_driver_class``): a terminal start never
imports it.
"""

from __future__ import annotations

from textual.drivers.web_driver import WebDriver
from textual.message import Message

HEARTBEAT = "heartbeat"
"""The meta packet's type, both ways: ``{"type": "heartbeat", "n": N}``."""


class Heartbeat(Message):
    """The server asked whether the app's event loop runs; handling this on the loop, the app answers yes."""

    def __init__(self, driver: WebDriver, number: int) -> None:
        """The question numbered ``number``, to be answered through ``driver``."""
        super().__init__()
        self.driver = driver
        """The driver that carries the answer back to the server."""
        self.number = number
        """The server's number for the question, sent back with the answer."""

    def answer(self) -> None:
        """Tell the server the event loop runs (call it from a handler of this message, nowhere else)."""
        self.driver.write_meta({"type": HEARTBEAT, "n": self.number})


class ServedWebDriver(WebDriver):
    """Textual's web driver, handing the server's heartbeat to the app (see the module's docstring).

    Uses only Textual's documented hooks (``on_meta``, ``write_meta``) and the
    driver's private ``_app``, which every Textual driver uses the same way and
    which has no public name. Upstream: no issue found asking for a public name
    for a driver's app (as of 2026-11-29; searched Textualize/textual's issues
    for "driver public app attribute _app on_meta web driver").
    """

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        """A heartbeat goes to the app as a :class:`Heartbeat` message; every other packet as Textual handles it."""
        if packet_type != HEARTBEAT:
            super().on_meta(packet_type, payload)
            return
        number = payload.get("n")
        if isinstance(number, int) and not isinstance(number, bool):
            # Thread-safe: from this (input) thread it is queued with call_soon_threadsafe.
            self._app.post_message(Heartbeat(self, number))
