"""Following: a patient's app shows the page, language and calming mode its leader sends, until either side ends it.

Pages are found by name, never by number: a step this content lacks keeps
the page on show. What follows is only what a patient could do by hand in
this mode (page turns, the language, calming mode), so a kiosk's lock-down
still holds. While a screen on top is not the walkthrough or calming mode (the
staff PIN, "Are you still here?", help, a quick check) nothing changes, not even
underneath it: the state is held back whole, and shown as soon as that screen
closes (:meth:`Following.catch_up`).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from ..screens.pages import page_index_of
from .protocol import CalmState, SharedState
from .transport import FollowerClient

if TYPE_CHECKING:
    from ..app import WalkthroughApp


def shows_the_walk(app: WalkthroughApp) -> bool:
    """Whether the screen on top is one a leader's state may change: the walkthrough or calming mode."""
    from ..screens.calm import CalmScreen
    from ..screens.walkthrough import WalkthroughScreen

    return isinstance(app.top_screen, (WalkthroughScreen, CalmScreen))


async def show_state(app: WalkthroughApp, state: SharedState) -> bool:
    """Make ``app`` show what the leader shows, as far as this app can; False: held back, a screen is on top."""
    from ..screens.calm import CalmScreen
    from ..screens.walkthrough import WalkthroughScreen

    if not shows_the_walk(app):
        return False
    if state.language != app.content.language and state.language in app.languages:
        here = app.shown_page()[0]
        app.content = app.languages[state.language]
        walkthrough = app.content.walkthrough
        page = state.page if page_index_of(walkthrough, state.page, -1) >= 0 else here
        await app.replace_session(page)
    base = app.screen_stack[0]
    if isinstance(base, WalkthroughScreen):
        base.page_index = page_index_of(base.content.walkthrough, state.page, fallback=base.page_index)
    calm = next((screen for screen in app.screen_stack if isinstance(screen, CalmScreen)), None)
    top = app.top_screen
    if state.calm is not None and calm is None and isinstance(top, WalkthroughScreen):
        app.action_calm()
        opened = app.top_screen
        if isinstance(opened, CalmScreen):
            app.call_after_refresh(_calm_as, opened, state.calm)
    elif state.calm is not None and calm is not None and calm.is_mounted:
        _calm_as(calm, state.calm)
    elif state.calm is None and isinstance(top, CalmScreen) and top is calm:
        top.action_stop()
    return True


def _calm_as(screen: object, calm: CalmState) -> None:
    from ..screens.calm import CalmScreen

    if not isinstance(screen, CalmScreen) or not screen.is_mounted:
        return
    if calm.pattern != screen.pattern.id and calm.pattern in {pattern.id for pattern in screen.calm.patterns}:
        screen.action_pattern(calm.pattern)
    if calm.minutes != screen.minutes:
        screen.action_length(calm.minutes)


class Following:
    """One app following one leader, until the patient stops, a fresh start, or the leader goes."""

    def __init__(self, app: WalkthroughApp, client: FollowerClient) -> None:
        """Follow through ``client`` (connected, see :meth:`FollowerClient.connect`)."""
        self.app = app
        self.client = client
        self.last_state: SharedState | None = None
        self.held_back = False
        """The last state waits for the screen on top to close (help, a quick check, "Are you still here?")."""
        self.ended = False
        self._showing = asyncio.Lock()  # a language swap awaits: a catch-up must not interleave with a new state

    async def run(self) -> bool:
        """Show each state as it comes; True when the leader went away, False when this side stopped."""
        while not self.ended:
            state = await self.client.next_state()
            if state is None:
                break
            self.last_state = state
            await self._show_last(held_back_only=False)
        self.client.close()
        return not self.ended

    def catch_up(self) -> None:
        """The walkthrough or calming mode is on top again: show the state held back meanwhile, at once.

        Only a state held back: one already shown is not shown again, so
        calming mode the patient opened by hand stays open. It runs in a
        worker, after the closed screen's answer is handled (a quick check's
        page turn), so the leader's page is the last word.
        """
        if self.held_back and not self.ended and shows_the_walk(self.app):
            self.app.run_worker(self._show_last(held_back_only=True), group="follow", exit_on_error=False)

    async def _show_last(self, *, held_back_only: bool) -> None:
        async with self._showing:
            if self.ended or self.last_state is None or (held_back_only and not self.held_back):
                return
            self.held_back = not await show_state(self.app, self.last_state)

    def stop(self) -> None:
        """Stop following (the leader's count goes down)."""
        self.ended = True
        self.client.close()
