"""'Take this with you': the screen that says how the take-home summary was given, and shows a kiosk's QR code.

The app makes the summary and its mode delivers it (``deliver_summary``);
this screen is handed the outcome and only says it: opened in the browser,
saved at a path, a QR code to point a phone at, or "ask staff" when nothing
could be given or the code does not fit the screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget

from ..stylesheets import stylesheet
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText

if TYPE_CHECKING:
    from textual.app import App

    from ..summary.delivery import SummaryDelivery

WORDS_MIN_WIDTH = 26
"""The narrowest the words beside a QR code may be, in cells."""
WORDS_FRAME = 12
"""Cells the words' panel and its button take around the button's label (borders, padding, margins)."""
WORDS_MIN_HEIGHT = 10
"""The fewest lines the words below a QR code may have (a tablet held upright); their text scrolls, the button stays."""


@dataclass(frozen=True)
class CodeFit:
    """Which of a kiosk's QR codes a screen shows whole, and where its words go."""

    index: int
    """0: the fullest code; higher: a shorter one."""
    words_below: bool
    """The words go below the code (a narrow, tall screen), not beside it."""


def words_width(button_label: str) -> int:
    """The narrowest the words beside a code may be so that the button's label shows whole on one line."""
    return max(WORDS_MIN_WIDTH, cell_len(button_label) + WORDS_FRAME)


def code_that_fits(
    delivery: SummaryDelivery, width: int, height: int, *, beside: int = WORDS_MIN_WIDTH
) -> CodeFit | None:
    """The fullest of a kiosk's QR codes a ``width`` x ``height`` screen holds whole, with its words beside or below.

    ``beside``: the cells the words need beside a code (see :func:`words_width`).
    None: not even the shortest fits (or there is no code); the screen then says to ask staff.
    """
    for index, lines in enumerate(delivery.qr_codes):
        if not lines:
            continue
        if len(lines) <= height and len(lines[0]) + beside <= width:
            return CodeFit(index, words_below=False)
        if len(lines) + WORDS_MIN_HEIGHT <= height and len(lines[0]) <= width:
            return CodeFit(index, words_below=True)
    return None


def summary_message(delivery: SummaryDelivery, words: Mapping[str, str], *, code_shown: int | None) -> list[str]:
    """What the screen says about the delivery, a paragraph a line (the saved path on a line of its own).

    ``code_shown``: which QR code is on the screen (0 the fullest), or None.
    """
    if delivery.kind == "browser":
        return [words["summary.browser"]]
    if delivery.kind == "file" and delivery.path is not None:
        return [words["summary.saved"], str(delivery.path), words["summary.saved_hint"]]
    if delivery.kind == "qr" and code_shown is not None:
        return [words["summary.qr" if code_shown == 0 else "summary.qr_short"], words["summary.qr_private"]]
    return [words["summary.staff"]]


class QrCode(Widget):
    """A QR code drawn in text, line for line as given: never wrapped, trimmed or styled as markup."""

    def __init__(self, lines: tuple[str, ...], *, id: str) -> None:
        """Show ``lines`` (all as wide), in the colours the stylesheet gives (dark on light)."""
        super().__init__(id=id)
        self.lines = lines

    def show(self, lines: tuple[str, ...]) -> None:
        """Show another code (a shorter one for a smaller screen)."""
        if lines != self.lines:
            self.lines = lines
            self.refresh(layout=True)

    def render(self) -> Content:
        """The code's lines."""
        return Content("\n".join(self.lines))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the code."""
        return len(self.lines[0]) if self.lines else 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As tall as the code."""
        return len(self.lines)


class SummaryScreen(ModalScreen[None]):
    """How the summary was given; a kiosk's QR code when the screen can show it whole. Escape or Back closes it."""

    CSS_PATH = stylesheet("summary.tcss")

    BINDINGS = [
        Binding("escape", "dismiss", "Close", key_display="esc"),
        # A modal screen does not pass keys on to the app.
        Binding("c", "app.toggle_contrast", "Contrast"),
    ]

    def __init__(self, delivery: SummaryDelivery, words: Mapping[str, str]) -> None:
        """Say what became of the summary, in the language of ``words``."""
        super().__init__()
        self.delivery = delivery
        self.words = words
        self.code_shown: int | None = None
        """Which of the delivery's QR codes is on the screen (0: the fullest), or None."""
        self.words_below = False
        """The words are below the code, not beside it."""

    def compose(self) -> ComposeResult:
        """The QR code (kiosk only, when it fits), then the heading, the message and a way back."""
        with Horizontal(id="summary-panel"):
            if self.delivery.qr_codes:
                with Center(id="summary-code-box"):
                    yield QrCode(self.delivery.qr_codes[0], id="summary-qr")
            with Vertical(id="summary-words"):
                with VerticalScroll(id="summary-body"):
                    yield PlainText(self.words["summary.title"], classes="heading")
                    yield PlainText("", id="summary-message")
                yield TouchButton(
                    self.words["back_to_walkthrough"], "screen.dismiss", id="summary-back", classes="primary"
                )

    def on_mount(self) -> None:
        """Say it for the screen's size."""
        self._fit(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        """A kiosk's code shows only while the screen can hold it whole."""
        self._fit(self.app.size.width, self.app.size.height)

    def _fit(self, width: int, height: int) -> None:
        fit = code_that_fits(self.delivery, width, height, beside=words_width(self.words["back_to_walkthrough"]))
        self.code_shown = fit.index if fit else None
        self.words_below = bool(fit and fit.words_below)
        if self.delivery.qr_codes:
            code = self.query_one("#summary-qr", QrCode)
            code.display = fit is not None
            if fit is not None:
                code.show(self.delivery.qr_codes[fit.index])
        self.set_class(fit is not None, "-with-code")
        self.set_class(self.words_below, "-words-below")
        message = summary_message(self.delivery, self.words, code_shown=self.code_shown)
        self.query_one("#summary-message", PlainText).set_text("\n\n".join(message))


def open_summary(app: App[Any]) -> None:
    """'Take this with you': make the summary of this session, have the app's mode deliver it, and say how."""
    from ..app import WalkthroughApp
    from ..summary.compact import compact_texts
    from ..summary.page import summary_page

    if not isinstance(app, WalkthroughApp) or app.top_screen_is("summary"):
        return
    content, words, session = app.content, app.words, app.session
    delivery = app.deliver_summary(summary_page(content, words, session), compact_texts(content, words, session))
    if delivery.problem:
        app.log_file.warning("summary not given: %s", delivery.problem)
    app.open_screen(SummaryScreen(delivery, words), "summary")
