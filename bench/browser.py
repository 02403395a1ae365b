"""What the browser tests and the load benchmark share: Debian's Chromium, a served app's processes, a tab's text.

Chromium is Debian's own, headless, never one that a test tool downloads.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("WALKTHROUGH_CHROMIUM", "/usr/bin/chromium")
"""Debian's Chromium (``apt-get install chromium``), or another one named by WALKTHROUGH_CHROMIUM."""

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Headless, and quiet: without the background-networking flags Chromium keeps trying to reach Google's hosts."""


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until_listening(port: int, timeout: float = 20.0) -> None:
    """Wait until a server accepts connections on the loopback ``port``."""
    deadline = time.monotonic() + timeout
    while True:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        if time.monotonic() > deadline:
            raise TimeoutError(f"nothing listened on port {port}")
        time.sleep(0.05)


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """End a server as a supervisor would (SIGTERM), and for good if it has not gone after 10 seconds."""
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


def app_processes(server_pid: int) -> list[int]:
    """The Python processes below a server (each tab's app), by pid."""
    apps, queue = [], [server_pid]
    while queue:
        parent = queue.pop()
        children = Path(f"/proc/{parent}/task/{parent}/children")
        try:
            kids = [int(child) for child in children.read_text().split()]
        except OSError:
            continue
        queue += kids
        for kid in kids:
            try:
                if "python" in Path(f"/proc/{kid}/comm").read_text():
                    apps.append(kid)
            except OSError:
                continue
    return apps


class TabOutput:
    """What the app in one browser tab has drawn (the text of its websocket frames), and the terminal's size."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.drawn = ""
        self.size = (0, 0)
        """Columns and rows, as the page last told the app."""
        page.on("websocket", self._follow)

    def _follow(self, websocket: Any) -> None:
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload: bytes | str) -> None:
        self.drawn += payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload

    def _sent(self, payload: bytes | str) -> None:
        text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
        if text.startswith('["resize"'):
            size = json.loads(text)[1]
            self.size = (int(size["width"]), int(size["height"]))

    def wait_for_text(self, text: str, since: int = 0, timeout: float = 15.0) -> None:
        """Wait until the app has drawn ``text`` after the first ``since`` characters of what it drew."""
        deadline = time.monotonic() + timeout
        while text not in self.drawn[since:]:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{text!r} never appeared")
            self.page.wait_for_timeout(5)  # Playwright delivers frames only while it is called
