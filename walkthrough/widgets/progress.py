"""Where you are among the steps: 'Step 2 of 4' and a row of dots."""

from __future__ import annotations

from .text import PlainText


def progress_dots(number: int, total: int) -> str:
    """Dots for ``total`` steps, filled up to and including ``number`` (1-based)."""
    return " ".join("●" if index <= number else "○" for index in range(1, total + 1))


class StepProgress(PlainText):
    """A line like 'Step 2 of 4   ● ● ○ ○'; the glyphs carry the meaning, not colour."""

    def __init__(self, label: str, number: int, total: int, **kwargs: object) -> None:
        super().__init__(f"{label}   {progress_dots(number, total)}", **kwargs)
