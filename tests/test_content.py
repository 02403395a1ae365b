"""Content: the shipped walkthrough, the fixture folders of bad files, and text that must stay text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from walkthrough.content import ContentError, bundled_content_dir, load_walkthrough
from walkthrough.content.loader import load_clinic
from walkthrough.content.sanitize import clean_text
from walkthrough.content.yamlread import MAX_FILE_BYTES

from .conftest import FIXTURES, write_content

BAD_FILES = sorted(p for p in (FIXTURES / "bad").glob("*.yaml") if p.name != "clinic.yaml")
BAD_CLINIC_FILES = sorted((FIXTURES / "bad_clinic").glob("*.yaml"))
SEED_FACTS = [
    "nurse or a doctor",
    "only a little",
    "tingling",
    "heavier",
    "apart from your body",
    "dose is low",
    "very little risk that it will feel too strong",
    "stop the infusion at any time",
    "calming music",
    "loved one",
    "do not talk a lot",
    "ask for help",
    "balance",
    "sick to the stomach, feel faint, or get a headache",
    "apart from your body stops all at once",
    "groggy",
    "within about 3 hours",
    "next day",
]


def expectation(path: Path) -> tuple[int | None, int | None, str, str]:
    """Read the '# expect: LINE:COL | where | message' line at the top of a fixture."""
    first = path.read_bytes().split(b"\n", 1)[0].decode("utf-8")
    place, where, message = (part.strip() for part in first.removeprefix("# expect:").split("|"))
    line, col = (None, None) if place == "-" else map(int, place.split(":"))
    return line, col, ("" if where == "-" else where), message


def test_shipped_content_loads_with_clinic_values_filled() -> None:
    loaded = load_walkthrough(bundled_content_dir())
    walkthrough = loaded.walkthrough
    assert [step.id for step in walkthrough.steps] == ["iv", "infusion", "effects", "end"]
    all_text = " ".join(str(value) for value in walkthrough.model_dump().values())
    assert not re.search(r"\{[a-z_]+\}", all_text)
    assert f"{loaded.clinic.observation_minutes} minutes" in walkthrough.visit.body
    assert str(loaded.clinic.treatments) in walkthrough.course.summary


def test_shipped_content_states_every_seed_fact() -> None:
    walkthrough = load_walkthrough(bundled_content_dir()).walkthrough
    patient_text = " ".join(
        " ".join([step.body, *step.may_feel, *step.what_helps]) for step in walkthrough.steps
    ) + " ".join([walkthrough.course.body, *walkthrough.course.after_effects])
    patient_text = re.sub(r"\s+", " ", patient_text).lower()
    missing = [fact for fact in SEED_FACTS if fact not in patient_text]
    assert not missing


@pytest.mark.parametrize("path", BAD_FILES, ids=lambda p: p.stem)
def test_bad_file_is_reported_at_its_line(path: Path) -> None:
    line, col, where, message = expectation(path)
    with pytest.raises(ContentError) as caught:
        load_walkthrough(path)
    found = [(p.line, p.column, p.loc, p.message) for p in caught.value.problems]
    matching = [p for p in caught.value.problems if message in p.message]
    assert matching, found
    problem = matching[0]
    assert (problem.line, problem.column) == (line, col)
    assert str(problem).startswith(f"{path}:{line}:{col}: " if line else f"{path}: ")
    if where:
        assert str(problem).startswith(f"{path}:{line}:{col}: {where}: ")


@pytest.mark.parametrize("path", BAD_CLINIC_FILES, ids=lambda p: p.stem)
def test_bad_clinic_file_is_reported_at_its_line(path: Path) -> None:
    line, col, where, message = expectation(path)
    values, problems = load_clinic(path)
    assert values is None
    matching = [p for p in problems if message in p.message]
    assert matching, [str(p) for p in problems]
    assert (matching[0].line, matching[0].column) == (line, col)
    if where:
        assert str(matching[0]).startswith(f"{path}:{line}:{col}: {where}: ")


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    folder = write_content(
        tmp_path,
        {"  title: Hello": "  titel: Hello", "    title: Third step": '    title: ""', "{clinic_name}": "{clinic}"},
    )
    with pytest.raises(ContentError) as caught:
        load_walkthrough(folder)
    messages = " / ".join(p.message for p in caught.value.problems)
    assert "unknown key 'titel'" in messages
    assert "must not be empty" in messages
    assert "'{clinic}' names no clinic value" in messages


def test_oversized_file_is_refused_before_parsing(tmp_path: Path) -> None:
    folder = write_content(tmp_path)
    (folder / "en.yaml").write_bytes(b"title: " + b"x" * (MAX_FILE_BYTES + 10))
    with pytest.raises(ContentError) as caught:
        load_walkthrough(folder)
    assert "too large" in caught.value.problems[0].message
    assert caught.value.problems[0].line is None


def test_very_deep_nesting_never_recurses(tmp_path: Path) -> None:
    folder = write_content(tmp_path)
    (folder / "en.yaml").write_text("title: " + "[" * 100_000 + "]" * 100_000)
    with pytest.raises(ContentError) as caught:
        load_walkthrough(folder)
    assert "nested more than" in caught.value.problems[0].message


def test_values_that_look_like_other_types_stay_text(tmp_path: Path) -> None:
    folder = write_content(
        tmp_path,
        {
            "  title: Hello": "  title: no",
            "  summary: Things to ask.": "  summary: 1.10",
            "    body: First body.": "    body: 01234",
        },
        clinic=(FIXTURES / "good" / "clinic.yaml").read_text().replace('"01234"', "01234"),
    )
    loaded = load_walkthrough(folder)
    assert loaded.walkthrough.welcome.title == "no"
    assert loaded.walkthrough.questions.summary == "1.10"
    assert loaded.walkthrough.steps[0].body == "01234"
    assert loaded.clinic.clinic_phone == "01234"


def test_utf8_bom_and_windows_line_ends_are_fine(tmp_path: Path) -> None:
    folder = write_content(tmp_path)
    text = (folder / "en.yaml").read_text()
    (folder / "en.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    assert load_walkthrough(folder).walkthrough.title == "Fixture walkthrough"


def test_escape_sequences_and_bidi_overrides_are_stripped(tmp_path: Path) -> None:
    folder = write_content(tmp_path, {"  title: Hello": '  title: "He\\e[31mll\\u202eo\\x9b2J\\a"'})
    assert load_walkthrough(folder).walkthrough.welcome.title == "Hello"


def test_clean_text_keeps_newlines_and_ordinary_text() -> None:
    assert clean_text("One\r\nTwo\tthree \x1b]0;title\x07four") == "One\nTwo    three four"
    assert clean_text("Señora, ¿qué tal? 😊") == "Señora, ¿qué tal? 😊"


def test_placeholders_are_filled_and_double_braces_are_literal(tmp_path: Path) -> None:
    folder = write_content(
        tmp_path, {"  body: This is fixture text for tests.": "  body: Rest {observation_minutes} min {{not a value}}"}
    )
    assert load_walkthrough(folder).walkthrough.welcome.body == "Rest 20 min {not a value}"


def test_placeholders_never_evaluate_anything(tmp_path: Path) -> None:
    folder = write_content(
        tmp_path, {"  body: This is fixture text for tests.": "  body: '{clinic_name.__class__} {0} {__import__}'"}
    )
    with pytest.raises(ContentError) as caught:
        load_walkthrough(folder)
    assert len(caught.value.problems) == 3
    assert all("names no clinic value" in p.message for p in caught.value.problems)


def test_missing_clinic_file_is_named(tmp_path: Path) -> None:
    folder = write_content(tmp_path)
    (folder / "clinic.yaml").unlink()
    with pytest.raises(ContentError) as caught:
        load_walkthrough(folder)
    assert any("clinic.yaml" in p.file and "missing" in p.message for p in caught.value.problems)


def test_missing_language_names_what_there_is(tmp_path: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_walkthrough(write_content(tmp_path), "es")
    assert "languages here: en" in caught.value.problems[0].message
