"""The app for each mode, chosen once from the settings record.

- ``patient``: :class:`walkthrough.app.WalkthroughApp`, what every mode shares.
- ``kiosk``: :class:`.kiosk.KioskApp` (idle clock, fresh starts, staff PIN, faults survived).
- ``counsellor``: :class:`.counsellor.CounsellorApp` (notes, talk timer, overview), or
  :class:`.pin_first.PinFirstApp` behind the staff PIN (what ``walkthrough serve``'s counsellor path runs).

A new mode is a subclass in this package and one line in :func:`app_class`.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..app import WalkthroughApp
    from ..content.records import LoadedWalkthrough
    from ..settings import Settings


def app_class(settings: Settings) -> type[WalkthroughApp]:
    """The app class for ``settings.mode`` (each mode's module is imported only when it is the one asked for)."""
    if settings.kiosk:
        from .kiosk import KioskApp

        return KioskApp
    if settings.counsellor and settings.pin_first:
        from .pin_first import PinFirstApp

        return PinFirstApp
    if settings.counsellor:
        from .counsellor import CounsellorApp

        return CounsellorApp
    from ..app import WalkthroughApp

    return WalkthroughApp


def app_for(
    content: LoadedWalkthrough,
    settings: Settings,
    *,
    languages: Mapping[str, LoadedWalkthrough] | None = None,
    log: logging.Logger | None = None,
    handle_signals: bool = False,
) -> WalkthroughApp:
    """The app that shows ``content`` the way ``settings`` says (see :class:`walkthrough.app.WalkthroughApp`)."""
    return app_class(settings)(content, settings, languages=languages, log=log, handle_signals=handle_signals)
