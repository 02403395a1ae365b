"""Reading-grade lint: the grade of every block of text a patient reads, and a warning for each too-hard one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import CLINIC_FILE
from .loader import load_clinic
from .placeholders import fill
from .problems import ContentError, Loc, Problem, format_loc
from .readability import FORMULAS, Grade, base_language, reading_grade
from .yamlread import YamlDocument, read_yaml

NOT_READ_BY_PATIENTS = frozenset({"id", "kind", "seconds", "default_pattern", "counsellor_notes"})
"""Keys whose text is not read by a patient: ids, settings and the counsellor's notes."""

LABELS = frozenset({"title", "name", "label", "detail", "get_ready"})
"""Keys that hold a heading or a label of a few words: no formula can grade those alone."""


@dataclass(frozen=True)
class BlockGrade:
    """The reading grade of one block of text in a language file.

    Attributes:
        loc: Where the block is in the content, e.g. ``steps[2].body``.
        position: Its (line, column) in the file, if known.
        grade: Its grade, worked out on the text as shown (clinic values filled in).
    """

    loc: Loc
    position: tuple[int, int] | None
    grade: Grade


@dataclass(frozen=True)
class FileGrades:
    """The grades of every patient-facing block in one language file."""

    file: Path
    language: str
    blocks: tuple[BlockGrade, ...]

    @property
    def formula(self) -> str:
        """The formula's name, or a dash for a language with none."""
        return FORMULAS.get(base_language(self.language), "-")

    @property
    def mean(self) -> float | None:
        """The mean grade of the blocks, or None with no blocks."""
        if not self.blocks:
            return None
        return round(sum(block.grade.grade for block in self.blocks) / len(self.blocks), 1)

    @property
    def worst(self) -> BlockGrade | None:
        """The hardest block (the first of equals), or None with no blocks."""
        return max(self.blocks, key=lambda block: block.grade.grade, default=None)


def grade_file(file: Path) -> FileGrades:
    """Grade every block a patient reads in one language file.

    Clinic values are filled in first, as the patient sees them. A file that
    cannot be read has no blocks here: ``validate`` reports why elsewhere.
    """
    language = file.stem
    try:
        doc = read_yaml(file)
    except ContentError:
        return FileGrades(file, language, ())
    clinic, _ = load_clinic(file.parent / CLINIC_FILE)
    values = clinic.as_text(language) if clinic is not None else {}
    source = file.read_text(encoding="utf-8-sig").splitlines()
    blocks = []
    for loc, text in _text_blocks(doc.data, ()):
        lines = [fill(line, values) for line in text.split("\n")]
        found = reading_grade("\n".join(lines), language)
        if found is not None:
            hardest = _hardest_line(lines, language)
            blocks.append(BlockGrade(loc, _line_position(doc, loc, hardest, source), found))
    return FileGrades(file, language, tuple(blocks))


def _hardest_line(lines: list[str], language: str) -> int:
    """The index of the hardest line of a block: where a warning points, so the writer lands on it."""
    grades = [reading_grade(line, language) for line in lines]
    scores = [grade.grade if grade is not None else -1.0 for grade in grades]
    return scores.index(max(scores))


def _line_position(doc: YamlDocument, loc: Loc, index: int, source: list[str]) -> tuple[int, int] | None:
    """Where line ``index`` of the block at ``loc`` is in the file.

    A list's lines are its items. A ``|`` or ``>`` block's text starts on the
    line after the marker; other text starts where its value does.
    """
    if (*loc, index) in doc.positions:
        return doc.positions[(*loc, index)]
    start = doc.position(loc)
    if start is None or index == 0 and not _is_block_marker(source, start):
        return start
    line = start[0] + index + (1 if _is_block_marker(source, start) else 0)
    if line > len(source):
        return start
    text = source[line - 1]
    return (line, len(text) - len(text.lstrip()) + 1)


def _is_block_marker(source: list[str], position: tuple[int, int]) -> bool:
    line, column = position
    return line <= len(source) and source[line - 1][column - 1 : column] in ("|", ">")


def _text_blocks(data: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Each block a patient reads as a whole: a text, or a list of short lines read together."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, list) and data and all(isinstance(item, str) for item in data):
        yield loc, "\n".join(data)
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _text_blocks(item, (*loc, index))
    elif isinstance(data, dict):
        for key, value in data.items():
            if key not in NOT_READ_BY_PATIENTS and key not in LABELS:
                yield from _text_blocks(value, (*loc, key))


def grade_warnings(grades: FileGrades, max_grade: float) -> list[Problem]:
    """A warning for every block above ``max_grade``, at its line."""
    return [
        Problem(
            str(grades.file),
            block.position[0] if block.position else None,
            block.position[1] if block.position else None,
            block.loc,
            too_hard_message(block.grade, max_grade),
            warning=True,
        )
        for block in grades.blocks
        if block.grade.grade > max_grade
    ]


def too_hard_message(grade: Grade, max_grade: float) -> str:
    """Why a block is too hard, in numbers a writer can act on."""
    counts = grade.counts
    per_word = counts.syllables / counts.words
    shape = f"{counts.words} words in {counts.sentences} sentence(s), {per_word:.1f} syllables a word"
    formula = f"{grade.formula} ease {grade.ease:g}" if grade.ease is not None else grade.formula
    how = f"{formula}; {shape}"
    return f"reading grade {grade.grade:g} is above {max_grade:g} ({how}); use shorter sentences and shorter words"


def summary_table(all_grades: Sequence[FileGrades], max_grade: float) -> list[str]:
    """Lines of a table: per file, its formula, blocks, mean grade and worst block."""
    if not all_grades:
        return []
    width = max(len("file"), *(len(str(grades.file)) for grades in all_grades))
    lines = [
        f"Reading grade (limit {max_grade:g}):",
        f"  {'file':<{width}}  {'formula':<16}  {'blocks':>6}  {'mean':>5}  {'worst':>5}  where",
    ]
    for grades in all_grades:
        worst = grades.worst
        mean = f"{grades.mean:g}" if grades.mean is not None else "-"
        worst_grade = f"{worst.grade.grade:g}" if worst else "-"
        where = ""
        if worst is not None:
            line = f"line {worst.position[0]} " if worst.position else ""
            where = f"{line}{format_loc(worst.loc)}"
        numbers = f"{len(grades.blocks):>6}  {mean:>5}  {worst_grade:>5}"
        lines.append(f"  {str(grades.file):<{width}}  {grades.formula:<16}  {numbers}  {where}")
    return lines
