"""Which keys the key line keeps when it is too narrow for all of them, and in which form it draws them.

No Textual here: the choice is arithmetic on the keys' text, so it is
tested directly, at any width and in any language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rich.cells import cell_len


class ShownKey(NamedTuple):
    """One key as the key line shows it."""

    key: str
    """The key pressed when it is tapped (Textual's name, e.g. ``right``)."""
    display: str
    """How the key is written (``→``, ``espacio``, ``1-4``)."""
    words: str
    """What it does, in the screen's language."""
    enabled: bool
    """Whether it acts now (a key that does not is dimmed, and a tap on it does nothing)."""
    action: str
    """The action's bare name (``calm`` for ``app.calm``, ``jump`` for ``jump(1)``): it sets the rank and place."""


RANKING = (
    # The page's own way on and back: what the screen is for.
    *("next", "back", "pause", "resume", "again", "stop", "done", "close", "dismiss", "cancel", "pick"),
    "help",
    "quit",
    # The counsellor's keys (they act only in counsellor mode).
    *("jump", "overview", "hide_notes", "show_notes"),
    # The rest: calming mode's own keys before the app's.
    *("next_pattern", "sound", "calm", "language", "faq", "toggle_contrast", "auto", "home"),
    *("talk_pause", "talk_reset"),
)
"""Actions from the one kept first to the one dropped first when the line is too narrow."""

ESSENTIAL = frozenset(RANKING[: RANKING.index("show_notes") + 1])
"""Actions worth a terser form of the line to keep: the page's own, help, quit and the counsellor's."""

READING_ORDER = (
    *("next", "back", "home", "pause", "resume", "again", "stop", "done", "close", "dismiss", "cancel"),
    *("pick", "jump", "overview", "hide_notes", "show_notes", "next_pattern", "sound", "calm", "auto"),
    *("language", "faq", "toggle_contrast", "talk_pause", "talk_reset", "help", "quit"),
)
"""The order kept keys are drawn in, left to right: the page's keys first, help and quit last, as usual."""

ARROWS = frozenset("←→↑↓")
"""Keys whose sign says what they do, so a terse line may leave their words out."""


class Form(NamedTuple):
    """How roomy a key line is drawn."""

    margin: int
    """Spaces before the first key and after the last."""
    gap: int
    """Spaces between two keys."""
    arrow_words: bool
    """Whether ``→`` and ``←`` keep their words (``→ Next``) or stand alone."""


FORMS = (Form(1, 2, arrow_words=True), Form(1, 2, arrow_words=False), Form(0, 1, arrow_words=False))
"""From roomiest to tersest; a terser one is used only when it keeps an essential key the roomier ones drop."""


class KeyLine(NamedTuple):
    """The keys to draw, in reading order, and the form to draw them in."""

    keys: tuple[ShownKey, ...]
    form: Form


def label(shown: ShownKey, form: Form) -> tuple[str, str]:
    """The key's sign and its words as ``form`` writes them (the words may be empty)."""
    if shown.display in ARROWS and not form.arrow_words:
        return shown.display, ""
    return shown.display, shown.words


def label_width(shown: ShownKey, form: Form) -> int:
    """Cells the key takes in ``form``, separators not counted."""
    sign, words = label(shown, form)
    return cell_len(sign) + (cell_len(words) + 1 if words else 0)


def rank(shown: ShownKey) -> int:
    """Where the key comes in :data:`RANKING` (unknown actions last)."""
    return RANKING.index(shown.action) if shown.action in RANKING else len(RANKING)


def place(shown: ShownKey) -> int:
    """Where the key is drawn in :data:`READING_ORDER` (unknown actions just before help and quit)."""
    return READING_ORDER.index(shown.action) if shown.action in READING_ORDER else READING_ORDER.index("help") - 1


def kept_in(keys: tuple[ShownKey, ...], width: int, form: Form) -> tuple[ShownKey, ...]:
    """The highest-ranked keys that fit ``width`` in ``form``: a key is kept only if every higher one is."""
    kept: list[ShownKey] = []
    used = 2 * form.margin - form.gap
    for shown in sorted(keys, key=rank):
        used += form.gap + label_width(shown, form)
        if used > width:
            break
        kept.append(shown)
    return tuple(kept)


def fit(keys: tuple[ShownKey, ...], width: int) -> KeyLine:
    """The keys a line ``width`` cells wide shows, and its form.

    The roomiest form that keeps every essential key (or every key) wins; if
    none keeps them all, the form that keeps the most keys.
    """
    essential = sum(1 for shown in keys if shown.action in ESSENTIAL)
    choices = [(form, kept_in(keys, width, form)) for form in FORMS]
    for form, kept in choices:
        if len(kept) == len(keys) or sum(1 for shown in kept if shown.action in ESSENTIAL) == essential:
            return KeyLine(tuple(sorted(kept, key=place)), form)
    form, kept = max(choices, key=lambda choice: len(choice[1]))
    return KeyLine(tuple(sorted(kept, key=place)), form)


def digit_range(numbers: Iterable[int]) -> str:
    """Digit keys as the key line and help write them: ``1-4``, or ``1`` alone; "" for none."""
    ordered = sorted(numbers)
    if not ordered:
        return ""
    return str(ordered[0]) if len(ordered) == 1 else f"{ordered[0]}-{ordered[-1]}"
