"""Reading grades against examples counted by hand, and the lint that `walkthrough validate` runs."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from walkthrough.content.readability import (
    count_text,
    english_syllables,
    fernandez_huerta_grade,
    reading_grade,
    spanish_syllables,
)

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "content" / "ketamine-infusion"


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("agua", 2),
        ("leía", 3),
        ("país", 2),
        ("muy", 1),
        ("hoy", 1),
        ("y", 1),
        ("ayuda", 3),
        ("oír", 2),
        ("cuidado", 3),
        ("tratamiento", 4),
        ("continua", 3),
        ("continúa", 4),
        ("enfermera", 4),
        ("después", 2),
    ],
)
def test_spanish_syllables_follow_the_spelling_rules(word: str, syllables: int) -> None:
    assert spanish_syllables(word) == syllables


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("medicine", 3), ("slowly", 2), ("minutes", 2), ("cardiovascular", 6), ("IV", 2), ("ketamine", 3), ("I'm", 1)],
)
def test_english_syllables_from_the_dictionary_or_an_estimate(word: str, syllables: int) -> None:
    # "ketamine" is not in the CMU dictionary: ke-ta-mine by the vowel-group estimate.
    assert english_syllables(word) == syllables


def test_easy_english_by_hand() -> None:
    # The(1) medicine(3) goes(1) in(1) slowly(2). It(1) can(1) take(1) a(1) few(1) minutes(2).
    # 11 words, 2 sentences, 15 syllables: 0.39 × 5.5 + 11.8 × 15/11 − 15.59 = 2.65.
    grade = reading_grade("The medicine goes in slowly. It can take a few minutes.", "en")
    assert grade is not None
    assert (grade.counts.words, grade.counts.sentences, grade.counts.syllables) == (11, 2, 15)
    assert grade.grade == 2.6


def test_hard_english_by_hand() -> None:
    # In-tra-ve-nous(4) ad-min-is-tra-tion(5) of(1) ket-a-mine(3) ne-ces-si-tates(4)
    # con-tin-u-ous(4) car-di-o-vas-cu-lar(6) mon-i-tor-ing(4): 8 words, 1 sentence, 31 syllables.
    # 0.39 × 8 + 11.8 × 31/8 − 15.59 = 33.26.
    text = "Intravenous administration of ketamine necessitates continuous cardiovascular monitoring."
    grade = reading_grade(text, "en")
    assert grade is not None and grade.counts.syllables == 31
    assert grade.grade == 33.3


def test_very_short_easy_english_is_grade_zero_not_below() -> None:
    grade = reading_grade("The cat sat on the mat.", "en")
    assert grade is not None and grade.grade == 0.0


def test_easy_spanish_by_hand() -> None:
    # Hoy(1) le(1) po-nen(2) la(1) ví-a(2). Pue-de(2) tar-dar(2) un(1) po-co(2).
    # 9 words, 2 sentences, 14 syllables: 206.84 − 60 × 14/9 − 1.02 × 4.5 = 108.9, grade 4 on the table.
    grade = reading_grade("Hoy le ponen la vía. Puede tardar un poco.", "es")
    assert grade is not None
    assert (grade.counts.words, grade.counts.sentences, grade.counts.syllables) == (9, 2, 14)
    assert (grade.ease, grade.grade) == (108.9, 4.0)


def test_hard_spanish_by_hand() -> None:
    # La(1) ad-mi-nis-tra-ción(5) in-tra-ve-no-sa(5) de(1) ke-ta-mi-na(4) re-quie-re(3)
    # mo-ni-to-ri-za-ción(6) car-dio-vas-cu-lar(5) con-ti-nua(3): 9 words, 1 sentence, 33 syllables.
    # 206.84 − 60 × 33/9 − 1.02 × 9 = −22.3: below 30, university (grade 16).
    text = "La administración intravenosa de ketamina requiere monitorización cardiovascular continua."
    grade = reading_grade(text, "es-MX")
    assert grade is not None
    assert (grade.ease, grade.grade) == (-22.3, 16.0)


def test_fernandez_huerta_table() -> None:
    assert [fernandez_huerta_grade(ease) for ease in (95, 85, 75, 65, 55, 40, 10)] == [4, 5, 6, 8, 11, 13, 16]


def test_counting_rules() -> None:
    # A number is read as its words (30 is "thirty", 2 syllables); lines without a full stop are sentences too.
    counts = count_text("About 30 minutes\nThen rest", "en")
    assert (counts.words, counts.sentences, counts.syllables) == (5, 2, 2 + 2 + 2 + 1 + 1)
    # 100 is "one hundred": two words, three syllables, not one word with a syllable per digit.
    counts = count_text("About 100 minutes", "en")
    assert (counts.words, counts.syllables) == (4, 2 + 3 + 2)
    # In Spanish 100 is "cien", one syllable; 60 is "sesenta", three.
    assert count_text("100 60", "es").syllables == 1 + 3


def test_no_formula_for_other_languages() -> None:
    assert reading_grade("Bonjour à tous.", "fr") is None


# The lint, as a clinic runs it.


def validate(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "walkthrough", "validate", *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the bundled walkthrough, to spoil."""
    return Path(shutil.copytree(BUNDLED, tmp_path / "ketamine-infusion"))


def test_shipped_content_passes_strict() -> None:
    result = validate("--strict", str(BUNDLED))
    assert result.returncode == 0, result.stdout
    assert "warning" not in result.stdout
    assert "Flesch–Kincaid" in result.stdout and "Fernández-Huerta" in result.stdout


LONG = (
    "      Intravenous administration of ketamine necessitates continuous cardiovascular monitoring "
    "throughout the procedure, notwithstanding individual variability in physiological responses.\n"
)


def test_a_long_sentence_is_reported_with_its_line_and_grade(copy: Path) -> None:
    en = copy / "en.yaml"
    lines = en.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(number for number, line in enumerate(lines) if "Most people say it hurts only a little." in line)
    lines.insert(at + 1, LONG)
    en.write_text("".join(lines), encoding="utf-8")

    result = validate(str(copy))
    assert result.returncode == 0  # a warning alone does not fail...
    warning = next(line for line in result.stdout.splitlines() if "warning" in line)
    assert warning.startswith(f"{en}:{at + 2}:7: ")  # the long sentence's own line (1-based), where its text starts
    assert "steps[0].body: warning: reading grade" in warning and "above 6" in warning
    assert "1 reading-grade warning(s)" in result.stdout

    strict = validate("--strict", str(copy))
    assert strict.returncode == 1  # ...but --strict makes it a problem
    assert validate("--strict", "--max-grade", "20", str(copy)).returncode == 0


def test_spanish_too_hard_is_a_warning_with_its_line(copy: Path) -> None:
    es = copy / "es.yaml"
    text = es.read_text(encoding="utf-8")
    hard = "La administración intravenosa de ketamina requiere monitorización cardiovascular continua."
    easy = "    answer: Sí. Puede pedir que paren la infusión en cualquier momento."
    es.write_text(text.replace(easy, f"    answer: {hard}"))
    line = next(n for n, text in enumerate(es.read_text().splitlines(), 1) if hard in text)
    result = validate("--strict", str(copy))
    assert result.returncode == 1
    expected = f"{es}:{line}:13: faq[4].answer: warning: reading grade 16 is above 6 (Fernández-Huerta ease"
    assert expected in result.stdout


def test_summary_table_per_file(copy: Path) -> None:
    out = validate(str(copy)).stdout
    assert "Reading grade (limit 6):" in out
    rows = [line.split() for line in out.splitlines() if line.strip().startswith(str(copy))]
    assert [row[0] for row in rows] == [str(copy / "en.yaml"), str(copy / "es.yaml")]
    for row in rows:
        blocks, mean, worst = int(row[2 if "Flesch" in row[1] else 2]), float(row[3]), float(row[4])
        assert blocks > 40 and 0 <= mean <= worst <= 6


def test_max_grade_must_be_a_sensible_number() -> None:
    result = validate("--max-grade", "seven")
    assert result.returncode == 2 and "not a number" in result.stderr
