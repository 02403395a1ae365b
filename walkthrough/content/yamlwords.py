"""Plain words for what YAML's parsers say is wrong, at the place a writer should look.

libyaml (the fast parser) and PyYAML's own pure-Python parser word the same
mistakes a little differently ("mapping values are not allowed here" or "...
in this context"); each piece of advice below has a clue found in both. YAML's
own words follow the advice, as "(YAML says: ...)", cleaned of anything that
could steer a terminal and cut short.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from .limits import MAX_DEPTH
from .problems import Problem
from .sanitize import echo

_TAB = "a tab is used for indenting; use spaces instead"
_INDENT = "the indenting does not line up; keys at the same level need the same number of spaces"
_ESCAPE = "a backslash in double quotes starts an escape like \\n; write \\\\ for a backslash, or use single quotes"

_SYNTAX_HINTS = (
    ("'\\t'", _TAB),
    ("tab character", _TAB),
    ("unknown escape character", _ESCAPE),
    ("hexadecimal", _ESCAPE),
    ("hexdecimal", _ESCAPE),  # libyaml's spelling
    ("tag", "text that starts with ! must be put inside double quotes (tags are not allowed)"),
    ("directive", "a line that starts with % is a YAML directive; put text starting with % inside double quotes"),
    ("alias", "text that starts with * must be put inside double quotes"),
    ("anchor", "text that starts with & must be put inside double quotes"),
    ("block scalar", "after | or > only a comment may follow on that line; start the text on the next line, indented"),
    ("expected <block end>", _INDENT),
    ("did not find expected key", _INDENT),
    ("did not find expected '-' indicator", "the '- ' items of a list do not line up; give each the same indenting"),
    ("mapping keys are not allowed", "a '? ' here starts a key YAML cannot place; put text with ? inside quotes"),
    ("mapping values are not allowed", "an extra ':' here; put text that holds ': ' inside quotes"),
    (
        "sequence entries are not allowed",
        "a '- ' item cannot go here; a list starts on the line after its key, one '- ' item on each line",
    ),
    ("expected ',' or ']'", "a [list] is not closed properly; put items holding '?', ':' or ',' inside quotes"),
    ("expected ',' or '}'", "a {map} is not closed properly; put text holding braces inside quotes"),
    (
        "while parsing a flow",
        "a [list] or {map} has an empty item or a stray character; put text holding [ ] { } or ',' inside quotes",
    ),
    ("found unexpected end of stream", "a quote is opened but never closed"),
    ("incompatible", "a line that starts with % is a YAML directive; put text starting with % inside double quotes"),
    ("document separator", "a line of only --- or ... ends the text early; indent it more, or put the text in quotes"),
    ("document indicator", "a line of only --- or ... ends the text early; indent it more, or put the text in quotes"),
    ("<document start>", "this line does not fit the map above: check its indenting, and for a stray ] } or quote"),
    ("cannot start any token", "text that starts with @, ` or another sign must be put inside double quotes"),
    ("could not find expected ':'", "a line is missing its ':' after the key, or a quote is not closed"),
    ("node content", "a value is missing here, or it starts with a character that needs double quotes"),
)
"""Plain advice for each complaint of YAML's parsers, matched by a clue in its message (the first clue found wins)."""


_NEEDS_QUOTES = re.compile(r"^\s*(?:-\s+|[\w-]+:\s+|-\s+[\w-]+:\s+)([{\[*&!%@`]|\"[^\"]*\"\s*\S|'[^']*'\s*\S)")


_QUOTE_ADVICE = (
    'text that starts with {, [, *, &, !, % or a quote must be put inside double quotes, like: "{clinic_name} is open"'
)

_ESCAPE_TEXT = re.compile(r"\\(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})")


def surrogate_message(code: int) -> str:
    """What is wrong with text holding half of a UTF-16 character pair, which no file can store."""
    return (
        f"the escape \\u{code:04x} is half of a character pair (a lone surrogate); write the character itself"
        if 0xD800 <= code <= 0xDFFF
        else f"the escape \\U{code:08x} names no character; write the character itself"
    )


def yaml_problem(error: yaml.YAMLError, name: str, text: str) -> Problem:
    """Turn an error of either parser into a Problem at the place it names, if any."""
    if isinstance(error, yaml.reader.ReaderError):
        return _reader_problem(error, name, text)
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    opened_at = getattr(error, "context_mark", None)
    problem = str(getattr(error, "problem", None) or error)
    context = getattr(error, "context", None)
    message = re.sub(r"\s+", " ", f"{context}, {problem}" if context else problem).strip()
    if "invalid Unicode character escape" in message and mark is not None:
        return _escape_problem(name, text, mark, opened_at)
    if "found character that" in message and _char_at(text, mark):
        message = message.replace("found character that", f"found character {_char_at(text, mark)!r} that")
    hint = f"nested more than {MAX_DEPTH} levels deep" if "nesting depth" in message else None
    hint = hint or _quoting_hint(text, mark, opened_at)
    lowered = message.lower()
    hint = hint or next((advice for clue, advice in _SYNTAX_HINTS if clue.lower() in lowered), None)
    shown = echo(message, 200)
    if hint:
        shown = f"{hint} (YAML says: {shown})"
    if opened_at is not None and ("end of stream" in message or "while parsing a flow" in message):
        mark = opened_at  # where the unclosed quote or bracket began, not where YAML gave up
    if mark is None:
        return Problem.about_file(name, f"not valid YAML: {shown}")
    return Problem(name, mark.line + 1, mark.column + 1, (), f"not valid YAML: {shown}")


def undecodable_tag_problem(name: str, text: str, after: int) -> Problem:
    """A tag whose %-escapes are not UTF-8 (libyaml then fails outside YAML's own errors), near where it stopped."""
    found = re.compile(r"%[89a-fA-F][0-9a-fA-F]").search(text, after)
    index = found.start() if found else after
    line, column = _line_column(text, index)
    message = "a tag holds %-escapes that are not UTF-8 text; tags are not allowed: use plain text, lists and maps"
    return Problem(name, line, column, (), message)


def _reader_problem(error: yaml.reader.ReaderError, name: str, text: str) -> Problem:
    """A character YAML does not allow, at its place; libyaml counts UTF-8 bytes, PyYAML characters."""
    if isinstance(error.character, int):  # libyaml: a code point, at a byte offset
        code = error.character
        index = len(text.encode("utf-8")[: error.position].decode("utf-8", "ignore"))
    else:
        code, index = ord(error.character), error.position
    line, column = _line_column(text, index)
    return Problem(name, line, column, (), f"character U+{code:04X} is not allowed in YAML; delete it")


def _escape_problem(name: str, text: str, mark: Any, opened_at: Any) -> Problem:
    """libyaml's refusal of an escape such as \\ud800, with the escape itself named, at the string's start."""
    found = _ESCAPE_TEXT.search(text, max(0, mark.index - 2), mark.index + 10)
    code = int(found.group(0)[2:], 16) if found else 0xD800
    start = opened_at or mark
    return Problem(name, start.line + 1, start.column + 1, (), surrogate_message(code))


def _char_at(text: str, mark: Any) -> str:
    index = getattr(mark, "index", None)
    return text[index] if isinstance(index, int) and 0 <= index < len(text) else ""


def _line_column(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1


def _quoting_hint(text: str, *marks: Any) -> str | None:
    """Advice when a line's text starts with a character YAML treats as special."""
    for mark in marks:
        if mark is None:
            continue
        start = text.rfind("\n", 0, mark.index) + 1 if mark.index <= len(text) else len(text)
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        if _NEEDS_QUOTES.match(line):
            return _QUOTE_ADVICE
    return None
