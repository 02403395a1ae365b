"""One app's link to others: leading (the counsellor's), or following one leader, with the bar that says so.

Faults here never end the app: leading or following that cannot start is
logged and said calmly, and the walkthrough goes on as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .pairing import PairingGuard, PairingResult, clean_code, shown_code
from .transport import FollowerClient, FollowError, WrongCode, follow_folder

if TYPE_CHECKING:
    from textual.screen import Screen

    from ..app import WalkthroughApp
    from .follower import Following
    from .leader import Leading


class FollowLink:
    """Leading or following for one app, its pairing guard (which lives as long as the app) and its bar."""

    def __init__(self, app: WalkthroughApp) -> None:
        """The link for ``app``; nothing starts until asked."""
        self.app = app
        self.guard = PairingGuard(app.clock)
        """Wrong codes locked out as the staff PIN's: 3 tries, then a minute."""
        self.leading: Leading | None = None
        self.following: Following | None = None
        self._subscribed = False

    # Leading.

    def start_leading(self) -> None:
        """Start sharing the app's screen under a new code (the bar shows it)."""
        if self.leading is None:
            self.app.run_worker(self._lead(), group="follow", exit_on_error=False)

    async def _lead(self) -> None:
        from .leader import Leading

        try:
            self.leading = await Leading.start(self.app, follow_folder())
        except (FollowError, OSError) as error:
            self.app.log_file.warning("sharing could not start: %s", type(error).__name__)
            self.app.notify(self.app.words["follow.lead_failed"], markup=False)
            return
        self._watch_screens()
        self.show_bar()
        self.app.refresh_bindings()

    def stop_leading(self) -> None:
        """Stop sharing: followers are told and stay where they are."""
        leading, self.leading = self.leading, None
        if leading is not None:
            self.app.run_worker(leading.stop(), group="follow", exit_on_error=False)
            self.app.notify(self.app.words["follow.lead_stopped"], markup=False)
        self.show_bar()
        self.app.refresh_bindings()

    # Following.

    def ask_for_code(self) -> None:
        """Open the code entry (by tap or key)."""
        from .screens import FollowCodeScreen

        if self.following is None and not self.app.top_screen_is("follow"):
            screen = FollowCodeScreen(self.app.words, self.try_code, self.guard.seconds_locked)
            self.app.open_screen(screen, "follow")

    def start_following(self, typed: str) -> None:
        """Follow the leader with this code (``--follow CODE``); a wrong one is said calmly and counted."""
        self.app.run_worker(self.try_code(typed), group="follow", exit_on_error=False)

    async def try_code(self, typed: str) -> PairingResult:
        """Join the leader with ``typed``: ok, wrong (counted, 3 lock for a minute), locked, or cannot."""
        from .follower import Following

        seconds = self.guard.seconds_locked()
        if seconds > 0:
            return PairingResult("locked", seconds_left=seconds)
        code = clean_code(typed)
        try:
            if code is None:
                raise WrongCode("not six digits")
            client = await FollowerClient.connect(follow_folder(), code)
        except WrongCode:
            result = self.guard.record(False)
            if not self.app.top_screen_is("follow"):
                self.app.notify(self._refusal(result), timeout=8, markup=False)
            return result
        except (FollowError, OSError) as error:
            self.app.log_file.warning("following could not start: %s", type(error).__name__)
            self.app.notify(self.app.words["follow.cannot"], markup=False)
            return PairingResult("cannot")
        self.guard.record(True)
        self.stop_following(quietly=True)
        following = self.following = Following(self.app, client)
        self._watch_screens()
        self.show_bar()
        self.app.refresh_bindings()
        self.app.run_worker(self._follow(following), group="follow", exit_on_error=False)
        return PairingResult("ok")

    def _refusal(self, result: PairingResult) -> str:
        if result.outcome == "locked":
            return self.app.words["follow.locked"].format(seconds=round(result.seconds_left))
        return self.app.words["follow.wrong"].format(tries=result.tries_left)

    async def _follow(self, following: Following) -> None:
        leader_gone = await following.run()
        if self.following is following:
            self.following = None
            self.show_bar()
            self.app.refresh_bindings()
            if leader_gone:
                self.app.notify(self.app.words["follow.leader_gone"], timeout=10, markup=False)

    def stop_following(self, *, quietly: bool = False) -> None:
        """Stop following (the patient's choice, or a fresh start with ``quietly``): the screen stays where it is."""
        following, self.following = self.following, None
        if following is None:
            return
        following.stop()
        self.show_bar()
        self.app.refresh_bindings()
        if not quietly:
            self.app.notify(self.app.words["follow.stopped"], markup=False)

    # The bar, and catching up when a screen on top closes.

    def _watch_screens(self) -> None:
        if not self._subscribed:
            self._subscribed = True
            self.app.screen_change_signal.subscribe(self.app, self._screen_changed)

    def _screen_changed(self, _screen: Screen[Any]) -> None:
        self.show_bar()
        if self.following is not None:
            self.following.catch_up()

    def show_bar(self) -> None:
        """Show (or take away) the line under the title of the walkthrough screen."""
        from ..screens.walkthrough import WalkthroughScreen
        from .screens import FollowBar

        base = self.app.screen_stack[0] if self.app.screen_stack else None
        if not isinstance(base, WalkthroughScreen) or not base.is_mounted:
            return
        text = self.bar_text()
        bars = base.query(FollowBar)
        if text is None:
            bars.remove()
        elif bars:
            bars.first().set_text(text)
        else:
            tap = None if self.leading is not None else self.stop_following
            base.mount(FollowBar(text, tap), after=base.query_one("#title-bar"))

    def bar_text(self) -> str | None:
        """What the bar says now; None: no bar."""
        words = self.app.words
        if self.leading is not None:
            return words["follow.leading"].format(code=shown_code(self.leading.code), count=self.leading.follower_count)
        if self.following is not None:
            return words["follow.following"]
        return None
