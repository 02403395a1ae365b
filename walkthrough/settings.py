"""One record of how a run of walkthrough behaves, worked out once from the command line and the clinic file.

The command line says what was asked (``--kiosk``, ``--idle-seconds``, ...);
the clinic file (``clinic.yaml``) says what the clinic wants. :func:`settings_for`
merges the two, in one place, and every part of the app is handed the result:
the app picks its mode from it, screens get the clock and reduced motion from
it, and ``walkthrough serve`` turns it back into each browser tab's command
line (:meth:`Settings.arguments`).

Nothing here imports Textual: the command line builds the record, and cleans a
kiosk's environment, before Textual is loaded.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal, NamedTuple

from .kiosk import WARNING_SECONDS

if TYPE_CHECKING:
    from .content.shapes import ClinicValues

Mode = Literal["patient", "kiosk", "counsellor"]
"""Who the app is for: one patient, one patient after another in a waiting room, or a counsellor beside one."""


class SettingsError(ValueError):
    """The command line and the clinic file ask for things that cannot go together; the message says which."""


class Asked(NamedTuple):
    """What the command line asked for, before the clinic file is read (None: not given)."""

    content: Path
    """The walkthrough folder or language file."""
    language: str | None = None
    kiosk: bool = False
    counsellor: bool = False
    idle_seconds: int | None = None
    reduced_motion: bool = False
    watch: bool = False
    log: Path | None = None
    pin_first: bool = False
    """Counsellor mode behind the staff PIN (what ``walkthrough serve`` starts on its counsellor's path)."""
    pin_tries_file: Path | None = None
    """Where wrong PIN tries are shared between the counsellor's tabs."""
    store: Path | None = None
    """``--store``: the anonymous store's file (before the clinic's ``store:``)."""
    lead: bool = False
    """``--lead``: the counsellor shares their screen from the start (follow/)."""
    follow: str | None = None
    """``--follow CODE``: follow the counsellor's screen with this code from the start."""


# A NamedTuple, not a dataclass: this is loaded at every start, and making a dataclass costs ~0.8 ms.
class Settings(NamedTuple):
    """How this run behaves: its mode and everything that follows from the command line and the clinic file."""

    content: Path
    """The walkthrough folder or language file."""
    language: str | None = None
    """The language asked for; None shows the clinic's default language."""
    mode: Mode = "patient"
    reduced_motion: bool = False
    """Breathing as words only: asked for on the command line, or set by the clinic."""
    idle_seconds: float = 90.0
    """Kiosk: quiet time before "Are you still here?"."""
    warning_seconds: float = WARNING_SECONDS
    """Kiosk: how long that warning counts down before the fresh start."""
    staff_pin_hash: str | None = None
    """Kiosk (and the counsellor's PIN gate): the stored hash of the staff PIN; None: no staff exit."""
    staff_key: str = "f12"
    """Kiosk: the key that opens the staff PIN prompt."""
    watch: bool = False
    """Reload the content whenever one of its files is saved."""
    log: Path | None = None
    """Where faults and kiosk events are written; None: the default log file."""
    pin_first: bool = False
    """Counsellor mode: the staff PIN before anything with a note in it."""
    pin_tries_file: Path | None = None
    """Counsellor behind the PIN: the file that shares wrong tries between tabs."""
    store: Path | None = None
    """The anonymous store's file (walkthrough/store/); None: nothing is stored (the default)."""
    lead: bool = False
    """Counsellor mode: share this screen from the start, for patients' screens to follow."""
    follow: str | None = None
    """A patient's screen or a kiosk: follow the counsellor with this code from the start."""
    clock: Callable[[], float] = time.monotonic
    """Times every timer (tests pass a fake one)."""

    @property
    def kiosk(self) -> bool:
        """A waiting-room kiosk: no way out for patients, a fresh start after each."""
        return self.mode == "kiosk"

    @property
    def counsellor(self) -> bool:
        """The counsellor's view: notes, talk timer, jumps, overview."""
        return self.mode == "counsellor"

    def arguments(self) -> list[str]:
        """The command-line words that make this record again (with the same clinic file), for a served tab.

        The clock and the PIN hash are never written: a tab reads the hash
        from the same clinic file, and runs on the real clock.
        """
        words = ["--content", str(self.content.resolve())]
        if self.language:
            words += ["--lang", self.language]
        if self.kiosk:
            words += ["--kiosk", "--idle-seconds", f"{self.idle_seconds:g}"]
        if self.counsellor:
            words.append("--counsellor")
            if self.pin_first:
                words.append("--pin-first")
            if self.pin_tries_file is not None:
                words += ["--pin-tries-file", str(self.pin_tries_file)]
        if self.reduced_motion:
            words.append("--reduced-motion")
        if self.watch:
            words.append("--watch")
        if self.log is not None:
            words += ["--log", str(self.log.resolve())]
        if self.store is not None:
            words += ["--store", str(self.store.resolve())]
        return words


def settings_for(asked: Asked, clinic: ClinicValues, *, clock: Callable[[], float] = time.monotonic) -> Settings:
    """The one settings record: the command line first, the clinic file for what it leaves open.

    Raises:
        SettingsError: counsellor mode asked for together with a kiosk (on the
            command line or by the clinic's ``kiosk: true``), or ``--pin-first``
            without counsellor mode.
    """
    if asked.pin_first and not asked.counsellor:
        raise SettingsError("--pin-first is for counsellor mode only")
    if asked.lead and not asked.counsellor:
        raise SettingsError("--lead is for counsellor mode only: a kiosk or a patient's screen can follow, not lead")
    if asked.follow and asked.counsellor:
        raise SettingsError("--follow is for a patient's screen or a kiosk, not counsellor mode")
    if asked.counsellor and asked.kiosk:
        raise SettingsError("--counsellor and --kiosk cannot go together: a kiosk never shows counsellor notes")
    if asked.counsellor and clinic.kiosk:
        raise SettingsError(
            "clinic.yaml says 'kiosk: true', and a kiosk never shows counsellor notes; "
            "use a copy of the content without it for counsellor mode."
        )
    mode: Mode = "counsellor" if asked.counsellor else "kiosk" if asked.kiosk or clinic.kiosk else "patient"
    return Settings(
        content=asked.content,
        language=asked.language,
        mode=mode,
        reduced_motion=asked.reduced_motion or clinic.reduced_motion,
        idle_seconds=float(asked.idle_seconds or clinic.idle_seconds),
        staff_pin_hash=clinic.staff_pin_hash,
        staff_key=clinic.staff_key,
        watch=asked.watch,
        log=asked.log,
        pin_first=asked.pin_first,
        pin_tries_file=asked.pin_tries_file,
        store=asked.store or clinic_store(asked.content, clinic),
        lead=asked.lead,
        follow=asked.follow,
        clock=clock,
    )


def clinic_store(content: Path, clinic: ClinicValues) -> Path | None:
    """The clinic's ``store:`` file, a relative one taken from the content folder; None when it names none."""
    # A record remembered before the store existed has no such field.
    named: str | None = getattr(clinic, "store", None)
    if not named:
        return None
    folder = content if content.is_dir() else content.parent
    return folder / Path(named).expanduser()
