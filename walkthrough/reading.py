"""How long hands-free reading leaves a page on screen."""

from __future__ import annotations

WORDS_PER_MINUTE = 100
"""A slow, comfortable reading pace."""

MINIMUM_SECONDS = 20
"""No page turns sooner than this, however short."""


def reading_seconds(text: str) -> int:
    """Seconds to read ``text`` at about 100 words a minute, and never under 20."""
    words = len(text.split())
    return max(MINIMUM_SECONDS, round(words * 60 / WORDS_PER_MINUTE))
