"""The staff PIN: stored only as a salted scrypt hash, checked with a lockout after wrong tries.

A stored PIN looks like ``scrypt$16384$8$1$<salt hex>$<hash hex>``: the
scrypt cost settings, a random 16-byte salt and the 32-byte key. The PIN itself
is never stored, logged or shown.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
"""Scrypt cost: about 16 MB and a few tens of milliseconds per check, so guessing offline is slow."""

PIN_HASH_PATTERN = re.compile(r"^scrypt\$(\d{1,7})\$(\d{1,3})\$(\d{1,3})\$([0-9a-f]{32})\$([0-9a-f]{64})$")
"""What a stored PIN hash must look like."""

MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 32
MAX_TRIES = 3
"""Wrong PINs in a row before the prompt locks."""
LOCK_SECONDS = 60.0
"""How long the prompt stays locked after too many wrong PINs."""


def pin_problem(pin: str) -> str | None:
    """Why ``pin`` cannot be used as a staff PIN, or None if it can."""
    if len(pin) < MIN_PIN_LENGTH:
        return f"a PIN needs at least {MIN_PIN_LENGTH} characters"
    if len(pin) > MAX_PIN_LENGTH:
        return f"a PIN may have at most {MAX_PIN_LENGTH} characters"
    if not pin.isprintable() or pin != pin.strip():
        return "a PIN may not have spaces at either end or control characters"
    return None


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The line to store for ``pin``: a fresh random salt and its scrypt key."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    key = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${key.hex()}"


def is_pin_hash(text: str) -> bool:
    """Whether ``text`` has the shape of a line printed by ``walkthrough hash-pin``."""
    match = PIN_HASH_PATTERN.match(text)
    if match is None:
        return False
    n, r, p = (int(match.group(i)) for i in (1, 2, 3))
    return n >= 2 and n & (n - 1) == 0 and n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16


def verify_pin(pin: str, stored: str) -> bool:
    """Whether ``pin`` matches the stored hash (compared in constant time)."""
    match = PIN_HASH_PATTERN.match(stored)
    if match is None or not is_pin_hash(stored):
        return False
    n, r, p = (int(match.group(i)) for i in (1, 2, 3))
    key = _scrypt(pin, bytes.fromhex(match.group(4)), n, r, p)
    return hmac.compare_digest(key, bytes.fromhex(match.group(5)))


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * 1024 * 1024, dklen=32)


@dataclass(frozen=True)
class PinResult:
    """What a PIN try came to: ``ok``, ``wrong`` (with tries left) or ``locked`` (with seconds left)."""

    outcome: Literal["ok", "wrong", "locked"]
    tries_left: int = 0
    seconds_left: float = 0.0


class PinGuard:
    """Checks staff PINs and locks out guessing: three wrong tries lock it for a minute.

    It lives as long as the app, so closing and reopening the prompt does not
    reset the count.
    """

    def __init__(
        self, stored_hash: str, clock: Callable[[], float], *, on_lock: Callable[[], None] | None = None
    ) -> None:
        self.stored_hash = stored_hash
        self.clock = clock
        self.on_lock = on_lock
        """Called when too many wrong tries lock the guard (the app logs it)."""
        self.wrong_tries = 0
        self.locked_until = 0.0

    def seconds_locked(self) -> float:
        """Seconds until the prompt takes tries again (0 when it does now)."""
        return max(0.0, self.locked_until - self.clock())

    def attempt(self, pin: str) -> PinResult:
        """Check one try; a locked guard does not even look at the PIN."""
        left = self.seconds_locked()
        if left > 0:
            return PinResult("locked", seconds_left=left)
        if verify_pin(pin, self.stored_hash):
            self.wrong_tries = 0
            return PinResult("ok")
        self.wrong_tries += 1
        if self.wrong_tries >= MAX_TRIES:
            self.wrong_tries = 0
            self.locked_until = self.clock() + LOCK_SECONDS
            if self.on_lock is not None:
                self.on_lock()
            return PinResult("locked", seconds_left=LOCK_SECONDS)
        return PinResult("wrong", tries_left=MAX_TRIES - self.wrong_tries)
