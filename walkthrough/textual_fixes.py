"""Work-arounds for Textual 8.2.8 faults that matter to an app that runs all day.

Each is applied once, when the app module is imported, and only if Textual
still has the fault (so a fixed Textual is left alone).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from textual import _styles_cache
from textual._styles_cache import StylesCache
from textual.color import Color


@lru_cache(1024)
def _inner_outer(base_background: Color, background: Color) -> tuple[Any, Any]:
    style = _styles_cache.Style  # the same Style class Textual's own version makes
    return (style(background=base_background + background), style(background=base_background))


def keep_styles_caches_collectable() -> None:
    """Stop Textual's ``StylesCache.get_inner_outer`` cache from keeping old widgets' render caches alive.

    It is an ``lru_cache`` on a method, so it is keyed by the StylesCache itself
    and holds on to the last 1,024 of them, each with its rendered lines: every
    screen built (a language switch, help, calming mode) added about 20 KB that
    stayed until 1,024 newer ones pushed it out, about 20 MB in all. Keyed by
    the two colours alone, it caches the same answers and holds no widget.
    """
    if hasattr(StylesCache.get_inner_outer, "cache_clear"):

        def get_inner_outer(_self: StylesCache, base_background: Color, background: Color) -> tuple[Any, Any]:
            return _inner_outer(base_background, background)

        StylesCache.get_inner_outer = get_inner_outer  # type: ignore[method-assign, assignment]
