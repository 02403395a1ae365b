"""The JSON Schemas for editors: printed by `walkthrough schema`, shipped in content/schema/, and true to the model."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from walkthrough.cli import main

from .conftest import GOOD

CONTENT = Path(__file__).parents[1] / "content"
SHIPPED = {
    "walkthrough": CONTENT / "schema" / "walkthrough.schema.json",
    "clinic": CONTENT / "schema" / "clinic.schema.json",
}


def printed_schema(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, object]:
    assert main(["schema", *args]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("kind", "args"), [("walkthrough", ()), ("clinic", ("--clinic",))])
def test_printed_schema_is_valid_and_matches_the_shipped_file(
    capsys: pytest.CaptureFixture[str], kind: str, args: tuple[str, ...]
) -> None:
    schema = printed_schema(capsys, *args)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert json.loads(SHIPPED[kind].read_text(encoding="utf-8")) == schema, (
        f"content/schema/{kind}.schema.json is out of date: run `walkthrough schema {' '.join(args)}` into it"
    )


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        ("walkthrough", CONTENT / "ketamine-infusion" / "en.yaml"),
        ("clinic", CONTENT / "ketamine-infusion" / "clinic.yaml"),
        ("walkthrough", GOOD / "en.yaml"),
        ("clinic", GOOD / "clinic.yaml"),
    ],
)
def test_shipped_content_validates_against_the_schema(kind: str, path: Path) -> None:
    schema = json.loads(SHIPPED[kind].read_text(encoding="utf-8"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(data)]
    assert errors == []


def test_the_schema_catches_what_the_checker_catches(capsys: pytest.CaptureFixture[str]) -> None:
    schema = printed_schema(capsys)
    data = yaml.safe_load((GOOD / "en.yaml").read_text(encoding="utf-8"))
    data["welcome"]["titel"] = data["welcome"].pop("title")
    data["steps"][0]["id"] = "Not An Id"
    messages = " ".join(error.message for error in jsonschema.Draft202012Validator(schema).iter_errors(data))
    assert "titel" in messages and "Not An Id" in messages


def test_bundled_files_point_editors_at_the_schema() -> None:
    for name, kind in (("en.yaml", "walkthrough"), ("clinic.yaml", "clinic")):
        first = (CONTENT / "ketamine-infusion" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{kind}.schema.json"
