"""``walkthrough serve``'s fault rules, with the server class in this process: short limits, apps that misbehave.

aiohttp's test server runs the server class; the apps are small commands that never start, never quit or
never read their input, so each rule is seen to end the app and close its tab (not with the "full" code).
"""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from walkthrough.serve.sessions import FULL_CLOSE_CODE

aiohttp = pytest.importorskip("aiohttp", reason="walkthrough serve needs the serve extra (textual-serve)")
pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")

from aiohttp import web  # noqa: E402
from aiohttp.test_utils import TestServer  # noqa: E402

from tests.test_serve_limits import connect, wait_for_seats  # noqa: E402

NEVER_STARTS = "exec sleep 60"

WONT_QUIT = f"""exec {sys.executable} -c '
import signal, sys, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)
out = sys.stdout.buffer
out.write(b"__GANGLION__\\n")
out.write(b"D" + (5).to_bytes(4, "big") + b"hello")
out.flush()
time.sleep(60)
'"""


@pytest.fixture
async def short_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    from walkthrough.serve import session as serve_session

    monkeypatch.setattr(serve_session, "START_SECONDS", 1.0)
    monkeypatch.setattr(serve_session, "QUIT_SECONDS", 0.5)
    monkeypatch.setattr(serve_session, "KILL_SECONDS", 0.5)


async def in_process(command: str, tmp_path: Path) -> AsyncIterator[tuple[str, object]]:
    from walkthrough.serve import WEB_FOLDER
    from walkthrough.serve.server import WalkthroughServer

    server = WalkthroughServer(
        command, language="en", templates_path=WEB_FOLDER, max_sessions=2, log_path=tmp_path / "serve.log"
    )
    test_server = TestServer(await server.make_app(), host="127.0.0.1")
    await test_server.start_server()
    try:
        yield f"http://127.0.0.1:{test_server.port}", server
    finally:
        await test_server.close()


async def test_an_app_that_never_starts_is_ended_and_its_tab_closed(short_limits: None, tmp_path: Path) -> None:
    async for url, server in in_process(NEVER_STARTS, tmp_path):
        async with aiohttp.ClientSession() as session:
            websocket = await connect(session, url)
            app = next(iter(server.sessions))  # type: ignore[attr-defined]
            message = await websocket.receive(timeout=10)
            assert message.type.name in ("CLOSE", "CLOSED") and websocket.close_code != FULL_CLOSE_CODE
            assert app.process.returncode is not None
            await wait_for_seats(session, url, 0)
    assert "ended: app did not start within 1 s" in (tmp_path / "serve.log").read_text()


async def test_an_app_that_ignores_quit_and_sigterm_is_killed(short_limits: None, tmp_path: Path) -> None:
    async for url, server in in_process(WONT_QUIT, tmp_path):
        async with aiohttp.ClientSession() as session:
            websocket = await connect(session, url)
            assert (await websocket.receive(timeout=10)).data == b"hello"
            app = next(iter(server.sessions))  # type: ignore[attr-defined]
            started = time.monotonic()
            await websocket.close()
            await wait_for_seats(session, url, 0)
            assert time.monotonic() - started < 3.0
            assert app.process.returncode == -signal.SIGKILL
    # aiohttp's test server cancels a handler whose client has gone; the real one does not.
    log = (tmp_path / "serve.log").read_text()
    assert "ended: tab closed" in log or "ended: connection lost" in log, log


async def test_an_app_that_stops_taking_its_input_is_ended(
    short_limits: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from walkthrough.serve import session as serve_session

    monkeypatch.setattr(serve_session, "INPUT_SECONDS", 0.5)
    async for url, _ in in_process(WONT_QUIT, tmp_path):  # it never reads its input
        async with aiohttp.ClientSession() as session:
            websocket = await connect(session, url)
            assert (await websocket.receive(timeout=10)).data == b"hello"
            for _ in range(200):  # more than a pipe holds
                await websocket.send_str(json.dumps(["stdin", "x" * 1024]))
            while not websocket.closed:
                await websocket.receive(timeout=15)
            assert websocket.close_code != FULL_CLOSE_CODE
            await wait_for_seats(session, url, 0)
    assert "ended: app hung (input not taken for 0.5 s)" in (tmp_path / "serve.log").read_text()


async def test_stopping_the_server_ends_every_app(tmp_path: Path) -> None:
    async for url, server in in_process(WONT_QUIT, tmp_path):
        async with aiohttp.ClientSession() as session:
            websocket = await connect(session, url)
            await websocket.receive(timeout=10)
            app = next(iter(server.sessions))  # type: ignore[attr-defined]
            await server.on_shutdown(web.Application())  # type: ignore[attr-defined]
            assert app.process.returncode is not None
