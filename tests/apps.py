"""Apps for tests, made the way the command line makes them: the settings record from flags and the clinic file."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from walkthrough.app import WalkthroughApp
from walkthrough.content.records import LoadedWalkthrough
from walkthrough.modes import app_for
from walkthrough.settings import Asked, settings_for

KIOSK_DEFAULTS: dict[str, Any] = {
    "idle_seconds": 90.0,
    "warning_seconds": 30,
    "staff_pin_hash": None,
    "staff_key": "f12",
}
"""A test kiosk's settings unless it names others: no staff PIN, whatever the test content's clinic file says."""


def make_app(
    content: LoadedWalkthrough,
    *,
    kiosk: Mapping[str, Any] | None = None,
    counsellor: bool = False,
    clock: Callable[[], float] = time.monotonic,
    reduced_motion: bool = False,
    watch: Path | None = None,
    languages: Mapping[str, LoadedWalkthrough] | None = None,
    log: logging.Logger | None = None,
) -> WalkthroughApp:
    """The app for ``content`` as ``walkthrough`` would make it with these flags (``kiosk``: its settings)."""
    asked = Asked(
        watch or content.source,
        kiosk=kiosk is not None,
        counsellor=counsellor,
        reduced_motion=reduced_motion,
        watch=watch is not None,
    )
    settings = settings_for(asked, content.clinic, clock=clock)
    if kiosk is not None:
        settings = settings._replace(**{**KIOSK_DEFAULTS, **kiosk})
    return app_for(content, settings, languages=languages, log=log)
