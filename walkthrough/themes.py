"""The two looks: a calm, low-glare default and a high-contrast one.

Both keep every text and background pair at a contrast ratio of 4.5:1 or
more (WCAG AA); a test computes it from what the screen really draws.
"""

from __future__ import annotations

from textual.theme import Theme

CALM = Theme(
    name="walkthrough-calm",
    primary="#8fb8d8",
    secondary="#a9c9b0",
    accent="#a9c9b0",
    warning="#e6c07b",
    error="#f0a08c",
    success="#a9c9b0",
    foreground="#e8ecf2",
    background="#1c2230",
    surface="#232a3a",
    panel="#2b3446",
    dark=True,
    variables={
        "footer-background": "#232a3a",
        "footer-key-foreground": "#a9c9b0",
        "footer-description-foreground": "#e8ecf2",
        "footer-key-background": "transparent",
        "text-muted": "#c3cad6",
        "border": "#8fb8d8",
        "block-cursor-background": "#2b3446",
        "scrollbar": "#3b4660",
        "scrollbar-hover": "#4b5878",
        "scrollbar-active": "#8fb8d8",
        "scrollbar-background": "#1c2230",
    },
)
"""Soft blue-grey, no bright white fields and no red: for tired eyes in a waiting room."""

HIGH_CONTRAST = Theme(
    name="walkthrough-contrast",
    primary="#ffe14d",
    secondary="#7fe7ff",
    accent="#7fe7ff",
    warning="#ffe14d",
    error="#ff9d9d",
    success="#7fff9d",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    dark=True,
    variables={
        "footer-background": "#000000",
        "footer-key-foreground": "#ffe14d",
        "footer-description-foreground": "#ffffff",
        "footer-key-background": "transparent",
        "text-muted": "#ffffff",
        "border": "#ffffff",
        "block-cursor-background": "#000000",
        "scrollbar": "#7f7f7f",
        "scrollbar-hover": "#bfbfbf",
        "scrollbar-active": "#ffffff",
        "scrollbar-background": "#000000",
    },
)
"""White on black with yellow and cyan for emphasis."""

THEMES = (CALM, HIGH_CONTRAST)
"""Every theme the walkthrough offers, the default first."""
