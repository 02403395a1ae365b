"""Canary for compat.fixes.next_frame_on_the_next_tick: fails once Textual's timer no longer has the fault."""

from __future__ import annotations

import inspect
from pathlib import Path

from textual import timer as textual_timer

import walkthrough.app  # noqa: F401  # applies the fix on import, as every start does
from walkthrough.compat.fixes import TIMER_FAULT


def test_the_pinned_textual_still_has_the_fault_and_the_fix_replaces_it() -> None:
    assert TIMER_FAULT in Path(textual_timer.__file__).read_text(encoding="utf-8"), (
        "Textual's Timer._run changed: check whether next_frame_on_the_next_tick is still needed"
    )
    patched = inspect.getsource(textual_timer.Timer._run)
    assert TIMER_FAULT not in patched
    assert "math.ceil((now - start) / _interval) - 1" in patched
