"""Work-arounds for Textual 8.2.8 faults and costs that matter to an app that runs all day.

The patches (applied once, when the app module is imported, and only if
Textual still has the fault) and the start-up helpers each name the upstream
issue, or say that none was found; each has a canary in
tests/test_compat_canaries.py (the timer's in tests/test_timer_fix.py).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, TypeVar

from textual._styles_cache import StylesCache
from textual.app import App
from textual.color import Color
from textual.geometry import Size
from textual.screen import Screen
from textual.style import Style  # the Style class Textual's own get_inner_outer makes


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Style, Style]:
    return (Style(background=base_background + background), Style(background=base_background))


def keep_styles_caches_collectable() -> None:
    """Stop Textual's ``StylesCache.get_inner_outer`` cache from keeping old widgets' render caches alive.

    It is an ``lru_cache`` on a method, so it is keyed by the StylesCache itself
    and holds on to the last 1,024 of them, each with its rendered lines: every
    screen built (a language switch, help, calming mode) added about 20 KB that
    stayed until 1,024 newer ones pushed it out, about 20 MB in all. Keyed by
    the two colours alone, it caches the same answers and holds no widget.
    Upstream: Textualize/textual#6665 (open as of 2026-11-29). Patches the
    private ``textual._styles_cache.StylesCache``.
    """
    if hasattr(StylesCache.get_inner_outer, "cache_clear"):

        def get_inner_outer(_self: StylesCache, base_background: Color, background: Color) -> tuple[Style, Style]:
            return _inner_outer(base_background, background)

        StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign, assignment]


def start_in_theme(app: App[Any], name: str) -> None:
    """Give ``app`` the theme ``name`` before it runs, as ``app.theme = name`` would, but without its cost.

    Setting ``App.theme`` re-parses every stylesheet (ours and each widget's)
    on the next message, and again when the first mode's screen is made, about
    40 ms before the first frame. Before the app runs nothing is parsed yet, so
    handing the theme's variables to the stylesheet is all it takes. Later
    changes of theme (high contrast) go through ``app.theme`` as usual.

    It does what Textual's private ``App._watch_theme`` does, less the
    re-parse, and so calls the private ``App._refresh_truecolor_filter``.
    Upstream: no issue found (as of 2026-11-29; searched Textualize/textual's
    issues for "setting App.theme reparses stylesheet slow startup").
    """
    app.set_reactive(App.theme, name)
    theme = app.current_theme
    themes = {cls: False for cls in app.classes if cls.startswith("-theme-")}
    app.update_classes(
        {**themes, f"-theme-{name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark}, update=False
    )
    app._refresh_truecolor_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())


ScreenType = TypeVar("ScreenType", bound=Screen[Any])


def styled_as_new(screen: ScreenType, app: App[Any]) -> ScreenType:
    """Ready a screen that is about to start a mode to be styled once, not three times.

    Textual re-parses every stylesheet when a mode's screen is made unless the
    screen says it has seen the current stylesheet, and a new screen never
    does, though it has no styles yet to bring up to date (it gets them when
    it is mounted). That re-parse was about 20 ms before the first frame. The
    screen also gets its breakpoint classes now (see :func:`breakpoint_classes`).

    Sets the private ``Screen._css_update_count`` from ``App._css_update_count``,
    which Textual compares when a mode starts (``App._init_mode``). Upstream: no
    issue found (as of 2026-11-29; searched Textualize/textual's issues for
    "new screen css_update_count stylesheet reparse switching mode").
    """
    screen._css_update_count = app._css_update_count
    screen.add_class(*breakpoint_classes(app, app.size), update=False)
    return screen


def breakpoint_classes(app: App[Any], size: Size) -> set[str]:
    """The app's breakpoint classes for a screen of ``size``, as Textual gives them on a resize.

    A new screen that has them from the start is styled once; Textual would
    add them on its first resize, after it is styled, and restyle it whole.
    """
    classes = set()
    for dimension, breakpoints in ((size.width, app.HORIZONTAL_BREAKPOINTS), (size.height, app.VERTICAL_BREAKPOINTS)):
        for at_least, name in sorted(breakpoints or [], reverse=True):
            if dimension >= at_least:
                classes.add(name)
                break
    return classes


TIMER_FAULT = "count = int((now - start) / _interval + 1)"
"""The line of Textual's ``Timer._run`` that waits one tick too many after missed ticks."""


def next_frame_on_the_next_tick() -> None:
    """Let a repeating Textual timer that missed ticks go off at the next one, not the one after.

    Textual's ``Timer._run`` skips missed ticks with ``count = int(elapsed /
    interval + 1)`` and then waits for tick ``count + 1``: one interval too
    many. The screen's update timer (60 a second) pauses after each frame, so
    the frame after a frame always waited 17 to 33 ms instead of up to 17. A tap
    in the browser always meets it: the pointer moving onto a button is drawn
    first (hover), and the new page had to wait for the tick after next (about
    8 ms of a tap's 50 on average, measured with bench/serve_load). Only the
    skipping line changes; a Textual without the fault is left alone. Replaces
    the private ``Timer._run`` and reads ``Timer``'s private state and
    ``textual._time``. Upstream: no issue found (as of 2026-11-29; searched
    Textualize/textual's issues for "Timer skip missed ticks waits extra
    interval" and "timer frame delay next tick latency").

    Whether Textual has the fault is read from timer.py's text (0.06 ms), not
    with ``inspect.getsource`` (2 ms, at every start).
    """
    import math
    from pathlib import Path

    from textual import _time
    from textual import timer as textual_timer
    from textual.timer import EventTargetGone, Timer

    try:
        source = Path(textual_timer.__file__).read_text(encoding="utf-8")
    except (OSError, TypeError, UnicodeDecodeError):
        return
    if TIMER_FAULT not in source:
        return

    async def _run(self: Timer) -> None:
        count = 0
        _repeat = self._repeat
        _interval = self._interval
        self._active  # noqa: B018  # as Textual's own: makes the event in this thread
        await self._active.wait()
        start = _time.get_time()

        while _repeat is None or count <= _repeat:
            next_timer = start + ((count + 1) * _interval)
            now = _time.get_time()
            if self._skip and next_timer < now:
                count = math.ceil((now - start) / _interval) - 1  # so that next_timer is the next tick to come
                continue
            await _time.sleep(max(0, next_timer - now))
            count += 1
            await self._active.wait()
            if self._reset:
                start = _time.get_time()
                count = 0
                self._reset = False
                continue
            try:
                await self._tick(next_timer=next_timer, count=count)
            except EventTargetGone:
                break

    Timer._run = _run  # type: ignore[method-assign]
