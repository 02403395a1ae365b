"""The terminal closed at any point of start-up (issue 19): the app is gone within 2 s, with exit status 129.

A real pseudo-terminal is opened and the app started on it as its
controlling terminal, as a login, tmux or ssh would. At each point of
start-up the terminal's side is closed (what a killed tmux, a dropped ssh
session or a closed window does: the kernel hangs the terminal up, sends
SIGHUP and SIGCONT, and reads and writes on it fail), or SIGTERM is sent
instead. Every run must end within 2 s with the documented status.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from textual.app import App

from walkthrough.compat import driver as driver_module
from walkthrough.compat.driver import SETUP_GRACE_SECONDS, SteadyLinuxDriver

pytestmark = pytest.mark.skipif(
    sys.platform == "win32" or not Path("/proc/self/status").exists(), reason="needs a pseudo-terminal and /proc"
)

START_SECONDS = 60.0
"""However slow the machine, start-up reaches each point within this."""
EXIT_SECONDS = 2.0
"""The app must be gone this soon after the terminal closes or SIGTERM arrives."""
ALT_SCREEN = b"\x1b[?1049h"
"""Textual takes the terminal over (before the first frame)."""
FIRST_FRAME = b"Welcome"
"""On the first screen, so in the first frame."""

# (name, what to wait for, seconds more, closes). What to wait for: bytes on the screen, or a signal the
# process has a handler for. The walkthrough catches SIGHUP from its first line; Textual's driver, made
# just before it takes the terminal over, catches SIGCONT. The first frame is followed by the rest of
# the first screen and, about 20 to 70 ms later, by the other screens and their stylesheets. Most closes
# go where the app used to hang (1 close in 3 before the terminal was taken over; none from the first frame on).
POINTS = [
    ("loading", signal.SIGHUP, 0.0, 8),
    ("driver-made", signal.SIGCONT, 0.0, 8),
    ("terminal-taken-over", ALT_SCREEN, 0.0, 8),
    ("first-frame", FIRST_FRAME, 0.0, 3),
    ("first-frame+20ms", FIRST_FRAME, 0.02, 3),
    ("first-frame+40ms", FIRST_FRAME, 0.04, 3),
    ("first-frame+60ms", FIRST_FRAME, 0.06, 3),
    ("first-frame+100ms", FIRST_FRAME, 0.1, 2),
    ("first-frame+250ms", FIRST_FRAME, 0.25, 2),
    ("settled", FIRST_FRAME, 1.0, 2),
]
"""42 closes per mode, 84 in all, 48 of them before the first frame: a hang in 1 close in 7 there would
pass them all with odds of (6/7)**48, about 1 in 1,600 (and 1 in 400,000 over all 84)."""
MODES = {"kiosk": "--kiosk", "counsellor": "--counsellor"}


class PtyApp:
    """``python -m walkthrough`` on a pseudo-terminal of its own.

    Only the test's own thread reads the terminal's side, and never while it
    closes it: Linux puts off the close of a file that another thread is
    blocked reading until that read returns, and the terminal would not hang up.
    """

    def __init__(self, home: Path, *args: str) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.settings_before = termios.tcgetattr(slave)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_STATE_HOME": str(home / "state"),
            "TERM": "xterm-256color",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "walkthrough", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=home,
            env=env,
            start_new_session=True,
            preexec_fn=_take_controlling_terminal,
        )
        self.slave: int | None = slave  # kept open to read the settings back; a closed master hangs it up anyway
        self.output = bytearray()

    def drain(self, seconds: float) -> None:
        """Read what the app writes, for ``seconds``."""
        deadline = time.monotonic() + seconds
        while self.master >= 0:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            ready, _, _ = select.select([self.master], [], [], min(left, 0.005))
            if ready:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:  # EIO: the app's side is closed (it has ended)
                    return
                self.output += chunk

    def reach(self, marker: bytes | signal.Signals, delay: float) -> None:
        """Wait for ``marker`` on the screen (a signal: for the app to catch it), then ``delay`` seconds more."""
        deadline = time.monotonic() + START_SECONDS
        while not (_catches(self.process.pid, marker) if isinstance(marker, signal.Signals) else marker in self.output):
            if self.process.poll() is not None:
                raise AssertionError(f"the app ended with {self.process.returncode} before {marker!r}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"start-up never reached {marker!r}")
            self.drain(0.002)
        self.drain(delay)

    def close_terminal(self) -> None:
        """Close the terminal's side, as a closed window or a dropped ssh session does."""
        os.close(self.master)
        self.master = -1

    def exit_status(self, seconds: float = EXIT_SECONDS) -> int | None:
        """The app's exit status once it has ended (None: still running after ``seconds``), reading its output."""
        deadline = time.monotonic() + seconds
        while self.process.poll() is None and time.monotonic() < deadline:
            if self.master >= 0:
                self.drain(0.01)
            else:
                time.sleep(0.01)
        return self.process.poll()

    def settings_now(self) -> list[object]:
        """The terminal's settings as the app left them."""
        assert self.slave is not None
        return termios.tcgetattr(self.slave)

    def kill(self) -> None:
        """End whatever is left, and close the terminal."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        if self.master >= 0:
            self.close_terminal()
        if self.slave is not None:
            os.close(self.slave)
            self.slave = None


def _take_controlling_terminal() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _catches(pid: int, number: signal.Signals) -> bool:
    """Whether the process has a handler of its own for signal ``number`` yet."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    caught = next(line for line in status.splitlines() if line.startswith("SigCgt:")).split()[1]
    return bool(int(caught, 16) & (1 << (number - 1)))


def faults_logged(home: Path) -> list[str]:
    """The errors in the app's log (a stop mid-way through start-up is not one)."""
    log = home / "state" / "walkthrough" / "walkthrough.log"
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return [line for line in lines if " ERROR " in line]


@pytest.fixture
def apps(tmp_path: Path) -> Iterator[list[PtyApp]]:
    """Apps started by a test, all killed afterwards whatever happened."""
    started: list[PtyApp] = []
    yield started
    for app in started:
        app.kill()


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("point", "marker", "delay", "closes"), POINTS, ids=[point[0] for point in POINTS])
def test_closing_the_terminal_ends_the_app(
    apps: list[PtyApp], tmp_path: Path, mode: str, point: str, marker: bytes | signal.Signals, delay: float, closes: int
) -> None:
    for attempt in range(closes):
        app = PtyApp(tmp_path, MODES[mode])
        apps.append(app)
        app.reach(marker, delay)
        app.close_terminal()
        status = app.exit_status()
        assert status is not None, f"still running {EXIT_SECONDS} s after the terminal closed (close {attempt + 1})"
        assert status == 128 + signal.SIGHUP, f"close {attempt + 1}: exit status {status}"
        app.kill()
    assert faults_logged(tmp_path) == []


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    ("point", "marker", "delay"), [point[:3] for point in POINTS], ids=[point[0] for point in POINTS]
)
def test_sigterm_ends_the_app_at_every_point_of_start_up(
    apps: list[PtyApp], tmp_path: Path, mode: str, point: str, marker: bytes | signal.Signals, delay: float
) -> None:
    app = PtyApp(tmp_path, MODES[mode])
    apps.append(app)
    app.reach(marker, delay)
    app.process.send_signal(signal.SIGTERM)
    assert app.exit_status() == 128 + signal.SIGTERM
    app.drain(0.2)  # the last of the output
    assert app.settings_now() == app.settings_before, "the terminal was not put back as it was"
    assert b"Traceback" not in app.output
    assert b"unexpected error" not in app.output
    assert faults_logged(tmp_path) == []


def test_a_sigcont_without_sigtstp_changes_nothing(apps: list[PtyApp], tmp_path: Path) -> None:
    """The kernel sends SIGCONT at every hang-up; only a resume after SIGTSTP takes the terminal over again."""
    app = PtyApp(tmp_path, "--kiosk")
    apps.append(app)
    app.reach(FIRST_FRAME, 0.5)
    threads = len(list(Path(f"/proc/{app.process.pid}/task").iterdir()))
    shown = len(app.output)
    app.process.send_signal(signal.SIGCONT)
    app.drain(0.5)
    assert ALT_SCREEN not in app.output[shown:], "application mode was started again"
    assert len(list(Path(f"/proc/{app.process.pid}/task").iterdir())) == threads, "a second writer or input thread"
    app.process.send_signal(signal.SIGTERM)
    assert app.exit_status() == 128 + signal.SIGTERM


@contextmanager
def driver_on_a_hung_up_terminal(app: App[Any], monkeypatch: pytest.MonkeyPatch) -> Iterator[SteadyLinuxDriver]:
    """Our driver for ``app`` on a terminal that hangs up between Textual's look at it and its set-up.

    Textual's driver installs SIGTSTP and SIGCONT handlers; they are put back afterwards.
    """
    master, slave = os.openpty()
    os.close(master)  # the terminal is hung up: its set-up fails with EIO
    # It was still a terminal when Textual looked (a hung-up one no longer says it is one).
    monkeypatch.setattr(os, "isatty", lambda fd: fd == slave or fd in (0, 1, 2))
    handlers = {number: signal.getsignal(number) for number in (signal.SIGTSTP, signal.SIGCONT)}
    try:
        driver = SteadyLinuxDriver(app)
        driver.fileno = slave
        driver.input_tty = False
        yield driver
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
        os.close(slave)


async def test_a_terminal_gone_before_application_mode_takes_the_first_screen_s_output_without_a_fault(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Closed between the driver's making and application mode: Textual starts no writer thread, and writes are dropped.

    The race the closes above hit about 1 time in 150 under load (the first
    screen's pointer shape failed Textual's "Driver must be in application
    mode" assertion, and a kiosk logged a fault), made certain here.
    """
    with driver_on_a_hung_up_terminal(App(), monkeypatch) as driver:
        driver.start_application_mode()
        assert driver._writer_thread is None, "Textual set the terminal up after all: the test tests nothing"
        driver.write("\x1b[?25l")
        driver.flush()
        driver.stop_application_mode()
        driver.close()
        await asyncio.sleep(SETUP_GRACE_SECONDS + 0.2)  # no terminal_unusable on a plain App: nothing happens


async def test_a_sigcont_the_moment_the_driver_catches_it_is_not_a_fault(monkeypatch: pytest.MonkeyPatch) -> None:
    """A terminal closed just as the driver is made: its SIGCONT may run the handler before the driver's __init__ ends.

    The closes at "driver-made" above hit this about once in a CI run (an
    AttributeError a kiosk logged as a fault); here the signal comes at once.
    """
    handlers = {number: signal.getsignal(number) for number in (signal.SIGTSTP, signal.SIGCONT)}
    install = signal.signal

    def install_then_deliver(number: int, handler: Any) -> Any:
        previous = install(number, handler)
        if number == signal.SIGCONT:
            handler(number, None)
        return previous

    monkeypatch.setattr(signal, "signal", install_then_deliver)
    try:
        driver = SteadyLinuxDriver(App())
        assert driver._suspended_on_sigtstp is False
    finally:
        for number, handler in handlers.items():
            install(number, handler)


async def test_a_terminal_that_cannot_be_set_up_without_a_hang_up_ends_the_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """No writer thread and no SIGHUP (a set-up that failed for another reason): the app is told, and ends."""
    monkeypatch.setattr(driver_module, "SETUP_GRACE_SECONDS", 0.05)
    told: list[str] = []

    class Watched(App[None]):
        def terminal_unusable(self) -> None:
            told.append("unusable")

    with driver_on_a_hung_up_terminal(Watched(), monkeypatch) as driver:
        driver.start_application_mode()
        await asyncio.sleep(0.3)
        assert told == ["unusable"]
        driver.stop_application_mode()
        driver.close()
