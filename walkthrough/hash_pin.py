"""``walkthrough hash-pin``: read a staff PIN without showing it and print the line clinic.yaml needs."""

from __future__ import annotations

import sys


def print_pin_hash() -> int:
    """Read a PIN (twice, without echo, at a terminal; one line from a pipe) and print its clinic.yaml line."""
    import getpass

    from .pin import hash_pin, pin_problem

    try:
        if sys.stdin.isatty():
            pin = getpass.getpass("Staff PIN: ")
            if getpass.getpass("The same PIN again: ") != pin:
                print("walkthrough hash-pin: the two PINs differ; nothing was printed.", file=sys.stderr)
                return 1
        else:
            pin = sys.stdin.readline().rstrip("\r\n")
    except (EOFError, KeyboardInterrupt):
        print("\nwalkthrough hash-pin: no PIN was given.", file=sys.stderr)
        return 1
    problem = pin_problem(pin)
    if problem is not None:
        print(f"walkthrough hash-pin: {problem}; nothing was printed.", file=sys.stderr)
        return 1
    print("# Paste this line into clinic.yaml (it is not the PIN and cannot be turned back into it):")
    print(f"staff_pin_hash: {hash_pin(pin)}")
    return 0
