"""The Protocols of shapes.py: the same fields as the models, held by every record, and checked by mypy."""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path

import pytest
from pydantic import BaseModel

from walkthrough.content import bundled_content_dir, clinic_values, load_walkthrough, model, shapes
from walkthrough.content.records import KIND, Record, as_records

from .conftest import GOOD

ROOT = Path(__file__).resolve().parent.parent
CHECKS = GOOD.parent / "checks"
"""The fixture walkthrough with a teach-back check on every page that may have one: every kind of content."""

SHAPE_MODULES = (shapes.__name__, clinic_values.__name__)
"""Where the Protocols are written: shapes.py, and clinic_values.py (whose Protocol shapes.py imports)."""
MODELS = {
    name: kind
    for name, kind in vars(model).items()
    if isinstance(kind, type) and issubclass(kind, model.Strict) and kind is not model.Strict
}
SHAPES = {
    name: kind
    for name, kind in vars(shapes).items()
    if isinstance(kind, type) and getattr(kind, "_is_protocol", False) and kind.__module__ in SHAPE_MODULES
}


def members(shape: type) -> dict[str, object]:
    """A Protocol's read-only members and their types."""
    return {
        name: typing.get_type_hints(value.fget)["return"]
        for name, value in vars(shape).items()
        if isinstance(value, property)
    }


def fields(kind: type[BaseModel]) -> dict[str, object]:
    """A model's fields and their types (``Annotated`` checks left out: a Protocol only says what is there)."""
    hints = typing.get_type_hints(kind)
    return {name: hints[name] for name in kind.model_fields}


def comparable(hint: object) -> object:
    """A type in a form that is equal for a model and its shape: content kinds by name, unions as sets."""
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return frozenset(comparable(arg) for arg in args)
    if origin is typing.Literal:
        return ("Literal", args)
    if origin is not None:
        return (origin, tuple(comparable(arg) for arg in args))
    if isinstance(hint, type) and hint.__module__ in (model.__name__, *SHAPE_MODULES):
        return hint.__name__
    return hint


def test_every_kind_of_content_has_a_shape() -> None:
    assert sorted(SHAPES) == sorted(MODELS)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_a_shape_has_the_models_fields_with_the_same_types(name: str) -> None:
    shape, kind = members(SHAPES[name]), fields(MODELS[name])
    assert sorted(shape) == sorted(kind), "shapes.py and model.py list different fields"
    for field, hint in kind.items():
        assert comparable(shape[field]) == comparable(hint), f"{name}.{field}: {shape[field]} is not {hint}"


def all_records(value: object) -> list[Record]:
    """Every record in a tree of records, tuples and dicts."""
    if isinstance(value, Record):
        return [value, *(found for item in vars(value).values() for found in all_records(item))]
    if isinstance(value, tuple | list):
        return [found for item in value for found in all_records(item)]
    if isinstance(value, dict):
        return [found for item in value.values() for found in all_records(item)]
    return []


@pytest.mark.parametrize("folder", [CHECKS, bundled_content_dir()], ids=["fixture", "bundled"])
def test_a_record_has_exactly_its_shapes_fields(folder: Path) -> None:
    loaded = as_records(load_walkthrough(folder))
    records = all_records(loaded.walkthrough) + all_records(loaded.clinic)
    assert {vars(record)[KIND] for record in records} == set(SHAPES)
    for record in records:
        kind = vars(record)[KIND]
        assert {name for name in vars(record) if name != KIND} == set(members(SHAPES[kind])), kind


SNIPPET = """\
from walkthrough.content.records import LoadedWalkthrough, loaded_from_plain

def read(loaded: LoadedWalkthrough) -> None:
    title: str = loaded.walkthrough.steps[0].title
    kind: str = loaded.walkthrough.calm.patterns[0].phases[0].kind
    question = loaded.walkthrough.steps[0].check.question  # E: Item "None" of "Check | None" has no attribute
    talk: int | None = loaded.clinic.talk_minutes
    colour = loaded.walkthrough.steps[0].colour  # E: "Step" has no attribute "colour"
    filled = loaded.clinic.as_text("en")  # E: "ClinicValues" has no attribute "as_text"
    loaded.walkthrough.welcome.title = "Hello"  # E: Property "title" defined in "Welcome" is read-only
    minutes: str = loaded.clinic.calm_minutes  # E: Incompatible types in assignment
    cached = loaded_from_plain({}).walkthrough.faq[0].answer
    hidden = loaded_from_plain({}).walkthrough.faq[0].counsellor_note  # E: "FaqItem" has no attribute
"""


def test_mypy_says_when_content_is_read_for_a_field_it_lacks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each line marked ``# E: text`` gets a mypy error starting with that text, and no other line gets one."""
    from mypy import api  # a test tool, like pytest: CI runs mypy on the package too

    snippet = tmp_path / "reads_content.py"
    snippet.write_text(SNIPPET, encoding="utf-8")
    monkeypatch.setenv("MYPYPATH", str(ROOT))
    report, _, _ = api.run(["--strict", "--config-file=", f"--cache-dir={tmp_path / 'cache'}", str(snippet)])
    found = [
        (int(match["line"]), match["message"])
        for match in re.finditer(r"^.*?:(?P<line>\d+): error: (?P<message>.*)$", report, flags=re.MULTILINE)
    ]
    expected = {
        number: line.partition("# E: ")[2] for number, line in enumerate(SNIPPET.splitlines(), 1) if "# E: " in line
    }
    assert sorted(number for number, _ in found) == sorted(expected), report
    for number, message in found:
        assert message.startswith(expected[number]), report
