"""Helpers for Pilot tests: what the screen shows, as a person would read it."""

from __future__ import annotations

import io

from rich.color import Color as RichColor
from rich.console import Console
from rich.segment import Segment
from textual.app import App
from textual.color import Color as TextualColor


def screen_text(app: App[object]) -> str:
    """Every character now on the app's screen, as plain text lines."""
    width, height = app.size
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, force_terminal=True, legacy_windows=False
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text(styles=False)


def flat(text: str) -> str:
    """Text with all runs of white space folded, so wrapped lines compare as one."""
    return " ".join(text.split())


def screen_segments(app: App[object]) -> list[Segment]:
    """The styled pieces of text now on the app's screen, after the app's own filters (e.g. NO_COLOR)."""
    width, height = app.size
    console = Console(width=width, height=height, file=io.StringIO(), force_terminal=True, legacy_windows=False)
    segments = [s for s in console.render(app.screen._compositor.render_update(full=True)) if s.style is not None]
    for line_filter in app._filters:
        segments = line_filter.apply(segments, TextualColor(0, 0, 0))
    return segments


def relative_luminance(color: RichColor) -> float:
    """WCAG 2 relative luminance of a colour."""
    triplet = color.get_truecolor()

    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(triplet.red) + 0.7152 * channel(triplet.green) + 0.0722 * channel(triplet.blue)


def contrast_ratio(first: RichColor, second: RichColor) -> float:
    """WCAG 2 contrast ratio between two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def low_contrast_text(app: App[object], minimum: float = 4.5) -> list[tuple[str, float]]:
    """Every piece of visible text on screen whose contrast with its background is under ``minimum``."""
    failures = []
    for segment in screen_segments(app):
        style = segment.style
        text = "".join(char for char in segment.text if not _is_drawing(char))
        if not text.strip() or style is None or style.color is None or style.bgcolor is None:
            continue
        ratio = contrast_ratio(style.color, style.bgcolor)
        if ratio < minimum:
            failures.append((text.strip(), round(ratio, 2)))
    return failures


def _is_drawing(char: str) -> bool:
    """Box-drawing and block characters: borders and scrollbars, not text."""
    return "\u2500" <= char <= "\u259f"
