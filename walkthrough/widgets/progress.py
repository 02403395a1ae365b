"""Where you are: 'Step 2 of 4' among the steps, 'Page 5 of 7' in the walk, each with a row of dots."""

from __future__ import annotations

from collections.abc import Mapping

from .text import PlainText


def progress_dots(number: int, total: int) -> str:
    """Dots for ``total`` steps, filled up to and including ``number`` (1-based)."""
    return " ".join("●" if index <= number else "○" for index in range(1, total + 1))


class StepProgress(PlainText):
    """A line like 'Step 2 of 4   ● ● ○ ○'; the glyphs carry the meaning, not colour."""

    def __init__(self, label: str, number: int, total: int, **kwargs: object) -> None:
        super().__init__(f"{label}   {progress_dots(number, total)}", **kwargs)


def page_progress(words: Mapping[str, str], index: int, count: int) -> tuple[str, str]:
    """'Page 5 of 7' and its dots for page ``index`` of ``count`` pages; the welcome page (0) is not counted.

    The welcome page is the cover: it gets neither, and the walk is counted from the first step.
    """
    if index <= 0:
        return "", ""
    total = count - 1
    return words["page_of"].format(number=index, total=total), progress_dots(index, total)
