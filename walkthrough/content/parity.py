"""Parity between the languages of one walkthrough: the same steps, patterns, questions, checks and clinic values."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .files import CLINIC_FILE, languages_in
from .loader import load_clinic
from .placeholders import fill, find_placeholders, map_strings
from .problems import ContentError, Loc, Problem
from .sanitize import echo
from .yamlread import YamlDocument, read_yaml

REFERENCE_LANGUAGE = "en"
"""The language others are compared with, when the folder has it (else the first by name)."""


def parity_problems(folder: Path) -> list[Problem]:
    """What each translation lacks, or has extra, next to the reference language.

    Checked: step ids and their order, breathing pattern ids, the number of
    common questions, the teach-back checks (see :func:`_compare_checks`), and
    which clinic values each part of the text names. Files that cannot be
    read are skipped: their own problems say why.
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
            values = (_clinic_text(folder, reference), _clinic_text(folder, language))
            problems += _compare_checks(base, doc, f"{reference}.yaml", str(folder / f"{language}.yaml"), values)
    return problems


def _clinic_text(folder: Path, language: str) -> Mapping[str, str]:
    """The clinic values as filled into ``language``'s text; none when the clinic file has problems of its own."""
    clinic, _ = load_clinic(folder / CLINIC_FILE)
    return clinic.as_text(language) if clinic is not None else {}


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


def _compare_checks(
    base: YamlDocument,
    doc: YamlDocument,
    base_name: str,
    file: str,
    values: tuple[Mapping[str, str], Mapping[str, str]],
) -> list[Problem]:
    """The same teach-back checks, by what they are about: as many choices, and the answer in the same place.

    The answer's place matters: "right the first time" must mean the same in
    every language. Answers are matched to choices with the clinic values
    filled in, as the model matches them.
    """
    expected, found = _checks_by_subject(base), _checks_by_subject(doc)
    problems = []
    for subject, (doc_loc, check) in found.items():
        if subject not in expected:
            continue  # a step missing from the reference is reported once, above
        base_check = expected[subject][1]
        check_loc = (*doc_loc, "check")
        if base_check is not None and check is None:
            message = f"{subject} has a check in {base_name} but not here; every language needs the same checks"
            problems.append(Problem.at(file, doc.position(doc_loc), doc_loc, message))
        elif base_check is None and check is not None:
            message = f"{subject} has no check in {base_name}; every language needs the same checks"
            problems.append(Problem.at(file, doc.position(check_loc, key=True), check_loc, message))
        elif base_check is not None and check is not None:
            problems += _compare_answers(base_check, check, (doc, check_loc), base_name, file, values)
    return problems


def _compare_answers(
    base_check: dict[str, Any],
    check: dict[str, Any],
    where: tuple[YamlDocument, Loc],
    base_name: str,
    file: str,
    values: tuple[Mapping[str, str], Mapping[str, str]],
) -> list[Problem]:
    doc, check_loc = where
    base_choices, choices = _texts(base_check.get("choices")), _texts(check.get("choices"))
    problems = []
    if base_choices and choices and len(base_choices) != len(choices):
        loc = (*check_loc, "choices")
        message = (
            f"{len(choices)} choices here and {len(base_choices)} in {base_name}; "
            "give the same choices in every language, in the same order"
        )
        problems.append(Problem.at(file, doc.position(loc), loc, message))
    base_place = _answer_place(base_check.get("answer"), base_choices, values[0])
    place = _answer_place(check.get("answer"), choices, values[1])
    if base_place is not None and place is not None and base_place != place:
        loc = (*check_loc, "answer")
        message = (
            f"the answer is choice {place + 1} here but choice {base_place + 1} in {base_name}; "
            "put the choices in the same order in every language"
        )
        problems.append(Problem.at(file, doc.position(loc), loc, message))
    return problems


def _texts(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _answer_place(answer: Any, choices: list[str], values: Mapping[str, str]) -> int | None:
    """Which choice (from 0) the answer is, as the model compares them; None if it is none (reported elsewhere)."""
    if not isinstance(answer, str):
        return None
    filled = [fill(choice, values).strip() for choice in choices]
    answer = fill(answer, values).strip()
    return filled.index(answer) if answer in filled else None


def _checks_by_subject(doc: YamlDocument) -> dict[str, tuple[Loc, dict[str, Any] | None]]:
    """Each part that may have a check (a step by id, the visit, the course): where it is, and its check if any."""
    parts: dict[str, tuple[Loc, dict[str, Any] | None]] = {}
    for index, step in enumerate(_items(doc, ("steps",))):
        if isinstance(step, dict) and isinstance(step.get("id"), str) and _readable_check(step):
            parts.setdefault(f"step '{echo(step['id'])}'", (("steps", index), step.get("check")))
    for section in ("visit", "course"):
        part = doc.data.get(section) if isinstance(doc.data, dict) else None
        if isinstance(part, dict) and _readable_check(part):
            parts[f"the {section}"] = ((section,), part.get("check"))
    return parts


def _readable_check(part: dict[str, Any]) -> bool:
    """Whether a part's check is a map or absent: any other value is a problem of its file, not of parity."""
    return isinstance(part.get("check"), dict | None)
