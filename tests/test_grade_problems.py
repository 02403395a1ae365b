"""Reading grades count only what was read correctly: a problem is reported, not graded as words too."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from walkthrough.content.lint import NOT_GRADED, grade_file
from walkthrough.content.placeholders import find_placeholders
from walkthrough.content.problems import Loc
from walkthrough.content.yamlread import read_yaml
from walkthrough.validate import problems_in, validate_paths

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """A copy of the bundled walkthrough, to spoil."""
    return Path(shutil.copytree(BUNDLED, tmp_path / "ketamine-infusion"))


def spoil(file: Path, pattern: str, replacement: str, count: int = 0) -> int:
    """Replace ``pattern`` (a regular expression, per line) in ``file``; return how many were replaced."""
    text, replaced = re.subn(pattern, replacement, file.read_text(encoding="utf-8"), count=count, flags=re.M)
    assert replaced, pattern
    file.write_text(text, encoding="utf-8")
    return replaced


def strict(folder: Path) -> tuple[int, list[str]]:
    """Run ``walkthrough validate --strict`` in-process: its exit status and printed lines."""
    out, err = io.StringIO(), io.StringIO()
    status = validate_paths([folder], out, err, strict=True)
    return status, out.getvalue().splitlines()


def reported(lines: list[str], folder: Path) -> list[str]:
    """The problem and warning lines (those that start with a file in ``folder``)."""
    return [line for line in lines if line.startswith(str(folder))]


def stripped(lines: list[str]) -> list[str]:
    """The lines without the spaces they are indented by."""
    return [line.strip() for line in lines]


def test_a_misspelt_clinic_key_is_one_problem_not_grades_of_placeholder_names(copy: Path) -> None:
    spoil(copy / "clinic.yaml", r"^infusion_minutes:", "infusion_minutess:")
    status, lines = strict(copy)
    assert status == 1
    [problem] = reported(lines, copy)
    assert "clinic.yaml" in problem and "unknown key 'infusion_minutess'" in problem
    assert not any("warning" in line for line in lines)
    assert sum(f"block(s) {NOT_GRADED}" in line for line in lines) == 2  # English and Spanish
    # The blocks that name {infusion_minutes} are the ones left out, and only they.
    for language in ("en", "es"):
        file = copy / f"{language}.yaml"
        grades = grade_file(file)
        assert ("visit", "summary") in grades.not_graded
        assert ("visit", "summary") not in {block.loc for block in grades.blocks}
        assert all(any(find_placeholders(_text_at(file, loc))) for loc in grades.not_graded)


def test_a_misspelt_title_is_reported_not_graded(copy: Path) -> None:
    en = copy / "en.yaml"
    spoil(en, r"^(  - id: \S+\n    )title:", r"\1titel:", count=1)
    status, lines = strict(copy)
    assert status == 1
    [problem] = reported(lines, copy)
    assert "steps[0].titel: unknown key 'titel'; did you mean 'title'?" in problem
    assert f"1 block(s) {NOT_GRADED}" in stripped(lines)
    grades = grade_file(en, problems_in(en))
    assert ("steps", 0, "titel") in grades.not_graded
    assert ("steps", 0, "body") in {block.loc for block in grades.blocks}  # the rest of the step is graded


def test_misspelt_lists_in_every_step_are_the_only_problems(copy: Path) -> None:
    assert spoil(copy / "es.yaml", r"^    may_feel:", "    may_fel:") == 4
    status, lines = strict(copy)
    assert status == 1
    problems = reported(lines, copy)
    assert len(problems) == 4, problems  # no "steps: needs at least 1 item(s)" as well
    assert all("unknown key 'may_fel'; did you mean 'may_feel'?" in line for line in problems)
    assert f"4 block(s) {NOT_GRADED}" in stripped(lines)


def test_a_file_that_cannot_be_read_is_not_graded(copy: Path) -> None:
    (copy / "es.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    _, lines = strict(copy)
    assert f"the whole file is {NOT_GRADED}" in stripped(lines)


SHORT_HARD = "Intravenous cardiovascular ketamine administration?"
"""Four words at grade 23: too few to grade."""


def test_blocks_of_fewer_than_five_words_get_no_grade(tmp_path: Path) -> None:
    en = tmp_path / "en.yaml"
    answer = "Intravenous cardiovascular ketamine administration continues."
    en.write_text(f"faq:\n  - question: {SHORT_HARD}\n    answer: {answer}\n", encoding="utf-8")
    grades = grade_file(en)
    assert [block.loc for block in grades.blocks] == [("faq", 0, "answer")]  # five words: graded
    assert grades.not_graded == ()  # too short is not a problem


def test_a_short_hard_question_is_no_warning(copy: Path) -> None:
    spoil(copy / "en.yaml", r"^(  - question: ).*$", rf"\1{SHORT_HARD}", count=1)
    _, lines = strict(copy)
    assert not any(line.startswith(str(copy / "en.yaml")) for line in lines), lines


def _text_at(file: Path, loc: Loc) -> str:
    value = read_yaml(file).data
    for part in loc:
        value = value[part]
    return "\n".join(value) if isinstance(value, list) else str(value)
