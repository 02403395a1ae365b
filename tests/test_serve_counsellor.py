"""``walkthrough serve --counsellor``: the counsellor's view at /counsellor behind the staff PIN, over a real server.

Each test talks to a real ``walkthrough serve`` over its websockets, as the
page does, and reads every byte the app sends: no note may be among them
before the right PIN, and none ever on the patients' path. Skips where
textual-serve or aiohttp is missing.
"""

from __future__ import annotations

import asyncio
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from bench.browser import free_port, serve_walkthrough
from walkthrough.pin import hash_pin

from .conftest import GOOD, write_content

pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")
aiohttp = pytest.importorskip("aiohttp", reason="the websocket tests need aiohttp (installed with textual-serve)")

pytestmark = pytest.mark.slow

PIN = "2468"
NOTE_MARK = "note for counsellors"
"""Every step's counsellor note in the fixture content says this (tests/fixtures/good/en.yaml)."""

NOTE_MARKS = (NOTE_MARK, "question note", "Counsellor notes")
"""Any of these drawn means a note (or the notes panel) was drawn."""

ESCAPES = re.compile(r"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])")


def has_note(drawn: str) -> bool:
    """Whether any counsellor note is in what the app drew."""
    text = plain(drawn)
    return any(mark in text for mark in NOTE_MARKS)


def plain(drawn: str) -> str:
    """What the app drew, without escape codes: text split by a style change or a cursor move reads as one."""
    return ESCAPES.sub("", drawn)


def content_with_pin(folder: Path, pin: str | None = PIN) -> Path:
    """The fixture walkthrough, with the staff PIN's line in clinic.yaml (or none)."""
    clinic = (GOOD / "clinic.yaml").read_text(encoding="utf-8").rstrip("\n") + "\n"
    if pin is not None:
        clinic += f"staff_pin_hash: {hash_pin(pin)}\n"
    return write_content(folder, clinic=clinic)


@contextmanager
def serving(content: Path, *options: str, log: Path) -> Iterator[int]:
    """``walkthrough serve --counsellor`` on ``content`` on a free loopback port; yields the port."""
    arguments = ["--counsellor", "--content", str(content), "--log", str(log.with_suffix(".app.log")), *options]
    with log.open("wb") as output, serve_walkthrough(*arguments, output=output) as (port, _):
        yield port


class Session:
    """One tab's websocket, as the page opens it: what the app drew, and keys typed into it."""

    def __init__(self, socket: Any) -> None:
        self.socket = socket
        self.drawn = ""
        self.closed = False

    async def read_until(self, text: str, timeout: float = 20.0) -> None:
        """Read what the app sends until ``text`` is drawn (escape codes aside)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while text not in plain(self.drawn):
            left = deadline - loop.time()
            if left <= 0 or self.closed:
                raise AssertionError(f"{text!r} never drawn; drawn so far:\n{plain(self.drawn)[-2000:]}")
            await self.read_for(min(left, 0.5))

    async def read_for(self, seconds: float) -> None:
        """Read whatever the app sends for ``seconds``; notes if the session ended."""
        try:
            message = await self.socket.receive(timeout=seconds)
        except TimeoutError:
            return
        if message.type == aiohttp.WSMsgType.BINARY:
            self.drawn += message.data.decode("utf-8", "replace")
        elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING):
            self.closed = True

    async def type(self, keys: str) -> None:
        """Keys as the page sends them."""
        await self.socket.send_str(json.dumps(["stdin", keys]))


async def open_session(client: Any, port: int, path: str) -> Session:
    """A websocket to ``path``, from the server's own page (its Origin), for an 80x24 terminal."""
    socket = await client.ws_connect(
        f"ws://127.0.0.1:{port}{path}?width=80&height=24", headers={"Origin": f"http://127.0.0.1:{port}"}
    )
    return Session(socket)


def test_no_staff_pin_no_counsellor_mode(tmp_path: Path) -> None:
    folder = content_with_pin(tmp_path / "content", pin=None)
    result = subprocess.run(
        [sys.executable, "-m", "walkthrough", "serve", "--counsellor", "--content", str(folder)]
        + ["--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2, result.stderr
    assert "staff_pin_hash" in result.stderr and "walkthrough hash-pin" in result.stderr
    assert "serving" not in result.stderr


def test_a_kiosk_clinic_is_never_served_in_counsellor_mode(tmp_path: Path) -> None:
    folder = content_with_pin(tmp_path / "content")
    (folder / "clinic.yaml").write_text((folder / "clinic.yaml").read_text() + "kiosk: true\n")
    result = subprocess.run(
        [sys.executable, "-m", "walkthrough", "serve", "--counsellor", "--content", str(folder)]
        + ["--port", str(free_port())],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2 and "kiosk" in result.stderr


def test_each_path_has_its_own_page_and_websocket(tmp_path: Path) -> None:
    folder = content_with_pin(tmp_path / "content")

    async def pages(port: int) -> tuple[str, str]:
        async with aiohttp.ClientSession() as client:
            async with client.get(f"http://127.0.0.1:{port}/") as patient:
                patient_page = await patient.text()
            async with client.get(f"http://127.0.0.1:{port}/counsellor") as counsellor:
                counsellor_page = await counsellor.text()
        return patient_page, counsellor_page

    with serving(folder, log=tmp_path / "server.log") as port:
        patient_page, counsellor_page = asyncio.run(pages(port))
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/ws"' in patient_page
    assert "counsellor" not in patient_page.lower(), "the patients' page neither offers nor names it"
    assert f'data-session-websocket-url="ws://127.0.0.1:{port}/counsellor/ws"' in counsellor_page
    assert "/counsellor" in (tmp_path / "server.log").read_text()


def test_the_pin_comes_before_any_note_and_the_lock_holds_across_tabs(tmp_path: Path) -> None:
    """Right PIN: notes. Three wrong PINs: no note, a lock, and a reloaded tab is locked too. Cancel ends the tab."""
    folder = content_with_pin(tmp_path / "content")

    async def visit(port: int) -> None:
        async with aiohttp.ClientSession() as client:
            right = await open_session(client, port, "/counsellor/ws")
            await right.read_until("Staff only")
            await right.read_for(0.5)
            assert not has_note(right.drawn)
            await right.type(PIN + "\r")
            await right.read_until(NOTE_MARK)
            assert PIN not in plain(right.drawn), "the PIN is never drawn"
            await right.socket.close()

            wrong = await open_session(client, port, "/counsellor/ws")
            await wrong.read_until("Staff only")
            await wrong.read_for(0.5)  # as a person would: keys sent before the prompt has the focus are lost
            for pin, answer in (("1111", "Tries left: 2"), ("2222", "Tries left: 1"), ("3333", "Too many tries")):
                await wrong.type(pin + "\r")
                await wrong.read_until(answer)
            await wrong.type(PIN + "\r")  # not even tried while locked
            await wrong.type("fo?")  # the app's own keys do nothing (questions would show notes)
            await wrong.read_for(1.5)
            assert not has_note(wrong.drawn)

            reloaded = await open_session(client, port, "/counsellor/ws")
            await reloaded.read_until("Too many tries")
            await reloaded.type(PIN + "\r")
            await reloaded.read_for(1.5)
            assert not has_note(reloaded.drawn), "a new tab must not give a fresh count"
            await reloaded.type("\x1b")  # Escape: Cancel ends the session, the page shows "closed"
            for _ in range(40):
                await reloaded.read_for(0.5)
                if reloaded.closed:
                    break
            assert reloaded.closed, "Cancel did not end the session"
            assert not has_note(reloaded.drawn)
            await wrong.socket.close()

    with serving(folder, log=tmp_path / "server.log") as port:
        asyncio.run(visit(port))


def test_the_patients_path_never_shows_a_note(tmp_path: Path) -> None:
    folder = content_with_pin(tmp_path / "content")

    async def visit(port: int) -> None:
        async with aiohttp.ClientSession() as client:
            patient = await open_session(client, port, "/ws")
            await patient.read_until("Hello")
            for key in ("o", "h", "1", "\x1b[C", "\x1b[C", "\x1b[C", "f"):
                await patient.type(key)
                await patient.read_for(0.3)
            await patient.read_for(1.0)
            assert "Third step" in plain(patient.drawn), "the keys reached the app"
            assert not has_note(patient.drawn) and "Staff only" not in plain(patient.drawn)
            await patient.socket.close()

    with serving(folder, log=tmp_path / "server.log") as port:
        asyncio.run(visit(port))


def test_the_counsellor_command_is_never_a_kiosk_and_the_patients_never_a_counsellors(tmp_path: Path) -> None:
    """``serve --kiosk --counsellor``: kiosks on /, the counsellor's view (PIN first, shared tries) on /counsellor."""
    from walkthrough.serve import tab_command
    from walkthrough.serve.counsellor import counsellor_command
    from walkthrough.settings import Settings

    settings = Settings(content=GOOD, mode="kiosk", idle_seconds=30, log=tmp_path / "app.log")
    patient = tab_command(settings).split()
    counsellor = counsellor_command(settings, tmp_path / "tries").split()
    assert "--kiosk" in patient and "--counsellor" not in patient and "--pin-first" not in patient
    assert "--kiosk" not in counsellor and "--idle-seconds" not in counsellor
    assert {"--counsellor", "--pin-first", "--pin-tries-file", str(tmp_path / "tries")} <= set(counsellor)
    assert "--log" in counsellor, "the counsellor's app logs where the patients' do"


def test_in_chromium_the_counsellor_types_the_pin_and_cancel_shows_the_closed_page(tmp_path: Path) -> None:
    """A real browser on /counsellor: a wrong PIN draws no note, the right one does; Cancel leaves the closed page."""
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")
    from bench.browser import CHROMIUM, CHROMIUM_FLAGS, TabOutput

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    folder = content_with_pin(tmp_path / "content")
    with serving(folder, log=tmp_path / "server.log") as port, playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 1024, "height": 768})
        tab = TabOutput(context.new_page())
        tab.page.goto(f"http://127.0.0.1:{port}/counsellor")
        tab.wait_for_text("Staff only")
        tab.page.wait_for_timeout(500)
        tab.page.focus(".xterm-helper-textarea")  # as a tap on the terminal would
        tab.page.keyboard.type("1357")
        tab.page.keyboard.press("Enter")
        tab.wait_for_text("Tries left: 2")
        assert not has_note(tab.drawn)
        tab.page.keyboard.type(PIN)
        tab.page.keyboard.press("Enter")
        tab.wait_for_text(NOTE_MARK)

        other = TabOutput(context.new_page())
        other.page.goto(f"http://127.0.0.1:{port}/counsellor")
        other.wait_for_text("Staff only")
        other.page.wait_for_timeout(500)
        other.page.focus(".xterm-helper-textarea")
        other.page.keyboard.press("Escape")
        other.page.locator(".closed-dialog").wait_for(state="visible", timeout=15_000)
        assert not has_note(other.drawn)
        browser.close()
