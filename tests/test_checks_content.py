"""Teach-back checks as content: the model, parity between languages, reading grades, the cache, the bundled checks.

The screens that ask them are tested elsewhere; these tests are about what a
content file may say in a ``check:`` and how problems in one are reported.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from walkthrough.content import ContentError, bundled_content_dir, load_walkthrough
from walkthrough.content.lint import grade_file, grade_warnings
from walkthrough.content.parity import parity_problems
from walkthrough.content.ready import load_ready
from walkthrough.content.records import Record, as_records, from_plain, to_plain

from .conftest import FIXTURES, write_content

CHECKS = FIXTURES / "checks"
FIRST_NOTES = "    counsellor_notes: [First note for counsellors.]\n"
SECOND_NOTES = "    counsellor_notes: [Second note for counsellors.]\n"
STEP_TWO_CHECK = """    check:
      question: What is the second step about?
      choices:
        - The first thing.
        - The second thing.
        - The last thing.
      answer: The second thing.
      explain: The second step is about the second thing.
"""


def checked_pair(folder: Path, spanish: dict[str, str] | None = None, english: dict[str, str] | None = None) -> Path:
    """The checks fixture as en.yaml and es.yaml (the same English words: parity looks at shape, not words)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(CHECKS / "clinic.yaml", folder / "clinic.yaml")
    text = (CHECKS / "en.yaml").read_text(encoding="utf-8")
    for name, changes in (("en.yaml", english or {}), ("es.yaml", spanish or {})):
        changed = text
        for old, new in changes.items():
            assert changed.count(old) == 1, old
            changed = changed.replace(old, new)
        (folder / name).write_text(changed, encoding="utf-8")
    return folder


def position_of(file: Path, needle: str, offset: int = 0) -> tuple[int, int]:
    """(line, column) of the first ``needle`` in ``file``, the column moved on by ``offset``."""
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return number, line.index(needle) + 1 + offset
    raise AssertionError(f"{needle!r} is not in {file}")


def only_problem(folder: Path) -> str:
    problems = parity_problems(folder)
    assert len(problems) == 1, [str(problem) for problem in problems]
    return str(problems[0])


# The model


def test_the_checks_fixture_has_a_check_on_every_step_the_visit_and_the_course() -> None:
    walkthrough = load_walkthrough(CHECKS).walkthrough
    checks = [step.check for step in walkthrough.steps] + [walkthrough.visit.check, walkthrough.course.check]
    assert all(check is not None and check.answer in check.choices for check in checks)
    assert [len(check.choices) for check in checks if check] == [2, 3, 3, 2, 2, 2]
    assert [check.choices.index(check.answer) for check in checks if check] == [0, 1, 2, 1, 0, 1]


def test_a_check_is_optional_and_the_good_fixture_has_none() -> None:
    walkthrough = load_walkthrough(FIXTURES / "good").walkthrough
    assert [step.check for step in walkthrough.steps] == [None] * 4
    assert walkthrough.visit.check is None and walkthrough.course.check is None


def test_clinic_values_are_filled_into_checks_before_the_answer_is_matched(tmp_path: Path) -> None:
    visit = load_walkthrough(CHECKS).walkthrough.visit
    assert visit.check is not None
    assert visit.check.choices == ("About 45 minutes.", "About 20 minutes.")
    assert visit.check.explain == "The treatment takes about 45 minutes. Then you rest."
    # The answer may name the value another way: only the filled-in words must match.
    folder = write_content(
        tmp_path,
        {
            FIRST_NOTES: FIRST_NOTES + "    check:\n"
            "      question: How long is it?\n"
            "      choices: [About an hour., 'About {infusion_minutes} minutes.']\n"
            "      answer: About 45 minutes.\n"
            "      explain: It takes about {infusion_minutes} minutes.\n"
        },
    )
    check = load_walkthrough(folder).walkthrough.steps[0].check
    assert check is not None and check.answer == "About 45 minutes." == check.choices[1]


@pytest.mark.parametrize(
    ("choices", "answer", "message"),
    [
        ("[The first thing., The second thing.]", "Something else entirely", "copy one of the choices here"),
        ("[The first thing., The second thing.]", "the second thing.", "did you mean 'The second thing.'?"),
        ("[Yes., yes.]", "Yes.", "choice 2 is the same as choice 1"),
        ("[The first thing., '  ']", "The first thing.", "must not be empty"),
    ],
)
def test_a_check_that_does_not_hold_together_is_reported(
    tmp_path: Path, choices: str, answer: str, message: str
) -> None:
    block = STEP_TWO_CHECK.replace(
        "      choices:\n        - The first thing.\n        - The second thing.\n        - The last thing.\n",
        f"      choices: {choices}\n",
    ).replace("answer: The second thing.", f"answer: {answer}")
    folder = write_content(
        tmp_path,
        {SECOND_NOTES: SECOND_NOTES + block},
    )
    with pytest.raises(ContentError) as caught:
        load_walkthrough(folder)
    assert [problem.message for problem in caught.value.problems if message in problem.message], [
        str(problem) for problem in caught.value.problems
    ]


def test_a_check_that_is_not_a_map_is_reported_at_its_line(tmp_path: Path) -> None:
    folder = write_content(tmp_path, {"  calendar_label:": "  check: Is this clear?\n  calendar_label:"})
    with pytest.raises(ContentError) as caught:
        load_walkthrough(folder)
    line, column = position_of(folder / "en.yaml", "Is this clear?")
    assert str(caught.value.problems[0]).startswith(
        f"{folder / 'en.yaml'}:{line}:{column}: course.check: must be a map"
    )


# Parity between languages


def test_the_same_checks_in_every_language_have_no_parity_problems(tmp_path: Path) -> None:
    assert parity_problems(checked_pair(tmp_path)) == []


def test_a_check_in_english_but_not_in_spanish_is_reported_at_the_spanish_step(tmp_path: Path) -> None:
    folder = checked_pair(tmp_path, spanish={STEP_TWO_CHECK: ""})
    line, column = position_of(folder / "es.yaml", "- id: two", offset=2)
    problem = only_problem(folder)
    assert problem == (
        f"{folder / 'es.yaml'}:{line}:{column}: steps[1]: "
        "step 'two' has a check in en.yaml but not here; every language needs the same checks"
    )


def test_a_check_in_spanish_but_not_in_english_is_reported_at_the_spanish_check(tmp_path: Path) -> None:
    folder = checked_pair(tmp_path, english={STEP_TWO_CHECK: ""})
    es = folder / "es.yaml"
    text = es.read_text(encoding="utf-8")
    line = text[: text.index(STEP_TWO_CHECK)].count("\n") + 1  # where "check:" is, in step two
    problem = only_problem(folder)
    assert problem == (
        f"{es}:{line}:5: steps[1].check: step 'two' has no check in en.yaml; every language needs the same checks"
    )


def test_the_visit_and_course_checks_are_matched_too(tmp_path: Path) -> None:
    course_check = (CHECKS / "en.yaml").read_text(encoding="utf-8").split("  calendar_label: ")[1]
    course_check = course_check[course_check.index("  check:") : course_check.index("questions:")]
    folder = checked_pair(tmp_path, spanish={course_check: ""})
    line, column = position_of(folder / "es.yaml", "  title: Course length", offset=2)
    assert only_problem(folder) == (
        f"{folder / 'es.yaml'}:{line}:{column}: course: "
        "the course has a check in en.yaml but not here; every language needs the same checks"
    )


def test_an_answer_in_another_place_is_reported_at_the_spanish_answer(tmp_path: Path) -> None:
    reordered = STEP_TWO_CHECK.replace(
        "        - The first thing.\n        - The second thing.\n",
        "        - The second thing.\n        - The first thing.\n",
    )
    folder = checked_pair(tmp_path, spanish={STEP_TWO_CHECK: reordered})
    es = folder / "es.yaml"
    text = es.read_text(encoding="utf-8")
    line = (
        text[: text.index(reordered)].count("\n") + 1 + reordered.splitlines().index("      answer: The second thing.")
    )
    assert only_problem(folder) == (
        f"{es}:{line}:15: steps[1].check.answer: the answer is choice 1 here but choice 2 in en.yaml; "
        "put the choices in the same order in every language"
    )


def test_the_answers_place_is_found_with_clinic_values_filled_in(tmp_path: Path) -> None:
    """A translation may write the value into its answer: it is still the first choice, as in English."""
    folder = checked_pair(
        tmp_path,
        spanish={
            '    answer: "{treatments} treatments over {course_days} days."': '    answer: "4 treatments over 10 days."'
        },
    )
    assert parity_problems(folder) == []


def test_another_number_of_choices_is_reported(tmp_path: Path) -> None:
    folder = checked_pair(tmp_path, spanish={"        - The last thing.\n": ""})
    problem = only_problem(folder)
    assert "steps[1].check.choices: 2 choices here and 3 in en.yaml" in problem


# Reading grades


def test_every_check_field_but_the_answer_is_graded() -> None:
    graded = {block.loc for block in grade_file(bundled_content_dir() / "en.yaml").blocks}
    for index in range(4):
        assert ("steps", index, "check", "explain") in graded
        assert ("steps", index, "check", "answer") not in graded  # it is one of the choices, graded with them
    assert ("steps", 1, "check", "question") in graded  # steps[0]'s "What is the IV?" is too short to grade
    assert ("visit", "check", "choices") in graded and ("course", "check", "explain") in graded


def test_a_hard_check_gets_a_warning_at_its_line(tmp_path: Path) -> None:
    hard = "Intravenous administration necessitates considerable professional responsibility."
    folder = checked_pair(tmp_path, english={"explain: The second step is about the second thing.": f"explain: {hard}"})
    file = folder / "en.yaml"
    warnings = [warning for warning in grade_warnings(grade_file(file), 6) if warning.loc[:2] == ("steps", 1)]
    line, column = position_of(file, hard)
    assert [(warning.loc, warning.line, warning.column) for warning in warnings] == [
        (("steps", 1, "check", "explain"), line, column)
    ]


# Records and the cache


def test_checks_survive_records_and_plain_data() -> None:
    loaded = load_walkthrough(CHECKS)
    records = as_records(loaded)
    step = records.walkthrough.steps[1]
    assert isinstance(step.check, Record) and step.check == from_plain(to_plain(loaded.walkthrough.steps[1].check))
    assert to_plain(records.walkthrough) == to_plain(loaded.walkthrough)
    assert step.check.choices == ("The first thing.", "The second thing.", "The last thing.")
    assert isinstance(step.check.choices, tuple)
    no_check = as_records(load_walkthrough(FIXTURES / "good")).walkthrough
    assert no_check.steps[0].check is None and no_check.visit.check is None


def test_checks_come_back_from_the_cache(
    tmp_path: Path, own_cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = checked_pair(tmp_path / "content")
    checked = load_ready(folder, None, own_cache_folder)

    def no_reading(*_: object) -> None:
        raise AssertionError("the files were read again instead of the cache")

    monkeypatch.setattr("walkthrough.content.ready._check_files", no_reading)
    remembered = load_ready(folder, "es", own_cache_folder)
    assert to_plain(remembered.languages["en"].walkthrough) == to_plain(checked.languages["en"].walkthrough)
    course = remembered.first.walkthrough.course.check
    assert course is not None and course.answer == "4 treatments over 10 days." == course.choices[1]


# The bundled checks


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_bundled_walkthrough_has_a_check_on_every_page_that_may_have_one(language: str) -> None:
    walkthrough = load_walkthrough(bundled_content_dir(), language).walkthrough
    checks = [step.check for step in walkthrough.steps] + [walkthrough.visit.check, walkthrough.course.check]
    assert all(check is not None for check in checks)


def test_the_bundled_answers_are_in_the_same_place_in_both_languages() -> None:
    def places(language: str) -> list[tuple[int, int]]:
        walkthrough = load_walkthrough(bundled_content_dir(), language).walkthrough
        checks = [step.check for step in walkthrough.steps] + [walkthrough.visit.check, walkthrough.course.check]
        return [(len(check.choices), check.choices.index(check.answer)) for check in checks if check]

    assert places("en") == places("es")
    assert len({place for _, place in places("en")}) > 1  # the right answer is not always in the same place


def test_the_bundled_visit_and_course_checks_use_the_clinics_numbers() -> None:
    loaded = load_walkthrough(bundled_content_dir())
    visit, course, clinic = loaded.walkthrough.visit.check, loaded.walkthrough.course.check, loaded.clinic
    assert visit is not None and course is not None
    assert visit.answer == f"About {clinic.infusion_minutes} minutes"
    assert f"{clinic.observation_minutes} minutes" in visit.explain
    assert course.answer == f"{clinic.treatments} treatments over about {clinic.course_days} days"
