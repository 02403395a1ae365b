"""JSON Schemas of the content files, from the pydantic models, for editors' completion and hover help."""

from __future__ import annotations

import json
from typing import Any, Literal

from .model import ClinicValues, Walkthrough

SchemaKind = Literal["walkthrough", "clinic"]

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def content_schema(kind: SchemaKind = "walkthrough") -> dict[str, Any]:
    """The JSON Schema of a language file (``en.yaml``) or, with ``"clinic"``, of ``clinic.yaml``."""
    model = ClinicValues if kind == "clinic" else Walkthrough
    schema = model.model_json_schema(mode="validation")
    return {"$schema": DIALECT, **schema}


def schema_text(kind: SchemaKind = "walkthrough") -> str:
    """The schema as the JSON text ``walkthrough schema`` prints (and the shipped files hold)."""
    return json.dumps(content_schema(kind), indent=2, ensure_ascii=False) + "\n"
