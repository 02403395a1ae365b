"""The screens a patient may open over the walk (help, calming mode, common questions) and how the app opens them.

Mixed into :class:`walkthrough.app.WalkthroughApp`: every mode has them. Each
screen is pushed under an id (``help``, ``calm``, ``faq``...), so the app and
its modes can ask which one is on top without importing screen modules the
first frame does not load.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.screen import Screen

if TYPE_CHECKING:
    from .content.records import LoadedWalkthrough
    from .settings import Settings
    from .talk import TalkTimer


def screen_id(name: str) -> str:
    """The id a screen over the walk is pushed under (``calm-screen``): never a widget's id, so no rule styles both.

    A screen pushed as ``calm`` was styled by calm.tcss's ``#calm`` rule, meant for the breathing panel inside it.
    """
    return f"{name}-screen"


class ScreensOverTheWalk(App[None]):
    """Opening screens by id, and the ones every mode offers: help, calming mode, common questions."""

    content: LoadedWalkthrough
    languages: dict[str, LoadedWalkthrough]
    settings: Settings
    reduced_motion: bool
    clock: Callable[[], float]

    @property
    def words(self) -> Mapping[str, str]:
        """The interface words of the language on show (the app's)."""
        raise NotImplementedError

    @property
    def talk_timer(self) -> TalkTimer | None:
        """The counsellor's talk timer, or None (the app's)."""
        raise NotImplementedError

    def top_screen_is(self, name: str) -> bool:
        """Whether the screen on top is the one the app opened with this id ("faq", "idle", "fault"...)."""
        top = self.top_screen
        return top is not None and top.id == screen_id(name)

    @property
    def top_screen(self) -> Screen[Any] | None:
        """The screen on top, or None for the moment a fresh start swaps one session's screens for the next."""
        stack = self.screen_stack
        return stack[-1] if stack else None

    def open_screen(self, screen: Screen[Any], name: str, callback: Any = None) -> None:
        """Push ``screen`` under ``name`` (what :meth:`top_screen_is` asks), with a callback for its answer."""
        screen.id = screen_id(name)
        self.push_screen(screen, callback)

    def action_help(self) -> None:
        """Show the keys, unless help is already showing."""
        from .screens.help import HelpScreen

        if not self.top_screen_is("help"):
            walkthrough = self.content.walkthrough
            screen = HelpScreen(
                self.words,
                kiosk=self.settings.kiosk,
                counsellor=self.settings.counsellor,
                faq=bool(walkthrough.faq),
                languages=len(self.languages) > 1,
                steps=len(walkthrough.steps),
            )
            self.open_screen(screen, "help")

    def action_calm(self) -> None:
        """Open calming mode over the walkthrough, which keeps its place underneath."""
        from .screens.calm import CalmScreen

        if not self.top_screen_is("calm"):
            screen = CalmScreen(
                self.content.walkthrough,
                self.words,
                minutes=self.content.clinic.calm_minutes,
                reduced_motion=self.reduced_motion,
                clock=self.clock,
                talk_timer=self.talk_timer,
            )
            self.open_screen(screen, "calm")

    def action_faq(self) -> None:
        """Show the common questions over where the walkthrough is."""
        from .screens.faq import FaqScreen

        if self.content.walkthrough.faq and not self.top_screen_is("faq"):
            self.open_screen(FaqScreen(self.content.walkthrough, self.words, talk_timer=self.talk_timer), "faq")
