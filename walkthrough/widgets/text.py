"""Showing content text exactly as written."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


def plain(text: str) -> Content:
    """Text from a content file as literal Content: square brackets are never markup."""
    return Content(text)


class PlainText(Static):
    """A Static whose text is always literal, whatever brackets it holds."""

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(plain(text), markup=False, **kwargs)  # type: ignore[arg-type]
        self._text = text

    def set_text(self, text: str) -> None:
        """Replace the shown text, still literal; the same text again costs no redraw."""
        if text != self._text:
            self._text = text
            self.update(plain(text))


def bullet_lines(items: tuple[str, ...]) -> str:
    """A list of lines as bullet points, one per line."""
    return "\n".join(f"• {item}" for item in items)
