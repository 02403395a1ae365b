"""Run a terminal program in a real pseudo-terminal, send keys, and read its CPU time from /proc."""

from __future__ import annotations

import os
import pty
import signal
import struct
import threading
import time
from fcntl import ioctl
from pathlib import Path
from termios import TIOCSWINSZ

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class PtyProgram:
    """A child process on its own 80x24 pseudo-terminal whose output is drained as it comes."""

    def __init__(self, argv: list[str], columns: int = 80, rows: int = 24, env: dict[str, str] | None = None) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            os.environ.update(env or {})
            os.environ["TERM"] = "xterm-256color"
            os.execvp(argv[0], argv)
        ioctl(self.fd, TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.output = bytearray()
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk[-4096:] if len(self.output) > 1 << 20 else chunk
            if len(self.output) > 1 << 20:
                del self.output[: len(self.output) - 4096]

    def wait_for(self, text: str, timeout: float = 20.0, poll: float = 0.02) -> None:
        """Wait until ``text`` has been drawn, looking every ``poll`` seconds."""
        deadline = time.monotonic() + timeout
        needle = text.encode()
        while needle not in self.output:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{text!r} never appeared")
            time.sleep(poll)

    def send(self, keys: str) -> None:
        """Type ``keys`` (raw bytes, e.g. '\\x1b[C' for right arrow)."""
        os.write(self.fd, keys.encode())

    def cpu_seconds(self) -> float:
        """User plus system CPU time the child has used so far."""
        with open(f"/proc/{self.pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS

    def cpu_percent(self, seconds: float, settle: float = 2.0) -> float:
        """Average CPU use, in percent of one core, over ``seconds`` after ``settle`` seconds of quiet."""
        time.sleep(settle)
        start_cpu, start = self.cpu_seconds(), time.monotonic()
        time.sleep(seconds)
        return 100 * (self.cpu_seconds() - start_cpu) / (time.monotonic() - start)

    def close(self) -> None:
        """End the program."""
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


KEYS = {
    "right": "\x1b[C",
    "left": "\x1b[D",
    "escape": "\x1b",
    "f9": "\x1b[20~",
    "question_mark": "?",
    "b": "b",
    "f": "f",
    "l": "l",
}
"""What a terminal sends for each key the benchmarks press."""


def probe_program(which: str, samples: Path) -> PtyProgram:
    """``bench.probe`` for ``which`` ("app" or "bare") in a pseudo-terminal, its first screen drawn."""
    import sys

    program = PtyProgram([sys.executable, "-m", "bench.probe", which, str(samples)])
    program.wait_for("Welcome")
    time.sleep(0.5)
    return program
