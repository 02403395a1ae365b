"""The pairing code a leader shows and a follower types, and the lockout after wrong codes.

A code is six digits, shown as ``482 913`` (easy to read out and to tap on a
keypad). It picks the leader's socket, so pairs on one machine never cross.
Wrong codes lock out like the staff PIN: three in a row, then a minute.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Literal, NamedTuple

from ..pin import LOCK_SECONDS, MAX_TRIES

CODE_DIGITS = 6


def new_code() -> str:
    """A fresh random code of six digits."""
    return f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"


def clean_code(typed: str) -> str | None:
    """The code in what was typed (spaces and dashes dropped), or None when it is not six digits."""
    digits = "".join(char for char in typed if char not in " -")
    if len(digits) == CODE_DIGITS and digits.isascii() and digits.isdigit():
        return digits
    return None


def shown_code(code: str) -> str:
    """A code as shown on screen: two groups of three digits."""
    return f"{code[:3]} {code[3:]}"


class PairingResult(NamedTuple):
    """What a try came to: ``ok``, ``wrong`` (tries left), ``locked`` (seconds left) or ``cannot`` (no socket here)."""

    outcome: Literal["ok", "wrong", "locked", "cannot"]
    tries_left: int = 0
    seconds_left: float = 0.0


class PairingGuard:
    """Counts wrong codes: three in a row lock new tries for a minute (the staff PIN's rule).

    It lives as long as the app, so closing and opening the code entry does not reset it.
    """

    def __init__(self, clock: Callable[[], float]) -> None:
        """Time the lockout by ``clock`` (a monotonic clock; tests pass a fake one)."""
        self.clock = clock
        self.wrong_tries = 0
        self.locked_until = 0.0

    def seconds_locked(self) -> float:
        """Seconds until a code may be tried again (0: now)."""
        return max(0.0, self.locked_until - self.clock())

    def record(self, right: bool) -> PairingResult:
        """Count one try whose code was ``right`` or not (ask :meth:`seconds_locked` before trying)."""
        if right:
            self.wrong_tries = 0
            return PairingResult("ok")
        self.wrong_tries += 1
        if self.wrong_tries >= MAX_TRIES:
            self.wrong_tries = 0
            self.locked_until = self.clock() + LOCK_SECONDS
            return PairingResult("locked", seconds_left=LOCK_SECONDS)
        return PairingResult("wrong", tries_left=MAX_TRIES - self.wrong_tries)
