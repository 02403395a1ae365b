"""The messages between a leader and its followers: one JSON object a line, at most 512 bytes, allowed keys only.

What may be shared is only the page (by its name, the same in every
language), the language, and calming mode (on or off, its pattern and
length). A counsellor's notes, talk timer, check marks or anything else have
no key here: :func:`encode` refuses any key outside :data:`ALLOWED_KEYS`, and
:func:`decode` refuses it too, so nothing else can go either way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import NamedTuple

VERSION = 1
"""The protocol's version; a hello with another one is refused."""

MAX_LINE_BYTES = 512
"""No message is longer (newline included): a reader never holds more than this for one line."""

ALLOWED_KEYS: Mapping[str, frozenset[str]] = {
    "hello": frozenset({"kind", "version", "code"}),
    "state": frozenset({"kind", "page", "language", "calm"}),
    "refused": frozenset({"kind"}),
    "bye": frozenset({"kind"}),
}
"""Every message kind and the only keys it may hold."""

CALM_KEYS = frozenset({"pattern", "minutes"})
"""The only keys of a state's ``calm`` (when calming mode is on)."""

CALM_MINUTES = (1, 3, 5)
PAGE_NAME = re.compile(r"^(welcome|visit|course|questions|step:[A-Za-z0-9_-]{1,40})$")
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$")
PATTERN_ID = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
CODE = re.compile(r"^[0-9]{6}$")


class ProtocolError(ValueError):
    """A message that may not be sent or was not understood (a key not allowed, a bad value, too long)."""


class CalmState(NamedTuple):
    """Calming mode on, with its pattern (by id) and length in minutes."""

    pattern: str
    minutes: int


class SharedState(NamedTuple):
    """All a follower is told: the page by name, the language, and calming mode (None: off)."""

    page: str
    language: str
    calm: CalmState | None = None


class Hello(NamedTuple):
    """A follower asking to join, with the code it was given."""

    code: str
    version: int = VERSION


class Refused(NamedTuple):
    """The leader turned a follower away (a wrong code or version)."""


class Bye(NamedTuple):
    """The leader has stopped leading."""


Message = SharedState | Hello | Refused | Bye


def encode(message: Mapping[str, object]) -> bytes:
    """One message as a JSON line; anything not allowed is refused, never sent.

    Raises:
        ProtocolError: an unknown kind, a key outside :data:`ALLOWED_KEYS`, a bad value, or too long.
    """
    decode_fields(message)  # the same checks a reader makes, so a sender cannot send what a reader would refuse
    line = json.dumps(dict(message), ensure_ascii=True, separators=(",", ":")).encode("ascii") + b"\n"
    if len(line) > MAX_LINE_BYTES:
        raise ProtocolError("message too long")
    return line


def encode_message(message: Message) -> bytes:
    """The JSON line for one of this module's messages."""
    if isinstance(message, SharedState):
        calm = None if message.calm is None else {"pattern": message.calm.pattern, "minutes": message.calm.minutes}
        return encode({"kind": "state", "page": message.page, "language": message.language, "calm": calm})
    if isinstance(message, Hello):
        return encode({"kind": "hello", "version": message.version, "code": message.code})
    return encode({"kind": "refused" if isinstance(message, Refused) else "bye"})


def decode(line: bytes) -> Message:
    """The message in one JSON line.

    Raises:
        ProtocolError: not JSON, too long, or not a message :func:`encode` would send.
    """
    if len(line) > MAX_LINE_BYTES:
        raise ProtocolError("message too long")
    try:
        fields = json.loads(line.decode("ascii"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ProtocolError("not a JSON line") from None
    if not isinstance(fields, dict):
        raise ProtocolError("not a JSON object")
    return decode_fields(fields)


def decode_fields(fields: Mapping[str, object]) -> Message:
    """The message these fields make, after checking every key is allowed and every value has its shape."""
    kind = fields.get("kind")
    if not isinstance(kind, str) or kind not in ALLOWED_KEYS:
        raise ProtocolError("unknown kind of message")
    extra = set(fields) - ALLOWED_KEYS[kind]
    if extra:
        raise ProtocolError(f"keys not allowed in {kind}: {', '.join(sorted(map(str, extra)))}")
    if kind == "hello":
        code, version = fields.get("code"), fields.get("version")
        if not isinstance(code, str) or not CODE.match(code) or type(version) is not int:
            raise ProtocolError("bad hello")
        return Hello(code, version)
    if kind == "refused":
        return Refused()
    if kind == "bye":
        return Bye()
    page, language = fields.get("page"), fields.get("language")
    if not isinstance(page, str) or not PAGE_NAME.match(page):
        raise ProtocolError("bad page name")
    if not isinstance(language, str) or not LANGUAGE_CODE.match(language):
        raise ProtocolError("bad language code")
    return SharedState(page, language, _calm(fields.get("calm")))


def _calm(value: object) -> CalmState | None:
    if value is None:
        return None
    if not isinstance(value, dict) or set(value) != CALM_KEYS:
        raise ProtocolError("bad calm")
    pattern, minutes = value["pattern"], value["minutes"]
    if not isinstance(pattern, str) or not PATTERN_ID.match(pattern) or minutes not in CALM_MINUTES:
        raise ProtocolError("bad calm")
    if type(minutes) is not int:
        raise ProtocolError("bad calm")
    return CalmState(pattern, minutes)
