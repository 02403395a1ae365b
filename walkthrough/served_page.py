"""Served: what the app tells the browser page around it (web/app_index.html), as words the page catches.

The words go as ``open_url("walkthrough:...")``, which Textual's web driver
sends to the page, and the page catches them unopened:

- ``walkthrough:keyboard:on|off``: every tap in the served page focuses the
  terminal's hidden text field, and a tablet would show its keyboard over the
  buttons each time. The page keeps it down until a text box (an ``Input``)
  has focus.
- ``walkthrough:summary:forget``: a new patient (Start again). The page
  drops its "Open your summary" offer (shown when the browser blocked the
  summary's tab), so the last patient's page is not a tap away.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

if TYPE_CHECKING:
    from textual.app import App
    from textual.widget import Widget


class ServedPage:
    """Mixed into the app: tell a served page whether a text box has focus, and when a new patient starts."""

    _keyboard_told = False
    """What the page was last told (it starts with the keyboard kept down)."""

    if TYPE_CHECKING:  # what this mixin uses of the App it is mixed into
        is_web: bool
        focused: Widget | None

        def open_url(self, url: str, *, new_tab: bool = True) -> None: ...  # noqa: D102

    def watch_focus_for_the_page(self, app: App[None]) -> None:
        """Served only: a screen over (or back to) a focused box changes what has focus without a focus event."""
        if self.is_web:
            app.screen_change_signal.subscribe(app, self.tell_page_about_keyboard)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Focus moved: the served page learns whether a text box has it."""
        self.tell_page_about_keyboard()

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Focus left a widget: the served page learns whether a text box still has it."""
        self.tell_page_about_keyboard()

    def tell_page_about_keyboard(self, *_: object) -> None:
        """Served: tell the page whether a text box has focus, only when that changed.

        It says the state now, not an event's widget: one box's blur and
        another's focus can arrive in either order.
        """
        if not self.is_web:
            return
        from textual.widgets import Input  # only served apps need it (not imported before the first frame)

        wanted = isinstance(self.focused, Input)
        if wanted != self._keyboard_told:
            self._keyboard_told = wanted
            self.open_url(f"walkthrough:keyboard:{'on' if wanted else 'off'}", new_tab=False)

    def tell_page_a_new_patient(self) -> None:
        """Served: the page forgets the last patient's "Open your summary" offer."""
        if self.is_web:
            self.open_url("walkthrough:summary:forget", new_tab=False)
