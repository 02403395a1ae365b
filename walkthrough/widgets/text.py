"""Showing content text exactly as written."""

from __future__ import annotations

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

BULLET = "• "
"""What starts each item of a list; its wrapped lines start under the text, as wide again in."""


def plain(text: str) -> Content:
    """Text from a content file as literal Content: square brackets are never markup."""
    return Content(text)


class PlainText(Static):
    """A Static whose text is always literal, whatever brackets it holds."""

    def __init__(self, text: str = "", **kwargs: object) -> None:
        # kwargs are the widget's own options (id, classes...) passed on as given; mypy cannot match object to each
        super().__init__(plain(text), markup=False, **kwargs)  # type: ignore[arg-type]
        self._text = text

    def set_text(self, text: str) -> None:
        """Replace the shown text, still literal; the same text again costs no redraw."""
        if text != self._text:
            self._text = text
            self.update(plain(text))


def bullet_lines(items: tuple[str, ...]) -> str:
    """A list of lines as bullet points, one per line."""
    return "\n".join(f"{BULLET}{item}" for item in items)


def hung_lines(items: tuple[str, ...], width: int) -> Content:
    """``items`` as bullet points wrapped to ``width`` cells, each wrapped line starting under its item's text."""
    indent = Content(" " * len(BULLET))
    lines: list[Content] = []
    for item in items:
        wrapped = plain(item).wrap(max(1, width - len(BULLET)))
        lines.append(Content(BULLET) + wrapped[0])
        lines.extend(indent + line for line in wrapped[1:])
    return Content("\n").join(lines)


class SelfWrapped(PlainText):
    """Text that wraps itself to its width (by :meth:`wrap_to`), so Textual has nothing left to wrap.

    One widget however long the text; the wrapping is kept for the last width asked for.
    While the widget has no width (hidden), it shows its text as given.
    """

    def __init__(self, text: str, **kwargs: object) -> None:
        super().__init__(text, **kwargs)
        self._wrapped: tuple[int, Content] = (-1, Content(""))

    def wrap_to(self, width: int) -> Content:
        """The text wrapped to ``width`` cells (``width`` is always more than 2)."""
        raise NotImplementedError

    def wrapped(self, width: int) -> Content:
        """The text wrapped to ``width`` (kept until another width is asked for)."""
        if self._wrapped[0] != width:
            self._wrapped = (width, self.wrap_to(width) if width > len(BULLET) else plain(self._text))
        return self._wrapped[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the text takes wrapped to ``width``."""
        return len(self.wrapped(width).plain.split("\n")) if width else 0

    def render(self) -> Content:
        """The text, wrapped to the width it has now."""
        return self.wrapped(self.content_size.width)


class BulletList(SelfWrapped):
    """A list of bullet points with a hanging indent: Textual would wrap a line back under the bullet."""

    def __init__(self, items: tuple[str, ...], **kwargs: object) -> None:
        """A list of ``items``, literal text each."""
        super().__init__(bullet_lines(items), **kwargs)
        self.items = items

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The longest item on one line, bullet included."""
        return max((plain(item).cell_length for item in self.items), default=0) + len(BULLET)

    def wrap_to(self, width: int) -> Content:
        """The items, each wrapped line under its item's text."""
        return hung_lines(self.items, width)
