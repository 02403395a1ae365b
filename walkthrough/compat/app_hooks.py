"""The App's private hooks: calm faults instead of Textual's traceback, and a priority key bound after start.

No upstream issue asks for either (searched Textualize/textual issues on
2026-11-29 for "handle_exception", "custom error screen", "exception hook",
"recover from exception" and "bind priority"): Textual's public API has no way
to replace the traceback it prints when a handler raises, nor to keep the
message loop going after one, nor to bind a priority key at run time
(``App.bind`` has no ``priority``). The canaries in
tests/test_compat_canaries.py check every private name used here.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App
from textual.message import Message

STOPPED_AFTER_A_FAULT = "walkthrough stopped after an unexpected error. Please tell a member of staff."
"""The one calm line a terminal app leaves when an unexpected error ends it."""


class FaultHooks(App[None]):
    """An App whose unexpected errors go to :meth:`fault` instead of Textual's traceback.

    A subclass answers :meth:`fault`: True when it has dealt with the error
    (a kiosk recovers), False to end the app with one calm line. With
    ``RECOVERS_IN_HANDLERS``, an error in one of the app's own handlers is
    caught before it stops the app's message loop.
    """

    RECOVERS_IN_HANDLERS = False
    """Catch an error in the app's own message handlers, so the app's message loop goes on (a kiosk)."""

    stopping_on_signal = False
    """SIGTERM, SIGHUP or SIGINT came: errors from here on are the app ending, not faults."""

    def fault(self, error: Exception) -> bool:
        """An unexpected error: True if dealt with (the app goes on), False to end the app calmly."""
        return False

    def log_file_hint(self) -> logging.Logger | None:
        """The logger whose file the calm line names ("Details are in <file>."), if any."""
        return None

    @property
    def is_closing(self) -> bool:
        """The app has begun to close: too late to recover from anything."""
        return bool(self._closing)

    async def _dispatch_message(self, message: Message) -> None:
        """With RECOVERS_IN_HANDLERS, an error in one of the app's own handlers must not stop its message loop."""
        if not self.RECOVERS_IN_HANDLERS:
            await super()._dispatch_message(message)
            return
        try:
            await super()._dispatch_message(message)
        except Exception as error:  # noqa: BLE001 - any error at all: recover, don't exit
            self._handle_exception(error)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's hook for an error anywhere in the app: :meth:`fault` decides, never a traceback.

        Textual would print a traceback with local values; a patient must never
        see one. Once the app is stopping on a signal, errors are not faults: an
        exit before the first screen is mounted makes Textual refuse the rest of
        its mounting (MountError, and NoMatches for the widgets not mounted).
        """
        if self.stopping_on_signal:
            self._close_messages_no_wait()
            return
        if self.fault(error):
            return
        if self._exception is None:
            self._exception = error  # so that tests still see the error
            self._exception_event.set()
        self._return_code = 1
        if not self._exit_renderables:  # one calm line, not one per error
            self._exit_renderables.append(Text(STOPPED_AFTER_A_FAULT + _log_hint(self.log_file_hint())))
        self._close_messages_no_wait()


def bind_priority_key(app: App[Any], key: str, action: str, description: str) -> None:
    """Bind ``key`` to ``action`` at run time, before any widget's bindings, and hidden from the key line."""
    app._bindings.bind(key, action, description=description, show=False, priority=True)


def _log_hint(log: logging.Logger | None) -> str:
    """The sentence naming the log's file (" Details are in <file>."), or "" if it has no file."""
    for handler in log.handlers if log is not None else ():
        filename = getattr(handler, "baseFilename", None)
        if filename:
            return f" Details are in {Path(filename)}."
    return ""
