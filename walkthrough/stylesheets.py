"""Where the look is: ``walkthrough.tcss`` for the first screen and what all screens share, a file per other kind."""

from __future__ import annotations

import os
from pathlib import Path

FOLDER = Path(os.path.abspath(os.path.dirname(__file__)))
"""This package's folder, spelt as Textual spells a stylesheet it has read (see :func:`stylesheet`)."""

FOR_FIRST_SCREEN = "walkthrough.tcss"
"""The walkthrough screen (the first a patient sees), and the buttons and text every screen shares."""

FOR_COUNSELLOR = "counsellor.tcss"
"""The talk timer and the notes: read at start in counsellor mode, never in a patient's."""


def for_other_screens() -> list[str]:
    """Every other stylesheet in this folder: one per kind of screen shown over the walk (calm.tcss, help.tcss...).

    Left out of the first start-up (parsing them cost a few milliseconds the
    first frame does not need) and read just after it, so usually before any of
    these screens is shown; one opened sooner (a key pressed during start-up)
    has its file read by Textual then, and it is not read again. A new screen's
    stylesheet needs only to be in this folder.
    """
    return sorted(path.name for path in FOLDER.glob("*.tcss") if path.name not in (FOR_FIRST_SCREEN, FOR_COUNSELLOR))


def stylesheet(name: str) -> Path:
    """The full path of one of the stylesheets above, for a screen's ``CSS_PATH``.

    Absolute and with no ``..``: Textual decides whether a screen's stylesheet
    is already loaded by comparing this path with the one it read, and a path
    spelt differently would load it again, and restyle every screen, each time
    the screen opened.
    """
    return FOLDER / name
