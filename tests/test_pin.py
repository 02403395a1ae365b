"""The staff PIN: stored as a salted scrypt hash, checked in constant time, locked after three wrong tries."""

from __future__ import annotations

import pytest

from walkthrough.pin import LOCK_SECONDS, MAX_TRIES, PinGuard, hash_pin, is_pin_hash, pin_problem, verify_pin

from .conftest import FakeClock

STORED = hash_pin("2468")


def test_hash_is_salted_and_checks_only_the_right_pin() -> None:
    again = hash_pin("2468")
    assert again != STORED, "the same PIN must not give the same line twice"
    assert "2468" not in STORED
    assert is_pin_hash(STORED) and is_pin_hash(again)
    assert verify_pin("2468", STORED) and verify_pin("2468", again)
    assert not verify_pin("2469", STORED)
    assert not verify_pin("", STORED)


@pytest.mark.parametrize(
    "text",
    [
        "2468",
        "scrypt$16384$8$1$abc$def",
        STORED.replace("scrypt", "bcrypt"),
        STORED + "0",
        STORED.replace("$16384$", "$1000$"),  # not a power of two
        STORED.replace("$16384$", "$9999999$"),  # far too costly to check
        STORED.upper(),
    ],
    # Named, not shown: STORED has a fresh salt in each process, and pytest-xdist's workers must collect the same ids.
    ids=["pin", "short-fields", "bcrypt", "extra-digit", "cost-not-power-of-two", "cost-too-high", "upper-case"],
)
def test_anything_but_a_hash_line_is_refused(text: str) -> None:
    assert not is_pin_hash(text)
    assert not verify_pin("2468", text)


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("123", "at least 4"),
        ("1" * 33, "at most 32"),
        (" 1234", "spaces"),
        ("1234\t", "spaces"),
        ("12\x0034", "control"),
    ],
)
def test_unusable_pins_are_named(pin: str, problem: str) -> None:
    found = pin_problem(pin)
    assert found is not None and problem in found


def test_usable_pins() -> None:
    assert pin_problem("2468") is None
    assert pin_problem("staff room 2") is None
    assert pin_problem("ñandú-1") is None


def test_guard_locks_after_three_wrong_tries_and_unlocks_after_a_minute(clock: FakeClock) -> None:
    guard = PinGuard(STORED, clock)
    assert [guard.attempt("0000").outcome for _ in range(MAX_TRIES - 1)] == ["wrong"] * (MAX_TRIES - 1)
    locked = guard.attempt("0000")
    assert locked.outcome == "locked" and locked.seconds_left == LOCK_SECONDS
    assert guard.attempt("2468").outcome == "locked", "the right PIN is not even tried while locked"
    clock.advance(LOCK_SECONDS - 1)
    assert guard.seconds_locked() == 1
    clock.advance(1)
    assert guard.attempt("2468").outcome == "ok"


def test_a_right_pin_resets_the_count(clock: FakeClock) -> None:
    guard = PinGuard(STORED, clock)
    guard.attempt("0000")
    guard.attempt("0000")
    assert guard.attempt("2468").outcome == "ok"
    assert guard.attempt("0000").tries_left == MAX_TRIES - 1
