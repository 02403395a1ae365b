"""The footer of keys: one line, redrawn only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import ActiveBinding
from textual.screen import Screen
from textual.widget import Widget

from ..ui import action_name, packaged_words, words_for
from .key_line import FORMS, KeyLine, ShownKey, digit_range, fit, label, place

__all__ = ["KeyFooter", "ShownKey", "shown_keys"]


class KeyFooter(Widget):
    """The keys that act on this screen, each of which can also be tapped.

    It draws one line of text instead of a widget per key (as Textual's
    Footer does): a page turn that leaves the keys as they were costs nothing,
    and one that changes them is a single repaint, with no widgets built,
    styled and thrown away. When the line is too narrow for every key, the
    lowest-ranked keys are left out whole (see :mod:`.key_line`), never help
    or quit while there is room for them.
    """

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--words"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        background: $footer-background;
        .key-footer--key {
            color: $footer-key-foreground;
            text-style: bold;
        }
        .key-footer--words {
            color: $footer-description-foreground;
        }
    }
    """

    can_focus = False

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.shown: tuple[ShownKey, ...] = ()
        """Every key that acts now, in reading order (the line may be too narrow for all)."""
        self.drawn = KeyLine((), FORMS[0])
        """The keys the line last drew, and how."""
        self._spans: list[tuple[int, int, ShownKey]] = []

    def on_mount(self) -> None:
        """Follow the screen's keys from now on."""
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        """Stop following the screen's keys."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Repaint if the keys that act (or their words) are not the ones on show."""
        shown = shown_keys(screen)
        if shown != self.shown:
            self.shown = shown
            self.refresh()

    def render(self) -> Text:
        """`` → Next  ← Back  …``: each key in bold, then its words; keys that do not act now are dimmed."""
        key_style = self.get_component_rich_style("key-footer--key", partial=True)
        words_style = self.get_component_rich_style("key-footer--words", partial=True)
        width = self.size.width
        self.drawn = drawn = fit(self.shown, width) if width else KeyLine(self.shown, FORMS[0])
        margin, gap = drawn.form.margin, drawn.form.gap
        line, spans = Text(" " * margin, no_wrap=True, overflow="crop"), []
        for index, shown in enumerate(drawn.keys):
            start = line.cell_len
            sign, words = label(shown, drawn.form)
            piece = Text.assemble((sign, key_style), (f" {words}" if words else "", words_style))
            if not shown.enabled:
                piece.stylize(Style(dim=True))
            line.append_text(piece)
            line.append(" " * (gap if index < len(drawn.keys) - 1 else margin))
            # A tap on the spaces either side of a key counts as a tap on it: fingers are wide.
            spans.append((max(0, start - 1), line.cell_len, shown))
        self._spans = spans
        return line

    def key_at(self, x: int) -> ShownKey | None:
        """The key drawn at column ``x``, if any."""
        for start, end, shown in self._spans:
            if start <= x < end:
                return shown
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """A tap on a key does what pressing it does (if it acts now)."""
        shown = self.key_at(event.x)
        if shown is not None and shown.enabled:
            event.stop()
            self.app.simulate_key(shown.key)


def shown_keys(screen: Screen[Any]) -> tuple[ShownKey, ...]:
    """The keys that act on ``screen``, in reading order: one per action (its first key), words in one language.

    The words come from the screen's own word table when it has one (else
    the app's language), never from the bindings' descriptions: the app's
    bindings and the screen's were once put into a language at different
    moments, and a screen opened in between mixed two languages in one line.
    """
    words = screen_words(screen)
    active = screen.active_bindings
    keys: dict[str, ShownKey] = {}
    for key, (_, binding, enabled, _) in active.items():
        if binding.show and binding.action not in keys:
            action = action_name(binding.action)
            digits = _digits(action, active) if key.isdigit() else ""
            display = words.get(f"keyname.{key}") or digits or screen.app.get_key_display(binding)
            words_for_key = words.get(f"footer.{action}", binding.description)
            keys[binding.action] = ShownKey(key, display, words_for_key, enabled, action)
    return tuple(sorted(keys.values(), key=place))


def screen_words(screen: Screen[Any]) -> Mapping[str, str]:
    """The interface words of ``screen``'s language: its own table, or the app's current language."""
    words = getattr(screen, "words", None)
    if isinstance(words, Mapping):
        return words
    content = getattr(screen.app, "content", None)
    return words_for(content) if content is not None else packaged_words("en")


def _digits(action: str, active: Mapping[str, ActiveBinding]) -> str:
    """For a digit action (``jump``, ``pick``): the digits that act now, as ``1-4`` or ``1``; else ""."""
    return digit_range(
        int(key)
        for key, (_, binding, enabled, _) in active.items()
        if key.isdigit() and enabled and action_name(binding.action) == action
    )
