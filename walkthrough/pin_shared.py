"""A staff PIN guard whose count of wrong tries and lock are shared by every process given the same file.

``walkthrough serve`` starts one app process per browser tab. A guard that
lived in one process only would let someone reload the counsellor's page after
two wrong tries and start the count again, so the counsellor's path gives every
app it starts the same small file in a folder only the server's user can read.
Each try reads the count and the lock from it and writes them back while
holding an exclusive lock on it, so tries from several tabs are counted one
after another. No PIN is ever written, only the count and when the lock ends.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .pin import LOCK_SECONDS, PinGuard, PinResult


class SharedPinGuard(PinGuard):
    """A :class:`PinGuard` that keeps its wrong tries and lock in ``path``.

    The clock must be the same in every process that shares the file:
    ``time.monotonic`` is, on Linux (it counts from boot, for the whole system).
    """

    def __init__(
        self,
        stored_hash: str,
        clock: Callable[[], float],
        path: Path,
        *,
        on_lock: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(stored_hash, clock, on_lock=on_lock)
        self.path = path
        """The file the count and the lock are kept in (made, readable by this user only, at the first look)."""
        self._holding = False

    def seconds_locked(self) -> float:
        """Seconds until the prompt takes tries again, as the shared file says."""
        with self._shared(save=False):
            return super().seconds_locked()

    def attempt(self, pin: str) -> PinResult:
        """Check one try against the shared count, and write the new count back before anyone else may try."""
        with self._shared(save=True):
            return super().attempt(pin)

    @contextmanager
    def _shared(self, *, save: bool) -> Iterator[None]:
        if self._holding:  # attempt() asks seconds_locked() while it already holds the file
            yield
            return
        descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX)
            self._holding = True
            self._read(descriptor)
            yield
            if save:
                self._write(descriptor)
        finally:
            self._holding = False
            os.close(descriptor)  # closing lets go of the lock too

    def _read(self, descriptor: int) -> None:
        raw = os.pread(descriptor, 4096, 0)
        try:
            state = json.loads(raw) if raw else {}
            self.wrong_tries = int(state.get("wrong_tries", 0))
            self.locked_until = float(state.get("locked_until", 0.0))
        except (ValueError, TypeError, AttributeError):
            # Only this server's user can write the file; a broken one (a full disk) counts as locked,
            # so that a fault never gives anyone more tries.
            self.wrong_tries = 0
            self.locked_until = self.clock() + LOCK_SECONDS

    def _write(self, descriptor: int) -> None:
        data = json.dumps({"wrong_tries": self.wrong_tries, "locked_until": self.locked_until}).encode()
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, data, 0)


NO_PIN_FOR_COUNSELLOR = (
    "walkthrough: counsellor mode in a browser needs a staff PIN, and clinic.yaml has no staff_pin_hash. "
    "Make the line with 'walkthrough hash-pin', paste it into clinic.yaml, and start again "
    "(see docs/kiosk.md: The clinic settings)."
)
"""Why counsellor mode is not served (or not started behind the PIN) without a staff PIN."""
