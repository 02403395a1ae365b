"""Parity between the languages of one walkthrough: the same steps, patterns, questions and clinic values."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .files import languages_in
from .placeholders import find_placeholders, map_strings
from .problems import ContentError, Loc, Problem
from .sanitize import echo
from .yamlread import YamlDocument, read_yaml

REFERENCE_LANGUAGE = "en"
"""The language others are compared with, when the folder has it (else the first by name)."""


def parity_problems(folder: Path) -> list[Problem]:
    """What each translation lacks, or has extra, next to the reference language.

    Checked: step ids and their order, breathing pattern ids, the number of
    common questions, and which clinic values each part of the text names.
    Files that cannot be read are skipped: their own problems say why.
    """
    languages = languages_in(folder)
    if len(languages) < 2:
        return []
    reference = REFERENCE_LANGUAGE if REFERENCE_LANGUAGE in languages else languages[0]
    docs = {language: _read(folder / f"{language}.yaml") for language in languages}
    base = docs[reference]
    if base is None:
        return []
    problems: list[Problem] = []
    for language, doc in docs.items():
        if language != reference and doc is not None:
            problems += _compare(base, doc, f"{reference}.yaml", str(folder / f"{language}.yaml"))
    return problems


def _read(file: Path) -> YamlDocument | None:
    try:
        return read_yaml(file)
    except ContentError:
        return None


def _compare(base: YamlDocument, doc: YamlDocument, base_name: str, file: str) -> list[Problem]:
    problems = _compare_ids(base, doc, ("steps",), "step", base_name, file)
    problems += _compare_ids(base, doc, ("calm", "patterns"), "breathing pattern", base_name, file)
    problems += _compare_faq(base, doc, base_name, file)
    problems += _compare_placeholders(base, doc, base_name, file)
    return problems


def _items(doc: YamlDocument, loc: Loc) -> list[Any]:
    value: Any = doc.data
    for key in loc:
        value = value.get(key) if isinstance(value, dict) else None
    return value if isinstance(value, list) else []


def _ids(doc: YamlDocument, loc: Loc) -> list[str]:
    return [item["id"] for item in _items(doc, loc) if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _compare_ids(
    base: YamlDocument, doc: YamlDocument, loc: Loc, kind: str, base_name: str, file: str
) -> list[Problem]:
    expected, found = _ids(base, loc), _ids(doc, loc)
    where = doc.position(loc)
    problems = [
        Problem.at(file, where, loc, f"{kind} '{echo(name)}' is in {base_name} but missing here")
        for name in expected
        if name not in found
    ]
    problems += [
        Problem.at(
            file,
            doc.position((*loc, found.index(name), "id")),
            (*loc, found.index(name), "id"),
            f"{kind} '{echo(name)}' is not in {base_name}; every language needs the same {kind}s",
        )
        for name in found
        if name not in expected
    ]
    shared_expected = [name for name in expected if name in found]
    shared_found = [name for name in found if name in expected]
    if not problems and shared_expected != shared_found:
        message = f"the {kind}s are in another order than in {base_name} ({', '.join(shared_expected)})"
        problems.append(Problem.at(file, where, loc, message))
    return problems


def _compare_faq(base: YamlDocument, doc: YamlDocument, base_name: str, file: str) -> list[Problem]:
    expected, found = len(_items(base, ("faq",))), len(_items(doc, ("faq",)))
    if expected == found:
        return []
    message = (
        f"{base_name} has {expected} common questions and this file has {found}; keep them the same, in the same order"
    )
    return [Problem.at(file, doc.position(("faq",)), ("faq",), message)]


def _compare_placeholders(base: YamlDocument, doc: YamlDocument, base_name: str, file: str) -> list[Problem]:
    expected, found = _placeholders_by_part(base), _placeholders_by_part(doc)
    problems = []
    for part, (_, names) in expected.items():
        if part not in found:
            continue  # a missing step or question is reported once, above
        doc_loc, doc_names = found[part]
        for name in sorted(names - doc_names):
            message = f"'{{{echo(name)}}}' is used here in {base_name} but not in this file"
            problems.append(Problem.at(file, doc.position(doc_loc), doc_loc, message))
        for name in sorted(doc_names - names):
            message = (
                f"'{{{echo(name)}}}' is used here but not in {base_name}; say the same clinic values in every language"
            )
            problems.append(Problem.at(file, doc.position(doc_loc), doc_loc, message))
    return problems


def _placeholders_by_part(doc: YamlDocument) -> dict[str, tuple[Loc, set[str]]]:
    """The clinic values each part names: a top-level section, a step (by id) or a common question (by number)."""
    parts: dict[str, tuple[Loc, set[str]]] = {}
    steps = _items(doc, ("steps",))

    def collect(loc: Loc, text: str) -> str:
        part_loc: Loc = loc[:2] if loc and loc[0] in ("steps", "faq") and len(loc) > 1 else loc[:1]
        part = str(part_loc)
        if loc[0] == "steps" and len(loc) > 1:
            step = steps[int(loc[1])]
            part = f"step {step.get('id')}" if isinstance(step, dict) else part
        names = parts.setdefault(part, (part_loc, set()))[1]
        names.update(find_placeholders(text))
        return text

    map_strings(doc.data, collect)
    return parts
