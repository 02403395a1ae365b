"""A checker that holds against any file: bounded time, plain words at file:line:col, nothing that steers a terminal."""

from __future__ import annotations

import contextlib
import io
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bench.validate_slow import SHAPES, write_shape
from walkthrough.cli import main
from walkthrough.content import ContentError, bundled_content_dir, load_walkthrough
from walkthrough.content.limits import MAX_DEPTH, MAX_ITEMS, MAX_PROBLEMS, MAX_TEXT_CHARS, MAX_VALUES
from walkthrough.content.loader import resolve_language_file
from walkthrough.content.problems import Problem
from walkthrough.content.ready import load_ready
from walkthrough.content.yamlbuild import FAST_LOADER, _TextOnlyLoader, build_document
from walkthrough.content.yamlread import forget_read_files, read_yaml
from walkthrough.content.yamlwords import _SYNTAX_HINTS
from walkthrough.validate import validate_paths

from .conftest import FIXTURES, GOOD, write_content

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
"""Every C0 and C1 control character (ESC and BEL among them): none may reach a terminal."""

LOADERS = pytest.mark.parametrize("loader", [FAST_LOADER, _TextOnlyLoader], ids=["libyaml", "pure-python"])
CPU_BUDGET = 5.0
"""Seconds of CPU for any file under the size cap: about ten times what it takes, so only a real regression fails."""


def hostile_texts() -> dict[str, str]:
    """Files made to hurt the checker (small ones; the big shapes come from the benchmark)."""
    return {
        "lone surrogate": 'title: "\\ud800"\n',
        "escape codes in a tag": "title: !<%1b]0;pwned%07%1b%5b2J> x\n",
        "escape codes in a key": '"\\e[2J\\a": x\n"\\x9b1A": y\n',
        "escape codes in an anchor's neighbour": 'title: "\\e]0;x\\a" [\n',
        "undecodable tag": "title: !<%ED%A0%80> x\n",
        "undecodable tag directive": "%TAG !e! tag:%ED%A0%80\n---\ntitle: !e!x y\n",
        "escape past the last character": 'title: "\\U00110000"\n',
        "many aliases": "title: &a x\n" + "".join(f"k{n}: *a\n" for n in range(200)),
        "control character": "title: a\x07b\n",
        "long key": "k" * (MAX_TEXT_CHARS + 5) + ": x\n",
    }


def problems_for(text: str, tmp_path: Path, loader: object = None) -> list[Problem]:
    try:
        build_document(text, str(tmp_path / "en.yaml"), loader)
    except ContentError as error:
        return list(error.problems)
    return []


@pytest.mark.parametrize("name", list(hostile_texts()))
@LOADERS
def test_hostile_text_gives_clean_one_line_problems(name: str, loader: object, tmp_path: Path) -> None:
    problems = problems_for(hostile_texts()[name], tmp_path, loader)
    assert problems, name
    for problem in problems:
        assert not CONTROL.search(str(problem)), repr(str(problem))
        assert len(str(problem)) < 500


@pytest.mark.parametrize("path", sorted((FIXTURES / "bad").glob("*.yaml")), ids=lambda p: p.stem)
def test_no_problem_of_a_bad_fixture_holds_a_control_character(path: Path) -> None:
    try:
        load_walkthrough(path)
    except ContentError as error:
        assert all(not CONTROL.search(str(problem)) for problem in error.problems)


def test_a_problem_prints_as_one_safe_line_whatever_it_holds() -> None:
    problem = Problem("en.yaml", 3, 4, ("steps", "\x1b[2Jkey\n" + "k" * 200), "bad \x1b]0;title\x07\nvalue\x9b2J")
    shown = str(problem)
    assert "\n" not in shown and not CONTROL.search(shown)
    assert shown.startswith("en.yaml:3:4: steps.key kkk") and "…" in shown and shown.endswith("bad  value")


@pytest.mark.parametrize("name", list(hostile_texts()))
def test_validate_exits_1_with_clean_output_and_remembers_nothing(
    name: str, tmp_path: Path, own_cache_folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = write_content(tmp_path / "content")
    (folder / "en.yaml").write_text(hostile_texts()[name], encoding="utf-8")
    assert main(["validate", str(folder)]) == 1
    out, err = capsys.readouterr()
    assert str(folder / "en.yaml") in out and "Traceback" not in out + err
    assert not CONTROL.search(out.replace("\n", "") + err.replace("\n", ""))
    assert not own_cache_folder.exists() or not any(own_cache_folder.iterdir())


def test_escape_codes_in_a_tag_never_reach_the_terminal() -> None:
    path = FIXTURES / "bad" / "control_characters_in_tag.yaml"
    result = subprocess.run(
        [sys.executable, "-m", "walkthrough", "validate", str(path)], capture_output=True, timeout=60, check=False
    )
    assert result.returncode == 1
    assert b"tags like 'tag:evil' are not allowed" in result.stdout
    assert b"\x1b" not in result.stdout + result.stderr and b"\x07" not in result.stdout + result.stderr


@LOADERS
def test_a_lone_surrogate_is_refused_in_any_value_or_key(loader: object, tmp_path: Path) -> None:
    text = 'a: "x\\ud800"\nb: ["\\udfff"]\n"\\ud83d": c\nd: {"e": "\\ud83d\\ude00"}\n'
    for line in text.splitlines():
        problems = problems_for(line + "\n", tmp_path, loader)
        assert [p.message for p in problems if "half of a character pair" in p.message], line


def test_a_lone_surrogate_is_named_at_its_string_and_nothing_is_remembered(
    tmp_path: Path, own_cache_folder: Path
) -> None:
    folder = write_content(tmp_path / "content", {"  title: Hello": '  title: "Hel\\ud800lo"'})
    with pytest.raises(ContentError) as caught:
        load_ready(folder, None, own_cache_folder)
    assert str(caught.value.problems[0]).endswith(
        "en.yaml:4:10: the escape \\ud800 is half of a character pair (a lone surrogate); write the character itself"
    )
    assert not own_cache_folder.exists() or not any(own_cache_folder.iterdir())


def test_lines_of_only_tabs_and_spaces_are_blank_lines() -> None:
    loaded = load_walkthrough(FIXTURES / "tab_blank_lines")
    assert loaded.walkthrough.welcome.title == "Hello"
    assert loaded.walkthrough.steps[1].body == "Second body,\n\nin two parts."
    assert [step.id for step in loaded.walkthrough.steps] == ["one", "two", "three", "four"]


def test_a_tab_that_indents_text_is_still_refused(tmp_path: Path) -> None:
    folder = write_content(tmp_path, {"  body: This is fixture text for tests.": "\tbody: This is fixture text."})
    with pytest.raises(ContentError) as caught:
        load_walkthrough(folder)
    assert any("a tab is used for indenting" in p.message and p.line == 5 for p in caught.value.problems)


@pytest.mark.parametrize(
    ("text", "where", "fragment"),
    [
        ("a: b\n" + "".join(f"k{n}: v\n" for n in range(MAX_ITEMS + 5)), (MAX_ITEMS + 1, 1), "keys in one map"),
        ("a:\n" + "- x\n" * (MAX_ITEMS + 5), (MAX_ITEMS + 2, 3), "items in one list"),
        ("a: " + "x" * (MAX_TEXT_CHARS + 1) + "\n", (1, 4), f"the limit is {MAX_TEXT_CHARS:,}"),
        ("a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n", (1, 3 + MAX_DEPTH), "nested more than"),
        ("".join(f"m{m}:\n" + "".join(f"  k{n}: v\n" for n in range(900)) for m in range(12)), None, "values"),
        ("a: b\n---\nc: d\n" * 3, (2, 1), "more than one YAML document"),
    ],
    ids=["keys", "items", "text", "depth", "values", "documents"],
)
@LOADERS
def test_each_limit_is_a_problem_at_its_place(
    text: str, where: tuple[int, int] | None, fragment: str, loader: object, tmp_path: Path
) -> None:
    problems = problems_for(text, tmp_path, loader)
    matching = [p for p in problems if fragment in p.message]
    assert matching, [str(p) for p in problems]
    if where is not None:
        assert (matching[0].line, matching[0].column) == where
    else:
        assert matching[0].line is not None and f"{MAX_VALUES:,}" in matching[0].message


def test_reading_stops_after_a_few_problems(tmp_path: Path) -> None:
    problems = problems_for(hostile_texts()["many aliases"], tmp_path)
    assert len(problems) == MAX_PROBLEMS + 1
    assert "stopped reading after" in problems[-1].message


PLAIN_WORDS = {
    "'\\t'": ("a:\n\tb: c\n", "a tab is used for indenting"),
    "tab character": ("a: b\nc: d\n\te: f\n", "a tab is used for indenting"),
    "unknown escape character": ('a: "C:\\quarter"\n', "a backslash in double quotes starts an escape"),
    "hexadecimal": ('a: "\\xZZ"\n', "starts an escape"),
    "hexdecimal": ('a: "\\xZZ"\n', "starts an escape"),
    "tag": ("a: b\n!<x c: d\n", "tags are not allowed"),
    "directive": ("%YAML 1.1\n%YAML 1.1\n---\na: b\n", "YAML directive"),
    "alias": ("a: b\n* c: d\n", "starts with *"),
    "anchor": ("a: b\n& c: d\n", "starts with &"),
    "block scalar": ("a: |x\n  b\n", "after | or > only a comment may follow"),
    "expected <block end>": ("a:\n  b: c\n d: e\n", "the indenting does not line up"),
    "did not find expected key": ("a:\n  b: c\n d: e\n", "the indenting does not line up"),
    "did not find expected '-' indicator": ("a:\n  - b: c\n   d: e\n", "line up"),  # PyYAML's own parser: any indenting
    "mapping keys are not allowed": ("c:\n  {d: e} ? f\n", "'? '"),
    "mapping values are not allowed": ("a: b: c\n", "an extra ':' here"),
    "sequence entries are not allowed": ("a: - b\n", "a '- ' item cannot go here"),
    "expected ',' or ']'": ("a:\n  [b, c}\n", "a [list] is not closed"),
    "expected ',' or '}'": ("a:\n  {b: c, d: e]\n", "a {map} is not closed"),
    "while parsing a flow": ("a:\n  {b: ]\n", "has an empty item or a stray character"),
    "found unexpected end of stream": ('a: "b\n', "a quote is opened but never closed"),
    "incompatible": ("%YAML 2.0\n---\na: b\n", "YAML directive"),
    "document separator": ('a: "b\n---\nc"\n', "ends the text early"),
    "document indicator": ('a: "b\n---\nc"\n', "ends the text early"),
    "<document start>": ("a: b\n...\nc: d\n", "this line does not fit the map above"),
    "cannot start any token": ("a: b\n@c: d\n", "text that starts with @"),
    "could not find expected ':'": ("a: b\nc\nd: e\n", "a line is missing its ':'"),
    "node content": ("a:\n  - ]\n", "a value is missing here"),
    "nesting depth": ("a: " + "[" * 2000 + "]" * 2000 + "\n", "nested more than"),
}
"""For each clue in YAML's complaints: a small file that draws it, and words its advice holds."""


@pytest.mark.parametrize("clue", list(PLAIN_WORDS))
@LOADERS
def test_each_yaml_complaint_comes_with_plain_advice(clue: str, loader: object, tmp_path: Path) -> None:
    text, fragment = PLAIN_WORDS[clue]
    problems = problems_for(text, tmp_path, loader)
    assert len(problems) == 1 and problems[0].line is not None, [str(p) for p in problems]
    message = problems[0].message
    if "nested more than" in message and "YAML says" not in message:
        return  # PyYAML's own parser never gets that deep: the checker stops it first
    assert message.startswith("not valid YAML: ") and "(YAML says: " in message, message
    advice = message.removeprefix("not valid YAML: ").split(" (YAML says: ")[0]
    assert fragment in advice, message


@pytest.mark.parametrize(("clue", "advice"), _SYNTAX_HINTS, ids=[clue for clue, _ in _SYNTAX_HINTS])
def test_every_piece_of_advice_is_given_for_its_clue(clue: str, advice: str, tmp_path: Path) -> None:
    said = [
        problem.message
        for loader in (FAST_LOADER, _TextOnlyLoader)
        for problem in problems_for(PLAIN_WORDS[clue][0], tmp_path, loader)
    ]
    assert any(f"{advice} (YAML says: " in message and clue.lower() in message.lower() for message in said), said


def test_validating_the_clinic_file_checks_it_with_the_language_files(capsys: pytest.CaptureFixture[str]) -> None:
    clinic = bundled_content_dir() / "clinic.yaml"
    assert main(["validate", str(clinic)]) == 0
    out = capsys.readouterr().out
    assert f"{clinic}: checked with en.yaml, es.yaml" in out and "no problems" in out


def test_a_clinic_file_s_own_problems_are_listed_and_the_language_file_s_counted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clinic = (GOOD / "clinic.yaml").read_text().replace("treatments: 4", "treatments: six")
    folder = write_content(tmp_path, {"  title: Hello": "  titel: Hello"}, clinic=clinic)
    out = io.StringIO()
    assert validate_paths([folder / "clinic.yaml"], out, io.StringIO()) == 1
    lines = out.getvalue().splitlines()
    assert any(line.startswith(f"{folder / 'clinic.yaml'}:") and "whole number" in line for line in lines), lines
    assert not any(line.startswith(str(folder / "en.yaml")) for line in lines)
    assert f"{folder / 'clinic.yaml'}: checked with en.yaml (1 problem(s) of its own, not listed here)" in lines


def test_naming_the_clinic_file_opens_its_folder() -> None:
    clinic = bundled_content_dir() / "clinic.yaml"
    assert resolve_language_file(clinic, None) == bundled_content_dir() / "en.yaml"
    ready = load_ready(clinic, "es", None)
    assert ready.first.language == "es" and set(ready.languages) == {"en", "es"}


def test_a_file_is_read_again_when_its_bytes_change_even_at_the_same_size_and_time(tmp_path: Path) -> None:
    file = tmp_path / "en.yaml"
    file.write_text("title: Hello\n")
    first = read_yaml(file)
    first.data["title"] = "changed by a caller"
    assert read_yaml(file).data == {"title": "Hello"}  # each caller gets its own copy
    stat = file.stat()
    file.write_text("title: Hallo\n")
    os.utime(file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert read_yaml(file).data == {"title": "Hallo"}


def _cpu_seconds(action: Callable[[], object]) -> float:
    forget_read_files()
    started = time.process_time()
    action()
    return time.process_time() - started


@pytest.mark.parametrize("shape", list(SHAPES))
def test_any_file_under_the_size_cap_is_answered_quickly(shape: str, tmp_path: Path) -> None:
    file = write_shape(tmp_path, SHAPES[shape])

    def validate() -> None:
        validate_paths([file], io.StringIO(), io.StringIO())

    def load() -> None:
        with contextlib.suppress(ContentError):
            load_ready(file, None, None)

    assert _cpu_seconds(validate) < CPU_BUDGET
    assert _cpu_seconds(load) < CPU_BUDGET
