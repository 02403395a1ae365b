"""Following through ``walkthrough serve --counsellor``: the counsellor's tab leads, a patient's tab follows.

Each tab's app runs on the server as the server's user, in the server's
environment, so both kinds of tab find the same private socket folder. A real
headless Chromium opens two tabs of one server; the test reads what each tab's
app draws. Needs Chromium and Playwright (skips, saying why, without them).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bench.browser import CHROMIUM, CHROMIUM_FLAGS, TabOutput, read_screen, serve_walkthrough
from walkthrough.follow.transport import FOLDER_ENV

from .test_serve_counsellor import PIN, content_with_pin, has_note, plain

pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")
playwright_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]

CODE = re.compile(r"Code: (\d{3}) (\d{3})")


@pytest.fixture
def follow_folder(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private socket folder of this test's, handed to the server (and so to every tab's app) by the environment."""
    folder = Path(tempfile.mkdtemp(prefix="wsf-"))
    monkeypatch.setenv(FOLDER_ENV, str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


class Tab(TabOutput):
    """One tab: keys typed into its terminal, and what its app drew, escape codes aside."""

    def text(self, since: int = 0) -> str:
        """What the app drew after the first ``since`` characters, as plain text."""
        return plain(self.drawn[since:])

    def wait_for(self, pattern: str, since: int = 0, timeout: float = 20.0) -> re.Match[str]:
        """Wait until the app has drawn something matching ``pattern`` (a regular expression)."""
        deadline = time.monotonic() + timeout
        while (found := re.search(pattern, self.text(since))) is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"{pattern!r} never drawn; drawn:\n{self.text(since)[-1500:]}")
            self.page.wait_for_timeout(20)  # Playwright delivers frames only while it is called
        return found

    def wait_to_show(self, words: str, timeout: float = 20.0) -> str:
        """Wait until the terminal shows ``words`` (read from the screen: a frame redraws only changed cells)."""
        deadline = time.monotonic() + timeout
        while words not in (shown := "\n".join(read_screen(self.page).lines)):
            if time.monotonic() > deadline:
                raise AssertionError(f"{words!r} never shown; the screen:\n{shown}")
            self.page.wait_for_timeout(20)
        return shown

    def type(self, *keys: str) -> None:
        """Keys as a person types them on a keyboard, with a short pause between."""
        for key in keys:
            self.page.keyboard.press(key)
            self.page.wait_for_timeout(60)


def open_tab(browser: Any, url: str, first_words: str) -> Tab:
    """A 1000x700 tab on ``url``, once its app has drawn ``first_words``, with the keyboard on its terminal."""
    page = browser.new_context(viewport={"width": 1000, "height": 700}).new_page()
    tab = Tab(page)
    page.goto(url)
    tab.wait_for(re.escape(first_words))
    page.focus(".xterm-helper-textarea")
    page.wait_for_timeout(300)
    return tab


def test_the_counsellors_tab_leads_and_a_patients_tab_follows(tmp_path: Path, follow_folder: Path) -> None:
    content = content_with_pin(tmp_path / "content")
    arguments = ["--counsellor", "--content", str(content), "--log", str(tmp_path / "app.log")]
    with (
        (tmp_path / "server.log").open("wb") as output,
        serve_walkthrough(*arguments, output=output) as (port, _),
        playwright_api.sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        url = f"http://127.0.0.1:{port}/"
        counsellor = open_tab(browser, url + "counsellor", "Staff only")
        counsellor.type(*PIN, "Enter")
        counsellor.wait_for("Hello")
        counsellor.type("w")
        found = counsellor.wait_for(CODE.pattern)
        code = found.group(1) + found.group(2)
        assert [path.name for path in follow_folder.iterdir()] == [f"{code}.sock"], "the tabs share the server's folder"

        patient = open_tab(browser, url, "Hello")
        patient.type("j")
        patient.wait_for("Type the code")
        patient.type(*code, "Enter")
        patient.wait_for("Your screen follows")
        counsellor.wait_for("Screens following: 1")

        counsellor.type("ArrowRight")
        patient.wait_to_show("First step")
        counsellor.type("3")
        shown = patient.wait_to_show("Third step")
        assert "Your screen follows" in shown
        assert not has_note(patient.drawn), "the patient's tab never shows a counsellor's note"

        counsellor.type("w")  # the counsellor stops sharing: the patient is told calmly and stays
        patient.wait_for("screen has closed")
        assert not list(follow_folder.iterdir()), "the socket goes with the sharing"
        browser.close()
