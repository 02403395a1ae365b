"""The footer of keys: one line, redrawn only when the keys it shows change."""

from __future__ import annotations

from typing import Any, NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget


class ShownKey(NamedTuple):
    """One key as the footer shows it."""

    key: str
    """The key pressed when it is tapped (Textual's name, e.g. ``right``)."""
    display: str
    """How the key is written (``→``, ``espacio``)."""
    words: str
    """What it does, in the screen's language."""
    enabled: bool
    """Whether it acts now (a key that does not is dimmed, and a tap on it does nothing)."""


class KeyFooter(Widget):
    """The keys that act on this screen, each of which can also be tapped.

    It draws one line of text instead of a widget per key (as Textual's
    Footer does): a page turn that leaves the keys as they were costs nothing,
    and one that changes them is a single repaint, with no widgets built,
    styled and thrown away. When the line is too narrow for every key, the
    last keys are left out whole rather than cut in the middle of a word.
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
        """The keys on show, in order."""
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
        line, spans, width = Text(no_wrap=True, overflow="crop"), [], self.size.width
        for shown in self.shown:
            piece = Text.assemble((f" {shown.display} ", key_style), (f"{shown.words} ", words_style))
            if not shown.enabled:
                piece.stylize(Style(dim=True))
            if width and line.cell_len + piece.cell_len > width:
                break
            spans.append((line.cell_len, line.cell_len + piece.cell_len, shown))
            line.append_text(piece)
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
    """The keys a footer on ``screen`` shows: one per action (its first key), in the order they are bound."""
    keys: dict[str, ShownKey] = {}
    for key, (_, binding, enabled, _) in screen.active_bindings.items():
        if binding.show and binding.action not in keys:
            keys[binding.action] = ShownKey(key, screen.app.get_key_display(binding), binding.description, enabled)
    return tuple(keys.values())
