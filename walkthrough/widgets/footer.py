"""The footer of keys, rebuilt only when the keys it shows change."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool], ...]


class SteadyFooter(Footer):
    """Textual's Footer, but it rebuilds its keys only when what it would show has changed, and leaks none.

    Textual's own Footer rebuilds every key widget each time the bindings are
    refreshed, which happened on every page turn; that rebuild was most of
    the time a turn took. And each key it builds binds itself to the footer's
    ``compact`` setting, a link Textual never drops: every rebuild kept all the
    old keys alive (about 0.1 MB a rebuild, without end).
    """

    _shown: Shown | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        """Rebuild, as Footer does, unless the same keys, words and states would be shown again."""
        will_rebuild = screen.app.app_focus and self.is_attached and screen is self.screen
        if will_rebuild:
            shown = shown_keys(screen)
            if shown == self._shown and self._bindings_ready:
                return
            self._shown = shown
        super().bindings_changed(screen)

    async def recompose(self) -> None:
        """Rebuild the keys, then let go of the old ones."""
        await super().recompose()
        self.forget_removed_keys()

    def forget_removed_keys(self) -> None:
        """Drop the footer's links to key widgets that have been removed, so they can be freed."""
        watchers: dict[str, list[tuple[Any, Any]]] = getattr(self, "__watchers", {})
        for links in watchers.values():
            links[:] = [(node, callback) for node, callback in links if not _removed(node)]


def _removed(node: Any) -> bool:
    return bool(getattr(node, "_closing", False) or getattr(node, "_closed", False))


def shown_keys(screen: Screen[Any]) -> Shown:
    """What a footer on ``screen`` shows: each key, its action, its words and whether it acts now."""
    return tuple(
        (key, binding.action, binding.description, enabled)
        for key, (_, binding, enabled, _) in screen.active_bindings.items()
        if binding.show
    )
