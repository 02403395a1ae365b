"""Numbers are graded as the words a reader says, counted by hand in English and Spanish."""

from __future__ import annotations

import pytest

from walkthrough.content.number_words import english_number, number_words, spanish_number
from walkthrough.content.readability import count_text


@pytest.mark.parametrize(
    ("number", "english", "english_syllables", "spanish", "spanish_syllables"),
    [
        (0, "zero", 2, "cero", 2),
        (3, "three", 1, "tres", 1),
        (6, "six", 1, "seis", 1),
        (12, "twelve", 1, "doce", 2),
        (16, "sixteen", 2, "dieciséis", 3),  # die-ci-séis
        (21, "twenty-one", 3, "veintiuno", 3),  # vein-tiu-no
        (30, "thirty", 2, "treinta", 2),
        (31, "thirty-one", 3, "treinta y uno", 5),
        (60, "sixty", 2, "sesenta", 3),
        (100, "one hundred", 3, "cien", 1),
        (115, "one hundred fifteen", 5, "ciento quince", 4),
        (500, "five hundred", 3, "quinientos", 3),  # qui-nien-tos
        (1000, "one thousand", 3, "mil", 1),
        (2000, "two thousand", 3, "dos mil", 2),
        (21000, "twenty-one thousand", 5, "veintiún mil", 3),  # one is shortened before mil: vein-tiún
        (100000, "one hundred thousand", 5, "cien mil", 2),
        (1_000_000, "one million", 3, "un millón", 3),
        (2_000_000, "two million", 3, "dos millones", 4),
    ],
)
def test_a_number_is_counted_as_it_is_said(
    number: int, english: str, english_syllables: int, spanish: str, spanish_syllables: int
) -> None:
    assert " ".join(english_number(number)) == english
    assert " ".join(spanish_number(number)) == spanish
    # English writes tens and ones as one hyphenated word; Spanish "treinta y uno" is three words.
    assert count_text(str(number), "en").words == len(english.split())
    assert count_text(str(number), "en").syllables == english_syllables
    assert count_text(str(number), "es").words == len(spanish.split())
    assert count_text(str(number), "es").syllables == spanish_syllables


def test_the_largest_numbers_spelled_out() -> None:
    assert " ".join(english_number(999_999)) == "nine hundred ninety-nine thousand nine hundred ninety-nine"
    assert " ".join(spanish_number(999_999)) == "novecientos noventa y nueve mil novecientos noventa y nueve"
    assert " ".join(spanish_number(31_000_001)) == "treinta y un millones uno"


def test_english_sentence_by_hand() -> None:
    # One(1) treatment(2) takes(1) about(2) sixty(2) minutes(2): 6 words, 10 syllables (not 9 with "60" as 2).
    counts = count_text("One treatment takes about 60 minutes.", "en")
    assert (counts.words, counts.sentences, counts.syllables) == (6, 1, 10)


def test_spanish_sentence_by_hand() -> None:
    # Un(1) tra-ta-mien-to(4) du-ra(2) u-nos(2) se-sen-ta(3) mi-nu-tos(3): 6 words, 15 syllables.
    counts = count_text("Un tratamiento dura unos 60 minutos.", "es")
    assert (counts.words, counts.sentences, counts.syllables) == (6, 1, 15)


@pytest.mark.parametrize(
    ("written", "language", "said"),
    [
        ("1.5", "en", "one point five"),
        ("1,5", "es", "uno coma cinco"),
        ("1.5", "es-MX", "uno punto cinco"),
        ("10:30", "en", "ten thirty"),
        ("10:30", "es", "diez treinta"),
        ("10:05", "en", "ten zero five"),  # a group with a leading zero is read digit by digit
        ("12,500", "en", "twelve thousand five hundred"),
        ("12.500", "es", "doce mil quinientos"),
        ("50%", "en", "fifty percent"),
        ("50 %", "es", "cincuenta por ciento"),
        ("2-3", "en", "two to three"),
        ("2–3", "es", "dos a tres"),
        ("10-20%", "en", "ten to twenty percent"),
        ("007", "en", "zero zero seven"),
    ],
)
def test_marks_in_numbers(written: str, language: str, said: str) -> None:
    assert " ".join(number_words(written, language)) == said


def test_marks_are_part_of_the_number_in_a_text() -> None:
    # dos(1) a(1) tres(1) ho-ras(2), cin-cuen-ta(3) por(1) cien-to(2): 7 words, 11 syllables.
    counts = count_text("2-3 horas, 50 %", "es")
    assert (counts.words, counts.syllables) == (7, 11)
    # A dash before letters is not a range: "3-day" is three(1) day(1).
    assert count_text("a 3-day course", "en").words == 4
