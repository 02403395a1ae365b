"""Leading: the counsellor's app publishes its page, language and calming mode to every screen that follows.

Only :func:`shared_state` decides what goes out, and it reads only the page's
name, the language's code and calming mode's pattern and length; the message
format refuses anything else anyway (``protocol.py``).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .pairing import new_code
from .protocol import CalmState, SharedState
from .transport import FollowError, LeaderServer

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..app import WalkthroughApp


def shared_state(app: WalkthroughApp) -> SharedState:
    """What a follower is told of ``app``: the page by name, the language, calming mode's pattern and length."""
    from ..screens.calm import CalmScreen

    calm = next((screen for screen in app.screen_stack if isinstance(screen, CalmScreen)), None)
    calm_state = None if calm is None else CalmState(calm.pattern.id, calm.minutes)
    return SharedState(app.shown_page()[0], app.content.language, calm_state)


class Leading:
    """One app leading: its socket, its code, how many follow, and the hooks that send every change at once.

    Nothing is polled: a page turn is sent from the walkthrough screen's
    ``page_index`` watch, a screen opened or closed from the app's screen
    signal, and calming mode's pattern and length from the screen's bindings
    signal (a screen refreshes its bindings whenever what it offers changed,
    as calming mode does at each new choice). Each sends only what changed.
    """

    def __init__(self, app: WalkthroughApp, server: LeaderServer) -> None:
        """Lead from ``app`` through ``server`` (see :meth:`start`)."""
        self.app = app
        self.server = server
        self.code = server.code
        self._watched: weakref.WeakSet[Screen[Any]] = weakref.WeakSet()
        self._ended = False

    @classmethod
    async def start(cls, app: WalkthroughApp, folder: Path) -> Leading:
        """Listen under a fresh code (another if a live leader has it) and send the app's state from now on."""
        for _ in range(20):
            server = LeaderServer(folder, new_code(), on_count=app.follow_count_changed)
            try:
                await server.start()
            except FollowError:
                continue
            leading = cls(app, server)
            leading._attach()
            return leading
        raise FollowError("no free code")

    @property
    def follower_count(self) -> int:
        """How many screens follow now."""
        return self.server.follower_count

    def _attach(self) -> None:
        self.app.screen_change_signal.subscribe(self.app, self._screen_changed, immediate=True)
        self._screen_changed(self.app.screen)

    def _screen_changed(self, _screen: Screen[Any]) -> None:
        """A screen opened or closed, or a language switch made a new walkthrough screen: watch its page."""
        from ..screens.walkthrough import WalkthroughScreen

        if self._ended:  # a signal has no way to drop one of the app's callbacks: it stays, and does nothing
            return
        base = self.app.screen_stack[0] if self.app.screen_stack else None
        if isinstance(base, WalkthroughScreen) and base not in self._watched:
            self.app.watch(base, "page_index", lambda _index: self.send_if_changed(), init=False)
        for screen in self.app.screen_stack:
            if screen not in self._watched:  # calming mode's choices (a dropped screen takes its signal along)
                self._watched.add(screen)
                screen.bindings_updated_signal.subscribe(self.app, self._bindings_changed, immediate=True)
        self.send_if_changed()

    def _bindings_changed(self, _screen: Screen[Any]) -> None:
        self.send_if_changed()

    def send_if_changed(self) -> None:
        """Send the app's state, if it is not what was sent last."""
        if self._ended or not self.app.screen_stack:
            return
        state = shared_state(self.app)
        if state != self.server.state:
            self.server.publish(state)

    async def stop(self) -> None:
        """Stop leading: followers are told, and the socket goes."""
        self._ended = True
        await self.server.close()
