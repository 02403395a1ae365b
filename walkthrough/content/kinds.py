"""The kinds of value content is made of: text a person reads, lists of it, codes and ids, and the base model.

``model.py`` builds every content model from these.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints


def _not_blank(text: str) -> str:
    if not text.strip():
        raise ValueError("must not be empty")
    return text.strip()


Text = Annotated[str, AfterValidator(_not_blank)]
"""Text a person reads; leading and trailing spaces are dropped, and it may not be empty."""

TextList = Annotated[tuple[Text, ...], Field(min_length=1)]
"""A list of at least one line of text."""

Notes = Annotated[tuple[Text, ...], Field(max_length=20)]
"""Talking points for the counsellor: none or more lines."""

LanguageCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?$")]
"""A language code like ``en`` or ``es``, as in the language files' names."""

LocalText = Annotated[dict[LanguageCode, Text], Field(min_length=1)]
"""Text given once per language, e.g. ``{en: your clinic, es: su clínica}``."""

StepId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{0,31}$")]
"""A short name for a step: lowercase letters, digits and dashes."""


class Strict(BaseModel):
    """Base for every content model: frozen, and unknown keys are mistakes."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=False)
