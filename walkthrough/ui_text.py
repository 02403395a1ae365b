"""The old way to the interface words, by language code alone: kept only until its last callers move.

The words now live in ``walkthrough/ui/<code>.yaml`` and a content folder's
own ``ui/<code>.yaml`` (see :mod:`walkthrough.ui`); new code asks
``words_for(content)``. ``ui_text(code)`` answers with the words last found
for that language in this process (so a clinic's own French shows here too),
else the package's, else English.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from .ui import action_name, languages_in_use, packaged_languages, packaged_words, words_in_use


class _WordsByLanguage(Mapping[str, Mapping[str, str]]):
    """Interface words by language code: those in use, else the package's (read only when first asked for)."""

    def __getitem__(self, language: str) -> Mapping[str, str]:
        words = words_in_use(language)
        if words is not None:
            return words
        if language not in packaged_languages():
            raise KeyError(language)
        return packaged_words(language)

    def __contains__(self, language: object) -> bool:
        return isinstance(language, str) and (words_in_use(language) is not None or language in packaged_languages())

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*packaged_languages(), *languages_in_use()]))

    def __len__(self) -> int:
        return len(list(iter(self)))


UI_TEXT: Mapping[str, Mapping[str, str]] = _WordsByLanguage()
"""Interface words by language code, then by name."""


def ui_text(language: str) -> Mapping[str, str]:
    """The interface words for ``language`` (``es`` for ``es-MX``), falling back to English for a language with none."""
    for code in (language, language.split("-")[0]):
        if code in UI_TEXT:
            return UI_TEXT[code]
    return UI_TEXT["en"]


def footer_word(action: str) -> str:
    """The word table's name for an action's footer description.

    ``app.calm`` becomes ``footer.calm`` and ``jump(1)`` becomes ``footer.jump``.
    """
    return "footer." + action_name(action)
