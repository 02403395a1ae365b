"""The browser page's own words and settings (no textual-serve needed): its language, its font size."""

from __future__ import annotations

DEFAULT_FONT_SIZE = 16
"""The terminal's font size in CSS px until the page has chosen one for the screen (textual-serve's own default)."""

PAGE_WORDS = {
    "en": {
        "ended": "This walkthrough has closed.",
        "restart": "Start again",
        "full": "All screens are in use. Please ask a member of staff.",
    },
    "es": {
        "ended": "La guía se ha cerrado.",
        "restart": "Volver a empezar",
        "full": "Todas las pantallas están en uso. Por favor, pida ayuda al personal.",
    },
}
"""The browser page's own few words, per language (English for any other)."""


def page_words(accept_language: str, default: str) -> tuple[str, dict[str, str]]:
    """The page's language and words: the browser's first language we have words for, else ``default``'s.

    ``accept_language`` is the browser's Accept-Language header, e.g.
    ``es-ES,es;q=0.9,en;q=0.8``; languages are taken in order of preference.
    """
    for language in _preferred(accept_language):
        if language in PAGE_WORDS:
            return language, PAGE_WORDS[language]
    language = default if default in PAGE_WORDS else "en"
    return default, PAGE_WORDS[language]


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
