"""Waiting-room kiosk rules that need no screen: the idle clock, fault counting, the log, a safe environment.

The kiosk app itself is ``modes/kiosk.py``; its settings are in the one settings record (``settings.py``).

Nothing here imports Textual, so the command line can clean the environment
before Textual reads it.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import traceback
from collections.abc import Callable, MutableMapping
from pathlib import Path

WARNING_SECONDS = 30
"""How long the "are you still here?" warning counts down: more than WCAG 2.2.1's 20 seconds."""

STAFF_EXIT_CODE = 10
"""Exit status after a staff member leaves with the PIN, so a supervisor can tell it from a crash."""

KIOSK_APP_ACTIONS = frozenset(
    {
        "help",
        "calm",
        "faq",
        "language",
        "start_again",
        "toggle_contrast",
        "staff",
        "bell",
        "focus_next",
        "focus_previous",
    }
)
"""The app's actions a patient may reach in kiosk mode; quit, the palette, themes, screenshots and the rest are off."""

SAFE_TEXTUAL_SETTINGS = frozenset({"TEXTUAL_ANIMATIONS", "TEXTUAL_COLOR_SYSTEM", "TEXTUAL_FPS"})
"""Textual's environment settings a kiosk keeps; the others can re-enable ctrl+c, save screenshots or press keys."""

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"
"""The one TEXTUAL_DRIVER a kiosk keeps: Textual's own, which ``walkthrough serve`` runs each tab's app with."""

FAULT_LIMIT = 3
"""Faults within FAULT_WINDOW seconds after which the kiosk gives up and exits for its supervisor to restart it."""
FAULT_WINDOW = 60.0


def clean_environment(environ: MutableMapping[str, str]) -> list[str]:
    """Drop Textual settings that could let a patient out (TEXTUAL_ALLOW_SIGNALS, TEXTUAL_SCREENSHOT, ...).

    Must run before Textual is imported, since it reads them once. Returns the
    names it removed.
    """
    removed = [
        name
        for name, value in environ.items()
        if name.startswith("TEXTUAL")
        and name not in SAFE_TEXTUAL_SETTINGS
        and not (name == "TEXTUAL_DRIVER" and value == WEB_DRIVER)
    ]
    for name in removed:
        del environ[name]
    return removed


class IdleClock:
    """Time since the last key or tap, on the app's monotonic clock."""

    def __init__(self, idle_seconds: float, clock: Callable[[], float]) -> None:
        self.idle_seconds = idle_seconds
        self.clock = clock
        self.last_activity = clock()

    def touch(self) -> None:
        """A key or tap: the session is in use."""
        self.last_activity = self.clock()

    def seconds_left(self) -> float:
        """Seconds of quiet still to go before the warning (0 or less when it is due)."""
        return self.last_activity + self.idle_seconds - self.clock()


def default_log_path() -> Path:
    """Where the kiosk log goes unless told: $XDG_STATE_HOME/walkthrough/walkthrough.log."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "walkthrough" / "walkthrough.log"


def open_log(path: Path, name: str = "walkthrough") -> logging.Logger:
    """The logger ``name`` writing to ``path``, kept small by rotation; a log that cannot be written is skipped.

    The file is created only when the first line is written. Logging must
    never take the app down or print on the patient's screen, even on a full
    or read-only disk.
    """
    logging.raiseExceptions = False  # a failed write is dropped, not printed over the screen
    logger = logging.getLogger(name)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    for old in list(logger.handlers):
        logger.removeHandler(old)
        old.close()
    handler: logging.Handler
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=512 * 1024, backupCount=2, encoding="utf-8", delay=True
        )
    except OSError:
        handler = logging.NullHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    return logger


def describe_fault(error: BaseException) -> str:
    """The error's type and where it happened, frame by frame, without its message.

    The message is left out on purpose: it can quote what someone typed, and
    the log must hold no patient input.
    """
    lines = [f"unexpected {type(error).__module__}.{type(error).__qualname__}"]
    for frame in traceback.extract_tb(error.__traceback__):
        lines.append(f"  at {frame.filename}:{frame.lineno} in {frame.name}")
    cause = error.__cause__ or error.__context__
    if cause is not None and cause is not error:
        lines.append(f"  caused by {type(cause).__module__}.{type(cause).__qualname__}")
    return "\n".join(lines)


class FaultCounter:
    """Counts recent faults, so a fault that repeats at every fresh start ends the app instead of looping."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.times: list[float] = []

    def add(self) -> bool:
        """Note a fault; True while recovering still makes sense."""
        now = self.clock()
        self.times = [time for time in self.times if now - time < FAULT_WINDOW] + [now]
        return len(self.times) < FAULT_LIMIT
