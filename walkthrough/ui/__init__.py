"""Interface words (buttons, headings, key names, help lines, the browser page's words) per language.

The package ships ``en.yaml`` and ``es.yaml`` beside this file. A content
folder may carry ``ui/<code>.yaml`` of its own: it overrides some words of a
language the package has, or adds a language (then it needs every key
English has), so a clinic adds French with ``fr.yaml`` and ``ui/fr.yaml`` and
no Python. Files are read with the content's safe reader and checked in
``check.py``; problems are told at ``file:line:col`` like the content's.

Nothing here reads YAML at start-up: a start from remembered content
(``content/ready.py``) hands the words over with :func:`remember_words`, and
only a language not remembered is read from its files.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..content.files import is_language_code

if TYPE_CHECKING:
    from ..content.problems import Problem
    from ..content.records import LoadedWalkthrough
    from .check import Words

UI_FOLDER = Path(__file__).parent
"""Where the packaged words files are."""

FOLDER_WORDS = "ui"
"""The folder inside a content folder that holds its own words files."""

Stamp = tuple[tuple[str, int, int], ...]
"""Which files made a language's words, as they were then: path, modification time and size of each."""

_packaged: dict[str, Words] = {}
_resolved: dict[tuple[Path, str], tuple[Stamp, Mapping[str, str]]] = {}


def action_name(action: str) -> str:
    """An action's bare name, by which the words know it: ``calm`` for ``app.calm``, ``jump`` for ``jump(1)``."""
    return action.rpartition(".")[2].partition("(")[0]


@cache
def packaged_languages() -> tuple[str, ...]:
    """The language codes the package has words for, sorted (looked up once: the package does not change)."""
    return tuple(sorted(path.stem for path in UI_FOLDER.glob("*.yaml")))


def packaged_words(language: str) -> Mapping[str, str]:
    """The package's words for ``language`` (read once per process; the same mapping every time).

    Raises:
        ContentError: the package has no words for it, or its file has problems.
    """
    words = _packaged.get(language)
    if words is None:
        from .check import read_words

        path = UI_FOLDER / f"{language}.yaml"
        if not path.is_file():
            from ..content.problems import ContentError, Problem

            raise ContentError([Problem.about_file(str(path), f"the package has no interface words for '{language}'")])
        english = None if language == "en" else dict(packaged_words("en"))
        words = _packaged[language] = read_words(path, english, complete=True)
    return words


def word_files(folder: Path, language: str) -> list[Path]:
    """The files ``language``'s words come from, in order (later ones override): the package's, then the folder's.

    ``es-mx`` takes the package's ``es-mx.yaml`` or else ``es.yaml``, then the
    folder's ``ui/es.yaml`` and ``ui/es-mx.yaml``. Give these to a live
    reload to watch: a change in any of them changes the words.
    """
    if not is_language_code(language):
        language = "en"  # a file named like walkthrough.yaml, not by its language: English, as ever
    codes = list(dict.fromkeys([language.split("-")[0], language]))
    package = [UI_FOLDER / f"{code}.yaml" for code in reversed(codes) if (UI_FOLDER / f"{code}.yaml").is_file()]
    own = [folder / FOLDER_WORDS / f"{code}.yaml" for code in codes]
    return package[:1] + [path for path in own if path.is_file()]


def words_for(content: LoadedWalkthrough) -> Mapping[str, str]:
    """The interface words for ``content``: the package's for its language, with its folder's own on top.

    The folder is the one holding the language file (``content.source``).
    Words are read again only when one of their files changed; if the files
    now have problems, the words last read stay in use (the loader and
    ``walkthrough validate`` tell what is wrong).

    Raises:
        ContentError: there are no good words for the language at all (the message says which file to add).
    """
    return resolve_words(content.source.parent, content.language)


def resolve_words(folder: Path, language: str) -> Mapping[str, str]:
    """The interface words for ``language`` in the content folder ``folder`` (see :func:`words_for`)."""
    from ..content.problems import ContentError

    key = (folder.resolve(), language)
    stamp = _stamp(word_files(folder, language))
    known = _resolved.get(key)
    if known is not None and known[0] == stamp:
        words = known[1]
    else:
        try:
            words = _read(folder, language)
        except ContentError:
            if known is None:
                raise
            words = known[1]
        else:
            _resolved[key] = (stamp, words)
    return words


def words_problems(folder: Path, language: str) -> list[Problem]:
    """Every problem with ``language``'s interface words in ``folder`` (none: they are ready, and remembered)."""
    from ..content.problems import ContentError

    try:
        words = _read(folder, language)
    except ContentError as error:
        return list(error.problems)
    _resolved[(folder.resolve(), language)] = (_stamp(word_files(folder, language)), words)
    return []


def remember_words(folder: Path, language: str, words: Mapping[str, str]) -> None:
    """Take ``language``'s words for ``folder`` as read already (from the checked-content cache): no YAML at start."""
    _resolved[(folder.resolve(), language)] = (_stamp(word_files(folder, language)), words)


def forget_words() -> None:
    """Forget every folder's words found so far (tests; the package's own are kept)."""
    _resolved.clear()


def _read(folder: Path, language: str) -> Mapping[str, str]:
    """Read and check ``language``'s words files, or raise ContentError with every problem."""
    from ..content.problems import ContentError, Problem
    from .check import read_words

    files = word_files(folder, language)
    if not files:
        missing = folder / FOLDER_WORDS / f"{language}.yaml"
        message = (
            f"missing: the interface has no words in '{language}' (buttons, headings, help); add this file "
            f"with every key of {UI_FOLDER / 'en.yaml'}, translated"
        )
        raise ContentError([Problem.about_file(str(missing), message)])
    package = files[0] if files[0].parent == UI_FOLDER else None
    own = files[1:] if package else files
    if package is not None and not own:
        return packaged_words(package.stem)  # the very mapping every screen of this language shares
    english = dict(packaged_words("en"))
    words: Words = dict(packaged_words(package.stem)) if package else {}
    problems: list[Problem] = []
    for index, path in enumerate(own):
        try:
            words.update(read_words(path, english, complete=package is None and index == 0))
        except ContentError as error:
            problems += error.problems
    if problems:
        raise ContentError(problems)
    return words


def _stamp(files: list[Path]) -> Stamp:
    found = []
    for path in files:
        try:
            status = path.stat()
        except OSError:
            continue
        found.append((str(path), status.st_mtime_ns, status.st_size))
    return tuple(found)
