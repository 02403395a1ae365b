"""Read one YAML file into plain Python values, keeping where every value came from.

Every scalar stays text: YAML's implicit typing is switched off, so ``no``,
``1.10`` and ``01234`` arrive as written and the content model decides what a
field means. Nothing in the file is ever run: only plain maps, lists and
strings are accepted, and anchors, aliases and tags are refused as they are
met (see ``yamlbuild.py``).

Any file, however made, is answered in bounded time: files over
``MAX_FILE_BYTES`` are refused unread, and reading stops early at what the
limits in ``limits.py`` refuse. A file is parsed once: the loader, the
language parity check and the reading grades all ask for the same file, and
get the same answer from a small memory keyed by the file's bytes, so a file
saved with new bytes is always read afresh.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from pathlib import Path
from typing import Any

from .limits import MAX_DEPTH, MAX_FILE_BYTES
from .problems import ContentError, Problem
from .yamlbuild import YamlDocument, build_document

__all__ = ["MAX_DEPTH", "MAX_FILE_BYTES", "YamlDocument", "forget_read_files", "read_yaml"]

REMEMBERED_FILES = 16
"""How many files' answers are kept in memory (a walkthrough folder has three)."""

_remembered: OrderedDict[tuple[str, bytes], YamlDocument | tuple[Problem, ...]] = OrderedDict()

# Only spaces and tabs between two line breaks (or the start or end of the file).
_BLANK_LINE = re.compile(r"(?:(?<=[\r\n])|\A)[ \t]+(?=[\r\n]|\Z)")


def read_yaml(path: Path, display_name: str | None = None) -> YamlDocument:
    """Read ``path`` safely, or raise ContentError listing what is wrong.

    Each caller gets its own copy of the values, so it may change them freely.

    Args:
        path: The file to read.
        display_name: How to name the file in problems (defaults to ``path``).
    """
    name = display_name or str(path)
    raw = _read_bytes(path, name)
    key = (name, hashlib.sha256(raw).digest())
    answer = _remembered.get(key)
    if answer is None:
        try:
            answer = build_document(_blank_whitespace_lines(_decode(raw, name)), name)
        except ContentError as error:
            answer = error.problems
        _remembered[key] = answer
        while len(_remembered) > REMEMBERED_FILES:
            _remembered.popitem(last=False)
    _remembered.move_to_end(key)
    if isinstance(answer, tuple):
        raise ContentError(answer)
    return YamlDocument(_copy(answer.data), dict(answer.positions), dict(answer.key_positions))


def forget_read_files() -> None:
    """Forget every file read so far: the next read parses again (for measuring how long that takes)."""
    _remembered.clear()


def _copy(value: Any) -> Any:
    """A copy of plain values (strings are shared: they cannot change)."""
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


def _blank_whitespace_lines(text: str) -> str:
    """Empty every line that holds only spaces and tabs, keeping each line where it was.

    Such a line is invisible in an editor, yet both YAML parsers refuse a tab
    on it almost everywhere. Emptied, it is the blank line the writer sees.
    Inside a ``|`` or ``>`` block the line would have kept its spaces and
    tabs as text; emptied it is an empty line of the text instead, which
    looks the same on screen (tabs are shown as spaces anyway).
    """
    return _BLANK_LINE.sub("", text)


def _read_bytes(path: Path, name: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError(
                [Problem.about_file(name, f"file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")]
            )
        with path.open("rb") as handle:
            raw = handle.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ContentError([Problem.about_file(name, f"cannot read the file: {error.strerror or error}")]) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ContentError([Problem.about_file(name, f"file is too large (over {MAX_FILE_BYTES:,} bytes)")])
    return raw


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = raw[: error.start]
        line = before.count(b"\n") + 1
        column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        message = f"the file is not UTF-8 text (byte 0x{raw[error.start]:02x}); save it as UTF-8"
        raise ContentError([Problem(name, line, column, (), message)]) from None
    if not text.strip():
        raise ContentError([Problem.about_file(name, "the file is empty")])
    return text
