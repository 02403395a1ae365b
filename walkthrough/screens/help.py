"""The help screen: which keys do what, over the walkthrough."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen

from ..kiosk import KIOSK_APP_ACTIONS
from ..stylesheets import stylesheet
from ..ui import action_name
from ..widgets.key_line import digit_range
from ..widgets.nav import TouchButton
from ..widgets.text import PlainText


def key_bindings(app_type: type[Any]) -> Iterator[tuple[Binding, bool]]:
    """Every binding help may list, and whether it is the app's: the walkthrough screen's, then the app's.

    The app's are those of each of its own classes, so a counsellor's app
    brings its keys and a patient's has none of them.
    """
    from .walkthrough import WalkthroughScreen  # loaded long before help opens

    for binding in WalkthroughScreen.BINDINGS:
        if isinstance(binding, Binding):
            yield binding, False
    for cls in reversed(app_type.__mro__):
        if cls.__module__.startswith("walkthrough."):
            for binding in cls.__dict__.get("BINDINGS", ()):
                if isinstance(binding, Binding):
                    yield binding, True


def offered(action: str, from_app: bool, *, kiosk: bool, counsellor: bool, faq: bool, languages: bool) -> bool:
    """Whether this app has the action at all (whatever page it is on), so help lists its keys."""
    if kiosk and from_app and action not in KIOSK_APP_ACTIONS:
        return False  # a kiosk runs only harmless actions of the app's: no quit
    if action == "jump":
        return counsellor  # the walkthrough screen's digits act only for a counsellor
    if action in ("follow", "stop_following"):
        return not counsellor  # the counsellor leads (w); only others follow
    return {"faq": faq, "language": languages}.get(action, True)


def help_lines(
    words: Mapping[str, str],
    app_type: type[Any],
    *,
    kiosk: bool = False,
    counsellor: bool = False,
    faq: bool = True,
    languages: bool = False,
    steps: int = 9,
) -> str:
    """The key list, one action per line, made from the bindings and the words; nothing here names a key.

    An action is listed if the words have a ``keys.<action>`` line for it, in
    the order the words list them, with every key bound to it as the words
    name it (``keyname.<key>``, else a one-character key as it is). The
    counsellor's digits are written as the key line writes them: ``1-4`` for
    ``steps`` 4.
    """
    flags = {"kiosk": kiosk, "counsellor": counsellor, "faq": faq, "languages": languages}
    keys: dict[str, list[str]] = {}
    for binding, from_app in key_bindings(app_type):
        name = action_name(binding.action)
        if f"keys.{name}" in words and offered(name, from_app, **flags):
            bound = keys.setdefault(name, [])
            bound += [key.strip() for key in binding.key.split(",") if key.strip() not in bound]
    order = [name.removeprefix("keys.") for name in words if name.startswith("keys.")]
    rows = [(written_keys(keys[name], words, steps), words[f"keys.{name}"]) for name in order if name in keys]
    rows = [(key, meaning) for key, meaning in rows if key]
    width = max((len(key) for key, _ in rows), default=0)
    return "\n".join(f"{key.ljust(width)}  {meaning}" for key, meaning in rows)


def written_keys(keys: Sequence[str], words: Mapping[str, str], steps: int) -> str:
    """Keys as help writes them: ``→ space n``; digits as a range up to ``steps``; unnamed long keys left out."""
    named = [words.get(f"keyname.{key}") or (key if len(key) == 1 else "") for key in keys if not key.isdigit()]
    digits = digit_range(int(key) for key in keys if key.isdigit() and int(key) <= steps)
    return " ".join(part for part in [*named, digits] if part)


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

    def compose(self) -> ComposeResult:
        """Title, intro, the keys and a Close button."""
        with Vertical(id="help-panel"):
            with VerticalScroll(id="help-body"):
                yield PlainText(self.words["help_title"], classes="heading")
                yield PlainText(self.words["help_intro"], classes="body")
                yield PlainText(
                    help_lines(
                        self.words,
                        type(self.app),
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
