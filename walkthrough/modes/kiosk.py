"""The waiting-room kiosk: one patient after another, with no way out but the staff PIN.

Everything only a kiosk does is here: the idle clock and "Are you still
here?", the fresh start for the next patient, the staff PIN, recovering from
faults, and the actions a patient may not reach. The rules that need no screen
(settings, the log, a safe environment) are in ``walkthrough/kiosk.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.screen import Screen
from textual.timer import Timer

from ..app import WalkthroughApp
from ..compat.app_hooks import bind_priority_key
from ..kiosk import KIOSK_APP_ACTIONS, STAFF_EXIT_CODE, FaultCounter, IdleClock
from ..over_the_walk import screen_id
from ..screens.walkthrough import WalkthroughScreen
from ..session import PatientSession
from ..settings import Mode
from ..themes import CALM

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..pin import PinGuard
    from ..summary.delivery import SummaryDelivery

KIOSK_NOTICES = ("idle", "fault")
"""Screens (by id) over which the staff key waits: "Are you still here?" and the fault message."""


class KioskApp(WalkthroughApp):
    """A walkthrough for one patient after another: fresh starts, an idle clock, faults survived, a staff PIN."""

    MODE: ClassVar[Mode] = "kiosk"
    RECOVERS_IN_HANDLERS = True
    OFFERS_FOLLOW = False
    STORE_MODE = "kiosk"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """As :class:`WalkthroughApp`; the settings say the idle time, warning time and staff PIN."""
        super().__init__(*args, **kwargs)
        settings = self.settings
        self.faults = FaultCounter(self.clock)
        self.fresh_starts = 0
        """How many times the kiosk has gone back to a fresh welcome screen."""
        self.used_since_fresh_start = False
        """Someone has pressed or tapped something since the last fresh start (so there is something to clear)."""
        self.idle = IdleClock(settings.idle_seconds, self.clock)
        self.pin_guard: PinGuard | None = None
        self._idle_timer: Timer | None = None
        if settings.staff_pin_hash:
            from ..pin import PinGuard

            self.pin_guard = PinGuard(settings.staff_pin_hash, self.clock, on_lock=self._log_pin_lock)
            bind_priority_key(self, settings.staff_key, "staff", "Staff")

    def on_mount(self) -> None:
        """Start the idle clock."""
        super().on_mount()
        self.log_file.info("kiosk started")
        self._arm_idle_check(self.settings.idle_seconds)

    def someone_is_here(self) -> None:
        """A key or tap keeps the kiosk awake, and means there is something to clear for the next patient."""
        self.idle.touch()
        self.used_since_fresh_start = True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Only harmless actions run: no quit, palette, theme, screenshot or key panel.

        The staff key waits while "Are you still here?" or the fault message is up.
        """
        if action not in KIOSK_APP_ACTIONS and action != "stop_following":  # staff pair a kiosk with --follow
            return False
        if action == "staff" and self._notice_on_top():
            return False
        return super().check_action(action, parameters)

    def _notice_on_top(self) -> bool:
        return any(self.top_screen_is(notice) for notice in KIOSK_NOTICES)

    def get_system_commands(self, screen: Screen[Any]):  # type: ignore[no-untyped-def]  # Textual's own is untyped
        """No system commands at all, even if the palette were opened somehow."""
        return iter(())

    def save_screenshot(self, *args: Any, **kwargs: Any) -> str:
        """No screenshots: what a patient saw stays on the screen."""
        raise PermissionError("a kiosk saves no screenshots")

    def deliver_screenshot(self, *args: Any, **kwargs: Any) -> None:
        """No screenshots delivered either."""

    def deliver_summary(self, html: str, texts: Sequence[str]) -> SummaryDelivery:
        """A kiosk writes nothing and opens nothing: QR codes of the compact summaries, served or in a terminal.

        A page sent to a shared tablet's browser would open in a tab of its own,
        which a fresh start cannot close: the next patient would find it there.
        """
        from ..summary.delivery import as_qr_codes

        return as_qr_codes(texts)

    # Staff.

    def action_staff(self) -> None:
        """Open the staff PIN prompt."""
        from ..screens.staff import StaffPinScreen

        if self.pin_guard is None or any(screen.id == screen_id("staff") for screen in self.screen_stack):
            return
        self.open_screen(StaffPinScreen(self.words, self.pin_guard), "staff", self._staff_answered)

    def _staff_answered(self, right_pin: bool | None) -> None:
        if right_pin:
            self.log_file.info("staff exit")
            self.exit(return_code=STAFF_EXIT_CODE)

    def _log_pin_lock(self) -> None:
        self.log_file.warning("staff prompt locked after wrong PINs")

    # Idle reset.

    def _arm_idle_check(self, delay: float) -> None:
        if self._idle_timer is not None:
            self._idle_timer.stop()
        self._idle_timer = self.set_timer(max(0.5, delay), self.idle_check)

    def idle_check(self) -> None:
        """Warn when the kiosk has been quiet for its idle time; otherwise check again when it could be.

        Quiet time does not count while calming mode or hands-free reading
        runs on top. An untouched fresh start gets no warning: there is nothing
        to clear, and an empty room should not keep asking.
        """
        self._idle_timer = None
        if self._session_is_running():
            self.idle.touch()
            self._arm_idle_check(1.0)
            return
        left = self.idle.seconds_left()
        if left > 0 or not self.used_since_fresh_start:
            self._arm_idle_check(left if left > 0 else self.idle.idle_seconds)
            return
        if not self._notice_on_top():
            from ..screens.idle import IdleWarningScreen

            warning = IdleWarningScreen(self.words, seconds=self.settings.warning_seconds, clock=self.clock)
            self.open_screen(warning, "idle", self._idle_answered)

    def _session_is_running(self) -> bool:
        """On top: calming mode breathing (not paused or finished), or hands-free reading turning pages.

        Only the screen on top counts: a staff prompt or help left open over
        breathing is quiet time like any other.
        """
        from ..screens.calm import CalmScreen

        screen = self.top_screen
        if isinstance(screen, CalmScreen):
            return screen.is_breathing
        return isinstance(screen, WalkthroughScreen) and screen.auto_reading

    def _idle_answered(self, still_here: bool | None) -> None:
        if still_here:
            self.idle.touch()
            self._arm_idle_check(self.idle.idle_seconds)
        else:
            self.call_later(self.fresh_start)

    async def fresh_start(self) -> None:
        """Everything back to a new welcome screen, as for the next patient.

        The session's whole screen stack is dropped for a new mode with a new
        walkthrough screen (so pages, scroll positions, hands-free reading,
        open panels and focus are new); the language and theme go back to the
        start and notifications are cleared.
        """
        self.end_session("fresh start")  # the last patient's anonymous row, when the clinic keeps them
        self.fresh_starts += 1
        self.used_since_fresh_start = False
        if self.follow_link is not None:
            self.follow_link.stop_following(quietly=True)
        self.session, ended = PatientSession(), self.session
        ended.clear()  # in place: the first session's screen is frozen for the collector and may outlive it
        self.content = self.start_content
        self.clear_notifications()
        self.theme = CALM.name
        await self.replace_session()
        self.idle.touch()
        self._arm_idle_check(self.idle.idle_seconds)

    # Faults.

    def fault(self, error: Exception) -> bool:
        """Log the error; recover with a fresh start and a calm message, unless faults keep coming."""
        super().fault(error)
        if not self.is_closing and self.faults.add():
            self.call_later(self._recover_from_fault)
            return True
        return False

    async def _recover_from_fault(self) -> None:
        """A fresh walkthrough, with the calm "This screen has a problem" message on top."""
        from ..screens.fault import FaultScreen

        await self.fresh_start()
        screen = FaultScreen(self.words)
        screen.id = screen_id("fault")
        await self.push_screen(screen)
