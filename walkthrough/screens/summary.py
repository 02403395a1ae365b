"""'Take this with you': the screen that says how the take-home summary was given, and shows a kiosk's QR code.

The app makes the summary and its mode delivers it (``deliver_summary``);
this screen is handed the outcome and only says it: opened in the browser,
saved at a path, a QR code to point a phone at, or "ask staff" when nothing
could be given or the code does not fit the screen.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
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
"""The narrowest the words beside a QR code may be, in cells; a screen with less room says to ask staff."""


def qr_fits(delivery: SummaryDelivery, width: int, height: int) -> bool:
    """Whether a kiosk's QR code fits a ``width`` x ``height`` screen whole, with its words beside it."""
    lines = delivery.qr_lines
    if not lines:
        return False
    return len(lines) <= height and len(lines[0]) + WORDS_MIN_WIDTH <= width


def summary_message(delivery: SummaryDelivery, words: Mapping[str, str], *, code_shown: bool) -> list[str]:
    """What the screen says about the delivery, a paragraph a line (the saved path on a line of its own)."""
    if delivery.kind == "browser":
        return [words["summary.browser"]]
    if delivery.kind == "file" and delivery.path is not None:
        return [words["summary.saved"], str(delivery.path), words["summary.saved_hint"]]
    if delivery.kind == "qr" and code_shown:
        return [words["summary.qr"], words["summary.qr_private"]]
    return [words["summary.staff"]]


class QrCode(Widget):
    """A QR code drawn in text, line for line as given: never wrapped, trimmed or styled as markup."""

    def __init__(self, lines: tuple[str, ...], *, id: str) -> None:
        """Show ``lines`` (all as wide), in the colours the stylesheet gives (dark on light)."""
        super().__init__(id=id)
        self.lines = lines

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
        self.code_shown = False

    def compose(self) -> ComposeResult:
        """The QR code (kiosk only, when it fits), then the heading, the message and a way back."""
        with Horizontal(id="summary-panel"):
            if self.delivery.qr_lines:
                yield QrCode(self.delivery.qr_lines, id="summary-qr")
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
        self.code_shown = qr_fits(self.delivery, width, height)
        if self.delivery.qr_lines:
            self.query_one("#summary-qr").display = self.code_shown
        self.set_class(self.code_shown, "-with-code")
        message = summary_message(self.delivery, self.words, code_shown=self.code_shown)
        self.query_one("#summary-message", PlainText).set_text("\n\n".join(message))


def open_summary(app: App[Any]) -> None:
    """'Take this with you': make the summary of this session, have the app's mode deliver it, and say how."""
    from ..app import WalkthroughApp
    from ..summary.compact import compact_text
    from ..summary.page import summary_page

    if not isinstance(app, WalkthroughApp) or app.top_screen_is("summary"):
        return
    content, words, session = app.content, app.words, app.session
    delivery = app.deliver_summary(summary_page(content, words, session), compact_text(content, words, session))
    if delivery.problem:
        app.log_file.warning("summary not given: %s", delivery.problem)
    app.open_screen(SummaryScreen(delivery, words), "summary")
