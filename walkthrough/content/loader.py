"""Load a walkthrough folder (or one language file) into validated model objects.

Data flows one way: files -> checked YAML -> clinic values filled in -> model.
Every problem in every file is collected before anything is reported.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from pathlib import Path

from pydantic import BaseModel, ValidationError

from ..ui import words_problems
from .errors import problems_from_validation
from .files import CLINIC_FILE, is_language_code, languages_in, walkthrough_path
from .model import ClinicValues, Walkthrough
from .placeholders import fill, find_placeholders, map_strings
from .problems import ContentError, Loc, Problem
from .records import LoadedWalkthrough
from .sanitize import echo
from .yamlread import YamlDocument, read_yaml


def default_language(folder: Path) -> str:
    """The clinic's ``default_language`` for a walkthrough folder, or ``en`` if its clinic file cannot say."""
    clinic, _ = load_clinic(folder / CLINIC_FILE)
    return clinic.default_language if clinic is not None else "en"


def resolve_language_file(path: Path, language: str | None) -> Path:
    """The language file to load for ``path`` and ``language`` (None: the clinic's default).

    ``path`` is a folder, a language file, or a clinic file (which stands for its folder).

    Raises:
        ContentError: if the path or the language file does not exist.
    """
    path = walkthrough_path(path)
    if path.is_file():
        return path
    if not path.is_dir():
        raise ContentError([Problem.about_file(str(path), "no such file or folder")])
    language = language or default_language(path)
    if not is_language_code(language):
        raise ContentError([Problem.about_file(str(path), f"'{language}' is not a language code like en or es")])
    candidate = path / f"{language}.yaml"
    if candidate.is_file():
        return candidate
    general = path / f"{language.split('-')[0]}.yaml"  # es-mx: the Spanish file when there is no es-mx.yaml
    if general.is_file():
        return general
    have = ", ".join(languages_in(path)) or "none"
    raise ContentError(
        [Problem.about_file(str(candidate), f"no '{language}' file in this folder (languages here: {have})")]
    )


def load_walkthrough(path: Path, language: str | None = None) -> LoadedWalkthrough:
    """Load and validate one language of a walkthrough, or raise ContentError with every problem.

    With no ``language``, a folder shows the clinic's ``default_language``.
    Its interface words are checked too (see ``walkthrough/ui``): the
    package's, with the folder's own ``ui/<code>.yaml`` on top.
    """
    language_file = resolve_language_file(path, language)
    clinic, clinic_problems = load_clinic(language_file.parent / CLINIC_FILE)
    walkthrough, problems = _load_language(language_file, clinic)
    problems = clinic_problems + problems + words_problems(language_file.parent, language_file.stem)
    if problems or walkthrough is None or clinic is None:
        raise ContentError(problems)
    return LoadedWalkthrough(walkthrough, clinic, language_file.stem, language_file)


def load_languages(
    path: Path, first: LoadedWalkthrough, previous: Mapping[str, LoadedWalkthrough] | None = None
) -> tuple[dict[str, LoadedWalkthrough], list[Problem]]:
    """Every language a patient can switch to, by code, and the problems of those that would not load.

    ``path`` is what the user named: a single language file offers only
    ``first``. A language that does not load keeps its ``previous`` version,
    if there was one, so a bad save never takes away good content.
    """
    loaded = {first.language: first}
    problems: list[Problem] = []
    path = walkthrough_path(path)
    codes = [] if path.is_file() else languages_in(path)
    for code in sorted({*codes, *(previous or {})} - {first.language}):
        try:
            loaded[code] = load_walkthrough(path, code)
        except ContentError as error:
            problems += error.problems
            if previous and code in previous:
                loaded[code] = previous[code]
    return dict(sorted(loaded.items())), problems


def load_clinic(path: Path) -> tuple[ClinicValues | None, list[Problem]]:
    """Read the clinic values file; returns the values (None if unusable) and any problems."""
    if not path.is_file():
        return None, [
            Problem.about_file(
                str(path),
                f"missing: every walkthrough folder needs a {CLINIC_FILE} with the clinic's values",
            )
        ]
    try:
        doc = read_yaml(path)
    except ContentError as error:
        return None, list(error.problems)
    values, problems = _validate(ClinicValues, doc, str(path))
    if isinstance(values, ClinicValues) and values.treatments > values.course_days:
        message = f"{values.treatments} treatments cannot fit in {values.course_days} days"
        problems.append(Problem.at(str(path), doc.position(("treatments",)), ("treatments",), message))
        values = None
    if isinstance(values, ClinicValues) and not (path.parent / f"{values.default_language}.yaml").is_file():
        have = ", ".join(languages_in(path.parent)) or "none"
        message = f"there is no {values.default_language}.yaml beside this file (languages here: {have})"
        problems.append(Problem.at(str(path), doc.position(("default_language",)), ("default_language",), message))
        values = None
    return values if isinstance(values, ClinicValues) else None, problems


def _load_language(path: Path, clinic: ClinicValues | None) -> tuple[Walkthrough | None, list[Problem]]:
    try:
        doc = read_yaml(path)
    except ContentError as error:
        return None, list(error.problems)
    problems = _placeholder_problems(doc, str(path))
    if clinic is not None:
        problems += _untranslated_values(clinic, path)
        values = clinic.as_text(path.stem)
        doc.data = map_strings(doc.data, lambda _loc, text: fill(text, values))
    walkthrough, more = _validate(Walkthrough, doc, str(path))
    problems += more + _duplicate_step_ids(doc, str(path)) + _unknown_default_pattern(doc, str(path))
    return (walkthrough if isinstance(walkthrough, Walkthrough) else None), problems


def _untranslated_values(clinic: ClinicValues, language_file: Path) -> list[Problem]:
    """A problem for each clinic value given per language but not in this file's language."""
    missing = clinic.untranslated(language_file.stem)
    if not missing:
        return []
    clinic_file = language_file.parent / CLINIC_FILE
    doc = read_yaml(clinic_file)  # it was read without trouble a moment ago; only positions are wanted now
    return [
        Problem.at(
            str(clinic_file),
            doc.position((name,)),
            (name,),
            f"has no '{language_file.stem}' text, and {language_file.name} uses this language; "
            f"add a line like '{language_file.stem}: ...' under it",
        )
        for name in missing
    ]


def _validate(model: type[BaseModel], doc: YamlDocument, file: str) -> tuple[BaseModel | None, list[Problem]]:
    try:
        return model.model_validate(doc.data), []
    except ValidationError as error:
        return None, problems_from_validation(error, model, doc, file)


def _placeholder_problems(doc: YamlDocument, file: str) -> list[Problem]:
    """A problem for every ``{name}`` that names no clinic value."""
    known = ClinicValues.text_value_names()
    problems: list[Problem] = []

    def check(loc: Loc, text: str) -> str:
        for name in find_placeholders(text):
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
                hint = f"did you mean '{{{close[0]}}}'?" if close else f"known values: {', '.join(known)}"
                message = f"'{{{echo(name)}}}' names no clinic value; {hint} (write '{{{{' for a literal brace)"
                problems.append(Problem.at(file, doc.position(loc), loc, message))
        return text

    map_strings(doc.data, check)
    return problems


def _duplicate_step_ids(doc: YamlDocument, file: str) -> list[Problem]:
    steps = doc.data.get("steps") if isinstance(doc.data, dict) else None
    if not isinstance(steps, list):
        return []
    seen: dict[str, int] = {}
    problems = []
    for index, step in enumerate(steps):
        step_id = step.get("id") if isinstance(step, dict) else None
        if not isinstance(step_id, str):
            continue
        if step_id in seen:
            loc = ("steps", index, "id")
            message = f"step id '{echo(step_id)}' is already used by steps[{seen[step_id]}]; ids must be unique"
            problems.append(Problem.at(file, doc.position(loc), loc, message))
        seen.setdefault(step_id, index)
    return problems


def _unknown_default_pattern(doc: YamlDocument, file: str) -> list[Problem]:
    """The calm section's default pattern must be one of its patterns."""
    calm = doc.data.get("calm") if isinstance(doc.data, dict) else None
    if not isinstance(calm, dict) or not isinstance(calm.get("patterns"), list):
        return []
    chosen = calm.get("default_pattern")
    ids = [p.get("id") for p in calm["patterns"] if isinstance(p, dict)]
    if not isinstance(chosen, str) or chosen in ids:
        return []
    loc = ("calm", "default_pattern")
    return [
        Problem.at(
            file,
            doc.position(loc),
            loc,
            f"'{echo(chosen)}' is not a pattern here; the patterns are: {', '.join(echo(str(i)) for i in ids)}",
        )
    ]
