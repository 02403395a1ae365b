"""The start-up speed work, in one place: what the first frame waits for, and what is done just after it.

A patient should see the welcome page as soon as a bare Textual app would show
its first screen (budget: at most 1.25x a bare app; measured with
``python -m bench``: about 1.23x on the 2-core CI machine, November 2026).
What made the difference, each measured when it went in:

- The collector is off from the command line's first line to the first frame
  (``cli.run_app``): a start builds thousands of objects that live as long as
  the app; collecting them over and over cost about 40 ms. Just after the
  first frame the app collects once, freezes them and turns it back on
  (:func:`settle_after_start`).
- Only the first page is built before the first frame; the other pages follow
  straight after (``WalkthroughScreen.build_other_pages``).
- The other screens' modules (calming mode, help, common questions, the
  kiosk's) and their stylesheets are left out of the first frame and loaded
  just after it (:func:`load_other_screens`, :func:`load_other_stylesheets`):
  parsing those stylesheets cost a few milliseconds the first frame does not
  need.
- The checked content is read from a cache when its files have not changed
  (``content/ready.py``), skipping YAML and pydantic.
- A new screen is born with its styles (``compat.fixes.styled_as_new``) and the
  first theme is set before any stylesheet is parsed (``compat.fixes.start_in_theme``).
"""

from __future__ import annotations

import gc
import pkgutil
from importlib import import_module
from typing import TYPE_CHECKING, Any

from .stylesheets import for_other_screens, stylesheet

if TYPE_CHECKING:
    from textual.app import App


def other_screens() -> list[str]:
    """Every module of walkthrough.screens: the first frame needs only a few, the rest load just after it."""
    from . import screens

    return sorted(module.name for module in pkgutil.iter_modules(screens.__path__))


def settle_after_start(app: App[Any]) -> None:
    """After the first frame: load the other screens and their look, collect once, freeze, turn the collector on.

    Only this first session is frozen: a kiosk's fresh starts can leave at
    most that one screen behind, however long it runs.
    """
    try:
        load_other_screens()
        load_other_stylesheets(app)
    finally:  # whatever failed (and is reported as a fault), a kiosk must not run on for days uncollected
        gc.collect()
        gc.freeze()
        gc.enable()


def load_other_screens() -> None:
    """Import the screens the first frame did not need, now that it is out.

    They are left out of start-up, but not until first use: a kiosk that runs
    for days must not load, at a patient's tap, code that an upgrade may have
    replaced since, nor need a new import to show "This screen has a problem".
    """
    for name in other_screens():
        import_module(f"{__package__}.screens.{name}")


def load_other_stylesheets(app: App[Any]) -> None:
    """Read the other screens' stylesheets now, so opening one later neither parses nor restyles anything.

    Left to Textual, a screen's stylesheet is read when the screen is first
    shown, and then every stylesheet is parsed again and every widget
    restyled. Their rules match nothing on the screens already shown, so
    adding them needs no restyle; the stylesheets read before are not parsed
    again (Textual keeps what it parsed).
    """
    stylesheet_now = app.stylesheet
    for name in for_other_screens():
        path = stylesheet(name)
        if not stylesheet_now.has_source(str(path)):
            stylesheet_now.read(path)
    stylesheet_now.parse()
