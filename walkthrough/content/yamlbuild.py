"""Build plain values from YAML's stream of events, refusing what content never needs as soon as it is seen.

One pass over the parser's events makes the dicts, lists and strings and
records where each came from. Anchors, aliases, tags, a second document,
deep nesting, text that cannot be stored (a lone surrogate) and anything past
the limits in ``limits.py`` are problems at their own line and column.
Reading stops at a second document, at the value past ``MAX_VALUES``, at
nesting past ``MAX_DEPTH`` or after ``MAX_PROBLEMS`` problems, so no file
under the size cap costs more than a bounded amount of parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .limits import MAX_DEPTH, MAX_ITEMS, MAX_PROBLEMS, MAX_TEXT_CHARS, MAX_VALUES
from .problems import ContentError, Loc, Problem
from .sanitize import clean_text, echo
from .yamlwords import surrogate_message, undecodable_tag_problem, yaml_problem

_PLAIN_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq", "!"}
_SURROGATE = re.compile("[\ud800-\udfff]")
_NODE_EVENTS = (yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent, yaml.AliasEvent)
_END_EVENTS = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
_DROPPED = "\0dropped"  # the key of a value that is read but not kept: no key can be this, clean_text drops NUL


class _TextOnlyLoader(yaml.SafeLoader):
    """A safe loader that resolves every plain scalar to a string."""

    yaml_implicit_resolvers: dict[Any, Any] = {}


FAST_LOADER: Any = _TextOnlyLoader
"""libyaml's parser when installed (several times faster: most of a start-up's reading), else PyYAML's own."""
if getattr(yaml, "__with_libyaml__", False):

    class _FastTextOnlyLoader(yaml.CSafeLoader):
        """The same, parsed by libyaml."""

        yaml_implicit_resolvers: dict[Any, Any] = {}

    FAST_LOADER = _FastTextOnlyLoader


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


class _Open:
    """A map or list whose events are still coming."""

    __slots__ = ("value", "loc", "key", "kept", "too_many")

    def __init__(self, value: dict[str, Any] | list[Any], loc: Loc, kept: bool) -> None:
        self.value = value
        self.loc = loc
        self.key: str | None = None  # in a map: the key whose value comes next
        self.kept = kept  # False inside a key that is a map or list, or under a repeated key: read, then dropped
        self.too_many = False


class _Stop(Exception):
    """Nothing more in this file is worth reading."""


class _Builder:
    """The state of one pass over a file's events."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.doc = YamlDocument(data=None)
        self.problems: list[Problem] = []
        self.open: list[_Open] = []
        self.documents = self.values = 0
        self.root_position: tuple[int, int] | None = None

    def problem(self, position: tuple[int, int], message: str, loc: Loc = (), *, stop: bool = False) -> None:
        """Note a problem; stop reading if ``stop`` says so, or after ``MAX_PROBLEMS`` of them."""
        self.problems.append(Problem(self.name, *position, loc, message))
        if stop or len(self.problems) >= MAX_PROBLEMS:
            if not stop:
                self.problems.append(
                    Problem(self.name, *position, (), f"stopped reading after {MAX_PROBLEMS} problems; fix these first")
                )
            raise _Stop

    def event(self, event: Any) -> None:
        """Take the parser's next event."""
        position = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, _NODE_EVENTS):
            self.node(event, position)
        elif isinstance(event, _END_EVENTS):
            self.open.pop()
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents == 2:
                self.problem(position, "the file holds more than one YAML document ('---'); keep one", stop=True)

    def node(self, event: Any, position: tuple[int, int]) -> None:
        """A value or a key begins: check it, then put it in its place."""
        self.values += 1
        if self.values > MAX_VALUES:
            message = f"the file holds more than {MAX_VALUES:,} values (texts, keys, lists and maps); make it smaller"
            self.problem(position, message, stop=True)
        if isinstance(event, yaml.AliasEvent):
            self.problem(position, f"aliases (*{echo(event.anchor or '')}) are not allowed; write the text out in full")
        elif event.anchor is not None:
            self.problem(position, f"anchors (&{echo(event.anchor)}) are not allowed; write the text out in full")
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _PLAIN_TAGS:
            shown = f" like '{echo(tag)}'" if echo(tag) else ""  # a tag may be nothing but control characters
            self.problem(position, f"tags{shown} are not allowed; use plain text, lists and maps")
        value = self.scalar(event, position) if isinstance(event, yaml.ScalarEvent) else None
        parent = self.open[-1] if self.open else None
        if parent is not None and isinstance(parent.value, dict) and parent.key is None:
            self.key(parent, event, value, position)
            return
        loc, kept = self.place(parent, event, position)
        if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
            self.put(parent, value or "", loc, kept)
        else:
            container: dict[str, Any] | list[Any] = {} if isinstance(event, yaml.MappingStartEvent) else []
            self.put(parent, container, loc, kept)
            self.push(container, loc, kept, position)

    def scalar(self, event: Any, position: tuple[int, int]) -> str:
        """A text's value, cleaned, once it is known to be storable and not too long."""
        text: str = event.value
        surrogate = _SURROGATE.search(text)
        if surrogate:
            self.problem(position, surrogate_message(ord(surrogate.group(0))))
        if len(text) > MAX_TEXT_CHARS:
            message = f"this text is {len(text):,} characters long; the limit is {MAX_TEXT_CHARS:,}: split it up"
            self.problem(position, message)
            text = text[:MAX_TEXT_CHARS]
        return clean_text(text)

    def key(self, parent: _Open, event: Any, value: str | None, position: tuple[int, int]) -> None:
        """A map's key: a plain word, once; a map or list as a key is read through and dropped, with its value."""
        if value is None:
            parent.key = _DROPPED
            if not isinstance(event, yaml.AliasEvent):  # an alias is a problem already, and has nothing inside
                self.push({} if isinstance(event, yaml.MappingStartEvent) else [], parent.loc, False, position)
                self.problem(position, "a key must be a plain word, not a list or map", parent.loc)
            return
        loc = (*parent.loc, value)
        if parent.kept and loc in self.doc.key_positions:
            parent.key = _DROPPED
            first = self.doc.key_positions[loc][0]
            self.problem(position, f"duplicate key '{echo(value)}' (first used on line {first}); keep one", loc)
            return
        parent.key = value
        if len(parent.value) >= MAX_ITEMS:
            self.too_many(parent, position, "keys in one map")
        if parent.kept:
            self.doc.key_positions[loc] = position

    def push(self, container: dict[str, Any] | list[Any], loc: Loc, kept: bool, position: tuple[int, int]) -> None:
        """Open a map or list, unless it is nested too deep to read on."""
        if len(self.open) >= MAX_DEPTH:
            self.problem(position, f"nested more than {MAX_DEPTH} levels deep", stop=True)
        self.open.append(_Open(container, loc, kept))

    def place(self, parent: _Open | None, event: Any, position: tuple[int, int]) -> tuple[Loc, bool]:
        """Where a value goes, and whether it is kept; records its position."""
        if parent is None:
            self.root_position = position
            loc: Loc = ()
            kept = True
        elif isinstance(parent.value, list):
            if len(parent.value) >= MAX_ITEMS:
                self.too_many(parent, position, "items in one list")
            loc, kept = (*parent.loc, len(parent.value)), parent.kept
        else:
            kept = parent.kept and parent.key is not _DROPPED
            loc = (*parent.loc, parent.key or "")
        if kept:
            self.doc.positions[loc] = position
        return loc, kept

    def put(self, parent: _Open | None, value: Any, loc: Loc, kept: bool) -> None:
        """Add a value to its map or list (or make it the document); a map then waits for its next key."""
        if parent is None:
            if self.documents <= 1:
                self.doc.data = value
        elif isinstance(parent.value, list):
            parent.value.append(value)
        else:
            if kept:
                parent.value[str(loc[-1])] = value
            parent.key = None

    def too_many(self, parent: _Open, position: tuple[int, int], what: str) -> None:
        """Say once per map or list that it holds more than ``MAX_ITEMS``."""
        if not parent.too_many:
            parent.too_many = True
            self.problem(position, f"more than {MAX_ITEMS:,} {what} (the limit); split it up", parent.loc)


def build_document(text: str, name: str, loader: Any = None) -> YamlDocument:
    """Read ``text`` into a YamlDocument, or raise ContentError with what is wrong (in order of place).

    ``loader`` is the parser to use; by default libyaml's when it is installed.
    """
    builder = _Builder(name)
    last = 0
    try:
        for event in yaml.parse(text, Loader=loader or FAST_LOADER):
            last = event.end_mark.index if event.end_mark is not None else last  # the parser marks every event
            builder.event(event)
    except _Stop:
        pass
    except yaml.YAMLError as error:
        builder.problems.append(yaml_problem(error, name, text))
    except UnicodeDecodeError:  # libyaml hands back a tag's %-escapes undecoded
        builder.problems.append(undecodable_tag_problem(name, text, last))
    except ValueError:  # PyYAML's own parser, on an escape past the last character (\U00110000)
        builder.problems.append(_bad_escape(name, text, last))
    if builder.problems:
        raise ContentError(builder.problems)
    if builder.root_position is None:
        raise ContentError([Problem.about_file(name, "the file is empty")])
    if not isinstance(builder.doc.data, dict):
        message = "the file must be a map of keys (like 'title: ...'), not a list or a single value"
        raise ContentError([Problem(name, *builder.root_position, (), message)])
    return builder.doc


def _bad_escape(name: str, text: str, after: int) -> Problem:
    found = re.compile(r"\\U[0-9a-fA-F]{8}").search(text, after)
    index = text.rfind('"', 0, found.start()) if found else after  # where the text starts, as libyaml says it
    before = text[:index]
    line, column = before.count("\n") + 1, len(before.rsplit("\n", 1)[-1]) + 1
    code = int(found.group(0)[2:], 16) if found else 0x110000
    return Problem(name, line, column, (), surrogate_message(code))
