"""Problems found in content, each tied to a file and, where known, a place in it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

Loc = tuple[str | int, ...]
"""A place in the content tree: keys and list indexes, e.g. ``("steps", 2, "title")``."""


def format_loc(loc: Loc) -> str:
    """Spell a location the way an editor shows it: ``steps[2].title``."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


# A NamedTuple, not a dataclass: this is loaded at every start, and making a dataclass costs ~0.8 ms.
class Problem(NamedTuple):
    """One thing wrong with a content file.

    Attributes:
        file: The file's path as the user named it.
        line: 1-based line, or None when no real position is known.
        column: 1-based column, or None with the line.
        loc: Where in the content tree, empty for the whole file.
        message: What is wrong, in plain words.
        warning: True for advice that does not stop the content loading.
    """

    file: str
    line: int | None
    column: int | None
    loc: Loc
    message: str
    warning: bool = False

    def __str__(self) -> str:
        """One line, as an editor reads it: ``file:line:col: where: message``.

        Nothing in it can steer a terminal, whatever a file held: control
        characters and escape sequences are removed from every part, line
        breaks become spaces, and long keys are cut short.
        """
        from .sanitize import echo, one_line  # only once a problem is shown: a start need not compile its patterns

        place = self.file
        if self.line is not None:
            place += f":{self.line}:{self.column or 1}"
        where = format_loc(tuple(echo(part) if isinstance(part, str) else part for part in self.loc))
        kind = "warning: " if self.warning else ""
        line = f"{place}: {where}: {kind}{self.message}" if where else f"{place}: {kind}{self.message}"
        return one_line(line)

    @classmethod
    def about_file(cls, file: str, message: str) -> Problem:
        """A problem with a whole file, which has no line to point at."""
        return cls(file, None, None, (), message)

    @classmethod
    def at(cls, file: str, position: tuple[int, int] | None, loc: Loc, message: str) -> Problem:
        """A problem at a (line, column) position, or at none when it is unknown."""
        line, column = position if position else (None, None)
        return cls(file, line, column, loc, message)

    @property
    def sort_key(self) -> tuple[str, int, int]:
        """Order problems by file, then by position."""
        return (self.file, self.line or 0, self.column or 0)


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(sorted(problems, key=lambda p: p.sort_key))
        super().__init__("\n".join(str(p) for p in self.problems))
