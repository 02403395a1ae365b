"""``walkthrough serve``'s heartbeat: an app whose event loop hangs is ended, a quiet one is not, the page sees neither.

The server class runs in this process (as in tests/test_serve_faults.py) with a heartbeat every
0.2 s and a hang after 1.5 s without an answer. The apps are the walkthrough itself, served as a
clinic serves it, and a stand-in: the walkthrough app that answers its first heartbeat, then blocks
its event loop while Textual's input thread goes on reading.
"""

from __future__ import annotations

import logging
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from walkthrough.serve.sessions import FULL_CLOSE_CODE

aiohttp = pytest.importorskip("aiohttp", reason="walkthrough serve needs the serve extra (textual-serve)")
pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")

from tests.test_serve_faults import in_process  # noqa: E402
from tests.test_serve_limits import connect, wait_for_seats  # noqa: E402

HEARTBEAT = 0.2
HANG = 1.5

WALKTHROUGH = f"exec {sys.executable} -m walkthrough"

HANGS_AFTER_ITS_FIRST_ANSWER = f"""exec {sys.executable} -c '
import time
from walkthrough.app import WalkthroughApp
from walkthrough.content.files import bundled_content_dir
from walkthrough.content.ready import load_ready

class HangsAfterItsFirstAnswer(WalkthroughApp):
    answered = False

    def on_heartbeat(self, message):  # then Textual runs WalkthroughApp.on_heartbeat, which answers
        if self.answered:
            time.sleep(60)
        self.answered = True

HangsAfterItsFirstAnswer(load_ready(bundled_content_dir(), None).first).run()
'"""


@pytest.fixture
async def short_heartbeat(monkeypatch: pytest.MonkeyPatch) -> None:
    from walkthrough.serve import session as serve_session

    monkeypatch.setattr(serve_session, "HEARTBEAT_SECONDS", HEARTBEAT)
    monkeypatch.setattr(serve_session, "HANG_SECONDS", HANG)
    monkeypatch.setattr(serve_session, "QUIT_SECONDS", 0.5)
    monkeypatch.setattr(serve_session, "KILL_SECONDS", 0.5)


async def test_an_app_whose_event_loop_hangs_is_ended_and_its_tab_closed(short_heartbeat: None, tmp_path: Path) -> None:
    async for url, server in in_process(HANGS_AFTER_ITS_FIRST_ANSWER, tmp_path):
        async with aiohttp.ClientSession() as session:
            websocket = await connect(session, url)
            app = next(iter(server.sessions))  # type: ignore[attr-defined]
            while app.answers == 0:
                assert (await websocket.receive(timeout=20)).type.name == "BINARY"
            answered = time.monotonic()
            while not websocket.closed:
                await websocket.receive(timeout=HANG + 5)
            ended_after = time.monotonic() - answered
            assert websocket.close_code != FULL_CLOSE_CODE  # the closed page, with Start again
            assert app.answers == 1
            # + SIGTERM's and SIGKILL's waits, and room for a loaded machine: what matters is that the heartbeat
            # ended it, long before the 60 s the app would sleep.
            assert ended_after < HANG + HEARTBEAT + 0.5 + 0.5 + 4.0, ended_after
            assert app.process.returncode == -signal.SIGKILL  # a stuck loop never runs its SIGTERM handler
            await wait_for_seats(session, url, 0)
    assert "ended: app hung (no heartbeat answered for 1.5 s)" in (tmp_path / "serve.log").read_text()


async def test_a_quiet_app_answers_and_is_not_ended_and_the_page_never_sees_the_heartbeat(
    short_heartbeat: None, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="textual-serve")
    async for url, server in in_process(WALKTHROUGH, tmp_path):
        async with aiohttp.ClientSession() as session:
            websocket = await connect(session, url)
            app = next(iter(server.sessions))  # type: ignore[attr-defined]
            received: list[Any] = []
            while app.answers == 0:
                received.append(await websocket.receive(timeout=20))
            quiet_until = time.monotonic() + 3 * HANG  # no taps: many heartbeats, two hang limits
            while (left := quiet_until - time.monotonic()) > 0:
                try:
                    received.append(await websocket.receive(timeout=left))
                except TimeoutError:
                    break
            assert not websocket.closed and app.process.returncode is None
            assert app.answers >= 3 * HANG / HEARTBEAT / 2, app.answers
            assert all(message.type.name == "BINARY" for message in received), [m.type for m in received]
            assert not any(b"heartbeat" in message.data for message in received)
            await websocket.close()
            await wait_for_seats(session, url, 0)
    assert "heartbeat" not in caplog.text  # textual-serve never saw an answer as an unknown meta packet
    log = (tmp_path / "serve.log").read_text()
    assert "hung" not in log and ("ended: tab closed" in log or "ended: connection lost" in log), log
