"""Textual's Content wraps text with rich's ``divide_line``, which fails when the room left is 0 cells.

A widget squeezed to its padding (a button at a 3-column terminal, a key line
at 1x1) asks Content to wrap its text in ``width - 2 * line_pad`` cells; at 0,
rich's ``chop_cells`` does ``range(0, n, 0)`` and raises ValueError in the
middle of a frame, which a kiosk counts as a fault (found by the kiosk fuzz,
tests/test_kiosk_fuzz.py, after resizes to (3, 60) and (200, 2)).

No upstream issue found as of 2026-11-29 (searched Textualize/textual and
Textualize/rich issues for "range() arg 3 must not be zero", "chop_cells width
0", "divide_line zero width"); the same crash is reported against Textual apps
in OpenHands/OpenHands-CLI#397 and #401. The canary in
tests/test_compat_canaries.py fails once Textual no longer calls it this way.
"""

from __future__ import annotations

from rich._wrap import divide_line
from textual import content


def _divide_line_in_at_least_one_cell(text: str, width: int, fold: bool = True) -> list[int]:
    return divide_line(text, max(1, width), fold=fold)


def wrap_in_at_least_one_cell() -> None:
    """Make Textual's Content wrap in at least one cell (it draws only what fits, as it does at one cell)."""
    content.divide_line = _divide_line_in_at_least_one_cell  # type: ignore[attr-defined]  # rich's own, replaced
