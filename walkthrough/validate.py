"""``walkthrough validate``: check content files and list every problem found."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from .content import ContentError, Problem, languages_in, load_walkthrough
from .content.files import CLINIC_FILE, LANGUAGE_FILE
from .content.limits import DEFAULT_MAX_GRADE
from .content.lint import grade_file, grade_warnings, summary_table
from .content.loader import load_clinic
from .content.parity import parity_problems
from .content.ready import default_cache_dir, load_ready
from .ui import FOLDER_WORDS, words_problems


def content_files(path: Path) -> list[Path]:
    """The files to check under ``path``: the file itself, or every walkthrough found in a folder."""
    if path.is_file():
        return [path]
    folders = (
        [path]
        if _is_walkthrough_folder(path)
        else sorted(p for p in path.rglob("*") if p.is_dir() and _is_walkthrough_folder(p))
    )
    files: list[Path] = []
    for folder in folders:
        files += [folder / f"{code}.yaml" for code in languages_in(folder)]
        if not languages_in(folder):
            files.append(folder / CLINIC_FILE)
    return files


def _is_walkthrough_folder(folder: Path) -> bool:
    return (folder / CLINIC_FILE).is_file() or bool(languages_in(folder))


def problems_in(file: Path) -> list[Problem]:
    """Every problem with one file (a language file also brings its clinic file's problems).

    A clinic file is also checked with each language file beside it, which
    uses its values (a value given per language must have that language's
    text); only the problems in the clinic file itself are its own.
    """
    if file.name == CLINIC_FILE:
        return _clinic_problems(file)[0]
    try:
        load_walkthrough(file)
    except ContentError as error:
        return list(error.problems)
    return []


def _clinic_problems(file: Path) -> tuple[list[Problem], dict[str, int]]:
    """A clinic file's problems, and how many problems of their own each language file beside it has."""
    problems = load_clinic(file)[1]
    languages = languages_in(file.parent)
    if not languages:
        return [*problems, _no_language_file(file.parent)], {}
    others: dict[str, int] = {}
    for code in languages:
        found = problems_in(file.parent / f"{code}.yaml")
        problems += [problem for problem in found if Path(problem.file) == file]
        others[f"{code}.yaml"] = sum(Path(problem.file) != file for problem in found)
    return _unique(problems), others


def checked_with(file: Path) -> str | None:
    """For a clinic file named on its own: the line saying which language files it was checked with."""
    if file.name != CLINIC_FILE or not languages_in(file.parent):
        return None
    _, others = _clinic_problems(file)
    names = [
        f"{name} ({count} problem(s) of its own, not listed here)" if count else name for name, count in others.items()
    ]
    return f"{file}: checked with {', '.join(names)}"


def validate_paths(
    paths: Iterable[Path],
    out: TextIO,
    err: TextIO,
    *,
    max_grade: float = DEFAULT_MAX_GRADE,
    strict: bool = False,
) -> int:
    """Check every path; print problems as ``file:line:col: where: message``, then a reading-grade table.

    Text a patient reads above ``max_grade`` is a warning; ``strict`` makes
    warnings count as problems.

    Returns:
        0 when all is clean (warnings allowed unless ``strict``), 1 when problems
        were found, 2 when a path does not exist.
    """
    paths = list(paths)
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"walkthrough validate: {path}: no such file or folder", file=err)
    if missing:
        return 2
    files = [file for path in paths for file in content_files(path)]
    if not files:
        print(f"walkthrough validate: no content files found in {', '.join(map(str, paths))}", file=err)
        return 1
    found_in = {file: problems_in(file) for file in files}
    problems = _unique(problem for file_problems in found_in.values() for problem in file_problems)
    folders = dict.fromkeys(file.parent for file in files)
    # A clinic file named on its own is checked with the language files beside it, not for their parity.
    languages_named = {file.parent for file in files if file.name != CLINIC_FILE}
    problems += _unique(
        problem for folder in folders if folder in languages_named for problem in parity_problems(folder)
    )
    problems += _unique(problem for folder in folders for problem in own_words_problems(folder))
    # Each file is graded knowing its own problems, so text that was not read correctly gets no grade.
    grades = [grade_file(file, found_in[file]) for file in files if LANGUAGE_FILE.match(file.name)]
    warnings = [warning for file_grades in grades for warning in grade_warnings(file_grades, max_grade)]
    for problem in sorted(problems + warnings, key=lambda p: p.sort_key):
        print(problem, file=out)
    for line in summary_table(grades, max_grade):
        print(line, file=out)
    for line in filter(None, map(checked_with, files)):
        print(line, file=out)
    clinic_files = {file.parent / CLINIC_FILE for file in files if (file.parent / CLINIC_FILE).is_file()}
    words_files = {file for folder in folders for file in (folder / FOLDER_WORDS).glob("*.yaml")}
    checked = f"{len(set(files) | clinic_files | words_files)} file(s) checked"
    found = f"{len(problems)} problem(s)" if problems else "no problems"
    if warnings:
        found += f", {len(warnings)} reading-grade warning(s)" + (
            " (--strict: they count as problems)" if strict else ""
        )
    print(f"{checked}, {found}", file=out)
    remember_clean_folders(folders, problems)
    return 1 if problems or (strict and warnings) else 0


def own_words_problems(folder: Path) -> list[Problem]:
    """Problems with a folder's own interface words (``ui/<code>.yaml``) that its language files do not bring.

    A language file brings its own words' problems (the loader checks them);
    a words file for a language with no file here, or one not named by a
    language code, is checked here.
    """
    problems: list[Problem] = []
    for file in sorted((folder / FOLDER_WORDS).glob("*.yaml")):
        if not LANGUAGE_FILE.match(file.name):
            problems.append(Problem.about_file(str(file), "name a words file by its language code, like ui/fr.yaml"))
        elif file.stem not in languages_in(folder):
            problems += words_problems(folder, file.stem)
    return problems


def remember_clean_folders(folders: Iterable[Path], problems: list[Problem]) -> None:
    """Remember the checked content of each walkthrough folder with no problems: the app (a kiosk too) starts faster."""
    troubled = {Path(problem.file).parent for problem in problems}
    for folder in folders:
        if folder not in troubled and (folder / CLINIC_FILE).is_file():
            # A problem the checks above did not list is left for the app to say at start.
            with contextlib.suppress(ContentError):
                load_ready(folder, None, default_cache_dir())


def _unique(problems: Iterable[Problem]) -> list[Problem]:
    """Drop repeats: a clinic file's problems come back once per language file."""
    return list(dict.fromkeys(problems))


def _no_language_file(folder: Path) -> Problem:
    """A folder with clinic values but no language file cannot be shown."""
    near = sorted(p.name for p in folder.iterdir() if p.is_file() and p.name != CLINIC_FILE and ".y" in p.name.lower())
    hint = f"; found {', '.join(near)}: rename it like en.yaml" if near else ""
    return Problem.about_file(str(folder), f"no language file like en.yaml here{hint}")
