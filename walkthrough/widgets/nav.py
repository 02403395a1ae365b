"""The big buttons: Back / Help / Next at the foot of every walkthrough screen, and every other button."""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import partial

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from .text import plain

PRESSED_SECONDS = 0.2
"""How long a tapped button shows that it was pressed."""


class TouchButton(Widget):
    """A button for a finger: a literal label and an action, run when it is tapped or clicked.

    Not Textual's Button: every button here is styled by our own stylesheets and
    none takes the focus, so Button's own stylesheet (its variants, flat and
    ANSI looks) was only parsed and matched at every start, for nothing. A
    button never takes keyboard focus, so the walkthrough's keys always reach
    the screen (space on a focused button would press it instead of going
    next). A disabled or hidden button does nothing; while it shows it was
    pressed (class ``-active``), a second tap is ignored.
    """

    ALLOW_SELECT = False
    can_focus = False

    label: reactive[Content] = reactive(Content(""), layout=True)
    """The text on the button, always literal (square brackets are not markup)."""

    def __init__(self, label: str, action: str, *, id: str, classes: str = "") -> None:
        """A button showing ``label`` that runs ``action`` (for example ``"screen.next"``)."""
        super().__init__(id=id, classes=classes)
        self.set_reactive(TouchButton.label, plain(label))
        self.action = action
        """The action a tap runs: the same action its key runs."""

    def validate_label(self, label: str | Content) -> Content:
        """Take a plain string as literal text."""
        return label if isinstance(label, Content) else plain(label)

    def render(self) -> Content:
        """The label."""
        return self.label

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The widest line of the label, and a column either side."""
        return max((cell_len(line) for line in self.label.plain.splitlines()), default=0) + 2

    def on_click(self, event: events.Click) -> None:
        """A tap or click presses the button (once: not again while it shows the press)."""
        event.stop()
        if not self.has_class("-active"):
            self.press()

    def press(self) -> None:
        """Show the press for a moment and run the action, unless the button is disabled or hidden."""
        if self.disabled or not self.display:
            return
        self.add_class("-active")
        self.set_timer(PRESSED_SECONDS, partial(self.remove_class, "-active"))
        self.call_later(self.app.run_action, self.action, default_namespace=self.parent)


def nav_columns(label_widths: list[int], width: int, *, border: int) -> int:
    """How many buttons go in a row of a bar ``width`` cells wide: all, or as few rows as let every label fit.

    Every button is at least its label plus its border wide, with a blank cell
    between buttons and at each edge. In one row each button keeps its own
    width (the rest is shared out); in a grid the columns are equal, so each
    must hold the longest label.
    """
    count = len(label_widths)
    needs = [label + border for label in label_widths]
    if sum(needs) + count + 1 <= width:
        return count
    for columns in (math.ceil(count / 2), 2):
        if columns * max(needs) + columns + 1 <= width:
            return columns
    return 1


def nav_layout(label_widths: list[int], width: int, *, short: bool) -> tuple[int, int]:
    """Buttons in a row, and the border each has (0 or 2): see :func:`nav_columns`.

    On a tall screen a button has a border, unless dropping it (for a fill, still
    three rows tall) puts more buttons in a row: two rows, not three, on a phone in Spanish.
    """
    if short:
        return nav_columns(label_widths, width, border=0), 0
    bordered = nav_columns(label_widths, width, border=2)
    filled = nav_columns(label_widths, width, border=0)
    return (filled, 0) if filled > bordered < math.ceil(len(label_widths) / 2) else (bordered, 2)


class NavBar(Horizontal):
    """Back, Breathe, Auto, Questions, Help and Next: one row of buttons, or a grid of rows as the width needs.

    Three rows tall with a border on a tall screen (one row with a fill on a
    short one), a blank cell between buttons and at the edges, so a finger
    hits the button it means. How many go in a row depends on the labels, so
    it is worked out here (classes ``-columns-N``, and ``-filled`` for tall
    buttons with a fill instead of a border) rather than by breakpoints.
    """

    def __init__(self, words: Mapping[str, str], *, faq: bool = False, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.words = words
        self.faq = faq
        """Offer the common questions (only when the content has some)."""
        self._layout = (0, 0)

    def compose(self) -> ComposeResult:
        """Lay out the buttons, with no space around their labels.

        Longer labels, like the Spanish Next, need every column. Set here
        because Textual's CSS does not accept ``line-pad: 0``. In one row a
        button is never narrower than its label and border (``min-width``, set by :meth:`_fit`).
        """
        buttons = [
            TouchButton(self.words["back"], "screen.back", id="back", classes="secondary"),
            TouchButton(self.words["breathe"], "app.calm", id="breathe", classes="secondary"),
            TouchButton(self.words["auto"], "screen.auto", id="auto", classes="secondary"),
        ]
        if self.faq:
            buttons.append(TouchButton(self.words["faq"], "app.faq", id="faq", classes="secondary"))
        buttons.append(TouchButton(self.words["help"], "app.help", id="help", classes="secondary"))
        buttons.append(TouchButton(self.words["next"], "screen.next", id="next", classes="primary"))
        for button in buttons:
            button.styles.line_pad = 0
        self._fit(buttons, self.app.size.width)
        yield from buttons

    def on_resize(self, event: events.Resize) -> None:
        """Lay the buttons out again for the new width (the same number in a row costs nothing)."""
        self._fit(list(self.query(TouchButton)), event.size.width)

    def _fit(self, buttons: list[TouchButton], width: int) -> None:
        short = self.screen.has_class("-short")
        layout = nav_layout([button.label.cell_length for button in buttons], width, short=short)
        if layout == self._layout:
            return
        self.remove_class(f"-columns-{self._layout[0]}", update=False)
        self._layout = columns, border = layout
        one_row = columns == len(buttons)
        for button in buttons:
            button.styles.min_width = button.label.cell_length + border if one_row else None
        self.set_class(not one_row, "-grid", update=False)
        self.set_class(not short and not border, "-filled", update=False)
        self.add_class(f"-columns-{columns}")
