"""Clinic values in text: ``{observation_minutes}`` becomes the clinic's number.

Only names are filled in; nothing in braces is ever evaluated. ``{{`` and ``}}``
stand for literal braces.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from .problems import Loc

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}\n]*)\}")


def find_placeholders(text: str) -> Iterator[str]:
    """Yield the name inside every ``{...}`` in ``text``, skipping escaped braces."""
    for match in _TOKEN.finditer(text):
        if match.group(1) is not None:
            yield match.group(1).strip()


def fill(text: str, values: Mapping[str, str]) -> str:
    """Replace each ``{name}`` with its value; unknown names are left as written."""

    def replace(match: re.Match[str]) -> str:
        token = match.group(0)
        if token in ("{{", "}}"):
            return token[0]
        return values.get(match.group(1).strip(), token)

    return _TOKEN.sub(replace, text)


def map_strings(data: Any, change: Callable[[Loc, str], str], loc: Loc = ()) -> Any:
    """Return a copy of ``data`` with every string passed through ``change(loc, text)``."""
    if isinstance(data, str):
        return change(loc, data)
    if isinstance(data, list):
        return [map_strings(item, change, (*loc, index)) for index, item in enumerate(data)]
    if isinstance(data, dict):
        return {key: map_strings(value, change, (*loc, key)) for key, value in data.items()}
    return data
