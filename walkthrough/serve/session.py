"""One browser tab's session: its app process, relayed to the websocket, and always ended.

textual-serve's AppService starts the process and relays its output; it
leaves a tab open on a crashed app, and waits forever for an app that will
not quit. Here every way a session can go ends the same: the app is gone and
the tab shows the "closed / Start again" page. The rule for a fault:

- the app exits by itself (any status: a crash, or its own quit);
- the app has not drawn its first screen within ``START_SECONDS``;
- the app stops reading its input: one write not taken within ``INPUT_SECONDS``;
- the app's event loop stops: once it has drawn, the server sends it a
  heartbeat every ``HEARTBEAT_SECONDS`` (a meta packet,
  ``{"type": "heartbeat", "n": N}``), which the app answers from its event loop
  (compat/web_driver.py); none answered for ``HANG_SECONDS`` is a hang, even while
  Textual's input thread still reads;
- asked to quit (the tab closed, the server stopping), it is not gone within
  ``QUIT_SECONDS``: then SIGTERM, and SIGKILL ``KILL_SECONDS`` later.

A quiet app is not a fault: a patient may read one page for many minutes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from collections.abc import Awaitable, Callable

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

START_SECONDS = 30.0
"""An app that has drawn nothing this long after it was started has failed to start (a cold start takes ~1 s)."""

INPUT_SECONDS = 10.0
"""An app that has not taken a key or tap from its input pipe this long has hung."""

HEARTBEAT_SECONDS = 10.0
"""How often a drawn app is asked whether its event loop runs: one ~30-byte packet and one message each way."""

HANG_SECONDS = 30.0
"""An app that has answered no heartbeat this long has hung (its loop is stuck), and is ended.

Three heartbeats go unanswered first, so one late answer is never a fault; the
slowest things the app does on its loop (a language switch, the PIN's scrypt
check, a content reload) take about a second. And a patient looking at a frozen
screen for more than half a minute will have given up on it: ended, the tab
offers Start again.
"""

QUIT_SECONDS = 5.0
"""How long an app asked to quit may take before it is ended with SIGTERM."""

KILL_SECONDS = 2.0
"""How long after SIGTERM before SIGKILL."""


class SessionApp(AppService):
    """textual-serve's AppService for one tab: notes the app's first output, a write it does not take, its heartbeat."""

    def __init__(self, command: str, websocket: web.WebSocketResponse, download_manager: DownloadManager) -> None:
        async def close() -> None:
            await websocket.close()

        super().__init__(
            command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=close,
            download_manager=download_manager,
        )
        self.drawn = asyncio.Event()
        """Set at the app's first output."""
        self.hung = asyncio.Event()
        """Set when the app has not taken its input for INPUT_SECONDS."""
        self.answered_at = time.monotonic()
        """When the app last answered a heartbeat (or, until it first does, when it was made)."""
        self.answers = 0
        """How many heartbeats the app has answered."""

    @property
    def process(self) -> asyncio.subprocess.Process | None:
        """The app's process, once started."""
        return self._process

    @property
    def task(self) -> asyncio.Task[None] | None:
        """The task relaying the app's output; it ends when the app's output does."""
        return self._task

    async def on_data(self, payload: bytes) -> None:
        """Output for the terminal: the app has started."""
        self.drawn.set()
        await super().on_data(payload)

    async def on_meta(self, data: bytes) -> None:
        """A heartbeat's answer is noted and goes no further (the page has no use for it); the rest as textual-serve."""
        try:
            meta = json.loads(data)
        except ValueError:
            meta = None
        if isinstance(meta, dict) and meta.get("type") == "heartbeat":
            self.answered_at = time.monotonic()
            self.answers += 1
            return
        await super().on_meta(data)

    async def ask_until_silent(self) -> bool:
        """From the first output on, a heartbeat every HEARTBEAT_SECONDS; True once none is answered for HANG_SECONDS.

        False if a heartbeat cannot be written (the app has gone, or stopped
        taking its input: ``hung`` says which rule then applies).
        """
        await self.drawn.wait()
        self.answered_at = time.monotonic()
        number = 0
        next_beat = self.answered_at
        while True:
            now = time.monotonic()
            if now - self.answered_at >= HANG_SECONDS:
                return True
            if now >= next_beat:
                number += 1
                next_beat = now + HEARTBEAT_SECONDS
                if not await self.send_meta({"type": "heartbeat", "n": number}):
                    return False
            await asyncio.sleep(max(0.0, min(next_beat, self.answered_at + HANG_SECONDS) - time.monotonic()))

    async def _write(self, packet: bytes) -> bool:
        stdin = self._stdin
        if stdin is None or stdin.is_closing():
            return False
        try:
            stdin.write(packet)
            await asyncio.wait_for(stdin.drain(), INPUT_SECONDS)
        except TimeoutError:
            self.hung.set()
            return False
        except (OSError, RuntimeError):
            return False
        return True

    async def send_bytes(self, data: bytes) -> bool:
        """Keys and taps for the app; a write it does not take within INPUT_SECONDS marks it hung."""
        return await self._write(self.encode_packet(b"D", data))

    async def send_meta(self, data: dict[str, str | None | int | bool]) -> bool:
        """A size, focus, quit or heartbeat message for the app, under the same rule as keys."""
        return await self._write(self.encode_packet(b"M", json.dumps(data).encode("utf-8")))

    async def stop(self) -> None:
        """Ask the app to quit; end it if it does not (see the module's rule). Safe to call more than once."""
        process = self._process
        if process is None:
            return
        if process.returncode is None:
            await self._download_manager.cancel_app_downloads(app_service_id=self.app_service_id)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.send_meta({"type": "quit"}), 1.0)
            await _wait_or_end(process)
        if self._task is not None:
            task, self._task = self._task, None
            with contextlib.suppress(TimeoutError, asyncio.CancelledError):
                await asyncio.wait_for(task, KILL_SECONDS)


async def _wait_or_end(process: asyncio.subprocess.Process) -> None:
    """Wait QUIT_SECONDS for ``process`` to exit, then SIGTERM, then SIGKILL."""
    for end, seconds in ((None, QUIT_SECONDS), (process.terminate, KILL_SECONDS), (process.kill, None)):
        if end is not None:
            with contextlib.suppress(ProcessLookupError):
                end()
        try:
            await asyncio.wait_for(process.wait(), seconds)
            return
        except TimeoutError:
            continue


def describe_exit(status: int | None) -> str:
    """How an app process ended, for the log: its status or its signal."""
    if status is None:
        return "still running"
    if status < 0:
        return f"ended by signal {-status}"
    return f"exited with status {status}"


async def run_session(
    app: SessionApp,
    websocket: web.WebSocketResponse,
    relay: Callable[[], Awaitable[None]],
    size: tuple[int, int],
) -> str:
    """Run one session until it ends; returns how it ended, for the log. The app is gone when this returns.

    ``relay`` carries the tab's messages to the app until the tab closes.
    """
    how = "the server stopped"
    relaying: asyncio.Task[None] | None = None
    asking: asyncio.Task[bool] | None = None
    waits: list[asyncio.Task[object]] = []
    try:
        await app.start(*size)
        relaying = asyncio.ensure_future(relay())
        output = app.task
        assert output is not None
        drawn = asyncio.ensure_future(app.drawn.wait())
        hung = asyncio.ensure_future(app.hung.wait())
        asking = asyncio.ensure_future(app.ask_until_silent())
        waits = [drawn, hung]
        pending: set[asyncio.Future[object]] = {relaying, output, drawn, hung, asking}  # type: ignore[arg-type]
        timeout: float | None = START_SECONDS
        while True:
            done, pending = await asyncio.wait(pending, timeout=timeout, return_when=asyncio.FIRST_COMPLETED)
            if not done:
                how = f"app did not start within {START_SECONDS:g} s"
                break
            if relaying in done:
                how = "tab closed"
                break
            if output in done:
                process = app.process
                status = await process.wait() if process is not None else None
                how = "app quit" if status == 0 else f"app {describe_exit(status)}"
                break
            if hung in done:
                how = f"app hung (input not taken for {INPUT_SECONDS:g} s)"
                break
            if asking in done and asking.result():
                how = f"app hung (no heartbeat answered for {HANG_SECONDS:g} s)"
                break
            if drawn in done:
                timeout = None  # from now on a quiet app is a patient reading (the heartbeat tells it from a hang)
    finally:
        if asking is not None:
            asking.cancel()  # before the quit: nothing more is asked of an app being ended
        await app.stop()
        for task in [relaying, asking, *waits]:
            if task is None:
                continue
            if task.done() and not task.cancelled():
                task.exception()  # a tab that sent nonsense: the session has ended, nothing more to say
            task.cancel()
        if not websocket.closed:
            # The tab shows the closed page, with Start again.
            with contextlib.suppress(Exception):
                await websocket.close()
    return how
