"""Remove characters that could steer a terminal from text read out of content files."""

from __future__ import annotations

import re

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks, clipboard
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]"  # two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f"  # C0 and C1 controls except newline
    "\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "]"
)


def clean_text(text: str) -> str:
    """Return ``text`` without escape sequences, control characters or bidi overrides.

    Tabs become spaces and Windows line ends become plain newlines; every other
    control character is dropped.
    """
    text = text.replace("\r\n", "\n").replace("\t", "    ")
    text = _ESCAPE_SEQUENCE.sub("", text)
    return _CONTROL.sub("", text)


ECHO_CHARS = 60
"""The most characters of a file's own text that a message repeats."""

_LINE_BREAKS = re.compile("[\n\u2028\u2029]+")


def echo(text: str, limit: int = ECHO_CHARS) -> str:
    """``text`` from a file, made safe to repeat in a one-line message.

    Cleaned as content is (see ``clean_text``), kept on one line, and cut to
    ``limit`` characters with an ellipsis.
    """
    text = _LINE_BREAKS.sub(" ", clean_text(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line(text: str) -> str:
    """``text`` made safe to print as one line of a terminal, at any length."""
    return _LINE_BREAKS.sub(" ", clean_text(text))
