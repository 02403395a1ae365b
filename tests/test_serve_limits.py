"""``walkthrough serve``'s limits and checks over plain websockets: the cap, the Origin rule, health, faults, the log.

A real server in its own process, as a clinic starts it; tests/test_serve_faults.py has the
rules for apps that misbehave, with shorter time limits.
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.browser import app_processes, free_port, serve_walkthrough, stop_server, wait_until_listening
from walkthrough.serve.page import page_words
from walkthrough.serve.sessions import FULL_CLOSE_CODE, Seats, default_max_sessions, same_origin

aiohttp = pytest.importorskip("aiohttp", reason="walkthrough serve needs the serve extra (textual-serve)")
pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")


class Served:
    """A ``walkthrough serve`` process on a free loopback port, and what it has started."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, log: Path) -> None:
        self.process = process
        self.url = f"http://127.0.0.1:{port}"
        self.log = log
        self.seen: set[int] = set()

    def apps(self) -> list[int]:
        """The app processes running under the server now (each remembered, to check they are gone at the end)."""
        pids = app_processes(self.process.pid)
        self.seen.update(pids)
        return pids


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """``walkthrough serve --max-sessions 3`` with its session log in tmp_path; no process outlives the test."""
    log = tmp_path / "serve.log"
    arguments = ("--max-sessions", "3", "--server-log", str(log))
    output_file = tmp_path / "server.out"
    with output_file.open("wb") as output, serve_walkthrough(*arguments, output=output) as (port, process):
        server = Served(process, port, log)
        try:
            yield server
        finally:
            server.apps()
    # The server has stopped: every app it started must be gone too.
    deadline = time.monotonic() + 5
    while any(Path(f"/proc/{pid}").exists() for pid in server.seen) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in server.seen if Path(f"/proc/{pid}").exists()]
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert not left, f"app processes outlived the server: {left}"


async def connect(
    session: aiohttp.ClientSession, url: str, origin: str | None = None
) -> aiohttp.ClientWebSocketResponse:
    """A websocket to the server's patient path, from its own page unless ``origin`` says otherwise."""
    headers = {"Origin": origin if origin is not None else url}
    return await session.ws_connect(url + "/ws?width=80&height=24", headers=headers)


async def first_output(websocket: aiohttp.ClientWebSocketResponse, timeout: float = 20.0) -> aiohttp.WSMessage:
    """The first message from the server: the app's first output, or a close."""
    return await websocket.receive(timeout=timeout)


async def health(session: aiohttp.ClientSession, url: str) -> dict[str, object]:
    async with session.get(url + "/health") as response:
        assert response.status == 200
        return dict(await response.json())


async def wait_for_seats(session: aiohttp.ClientSession, url: str, in_use: int, timeout: float = 10.0) -> float:
    """Seconds until /health says ``in_use`` seats are taken."""
    started = time.monotonic()
    while (await health(session, url))["in_use"] != in_use:
        assert time.monotonic() - started < timeout, f"seats never came to {in_use}"
        await asyncio.sleep(0.02)
    return time.monotonic() - started


async def test_six_tabs_with_a_cap_of_three_get_three_apps_and_three_calm_refusals(served: Served) -> None:
    async with aiohttp.ClientSession() as session:
        sockets = [await connect(session, served.url) for _ in range(6)]
        firsts = await asyncio.gather(*(first_output(websocket) for websocket in sockets))
        drawn = [websocket for websocket, message in zip(sockets, firsts, strict=True) if message.type.name == "BINARY"]
        refused = [websocket for websocket in sockets if websocket.close_code == FULL_CLOSE_CODE]
        assert len(drawn) == 3 and len(refused) == 3, [message.type for message in firsts]
        assert len(served.apps()) == 3
        assert await health(session, served.url) == {**await health(session, served.url), "in_use": 3, "refused": 3}

        await drawn[0].close()
        freed_after = await wait_for_seats(session, served.url, 2)
        assert freed_after < 2.0, f"the seat was freed {freed_after:.2f} s after the tab closed"
        assert len(served.apps()) == 2

        again = await connect(session, served.url)
        assert (await first_output(again)).type.name == "BINARY", "the freed seat could not be used again"
        assert len(served.apps()) == 3
        for websocket in [*drawn[1:], again]:
            await websocket.close()
        await wait_for_seats(session, served.url, 0)
    log = served.log.read_text()
    assert log.count("started;") == 4 and log.count("refused a session") == 3
    assert log.count("ended: tab closed") == 4


async def test_a_burst_of_a_hundred_starts_no_more_than_the_cap(served: Served) -> None:
    most = 0

    async def tab(delay: float) -> tuple[str, aiohttp.ClientWebSocketResponse]:
        await asyncio.sleep(delay)
        websocket = await connect(session, served.url)
        message = await first_output(websocket, timeout=60)
        return ("app" if message.type.name == "BINARY" else str(websocket.close_code)), websocket

    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
        opening = asyncio.gather(*(tab(number / 100) for number in range(100)))
        while not opening.done():
            most = max(most, len(served.apps()))
            await asyncio.sleep(0.02)
        results = opening.result()
        kinds = [kind for kind, _ in results]
        assert kinds.count("app") == 3 and kinds.count(str(FULL_CLOSE_CODE)) == 97, kinds
        assert most <= 3 and len(served.apps()) == 3
        for _, websocket in results:
            await websocket.close()
        await wait_for_seats(session, served.url, 0)
        assert served.process.poll() is None and (await health(session, served.url))["refused"] == 97


async def test_a_foreign_origin_starts_nothing(served: Served) -> None:
    port = served.url.rsplit(":", 1)[1]
    foreign = [
        "http://evil.example",
        f"http://evil.example:{port}",
        "http://127.0.0.1:1",
        f"https://127.0.0.1:{port}",
        f"http://localhost:{port}",  # the same machine, but not the address the browser used
        "null",
        "",
    ]
    async with aiohttp.ClientSession() as session:
        for origin in foreign:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await connect(session, served.url, origin)
            assert refused.value.status == 403, origin
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(served.url + "/ws")  # no Origin at all
        assert refused.value.status == 403
        assert served.apps() == []
        state = await health(session, served.url)
        assert state["in_use"] == 0 and state["started"] == 0
    assert served.log.read_text().count("another origin (403)") == len(foreign) + 1


async def test_health_says_ok_with_the_seats(served: Served) -> None:
    async with aiohttp.ClientSession() as session, session.get(served.url + "/health") as response:
        assert response.status == 200 and response.content_type == "application/json"
        state = await response.json()
    assert state["status"] == "ok" and state["cap"] == 3 and state["in_use"] == 0
    assert {"started", "refused", "uptime_seconds"} <= set(state)


async def test_a_crash_in_one_session_leaves_the_others_working(served: Served) -> None:
    async with aiohttp.ClientSession() as session:
        first = await connect(session, served.url)
        assert (await first_output(first)).type.name == "BINARY"
        [doomed] = served.apps()
        second = await connect(session, served.url)
        assert (await first_output(second)).type.name == "BINARY"
        [kept] = set(served.apps()) - {doomed}
        os.kill(doomed, signal.SIGKILL)
        while not first.closed:
            message = await first.receive(timeout=10)
        assert message.type.name in ("CLOSE", "CLOSED") and first.close_code != FULL_CLOSE_CODE
        await wait_for_seats(session, served.url, 1)
        assert served.apps() == [kept]

        # The other tab's app still answers: a new size is drawn again.
        await second.send_str(json.dumps(["resize", {"width": 100, "height": 30}]))
        assert (await second.receive(timeout=10)).type.name == "BINARY"
        # And the freed seat takes a new session.
        third = await connect(session, served.url)
        assert (await first_output(third)).type.name == "BINARY"
        await second.close()
        await third.close()
        await wait_for_seats(session, served.url, 0)
    assert "ended: app ended by signal 9" in served.log.read_text()


async def test_the_log_holds_no_typed_text(served: Served) -> None:
    async with aiohttp.ClientSession() as session:
        websocket = await connect(session, served.url)
        await first_output(websocket)
        await websocket.send_str(json.dumps(["stdin", "Maria Gonzalez 555-0100"]))
        await asyncio.sleep(0.5)
        await websocket.close()
        await wait_for_seats(session, served.url, 0)
    log = served.log.read_text()
    assert "Maria" not in log and "555" not in log
    lines = log.splitlines()
    assert len(lines) == 2 and "session 1 started; seats 1/3" in lines[0], lines
    assert "session 1 ended: tab closed" in lines[1] and "seats 0/3" in lines[1], lines


@pytest.mark.parametrize(("options", "cap"), [((), 2), (("--max-sessions", "5"), 5)])
def test_the_cap_comes_from_the_clinic_unless_the_command_line_says(
    tmp_path: Path, options: tuple[str, ...], cap: int
) -> None:
    from tests.conftest import GOOD, write_content

    clinic = (GOOD / "clinic.yaml").read_text(encoding="utf-8") + "max_sessions: 2\n"
    folder = write_content(tmp_path / "content", clinic=clinic)
    port = free_port()
    command = [sys.executable, "-m", "walkthrough", "serve", "--content", str(folder), "--port", str(port)]
    server = subprocess.Popen(
        [*command, "--server-log", str(tmp_path / "serve.log"), *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_listening(port)

        async def ask() -> dict[str, object]:
            async with aiohttp.ClientSession() as session:
                return await health(session, f"http://127.0.0.1:{port}")

        assert asyncio.run(ask())["cap"] == cap
    finally:
        stop_server(server)
    assert f"at most {cap} tabs at once" in server.stderr.read().decode()  # type: ignore[union-attr]


@pytest.mark.parametrize("value", ["0", "501", "many"])
def test_a_bad_cap_is_refused(value: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "walkthrough", "serve", "--max-sessions", value], capture_output=True, text=True
    )
    assert result.returncode == 2 and "--max-sessions" in result.stderr


def test_same_origin_is_scheme_host_and_port_as_the_browser_used() -> None:
    assert same_origin("http://192.168.1.20:8000", "http", "192.168.1.20:8000")
    assert same_origin("https://clinic.lan", "https", "clinic.lan")
    assert same_origin("https://clinic.lan:443", "https", "clinic.lan")
    assert same_origin("http://[::1]:8000", "http", "[::1]:8000")
    assert not same_origin("http://192.168.1.20:8001", "http", "192.168.1.20:8000")
    assert not same_origin("http://clinic.lan", "https", "clinic.lan")
    assert not same_origin("http://evil.example", "http", "clinic.lan")
    assert not same_origin(None, "http", "clinic.lan")
    assert not same_origin("null", "http", "clinic.lan")
    assert not same_origin("http://clinic.lan:notaport", "http", "clinic.lan")


def test_the_default_cap_follows_memory(tmp_path: Path) -> None:
    meminfo = tmp_path / "meminfo"
    for available_kb, cap in ((512 * 1024, 5), (60 * 1024, 1), (64 * 1024 * 1024, 50), (2 * 1024 * 1024, 22)):
        meminfo.write_text(f"MemTotal: 99999999 kB\nMemAvailable: {available_kb} kB\n")
        assert default_max_sessions(meminfo) == cap
    assert default_max_sessions(tmp_path / "missing") == 8
    assert 1 <= default_max_sessions() <= 50


def test_seats_count_up_to_the_cap() -> None:
    seats = Seats(2)
    assert [seats.take(), seats.take(), seats.take()] == [1, 2, None]
    seats.release()
    assert seats.take() == 3 and seats.health()["refused"] == 1


def test_the_page_speaks_the_browsers_language_when_it_can() -> None:
    assert page_words("es-ES,es;q=0.9,en;q=0.8", "en")[0] == "es"
    assert page_words("fr-FR,fr;q=0.9", "es")[1]["full"].startswith("Todas las pantallas")
    assert page_words("fr-FR,en;q=0.5,es;q=0.7", "en")[0] == "es"
    assert page_words("", "en")[1]["full"] == "All screens are in use. Please ask a member of staff."
