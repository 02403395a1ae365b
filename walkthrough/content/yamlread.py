"""Read one YAML file into plain Python values, keeping where every value came from.

Every scalar stays text: YAML's implicit typing is switched off, so ``no``,
``1.10`` and ``01234`` arrive as written and the content model decides what a
field means. Nothing in the file is ever run: only plain maps, lists and
strings are accepted, and anchors, aliases and tags are refused before the
document is built.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import ContentError, Loc, Problem
from .sanitize import clean_text

MAX_FILE_BYTES = 1024 * 1024
"""Files larger than this are refused before parsing."""

MAX_DEPTH = 12
"""Deepest nesting of maps and lists accepted; real content needs about five."""

_PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


_SYNTAX_HINTS = (
    ("'\\t'", "a tab is used for indenting; use spaces instead"),
    ("expected <block end>", "the indenting does not line up; keys at the same level need the same number of spaces"),
    ("mapping values are not allowed", "an extra ':' here; put text that holds ': ' inside quotes"),
    ("expected ',' or ']'", "a [list] is not closed properly; put items holding '?', ':' or ',' inside quotes"),
    ("expected ',' or '}'", "a {map} is not closed properly; put text holding braces inside quotes"),
    ("found unexpected end of stream", "a quote is opened but never closed"),
    ("could not find expected ':'", "a line is missing its ':' after the key, or a quote is not closed"),
)
"""Plain advice for PyYAML's most common complaints, matched by a clue in its message."""


_NEEDS_QUOTES = re.compile(r"^\s*(?:-\s+|[\w-]+:\s+|-\s+[\w-]+:\s+)([{\[*&!%@`]|\"[^\"]*\"\s*\S|'[^']*'\s*\S)")


_QUOTE_ADVICE = (
    'text that starts with {, [, *, &, !, % or a quote must be put inside double quotes, like: "{clinic_name} is open"'
)


def _quoting_hint(text: str, *marks: Any) -> str | None:
    """Advice when a line's text starts with a character YAML treats as special."""
    lines = text.splitlines()
    for mark in marks:
        if mark is not None and mark.line < len(lines) and _NEEDS_QUOTES.match(lines[mark.line]):
            return _QUOTE_ADVICE
    return None


class _TextOnlyLoader(yaml.SafeLoader):
    """A safe loader that resolves every plain scalar to a string."""

    yaml_implicit_resolvers: dict[Any, Any] = {}


_FastTextOnlyLoader: Any = None
if getattr(yaml, "__with_libyaml__", False):

    class _FastTextOnlyLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        """The same, parsed by libyaml: several times faster, which is most of a start-up's reading."""

        yaml_implicit_resolvers: dict[Any, Any] = {}


@dataclass
class YamlDocument:
    """A file's values and the 1-based (line, column) of each value and key.

    Attributes:
        data: The document as dicts, lists and strings.
        positions: Where each value starts, by location.
        key_positions: Where each mapping key starts, by the location it names.
    """

    data: Any
    positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Loc, tuple[int, int]] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int, int] | None:
        """The position of ``loc`` or of its nearest parent that has one."""
        table = self.key_positions if key else self.positions
        if loc in table:
            return table[loc]
        while loc:
            loc = loc[:-1]
            if loc in self.positions:
                return self.positions[loc]
        return None


def read_yaml(path: Path, display_name: str | None = None) -> YamlDocument:
    """Read ``path`` safely, or raise ContentError listing what is wrong.

    Args:
        path: The file to read.
        display_name: How to name the file in problems (defaults to ``path``).
    """
    name = display_name or str(path)
    raw = _read_bytes(path, name)
    text = _decode(raw, name)
    node = _read_fast(text, name)
    if node is None:  # a problem, or no libyaml: PyYAML's own parser finds it and words it the same way every time
        _check_events(text, name, _TextOnlyLoader)
        node = _compose(text, name, _TextOnlyLoader)
    doc = YamlDocument(data=None)
    problems: list[Problem] = []
    doc.data = _to_python(node, (), doc, problems, name)
    if problems:
        raise ContentError(problems)
    if not isinstance(doc.data, dict):
        line, col = _pos(node.start_mark)
        raise ContentError(
            [
                Problem(
                    name,
                    line,
                    col,
                    (),
                    "the file must be a map of keys (like 'title: ...'), not a list or a single value",
                )
            ]
        )
    return doc


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


def _pos(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


def _yaml_problem(error: yaml.YAMLError, name: str, text: str) -> Problem:
    """Turn a PyYAML error into a Problem at the place it names, if any."""
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    if isinstance(error, yaml.reader.ReaderError):
        before = text[: error.position]
        line, col = before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1
        char = error.character if isinstance(error.character, str) else chr(error.character)
        return Problem(name, line, col, (), f"character U+{ord(char):04X} is not allowed in YAML; delete it")
    problem = getattr(error, "problem", None) or str(error)
    context = getattr(error, "context", None)
    message = f"{context}, {problem}" if context else str(problem)
    message = re.sub(r"\s+", " ", message).strip()
    hint = _quoting_hint(text, mark, getattr(error, "context_mark", None))
    hint = hint or next((advice for clue, advice in _SYNTAX_HINTS if clue in message), None)
    if hint:
        message = f"{hint} (YAML says: {message})"
    opened_at = getattr(error, "context_mark", None)
    if opened_at is not None and ("end of stream" in message or "while parsing a flow" in message):
        mark = opened_at  # where the unclosed quote or bracket began, not where YAML gave up
    if mark is None:
        return Problem.about_file(name, f"not valid YAML: {message}")
    line, col = _pos(mark)
    return Problem(name, line, col, (), f"not valid YAML: {message}")


def _read_fast(text: str, name: str) -> yaml.Node | None:
    """The node tree by libyaml, or None when libyaml is missing or finds any problem at all."""
    if _FastTextOnlyLoader is None:
        return None
    try:
        _check_events(text, name, _FastTextOnlyLoader)
        return _compose(text, name, _FastTextOnlyLoader)
    except ContentError:
        return None


def _check_events(text: str, name: str, loader: Any) -> None:
    """Refuse anchors, aliases, tags, deep nesting and extra documents before building anything."""
    problems: list[Problem] = []
    depth = documents = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            line, col = _pos(event.start_mark)
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents == 2:
                    problems.append(
                        Problem(name, line, col, (), "the file holds more than one YAML document ('---'); keep one")
                    )
            if isinstance(event, yaml.AliasEvent):
                problems.append(
                    Problem(
                        name, line, col, (), f"aliases (*{event.anchor}) are not allowed; write the text out in full"
                    )
                )
            elif getattr(event, "anchor", None):
                problems.append(
                    Problem(
                        name, line, col, (), f"anchors (&{event.anchor}) are not allowed; write the text out in full"
                    )
                )
            tag = getattr(event, "tag", None)
            if tag and tag not in _PLAIN_TAGS and tag != "!":
                problems.append(
                    Problem(name, line, col, (), f"tags like '{tag}' are not allowed; use plain text, lists and maps")
                )
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    problems.append(Problem(name, line, col, (), f"nested more than {MAX_DEPTH} levels deep"))
                    break
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError as error:
        problems.append(_yaml_problem(error, name, text))
    if problems:
        raise ContentError(problems)


def _compose(text: str, name: str, loader: Any) -> yaml.Node:
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as error:
        raise ContentError([_yaml_problem(error, name, text)]) from None
    if node is None:
        raise ContentError([Problem.about_file(name, "the file is empty")])
    return node


def _to_python(node: yaml.Node, loc: Loc, doc: YamlDocument, problems: list[Problem], name: str) -> Any:
    """Build plain values from a checked node tree, recording positions and duplicate keys."""
    doc.positions[loc] = _pos(node.start_mark)
    if isinstance(node, yaml.ScalarNode):
        return clean_text(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, (*loc, index), doc, problems, name) for index, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            line, col = _pos(key_node.start_mark)
            problems.append(Problem(name, line, col, loc, "a key must be a plain word, not a list or map"))
            continue
        key = clean_text(key_node.value)
        if key in result:
            line, col = _pos(key_node.start_mark)
            first = doc.key_positions[(*loc, key)][0]
            problems.append(
                Problem(name, line, col, (*loc, key), f"duplicate key '{key}' (first used on line {first}); keep one")
            )
            continue
        doc.key_positions[(*loc, key)] = _pos(key_node.start_mark)
        result[key] = _to_python(value_node, (*loc, key), doc, problems, name)
    return result
