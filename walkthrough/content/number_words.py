"""Numbers as they are read aloud: "60" is "sixty" in English and "sesenta" in Spanish.

The reading grade counts what a reader says, so a number is graded as its
words. Whole numbers up to 999,999,999,999 are spelled out exactly; a longer
one, or a group with a leading zero (``007``, the ``05`` of ``10:05``), is
read digit by digit. Our own few lines rather than a package: they cover what
the formulas need, with nothing to install.
"""

from __future__ import annotations

import re

_EN_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"))

_ES_UNITS = (
    "cero",
    "uno",
    "dos",
    "tres",
    "cuatro",
    "cinco",
    "seis",
    "siete",
    "ocho",
    "nueve",
    "diez",
    "once",
    "doce",
    "trece",
    "catorce",
    "quince",
    "dieciséis",
    "diecisiete",
    "dieciocho",
    "diecinueve",
    "veinte",
    "veintiuno",
    "veintidós",
    "veintitrés",
    "veinticuatro",
    "veinticinco",
    "veintiséis",
    "veintisiete",
    "veintiocho",
    "veintinueve",
)
_ES_TENS = ("", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa")
_ES_HUNDREDS = (
    "",
    "ciento",
    "doscientos",
    "trescientos",
    "cuatrocientos",
    "quinientos",
    "seiscientos",
    "setecientos",
    "ochocientos",
    "novecientos",
)
_ES_SHORT_ONE = {"uno": "un", "veintiuno": "veintiún"}
"""Before "mil" or "millones", one is shortened: "veintiún mil", "treinta y un millones"."""

LARGEST = 10**12 - 1
"""The largest number spelled out; a longer one is read digit by digit."""

SEPARATOR_WORDS = {"en": {".": ["point"], ",": ["point"]}, "es": {".": ["punto"], ",": ["coma"]}}
"""What is said between the digit groups of ``1.5`` (a colon, as in ``10:30``, is not said)."""

THOUSANDS_MARK = {"en": ",", "es": "."}
"""The mark that groups thousands in each language: ``1,000`` in English, ``1.000`` in Spanish."""

RANGE_WORD = {"en": ["to"], "es": ["a"]}
"""What is said for the dash of a range: ``2-3`` is "two to three", "dos a tres"."""

PERCENT = {"en": ["percent"], "es": ["por", "ciento"]}
"""What is said for ``%``."""

_RANGE_DASH = re.compile(r"[-–]")
_GROUP = re.compile(r"(\d+)([.,:]?)")


def number_words(token: str, language: str) -> list[str]:
    """The words said for a number as written: ``21`` is ``["twenty-one"]``, ``31`` is ``["treinta", "y", "uno"]``.

    ``token`` is digits, with ``.``, ``,`` or ``:`` between groups, with
    perhaps a dash to a second number (a range) and a ``%`` after it.
    English joins tens and ones with a hyphen, as written ("twenty-one"),
    and says no "and" after "hundred" (US usage). Spanish uses "uno",
    which has the syllables of "una"; before a noun "un" has one fewer.
    """
    language = "es" if language.split("-")[0].lower() == "es" else "en"
    text = token.strip()
    percent = text.endswith("%")
    parts = [part for part in _RANGE_DASH.split(text.rstrip("% ")) if part]
    words: list[str] = []
    for index, part in enumerate(parts):
        if index:
            words += RANGE_WORD[language] if len(parts) == 2 else []
        words += _written_number(part, language)
    return words + (PERCENT[language] if percent else [])


def _written_number(text: str, language: str) -> list[str]:
    """One number with its marks: ``12,500`` read whole, ``1.5`` and ``10:30`` read group by group."""
    mark = THOUSANDS_MARK[language]
    groups = text.split(mark)
    if len(groups) > 1 and 1 <= len(groups[0]) <= 3 and all(len(g) == 3 and g.isdigit() for g in groups[1:]):
        return _digits(text.replace(mark, ""), language)
    words: list[str] = []
    for digits, separator in _GROUP.findall(text):
        words += _digits(digits, language) + SEPARATOR_WORDS[language].get(separator, [])
    return words


def _digits(digits: str, language: str) -> list[str]:
    """A run of digits: as one number, or digit by digit if it starts with 0 or is too long to say as one."""
    if (len(digits) > 1 and digits.startswith("0")) or int(digits) > LARGEST:
        return [word for digit in digits for word in _digits(digit, language)]
    return english_number(int(digits)) if language == "en" else spanish_number(int(digits))


def english_number(number: int) -> list[str]:
    """An English whole number in words: 1,021 is ``["one", "thousand", "twenty-one"]``."""
    if number == 0:
        return ["zero"]
    words: list[str] = []
    for size, name in _EN_SCALES:
        if number >= size:
            words += _english_below_1000(number // size) + [name]
            number %= size
    return words + (_english_below_1000(number) if number else [])


def _english_below_1000(number: int) -> list[str]:
    words = [_EN_ONES[number // 100], "hundred"] if number >= 100 else []
    number %= 100
    if number >= 20:
        words.append(_EN_TENS[number // 10] + (f"-{_EN_ONES[number % 10]}" if number % 10 else ""))
    elif number:
        words.append(_EN_ONES[number])
    return words


def spanish_number(number: int) -> list[str]:
    """A Spanish whole number in words: 31,100 is ``["treinta", "y", "un", "mil", "cien"]``."""
    if number == 0:
        return ["cero"]
    millions, rest = divmod(number, 10**6)
    words: list[str] = []
    if millions == 1:
        words = ["un", "millón"]
    elif millions:
        words = _spanish_below_million(millions, short_one=True) + ["millones"]
    return words + (_spanish_below_million(rest, short_one=False) if rest else [])


def _spanish_below_million(number: int, *, short_one: bool) -> list[str]:
    thousands, rest = divmod(number, 1000)
    words = []
    if thousands:
        words = ["mil"] if thousands == 1 else _spanish_below_1000(thousands, short_one=True) + ["mil"]
    return words + (_spanish_below_1000(rest, short_one=short_one) if rest else [])


def _spanish_below_1000(number: int, *, short_one: bool) -> list[str]:
    if number == 100:
        return ["cien"]
    words = [_ES_HUNDREDS[number // 100]] if number >= 100 else []
    number %= 100
    if number >= 30:
        words += [_ES_TENS[number // 10]] + (["y", _ES_UNITS[number % 10]] if number % 10 else [])
    elif number:
        words.append(_ES_UNITS[number])
    if short_one and words[-1] in _ES_SHORT_ONE:
        words[-1] = _ES_SHORT_ONE[words[-1]]
    return words
