"""Turn pydantic's validation errors into plain-worded Problems at real file positions."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .problems import Loc, Problem
from .sanitize import echo
from .yamlread import YamlDocument


def problems_from_validation(
    error: ValidationError, model: type[BaseModel], doc: YamlDocument, file: str
) -> list[Problem]:
    """One Problem per pydantic error, placed at the value (or key) it is about.

    A misspelt key is reported once, as the misspelling with its suggestion,
    not also as the missing key it was meant to be.
    """
    problems = []
    items = error.errors(include_url=False)
    misspelt = {
        (*item["loc"][:-1], hint)
        for item in items
        if item["type"] == "extra_forbidden"
        for hint in _close_keys(model, tuple(item["loc"]))
    }
    # Every place that holds an error deeper down: steps[0].may_feel makes ("steps", 0) and ("steps",) such places.
    inner = {tuple(item["loc"])[:end] for item in items for end in range(len(item["loc"]))}
    for item in items:
        if item["type"] == "missing" and tuple(item["loc"]) in misspelt:
            continue
        if item["type"] == "too_short" and tuple(item["loc"]) in inner:
            continue  # pydantic also counts a list short when its items are bad (it keeps none); they say why
        loc: Loc = tuple(item["loc"])
        kind = item["type"]
        if kind == "missing":
            parent, key = loc[:-1], loc[-1]
            position = doc.position(parent)
            problems.append(Problem.at(file, position, parent, f"'{key}' is missing"))
        elif kind == "extra_forbidden":
            position = doc.position(loc, key=True)
            problems.append(Problem.at(file, position, loc, _unknown_key_message(model, loc)))
        else:
            if isinstance(item.get("ctx", {}).get("item"), int):
                loc = (*loc, item["ctx"]["item"])  # about one item of a list, e.g. a repeated choice
            problems.append(Problem.at(file, doc.position(loc), loc, _message(item)))
    return problems


def _message(item: Any) -> str:
    """Plain words for one pydantic error."""
    kind, ctx = item["type"], item.get("ctx", {})
    given = echo(str(item.get("input")))  # the file's own text: cleaned and cut short
    if kind in ("string_type",):
        return "must be text, not a list or a map"
    if kind in ("tuple_type", "list_type"):
        return "must be a list (one '- ' line per item)"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return "must be a map of keys (like 'title: ...')"
    if kind in ("int_parsing", "int_from_float", "int_type"):
        return f"must be a whole number, not '{given}'"
    if kind == "bool_parsing":
        return f"must be true or false, not '{given}'"
    if kind == "greater_than_equal":
        return f"must be at least {_number(ctx.get('ge'))}, not {given}"
    if kind == "less_than_equal":
        return f"must be at most {_number(ctx.get('le'))}, not {given}"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length')} item(s)"
    if kind == "too_long":
        return f"can have at most {ctx.get('max_length')} items"
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}, not '{given}'"
    if kind == "float_parsing":
        return f"must be a number of seconds, not '{given}'"
    if kind == "string_pattern_mismatch":
        return "must be lowercase letters, digits and dashes, starting with a letter (e.g. 'iv')"
    message = str(item.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


def _number(value: Any) -> str:
    """A limit as a person writes it: 1, not 1.0."""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _close_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The known key nearest to the unknown one at ``loc``, if any is close."""
    return difflib.get_close_matches(str(loc[-1]), sorted(_fields_at(model, loc[:-1])), n=1, cutoff=0.6)


def _unknown_key_message(model: type[BaseModel], loc: Loc) -> str:
    close = _close_keys(model, loc)
    known = ", ".join(sorted(_fields_at(model, loc[:-1])))
    hint = f"did you mean '{close[0]}'?" if close else f"known keys here: {known}"
    return f"unknown key '{echo(str(loc[-1]))}'; {hint}"


def _fields_at(model: type[BaseModel], loc: Loc) -> set[str]:
    """The field names of the model that sits at ``loc`` inside ``model``."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part) if _is_model(current) else None
        if field is None:
            return set()
        current = _inner_model(field.annotation)
    return set(current.model_fields) if _is_model(current) else set()


def _is_model(value: Any) -> bool:
    return isinstance(value, type) and issubclass(value, BaseModel)


def _inner_model(annotation: Any) -> Any:
    """Find the model class inside an annotation such as ``tuple[Step, ...]``."""
    if _is_model(annotation):
        return annotation
    for arg in typing.get_args(annotation):
        if arg is Ellipsis or isinstance(arg, types.NoneType):
            continue
        found = _inner_model(arg)
        if found is not None:
            return found
    return None
