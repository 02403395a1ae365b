"""Following: a patient's app shows the page, language and calming mode its leader sends, until either side ends it.

Pages are found by name, never by number: a step this content lacks keeps
the page on show. What follows is only what a patient could do by hand in
this mode (page turns, the language, calming mode), so a kiosk's lock-down
still holds; a screen on top that is not the walkthrough or calming mode (the
staff PIN, "Are you still here?", help) is left alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..screens.pages import page_index_of
from .protocol import CalmState, SharedState
from .transport import FollowerClient

if TYPE_CHECKING:
    from ..app import WalkthroughApp


async def show_state(app: WalkthroughApp, state: SharedState) -> None:
    """Make ``app`` show what the leader shows, as far as this app can."""
    from ..screens.calm import CalmScreen
    from ..screens.walkthrough import WalkthroughScreen

    if not app.screen_stack:
        return
    if state.language != app.content.language and state.language in app.languages:
        if not isinstance(app.top_screen, (WalkthroughScreen, CalmScreen)):
            return
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
        self.ended = False

    async def run(self) -> bool:
        """Show each state as it comes; True when the leader went away, False when this side stopped."""
        while not self.ended:
            state = await self.client.next_state()
            if state is None:
                break
            self.last_state = state
            if not self.ended:
                await show_state(self.app, state)
        self.client.close()
        return not self.ended

    def stop(self) -> None:
        """Stop following (the leader's count goes down)."""
        self.ended = True
        self.client.close()
