"""The clinic's values as the app may read them: a read-only Protocol with the fields, and nothing else.

The pages' Protocols are in ``shapes.py``, which imports this one too, so
``shapes.ClinicValues`` still names it; what is said there holds here: the
model (``model.ClinicValues``) and a record of it both satisfy this Protocol,
it has one read-only property per model field, of the same type
(``tests/test_shapes.py`` checks it), and the model's methods are not on a
record. Field meanings are documented in ``model.py``.
"""

from __future__ import annotations

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
