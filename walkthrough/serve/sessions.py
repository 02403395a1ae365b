"""Sessions of ``walkthrough serve`` without the web server: the cap, the Origin rule, the log, the default cap.

Nothing here imports textual-serve or aiohttp; session.py runs one
session's app, server.py ties them to the web server.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from ..kiosk import open_log

MB_PER_SESSION = 45
"""Memory one tab's app is allowed for when choosing the default cap (about 40 MB measured, with room)."""

MEMORY_SHARE = 0.5
"""The share of the machine's available memory the default cap may fill with sessions."""

MAX_SESSIONS_CEILING = 50
"""The default cap never goes above this, however much memory there is (one small server, one clinic)."""

FULL_CLOSE_CODE = 4001
"""The websocket close code that tells the page all screens are in use (web/app_index.html shows the words)."""

LOGGER_NAME = "walkthrough.serve"
"""The server's log, apart from the kiosk app's own."""


def default_max_sessions(meminfo: Path = Path("/proc/meminfo")) -> int:
    """The cap when none is given: half the available memory at 45 MB a tab, at most 50, at least 1.

    Without /proc/meminfo (not Linux), 8: a small machine's worth.
    """
    try:
        for line in meminfo.read_text().splitlines():
            if line.startswith("MemAvailable:"):
                available_mb = int(line.split()[1]) / 1024
                break
        else:
            return 8
    except (OSError, ValueError, IndexError):
        return 8
    return max(1, min(MAX_SESSIONS_CEILING, int(available_mb * MEMORY_SHARE / MB_PER_SESSION)))


def default_server_log_path() -> Path:
    """Where the server's session log goes unless told: $XDG_STATE_HOME/walkthrough/serve.log."""
    state = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(state) / "walkthrough" / "serve.log"


def open_server_log(path: Path) -> logging.Logger:
    """The session log at ``path``: one line per session start and end, rotated as the kiosk's log is."""
    return open_log(path, name=LOGGER_NAME)


_DEFAULT_PORTS = {"http": 80, "https": 443, "ws": 80, "wss": 443}


def same_origin(origin: str | None, scheme: str, host: str) -> bool:
    """Whether a websocket's ``Origin`` header is this server's own address, as the browser reached it.

    ``scheme`` and ``host`` are the request's (``host`` from its Host header,
    port included unless it is the scheme's default). A missing Origin is
    refused too: every browser sends one on a websocket, so only a tool
    without a page would leave it out, and it can say the server's own.
    """
    if not origin or not host:
        return False
    try:
        theirs = urlsplit(origin)
        ours = urlsplit(f"{scheme}://{host}")
        their_port = theirs.port or _DEFAULT_PORTS.get(theirs.scheme)
        our_port = ours.port or _DEFAULT_PORTS.get(ours.scheme)
    except ValueError:
        return False
    return (
        theirs.scheme == ours.scheme
        and theirs.hostname is not None
        and theirs.hostname == ours.hostname
        and their_port == our_port
        and theirs.path in ("", "/")
    )


@dataclass
class Seats:
    """The cap on sessions: a seat for each open websocket with an app behind it."""

    cap: int
    """At most this many sessions at once."""
    in_use: int = 0
    """Seats taken now."""
    started: int = 0
    """Sessions started since the server started (the last session's number)."""
    refused: int = 0
    """Websockets refused because every seat was taken."""
    since: float = field(default_factory=time.monotonic)

    def take(self) -> int | None:
        """A seat for a new session, and its number; None when all are taken."""
        if self.in_use >= self.cap:
            self.refused += 1
            return None
        self.in_use += 1
        self.started += 1
        return self.started

    def release(self) -> None:
        """A session has ended (its app is gone): its seat is free."""
        self.in_use = max(0, self.in_use - 1)

    def health(self) -> dict[str, int]:
        """What the health URL reports: seats in use, the cap, sessions so far, refusals, seconds up."""
        return {
            "in_use": self.in_use,
            "cap": self.cap,
            "started": self.started,
            "refused": self.refused,
            "uptime_seconds": int(time.monotonic() - self.since),
        }
