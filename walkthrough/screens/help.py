"""The help screen: which keys do what, over the walkthrough."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen

from ..stylesheets import stylesheet
from ..ui_text import ui_text
from ..widgets.key_line import digit_range
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText

if TYPE_CHECKING:
    from ..app import WalkthroughApp


def help_lines(
    words: Mapping[str, str],
    *,
    kiosk: bool = False,
    counsellor: bool = False,
    faq: bool = True,
    languages: bool = False,
    steps: int = 9,
) -> str:
    """The key list, one key per line; a kiosk has no quit key, and only counsellors have their keys.

    The counsellor's digits are written as the key line writes them: ``1-4`` for ``steps`` 4.
    """
    rows = [
        (words["keys.next"], words["key_next"]),
        ("← p", words["key_back"]),
        (words["keys.home"], words["key_home"]),
        ("b", words["key_breathe"]),
        ("a", words["key_auto"]),
        *([("f", words["key_faq"])] if faq else []),
        *([("l", words["key_language"])] if languages else []),
        (words["keys.scroll"], words["key_scroll"]),
        ("c", words["key_contrast"]),
        ("?", words["key_help"]),
    ]
    if not kiosk:
        rows.append(("q", words["key_quit"]))
    if counsellor:
        rows += [
            (digit_range(range(1, min(steps, 9) + 1)), words["key_jump"]),
            ("o", words["key_overview"]),
            ("h", words["key_notes"]),
            ("t", words["key_talk_pause"]),
            ("r", words["key_talk_reset"]),
        ]
    width = max(len(key) for key, _ in rows)
    return "\n".join(f"{key.ljust(width)}  {meaning}" for key, meaning in rows)


class HelpScreen(ModalScreen[None]):
    """A panel listing the keys, closed by a tap on Close, escape or ?."""

    CSS_PATH = stylesheet("help.tcss")

    BINDINGS = [
        Binding("escape,question_mark", "dismiss", "Close", key_display="esc"),
        # A modal screen does not pass keys on to the app, so the keys help lists are bound here too.
        Binding("c", "app.toggle_contrast", "Contrast"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(
        self,
        words: Mapping[str, str],
        *,
        kiosk: bool = False,
        counsellor: bool = False,
        faq: bool = True,
        languages: bool = False,
        steps: int = 9,
    ) -> None:
        """Help in the language of ``words``; the flags say which keys this app has."""
        super().__init__()
        self.words = words
        self.kiosk = kiosk
        self.counsellor = counsellor
        self.faq = faq
        self.languages = languages
        self.steps = steps

    @classmethod
    def of(cls, app: WalkthroughApp) -> HelpScreen:
        """Help for ``app``: in its language now, with only the keys it has."""
        walkthrough = app.content.walkthrough
        return cls(
            ui_text(app.content.language),
            kiosk=app.kiosk is not None,
            counsellor=app.talk_timer is not None,
            faq=bool(walkthrough.faq),
            languages=len(app.languages) > 1,
            steps=len(walkthrough.steps),
        )

    def compose(self) -> ComposeResult:
        """Title, intro, the keys and a Close button."""
        with Vertical(id="help-panel"):
            with VerticalScroll(id="help-body"):
                yield PlainText(self.words["help_title"], classes="heading")
                yield PlainText(self.words["help_intro"], classes="body")
                yield PlainText(
                    help_lines(
                        self.words,
                        kiosk=self.kiosk,
                        counsellor=self.counsellor,
                        faq=self.faq,
                        languages=self.languages,
                        steps=self.steps,
                    ),
                    classes="keys",
                )
            yield TouchButton(self.words["close"], "screen.dismiss", id="close", classes="primary")

    def on_mount(self) -> None:
        """Arrow keys scroll a key list too long for the screen."""
        self.query_one("#help-body").focus()
