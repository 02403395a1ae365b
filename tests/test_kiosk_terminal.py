"""The kiosk in a real pseudo-terminal: stray bytes and control keys don't end it; signals end it cleanly.

These run ``python -m walkthrough --kiosk`` as a supervisor would, on a pty
whose settings the test can read before and after.
"""

from __future__ import annotations

import fcntl
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import GOOD, write_content

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")

CONTROL_KEYS = b"\x11\x03\x1a\x1c\x04\x13q\x10"
"""ctrl+q, ctrl+c, ctrl+z, ctrl+\\, ctrl+d, ctrl+s, q, ctrl+p."""
STRAY_BYTES = b"\xff\xfe\xc3\x28\x80\xed\xa0\x80"
"""Bytes that are not UTF-8 (a bad keyboard, line noise, a cat on a serial console)."""
LEAVE_ALT_SCREEN = b"\x1b[?1049l"


class Terminal:
    """A kiosk on its own pseudo-terminal, its output drained as it comes."""

    def __init__(self, home: Path, *args: str) -> None:
        self.master, self.slave = os.openpty()
        fcntl.ioctl(self.slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.settings_before = termios.tcgetattr(self.slave)
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(home),
            "XDG_STATE_HOME": str(home / "state"),
            "TERM": "xterm-256color",
            "TEXTUAL_ALLOW_SIGNALS": "1",  # a kiosk must ignore this, or ctrl+c would end it
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.process = subprocess.Popen(
            [sys.executable, "-m", "walkthrough", *args],
            stdin=self.slave,
            stdout=self.slave,
            stderr=self.slave,
            cwd=home,
            env=env,
            start_new_session=True,
            preexec_fn=_take_controlling_terminal,
        )
        self.output = bytearray()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    def wait_for(self, text: bytes, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.output:
            if self.process.poll() is not None:
                raise AssertionError(f"the kiosk ended with {self.process.returncode} before showing {text!r}")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{text!r} never appeared")
            time.sleep(0.05)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def is_stopped(self) -> bool:
        stat = Path(f"/proc/{self.process.pid}/stat")
        return stat.exists() and stat.read_text().rsplit(")", 1)[1].split()[0] == "T"

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        os.close(self.master)
        os.close(self.slave)


def _take_controlling_terminal() -> None:
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    kiosk = Terminal(tmp_path, "--kiosk")
    kiosk.wait_for(b"Welcome")
    yield kiosk
    kiosk.close()


def files_written(home: Path) -> list[str]:
    return sorted(str(path.relative_to(home)) for path in home.rglob("*") if path.is_file())


def test_stray_bytes_and_control_keys_do_not_end_the_kiosk(terminal: Terminal) -> None:
    for _ in range(3):
        terminal.send(STRAY_BYTES)
        terminal.send(CONTROL_KEYS)
        time.sleep(0.3)
    assert terminal.process.poll() is None, f"ended with {terminal.process.returncode}"
    assert not terminal.is_stopped(), "ctrl+z suspended the kiosk"
    terminal.send(b"\x1b[C")  # right arrow: it still answers keys
    terminal.wait_for(b"Step 1 of 4")
    assert b"Traceback" not in terminal.output


@pytest.mark.parametrize(("signal_number", "exit_code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_signal_ends_the_kiosk_with_the_terminal_restored(
    terminal: Terminal, tmp_path: Path, signal_number: int, exit_code: int
) -> None:
    terminal.send(b"\x1b[C")
    terminal.wait_for(b"Step 1 of 4")
    terminal.process.send_signal(signal_number)
    assert terminal.process.wait(timeout=20) == exit_code
    time.sleep(0.2)  # let the last output drain
    assert termios.tcgetattr(terminal.slave) == terminal.settings_before, "the terminal was left in raw mode"
    assert LEAVE_ALT_SCREEN in terminal.output
    assert b"Traceback" not in terminal.output
    assert files_written(tmp_path) == ["state/walkthrough/walkthrough.log"], "a kiosk writes only its log"
    log = (tmp_path / "state/walkthrough/walkthrough.log").read_text(encoding="utf-8")
    assert f"stopping on {signal.Signals(signal_number).name}" in log


def test_with_the_store_on_a_kiosk_writes_its_log_and_the_store_only(tmp_path: Path) -> None:
    """The one exception to "a kiosk writes only its log", and only when the clinic turns the store on."""
    store = tmp_path / "clinic" / "store.sqlite"
    kiosk = Terminal(tmp_path, "--kiosk", "--store", str(store))
    try:
        kiosk.wait_for(b"Welcome")
        kiosk.send(b"\x1b[C")
        kiosk.wait_for(b"How anxious")
        kiosk.send(b"7")
        kiosk.wait_for(b"You chose 7.")
        kiosk.process.send_signal(signal.SIGTERM)
        assert kiosk.process.wait(timeout=20) == 143
    finally:
        kiosk.close()
    written = set(files_written(tmp_path)) - {"clinic/store.sqlite-wal", "clinic/store.sqlite-shm"}
    assert written == {"state/walkthrough/walkthrough.log", "clinic/store.sqlite"}
    connection = sqlite3.connect(store)
    try:
        assert connection.execute("SELECT mode, rating_before, furthest_page FROM sessions").fetchall() == [
            ("kiosk", 7, 1)
        ]
    finally:
        connection.close()


def test_the_clinic_setting_turns_kiosk_mode_on(tmp_path: Path) -> None:
    clinic = (GOOD / "clinic.yaml").read_text(encoding="utf-8") + "kiosk: true\n"
    folder = write_content(tmp_path / "content", clinic=clinic)
    kiosk = Terminal(tmp_path, "--content", str(folder))
    try:
        kiosk.wait_for(b"Fixture walkthrough")
        kiosk.send(b"q\x11")
        time.sleep(0.5)
        assert kiosk.process.poll() is None, "q or ctrl+q ended a kiosk set up by the clinic"
        kiosk.process.send_signal(signal.SIGTERM)
        assert kiosk.process.wait(timeout=20) == 143
    finally:
        kiosk.close()
