"""The app's side of following: its actions and keys' rules, loaded at every start (so it imports nothing heavy).

Every mode's app has these: a patient's app may follow (j, or the "Follow my
counsellor" button, which runs ``app.follow``); an app whose class says
``MAY_LEAD`` (the counsellor's) may lead (w). The work is in ``link.py``,
loaded only when one of them is used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, cast

if TYPE_CHECKING:
    from textual.worker import Worker

    from ..app import WalkthroughApp
    from .link import FollowLink

FOLLOW_ACTIONS = frozenset({"lead", "stop_leading", "follow", "stop_following"})
"""The actions this adds to the app."""


class FollowActions:
    """Mixed into the app: lead, stop leading, follow (ask for a code), stop following."""

    MAY_LEAD: ClassVar[bool] = False
    """Whether this mode may lead others' screens (only the counsellor's; never a kiosk)."""
    follow_link: FollowLink | None = None
    """Leading or following, once either was asked for."""

    def link(self) -> FollowLink:
        """This app's link (made the first time it is needed)."""
        if self.follow_link is None:
            from .link import FollowLink

            self.follow_link = FollowLink(cast("WalkthroughApp", self))
        return self.follow_link

    def start_following_as_asked(self, lead: bool, code: str | None) -> None:
        """``--lead`` or ``--follow CODE``, at the start."""
        if lead and self.MAY_LEAD:
            self.link().start_leading()
        elif code:
            self.link().start_following(code)

    def may_follow_action(self, action: str) -> bool:
        """Whether a following action may run now (the key line lists only those)."""
        link = self.follow_link
        leading = link is not None and link.leading is not None
        following = link is not None and link.following is not None
        if action == "lead":
            return self.MAY_LEAD and not leading
        if action == "stop_leading":
            return leading
        if action == "follow":
            return not self.MAY_LEAD and not following
        return following

    def action_lead(self) -> None:
        """Share this screen: show a code others can follow with."""
        self.link().start_leading()

    def action_stop_leading(self) -> None:
        """Stop sharing this screen (followers stay where they are)."""
        self.link().stop_leading()

    def action_follow(self) -> None:
        """Ask for the counsellor's code, to follow their screen."""
        self.link().ask_for_code()

    def action_stop_following(self) -> None:
        """Stop following: the patient moves on their own again."""
        self.link().stop_following()

    def follow_count_changed(self, count: int) -> None:
        """How many screens follow changed (the counsellor's line says so)."""
        if self.follow_link is not None:
            self.follow_link.show_bar()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A following worker failed: the app goes on (its workers never end it), and the log says where."""
        from textual.worker import WorkerState

        error = event.worker.error
        if event.state == WorkerState.ERROR and event.worker.group == "follow" and isinstance(error, Exception):
            from ..kiosk import describe_fault

            cast("WalkthroughApp", self).log_file.error("following: %s", describe_fault(error))
