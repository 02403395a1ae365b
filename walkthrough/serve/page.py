"""The browser page's own words and settings (no textual-serve needed): its language, its font size."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from ..content.files import is_language_code
from ..ui import FOLDER_WORDS, packaged_languages, packaged_words, resolve_words

DEFAULT_FONT_SIZE = 16
"""The terminal's font size in CSS px until the page has chosen one for the screen (textual-serve's own default)."""

PAGE_SECTION = "page"
"""The page's words are the ``page:`` section of the interface words (``walkthrough/ui/<code>.yaml``)."""


class _PageWords(Mapping[str, dict[str, str]]):
    """The browser page's own few words (``ended``, ``restart``, ``full``), per packaged language."""

    def __getitem__(self, language: str) -> dict[str, str]:
        if language not in packaged_languages():
            raise KeyError(language)
        return section(packaged_words(language), PAGE_SECTION)

    def __iter__(self) -> Iterator[str]:
        return iter(packaged_languages())

    def __len__(self) -> int:
        return len(packaged_languages())


PAGE_WORDS: Mapping[str, dict[str, str]] = _PageWords()
"""The browser page's own few words, per language (English for any other)."""


def section(words: Mapping[str, str], name: str) -> dict[str, str]:
    """The entries of one section of ``words``, by their names inside it: ``page.full`` is ``full``."""
    prefix = f"{name}."
    return {key.removeprefix(prefix): text for key, text in words.items() if key.startswith(prefix)}


def page_words(accept_language: str, default: str, folder: Path | None = None) -> tuple[str, dict[str, str]]:
    """The page's language and words: the browser's first language we have words for, else ``default``'s.

    ``accept_language`` is the browser's Accept-Language header, e.g.
    ``es-ES,es;q=0.9,en;q=0.8``; languages are taken in order of preference.
    With the content ``folder``, its own ``ui/<code>.yaml`` words count too
    (a clinic's French page).
    """
    own = _folder_languages(folder)
    for language in _preferred(accept_language):
        if folder is not None and language in own:
            return language, _folder_page_words(folder, language)
        if language in PAGE_WORDS:
            return language, PAGE_WORDS[language]
    if folder is not None and default in own:
        return default, _folder_page_words(folder, default)
    language = default if default in PAGE_WORDS else "en"
    return default, PAGE_WORDS[language]


def _folder_languages(folder: Path | None) -> set[str]:
    """Languages with words of the content folder's own (none without a folder)."""
    if folder is None:
        return set()
    return {path.stem for path in (folder / FOLDER_WORDS).glob("*.yaml") if is_language_code(path.stem)}


def _folder_page_words(folder: Path, language: str) -> dict[str, str]:
    """The page's words in ``language`` with the folder's own on top; the package's English if they have problems."""
    from ..content.problems import ContentError

    try:
        return section(resolve_words(folder, language), PAGE_SECTION)
    except ContentError:
        return PAGE_WORDS["en"]


def _preferred(accept_language: str) -> list[str]:
    """The primary language codes of an Accept-Language header, most wanted first (q=0 left out)."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate(accept_language.split(",")):
        code, _, parameters = item.strip().partition(";")
        quality = 1.0
        if parameters.strip().startswith("q="):
            try:
                quality = float(parameters.strip()[2:])
            except ValueError:
                continue
        if code and quality > 0:
            ranked.append((-quality, position, code.split("-")[0].strip().lower()))
    return [code for _, _, code in sorted(ranked)]


def font_size_from(text: str) -> int | None:
    """``?fontsize=N``, from 8 to 48; None if not given or out of range (the page then fits the type to the screen)."""
    try:
        size = int(text)
    except ValueError:
        return None
    return size if 8 <= size <= 48 else None
