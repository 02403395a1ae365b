"""Read interface-word files and check them against English: the same safe reader and problems as content.

A words file is a map of texts, with a few sections (``footer:``, ``keys:``,
``keyname:``, ``page:``) whose entries become ``footer.next`` and so on. It is
read with the content's reader (libyaml events, limits, no tags, anchors or
aliases, control characters removed) and each problem is told at its
``file:line:col``: a key English does not have (with the nearest one it
might have meant), a value that is not text, text that is empty, and
``{placeholders}`` that are not English's. A file that must stand alone (a
packaged language, or a language the package does not have) must also have
every key English has.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from ..content.placeholders import find_placeholders
from ..content.problems import ContentError, Loc, Problem
from ..content.sanitize import echo
from ..content.yamlread import YamlDocument, read_yaml

Words = dict[str, str]
"""Interface words by name (``next``, ``footer.next``), in the order their file lists them."""


def read_words(path: Path, english: Words | None, *, complete: bool) -> Words:
    """The words in ``path``, checked; raise ContentError with every problem.

    Args:
        path: The words file.
        english: The English words to check against (None: this is English, checked on its own).
        complete: Whether the file must have every key English has.
    """
    doc = read_yaml(path)
    name = str(path)
    sections = _sections(english) if english is not None else None
    problems: list[Problem] = []
    words: Words = {}
    for loc, value in _entries(doc.data, sections):
        key = ".".join(str(part) for part in loc)
        message = _value_problem(key, value, english, sections)
        if message is not None:
            unknown = message.startswith("unknown key")
            problems.append(Problem.at(name, doc.position(loc, key=unknown), loc, message))
            continue
        if english is not None:
            problems += _placeholder_problems(doc, name, loc, value, english[key])
        words[key] = value
    if complete and english is not None:
        # A misspelt key is told once, as the misspelling with its suggestion, not also as the key it meant.
        meant = {_closest(key, english) for key in _keys(doc.data) if key not in english}
        problems += _missing(doc, name, words, english, meant)
    if problems:
        raise ContentError(problems)
    return words


def _value_problem(key: str, value: Any, english: Words | None, sections: set[str] | None) -> str | None:
    """What is wrong with one entry, if anything."""
    if english is not None and key not in english:
        if sections is not None and key in sections:
            return f"must be a map of keys (like '{key}:' and then '  next: ...' on the lines below)"
        return _unknown_key(key, english)
    if isinstance(value, dict):
        return "must be text, not a map"
    if isinstance(value, list):
        return "must be text, not a list"
    if not value.strip():
        return "is empty; write the words"
    return None


def _entries(data: dict[str, Any], sections: set[str] | None) -> list[tuple[Loc, Any]]:
    """Each (place, value) of a words map, a section's entries one by one (English: every map is a section)."""
    found: list[tuple[Loc, Any]] = []
    for key, value in data.items():
        if isinstance(value, dict) and (sections is None or key in sections):
            found += [((key, inner), item) for inner, item in value.items()]
        else:
            found.append(((key,), value))
    return found


def _sections(english: Words) -> set[str]:
    """The section names English uses (``footer`` for ``footer.next``)."""
    return {key.partition(".")[0] for key in english if "." in key}


def _keys(data: dict[str, Any]) -> list[str]:
    """Every key of a words map, a section's as ``section.key``."""
    return [".".join(str(part) for part in loc) for loc, _ in _entries(data, None)]


def _closest(key: str, english: Words) -> str | None:
    """The English key nearest to an unknown one, if any is close."""
    close = difflib.get_close_matches(key, list(english), n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key(key: str, english: Words) -> str:
    close = _closest(key, english)
    hint = f"did you mean '{close}'?" if close else "see walkthrough/ui/en.yaml for every key"
    return f"unknown key '{echo(key)}'; {hint}"


def _placeholder_problems(doc: YamlDocument, name: str, loc: Loc, text: str, english: str) -> list[Problem]:
    """A problem if ``text`` fills in other values than English's ``{…}`` do."""
    mine, theirs = sorted(set(find_placeholders(text))), sorted(set(find_placeholders(english)))
    if mine == theirs:
        return []
    wanted = ", ".join(f"{{{echo(item)}}}" for item in theirs) or "none"
    found = ", ".join(f"{{{echo(item)}}}" for item in mine) or "none"
    message = f"the values in braces must be English's ({wanted}), not {found}"
    return [Problem.at(name, doc.position(loc), loc, message)]


def _missing(doc: YamlDocument, name: str, words: Words, english: Words, meant: set[str | None]) -> list[Problem]:
    """A problem for each English key the file lacks (at its section, if the file has that section)."""
    problems = []
    data = doc.data
    for key, text in english.items():
        if key in words or key in meant or _is_present_but_bad(data, key):
            continue
        section, _, entry = key.rpartition(".")
        place: Loc = (section,) if section and isinstance(data.get(section), dict) else ()
        position = doc.position(place, key=True) if place else doc.position(())  # a section: at its name
        missing = entry if place else key
        message = f"'{missing}' is missing; add it (in English: '{echo(text)}')"
        problems.append(Problem.at(name, position, place, message))
    return problems


def _is_present_but_bad(data: dict[str, Any], key: str) -> bool:
    """Whether the key is in the file but was refused (its own problem says why)."""
    section, _, entry = key.rpartition(".")
    if section:
        inner = data.get(section)
        return isinstance(inner, dict) and entry in inner
    return key in data
