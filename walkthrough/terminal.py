"""How the app meets the terminal or browser tab it runs in: its driver, the supervisor's signals, a lost input.

Shared by every mode (the base of :class:`walkthrough.app.WalkthroughApp`).
"""

from __future__ import annotations

import asyncio
import logging
import signal
from typing import TYPE_CHECKING

from textual.driver import Driver
from textual.drivers.linux_driver import LinuxDriver

from .compat.app_hooks import FaultHooks
from .compat.driver import SteadyLinuxDriver
from .kiosk import describe_fault
from .stop_signals import EXIT_SIGNALS, noted_exit_signal

if TYPE_CHECKING:
    from .compat.web_driver import Heartbeat


class TerminalApp(FaultHooks):
    """The driver for where the app runs, a clean end on SIGTERM, SIGHUP and SIGINT, and a lost input logged."""

    log_file: logging.Logger
    """Where faults and kiosk events are written."""
    handle_signals = False
    """End cleanly on the supervisor's signals (only for a real terminal)."""

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver, but on Linux and macOS one that shrugs off bytes that are not UTF-8.

        Served by ``walkthrough serve`` (textual-serve sets ``TEXTUAL_DRIVER``
        to Textual's web driver), the app runs ours, which answers the server's
        heartbeat (compat/web_driver.py).
        """
        driver_class = super().get_driver_class()
        if driver_class is LinuxDriver:
            return SteadyLinuxDriver
        if (driver_class.__module__, driver_class.__qualname__) == ("textual.drivers.web_driver", "WebDriver"):
            from .compat.web_driver import ServedWebDriver

            return ServedWebDriver
        return driver_class

    def on_heartbeat(self, message: Heartbeat) -> None:
        """``walkthrough serve`` asks whether the event loop runs: answered here, on the loop, it says yes."""
        message.answer()

    def on_load(self) -> None:
        """Before the terminal changes mode: end cleanly on the supervisor's signals, one that came already too."""
        if self.handle_signals:
            loop = asyncio.get_running_loop()
            for number in EXIT_SIGNALS:
                loop.add_signal_handler(number, self.exit_on_signal, number)
            noted = noted_exit_signal()
            if noted is not None:
                self.exit_on_signal(noted)

    def exit_on_signal(self, number: int) -> None:
        """Leave as after a quit (terminal restored), with exit status 128 + the signal's number."""
        self.log_file.info("stopping on %s", signal.Signals(number).name)
        self.stopping_on_signal = True
        self.exit(return_code=128 + number)

    def terminal_unusable(self) -> None:
        """The terminal could not be set up and no hang-up came: log it and end, so a supervisor can start afresh."""
        if self.stopping_on_signal or self.is_closing:
            return
        self.log_file.error("stopping: the terminal could not be set up")
        self.exit(return_code=1)

    def input_failed(self, error: BaseException) -> None:
        """The terminal's input failed for good: log it and end, so a supervisor can start afresh."""
        self.log_file.error("input stopped: %s", describe_fault(error))
        self.exit(return_code=1, message="walkthrough stopped: the terminal's input failed.")
