"""SIGTERM, SIGHUP and SIGINT from the first moment of start-up: noted, then acted on once the app can end cleanly.

Until the app's event loop takes these signals over (``WalkthroughApp.on_load``),
one that arrives is only noted, and the app ends as soon as it starts, with
the same exit status as later (128 + the signal's number). Without this a
signal in the first few hundred milliseconds ended the process with no exit
status of its own, or with a traceback for ctrl+c. Nothing here imports more
than ``signal``.
"""

from __future__ import annotations

import signal
from types import FrameType
from typing import Any

EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
"""Signals that end the app cleanly, terminal restored, with exit status 128 + the signal's number."""

_noted: list[int] = []
_before: dict[int, Any] = {}


def note_exit_signals() -> None:
    """From now on, an exit signal is only noted (see :func:`noted_exit_signal`)."""
    for number in EXIT_SIGNALS:
        previous = signal.signal(number, _note)
        _before.setdefault(number, previous)


def _note(number: int, _frame: FrameType | None) -> None:
    _noted.append(number)


def noted_exit_signal() -> int | None:
    """The first exit signal that arrived while they were only noted, or None."""
    return _noted[0] if _noted else None


def restore_exit_signals() -> None:
    """Give the exit signals back their usual effect (for the commands other than the app), then act on a noted one."""
    for number, previous in _before.items():
        signal.signal(number, previous)
    _before.clear()
    if _noted:
        signal.raise_signal(_noted.pop(0))
