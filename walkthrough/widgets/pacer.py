"""The breathing shape: a soft round shape that grows on the in-breath and shrinks on the out-breath."""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from .text import plain

ROW_SHAPE = (0.55, 0.85, 1.0, 0.85, 0.55)
"""Each row's width as a share of the widest row: five rows make a rounded shape."""

MIN_WIDTH = 4
"""Columns of the widest row when the lungs are empty: never nothing at all."""

MAX_WIDTH = 44
"""Columns of the widest row when full: big enough to follow, small enough to stay calm."""


def shape_rows(fullness: float, width: int) -> list[str]:
    """The rows of the shape at ``fullness`` (0 to 1) for ``width`` columns; the widget centres them."""
    widest = shape_width(fullness, width)
    rows = []
    for share in ROW_SHAPE:
        columns = max(2, round(widest * share / 2) * 2)
        rows.append("█" * columns)
    return rows


def shape_width(fullness: float, width: int) -> int:
    """Columns of the widest row: grows two at a time so the shape stays centred."""
    return MIN_WIDTH + 2 * round(max(0.0, min(1.0, fullness)) * shape_steps(width))


def shape_steps(width: int) -> int:
    """How many sizes the shape can take between empty and full in ``width`` columns."""
    return max(1, (max(MIN_WIDTH, min(MAX_WIDTH, width - 2)) - MIN_WIDTH) // 2)


class BreathShape(Widget):
    """Draws the shape for ``fullness``; redraws only when the drawn size changes."""

    fullness: reactive[float] = reactive(0.0, layout=False)
    """How full the breath is, 0.0 to 1.0."""

    def render(self) -> Content:
        """The shape's rows as literal text."""
        return plain("\n".join(shape_rows(self.fullness, self.size.width)))

    @property
    def steps(self) -> int:
        """How many visible sizes there are, for the screen to time its redraws."""
        return shape_steps(self.size.width)

    def show(self, fullness: float) -> None:
        """Set the fullness, refreshing only if the drawn width changes."""
        if shape_width(fullness, self.size.width) != shape_width(self.fullness, self.size.width):
            self.fullness = fullness
        else:
            self.set_reactive(BreathShape.fullness, fullness)
