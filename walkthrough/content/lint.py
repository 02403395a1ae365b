"""Reading-grade lint: the grade of every block of text a patient reads, and a warning for each too-hard one.

Only text that was read correctly is graded. A block with a problem in it
(or around it, like the step a key is missing from) is not graded, and nor is
a block naming a clinic value that could not be filled in (say, because
clinic.yaml has a problem): its grade would be of the wrong words, and its
problem is reported already. The rest of the file is graded as usual, so a
writer keeps seeing grades while fixing one part.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .files import CLINIC_FILE
from .loader import load_clinic
from .placeholders import fill, find_placeholders
from .problems import ContentError, Loc, Problem, format_loc
from .readability import FORMULAS, Grade, base_language, has_formula, reading_grade
from .yamlread import YamlDocument, read_yaml

NOT_READ_BY_PATIENTS = frozenset({"id", "kind", "seconds", "default_pattern", "counsellor_notes"})
"""Keys whose text is not read by a patient: ids, settings and the counsellor's notes."""

LABELS = frozenset({"title", "name", "label", "detail", "get_ready"})
"""Keys that hold a heading or a label of a few words: no formula can grade those alone."""

MIN_WORDS = 5
"""Blocks with fewer words (as read: "60" is one word, "treinta y uno" three) get no grade.

Below five words one syllable more or less moves Flesch–Kincaid by about
3 grades (11.8 ÷ words) and Fernández-Huerta by 15 ease points, more than a
step of its table: a grade of three or four words says more about one word
than about the text. Such a block is a heading or a label, read at a glance.
"""

NOT_GRADED = "not graded: fix the problems above first"
"""What the summary says of blocks left ungraded because of problems."""

NO_FORMULA = "{language}: no reading-grade formula for this language; its text is not graded"
"""What the summary says, once, of a language no formula can grade (see ``readability.FORMULAS``)."""


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
    """The grades of every patient-facing block in one language file.

    Attributes:
        file: The language file.
        language: Its language code.
        blocks: The graded blocks.
        not_graded: Where the blocks are that were not graded because of a
            problem; ``((),)`` when the whole file was not.
    """

    file: Path
    language: str
    blocks: tuple[BlockGrade, ...]
    not_graded: tuple[Loc, ...] = ()

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


def grade_file(file: Path, problems: Iterable[Problem] = ()) -> FileGrades:
    """Grade every block a patient reads in one language file.

    Clinic values are filled in first, as the patient sees them. Blocks of
    fewer than ``MIN_WORDS`` words get no grade. ``problems`` are those found
    in the file (others are ignored): a block at or inside the place of one
    of its errors is not graded, nor is a block with a clinic value that
    cannot be filled in. A file that cannot be read is not graded at all:
    ``validate`` reports why elsewhere.
    """
    language = file.stem
    if not has_formula(language):
        return FileGrades(file, language, ())  # nothing to grade with: the summary says so once
    try:
        doc = read_yaml(file)
    except ContentError:
        return FileGrades(file, language, (), not_graded=((),))
    clinic, _ = load_clinic(file.parent / CLINIC_FILE)
    values = clinic.as_text(language) if clinic is not None else {}
    errors = [problem.loc for problem in problems if not problem.warning and Path(problem.file) == file]
    source = file.read_text(encoding="utf-8-sig").splitlines()
    blocks, not_graded = [], []
    for loc, text in _text_blocks(doc.data, ()):
        if any(_overlaps(loc, error) for error in errors) or not set(find_placeholders(text)) <= values.keys():
            not_graded.append(loc)
            continue
        lines = [fill(line, values) for line in text.split("\n")]
        found = reading_grade("\n".join(lines), language)
        if found is not None and found.counts.words >= MIN_WORDS:
            hardest = _hardest_line(lines, language)
            blocks.append(BlockGrade(loc, _line_position(doc, loc, hardest, source), found))
    return FileGrades(file, language, tuple(blocks), tuple(not_graded))


def _overlaps(block: Loc, error: Loc) -> bool:
    """Whether an error is about the block, something inside it, or something it is inside (``()`` is the file)."""
    shorter = min(len(block), len(error))
    return block[:shorter] == error[:shorter]


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
            if key not in NOT_READ_BY_PATIENTS and key not in LABELS and not _repeats_a_choice(loc, key):
                yield from _text_blocks(value, (*loc, key))


def _repeats_a_choice(loc: Loc, key: str) -> bool:
    """Whether ``key`` at ``loc`` is a teach-back check's answer: one of its choices again, graded with them."""
    return key == "answer" and bool(loc) and loc[-1] == "check"


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
        lines.append(f"  {str(grades.file):<{width}}  {grades.formula:<16}  {numbers}  {where}".rstrip())
        if grades.not_graded == ((),):
            lines.append(f"    the whole file is {NOT_GRADED}")
        elif grades.not_graded:
            lines.append(f"    {len(grades.not_graded)} block(s) {NOT_GRADED}")
    ungraded = [base_language(grades.language) for grades in all_grades if not has_formula(grades.language)]
    return lines + [NO_FORMULA.format(language=language) for language in dict.fromkeys(ungraded)]
