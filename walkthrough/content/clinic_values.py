"""The clinic's values as the app may read them: a read-only Protocol with the fields, and nothing else.

The pages' Protocols are in ``shapes.py``, which imports this one too, so
``shapes.ClinicValues`` still names it; what is said there holds here: the
model (``model.ClinicValues``) and a record of it both satisfy this Protocol,
it has one read-only property per model field, of the same type
(``tests/test_shapes.py`` checks it), and the model's methods are not on a
record. Field meanings are documented in ``model.py``.

A value's text in a language is read by :func:`value_text`, for a model
(``ClinicValues.as_text`` fills placeholders with it) and a record alike
(the summary shows the clinic's name and phone by :func:`shown_text`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class ClinicValues(Protocol):
    """The clinic's values and settings (only the fields: the model's methods are not on a record)."""

    @property
    def clinic_name(self) -> str | dict[str, str]:
        """The clinic's name, or one per language."""

    @property
    def clinic_phone(self) -> str | dict[str, str]:
        """A phone number patients can call, or one per language."""

    @property
    def default_language(self) -> str:
        """The language shown first."""

    @property
    def infusion_minutes(self) -> int:
        """About how long one infusion takes."""

    @property
    def observation_minutes(self) -> int:
        """About how long the rest after it takes."""

    @property
    def treatments(self) -> int:
        """How many treatments a course has."""

    @property
    def course_days(self) -> int:
        """Over how many days a course runs."""

    @property
    def calm_minutes(self) -> int:
        """Length of a calming session to start with."""

    @property
    def reduced_motion(self) -> bool:
        """Breathing as words only."""

    @property
    def kiosk(self) -> bool:
        """Run as a waiting-room kiosk."""

    @property
    def idle_seconds(self) -> int:
        """Kiosk: seconds without a touch before the warning."""

    @property
    def staff_pin_hash(self) -> str | None:
        """Kiosk: the staff PIN's hash, or None for no staff exit."""

    @property
    def staff_key(self) -> str:
        """Kiosk: the key that opens the staff PIN prompt."""

    @property
    def talk_minutes(self) -> int | None:
        """Counsellor mode: the planned length of a talk, or None."""

    @property
    def max_sessions(self) -> int | None:
        """walkthrough serve: at most this many tabs, or None to choose from memory."""

    @property
    def store(self) -> str | None:
        """The anonymous store's file, relative to the content folder; None: nothing is stored."""


def value_text(value: object, languages: Iterable[str]) -> str | None:
    """A clinic value as text: a value given per language in the first of ``languages`` it has, any other as ``str``.

    None when the value is given per language and has none of ``languages``.
    """
    if isinstance(value, dict):
        for code in languages:
            if code in value:
                return str(value[code])
        return None
    return str(value)


def shown_text(value: str | dict[str, str], language: str, default_language: str) -> str:
    """A clinic value in ``language``: the one text, or the language's own (``es-mx`` falls back to ``es``).

    A value given per language that lacks this one falls back to the
    clinic's default language, then to the first one given, as the app
    would rather show some name than none.
    """
    text = value_text(value, (language, language.split("-")[0], default_language))
    if text is None:  # given per language, but in none of these: the first one given
        text = next(iter(value.values()), "") if isinstance(value, dict) else ""
    return text
