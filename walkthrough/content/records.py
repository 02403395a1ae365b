"""Checked content as the app holds it: read-only records, free of pydantic.

pydantic checks the files (see ``model.py``, the one description of what
content may say). The app is then handed the same values as ``Record``\\ s: each
has the model's fields as read-only attributes, and nothing else. The app reads
both through the Protocols of ``shapes.py``, which have just those fields, so a
screen typed with ``shapes.Step`` reads a model or a record of a step just the
same. Records can be written to plain JSON and read back, which lets a start
skip YAML and pydantic when the files have not changed (see ``ready.py``), and
keeps the app's memory small.
"""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast

if TYPE_CHECKING:
    from .shapes import ClinicValues, Walkthrough

KIND = "@record"
"""The key that marks a record in plain data (no field or language code can start with @)."""


class Record:
    """One part of checked content (a step, the welcome, the clinic values...): its fields, read-only.

    It has no attributes of its own besides the fields (a field may be called
    anything, even ``kind``); the model's name is kept under :data:`KIND`.
    """

    def __init__(self, kind: str, fields: dict[str, Any]) -> None:
        self.__dict__.update(fields)
        self.__dict__[KIND] = kind

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"content is read-only: cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"content is read-only: cannot delete {name!r}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and self.__dict__ == other.__dict__

    def __hash__(self) -> int:
        return hash(tuple(self.__dict__.items()))

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.__dict__.items() if name != KIND)
        return f"{self.__dict__[KIND]}({fields})"


# A NamedTuple, not a dataclass: this is loaded at every start, and making a dataclass costs ~0.8 ms.
class LoadedWalkthrough(NamedTuple):
    """A walkthrough ready to show, with the clinic's values already filled in.

    Attributes:
        walkthrough: The checked text of one language (a ``Walkthrough`` model, or its record).
        clinic: The clinic values used to fill it (a ``ClinicValues`` model, or its record).
            Both are typed with ``shapes.py``'s Protocols: only what a model and a record both have.
        language: The language code, from the file name.
        source: The language file it came from.
    """

    walkthrough: Walkthrough
    clinic: ClinicValues
    language: str
    source: Path


def to_plain(value: Any) -> Any:
    """A checked model (or any part of one) as plain JSON data; models and records are marked with their kind."""
    fields = getattr(type(value), "model_fields", None)
    if fields is not None:
        return {KIND: type(value).__name__, **{name: to_plain(getattr(value, name)) for name in fields}}
    if isinstance(value, Record):
        return {name: to_plain(item) for name, item in value.__dict__.items()}
    if isinstance(value, tuple | list):
        return [to_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: to_plain(item) for key, item in value.items()}
    return value


def from_plain(data: Any) -> Any:
    """Records again from :func:`to_plain`'s data: lists become tuples, as in the model."""
    if isinstance(data, list):
        return tuple(from_plain(item) for item in data)
    if isinstance(data, dict):
        fields = {key: from_plain(item) for key, item in data.items() if key != KIND}
        return Record(data[KIND], fields) if KIND in data else fields
    return data


def loaded_to_plain(loaded: LoadedWalkthrough) -> dict[str, Any]:
    """A loaded language as plain JSON data."""
    return {
        "walkthrough": to_plain(loaded.walkthrough),
        "clinic": to_plain(loaded.clinic),
        "language": loaded.language,
        "source": str(loaded.source),
    }


def loaded_from_plain(data: dict[str, Any]) -> LoadedWalkthrough:
    """A loaded language of records, from :func:`loaded_to_plain`'s data."""
    # The one place records meet their types. A Record's attributes are made at run time, so mypy cannot see
    # that they fit the Protocols; they do, because to_plain wrote exactly the model's fields (what the
    # Protocols hold: tests/test_shapes.py checks both).
    walkthrough = cast("Walkthrough", from_plain(data["walkthrough"]))
    clinic = cast("ClinicValues", from_plain(data["clinic"]))
    return LoadedWalkthrough(walkthrough, clinic, str(data["language"]), Path(data["source"]))


def as_records(loaded: LoadedWalkthrough) -> LoadedWalkthrough:
    """``loaded`` with records in place of model objects (as it is, if it holds records already)."""
    if isinstance(loaded.walkthrough, Record) and isinstance(loaded.clinic, Record):
        return loaded
    return loaded_from_plain(loaded_to_plain(loaded))
