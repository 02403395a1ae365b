"""The take-home summary: the page (parsed), the compact text, the handout command, and each way it is given.

The terminal save, the kiosk's QR code (decoded back with Debian's zbarimg, from the code and from
what the screen draws) and the browser's copy (in Debian's Chromium) are each checked end to end.
"""

from __future__ import annotations

import errno
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from walkthrough.cli import main
from walkthrough.content.files import bundled_content_dir
from walkthrough.content.loader import load_walkthrough
from walkthrough.content.ready import load_ready
from walkthrough.content.records import LoadedWalkthrough
from walkthrough.screens.summary import QrCode, SummaryScreen
from walkthrough.session import PatientSession
from walkthrough.summary.compact import COMPACT_BYTES, compact_text, compact_texts
from walkthrough.summary.page import summary_page
from walkthrough.summary.qr import qr_lines
from walkthrough.ui import words_for

from .apps import make_app

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"
HOSTILE = ["<script>alert(\"x\")</script> & 'quotes'", "[bold]markup[/] \x1b[31mred\x07 \x00end"]
"""Typed questions a page must show as plain text: tags, quotes, Textual markup, escape sequences, controls."""
ZBARIMG = shutil.which("zbarimg")
needs_zbar = pytest.mark.skipif(ZBARIMG is None, reason="no zbarimg (apt-get install zbar-tools)")


def bundled(language: str) -> LoadedWalkthrough:
    return load_ready(BUNDLED, language).first


def hostile_session() -> PatientSession:
    return PatientSession(ticked_questions={0, 2}, own_questions=list(HOSTILE))


class PageParts(HTMLParser):
    """What a page holds: its doctype, every tag with its attributes, the text under each heading level."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype = ""
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(page)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "br"):
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self._open and self._open[-1] == tag, f"</{tag}> closes <{self._open[-1] if self._open else ''}>"
        self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open and data.strip():
            self.texts.setdefault(self._open[-1], []).append(data.strip())

    def all_text(self) -> str:
        return " ".join(text for texts in self.texts.values() for text in texts)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_is_whole_html_in_the_patients_language_with_the_clinics_values(language: str) -> None:
    content = bundled(language)
    words = words_for(content)
    page = summary_page(content, words, hostile_session())
    parts = PageParts(page)
    assert parts.doctype.lower() == "doctype html"
    assert ("html", {"lang": language}) in parts.tags
    assert ("meta", {"charset": "utf-8"}) in parts.tags
    assert parts.texts["title"] == [f"{words['summary.page_title']}: {content.walkthrough.title}"]
    walkthrough = content.walkthrough
    assert parts.texts["h1"] == [walkthrough.title]
    assert words["summary.steps"] in parts.texts["h2"] and walkthrough.visit.title in parts.texts["h2"]
    assert parts.texts["h3"] == [step.title for step in walkthrough.steps]
    text = parts.all_text()
    for sentence in [
        *(step.summary for step in walkthrough.steps),
        walkthrough.visit.summary,
        walkthrough.course.summary,
    ]:
        assert sentence in text
    clinic = content.clinic
    for number in (clinic.infusion_minutes, clinic.observation_minutes, clinic.treatments, clinic.course_days):
        assert str(number) in walkthrough.visit.summary + walkthrough.course.summary
    for value in (clinic.clinic_name, clinic.clinic_phone):
        assert (value[language] if isinstance(value, dict) else value) in parts.texts["dd"]
    items = walkthrough.questions.items
    after_care = list(walkthrough.course.after_effects)  # listed under the course, before the questions
    assert parts.texts["li"] == [*after_care, items[0], items[2], HOSTILE[0], "[bold]markup[/] red end"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_nothing_in_the_page_runs_or_is_fetched_and_typed_text_stays_text(language: str) -> None:
    page = summary_page(bundled(language), words_for(bundled(language)), hostile_session())
    parts = PageParts(page)
    assert all(tag != "script" for tag, _ in parts.tags)
    assert all("href" not in attrs and "src" not in attrs for _, attrs in parts.tags)
    assert "http" not in page and "url(" not in page and "@import" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;quotes&#x27;" in page
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f]", page)
    assert "background" not in page  # no background colours: it prints as it shows
    assert "@page { size: auto;" in page


def test_the_handout_has_boxes_to_tick_and_lines_to_write_on() -> None:
    content = bundled("en")
    page = summary_page(content, words_for(content))
    parts = PageParts(page)
    boxes = [attrs for tag, attrs in parts.tags if tag == "span" and attrs.get("class") == "box"]
    lines = [attrs for tag, attrs in parts.tags if tag == "span" and attrs.get("class") == "write"]
    assert len(boxes) == len(content.walkthrough.questions.items) + 2 and len(lines) == 2
    assert summary_page(content, words_for(content), PatientSession()) == page


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_compact_text_keeps_the_phone_and_fits_a_small_code(language: str) -> None:
    content = bundled(language)
    words = words_for(content)
    everything = PatientSession(ticked_questions=set(range(5)), own_questions=["Why? " * 40, "x" * 200])
    for session in (None, hostile_session(), everything):
        text = compact_text(content, words, session)
        assert len(text.encode("utf-8")) <= COMPACT_BYTES
        assert content.clinic.clinic_phone[language] in text  # type: ignore[index]
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f]", text)
    assert content.walkthrough.questions.items[0] in compact_text(content, words, hostile_session())


# The handout command.


def test_walkthrough_summary_writes_the_handout_to_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", "--lang", "es", "--content", str(BUNDLED)]) == 0
    content = bundled("es")
    assert capsys.readouterr().out == summary_page(content, words_for(content))


def test_walkthrough_summary_writes_a_file_whole(tmp_path: Path) -> None:
    output = tmp_path / "handout.html"
    assert main(["summary", "--output", str(output)]) == 0
    assert output.read_text(encoding="utf-8") == summary_page(bundled("en"), words_for(bundled("en")))
    assert os.listdir(tmp_path) == ["handout.html"]


def test_an_unwritable_folder_or_a_full_disk_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["summary", "--output", str(tmp_path / "no-such-folder" / "handout.html")]) == 2
    assert "nothing was written" in capsys.readouterr().err
    if os.geteuid() != 0:  # root writes into any folder
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        assert main(["summary", "--output", str(locked / "handout.html")]) == 2
        assert list(locked.iterdir()) == []

    def disk_full(descriptor: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", disk_full)
    assert main(["summary", "--output", str(tmp_path / "handout.html")]) == 2
    assert "No space left on device" in capsys.readouterr().err
    assert not (tmp_path / "handout.html").exists()
    assert [path.name for path in tmp_path.iterdir() if path.name != "locked"] == []  # no temporary file either


# In the app: the button on the questions page, and what each mode does with it.


async def take_summary(app: object, size: tuple[int, int]) -> SummaryScreen:
    """Open the questions page, tick and type as a patient would, and tap "Take this with you"."""
    async with app.run_test(size=size) as pilot:  # type: ignore[attr-defined]
        await pilot.pause()
        await app.replace_session("questions")  # type: ignore[attr-defined]
        await pilot.pause()
        app.session.ticked_questions.add(0)  # type: ignore[attr-defined]
        app.session.own_questions.append(HOSTILE[0])  # type: ignore[attr-defined]
        app.screen.query_one("#take-summary").press()  # type: ignore[attr-defined]
        await pilot.pause()
        await pilot.pause()
        screen = app.screen  # type: ignore[attr-defined]
        assert isinstance(screen, SummaryScreen)
        screen.shown = str(screen.query_one("#summary-message").render())  # type: ignore[attr-defined]
        screen.svg = app.export_screenshot()  # type: ignore[attr-defined]
        codes = screen.query(QrCode)
        screen.code = (codes.first().region, codes.first().styles) if codes else None  # type: ignore[attr-defined]
        return screen


async def test_a_terminal_saves_the_page_in_the_patients_documents_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Documents").mkdir()
    screen = await take_summary(make_app(bundled("en")), (80, 24))
    saved = tmp_path / "Documents" / "visit-summary.html"
    assert screen.delivery.path == saved and str(saved) in screen.shown  # type: ignore[attr-defined]
    page = saved.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&quot;x&quot;)" in page and bundled("en").walkthrough.questions.items[0] in page
    assert os.listdir(tmp_path / "Documents") == ["visit-summary.html"]  # no temporary file left


def png(rows: list[list[bool]], path: Path, scale: int = 6) -> Path:
    """A black-on-white PNG of ``rows`` of dark (True) and light pixels, each ``scale`` pixels a side."""
    raw = b"".join(
        b"\x00" + bytes(0 if dark else 255 for dark in row for _ in range(scale)) for row in rows for _ in range(scale)
    )
    height, width = len(rows) * scale, len(rows[0]) * scale

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )
    return path


def modules(lines: list[str]) -> list[list[bool]]:
    """Half-block text back to modules: each character is an upper and a lower module."""
    rows = []
    for line in lines:
        rows.append([char in "▀█" for char in line])
        rows.append([char in "▄█" for char in line])
    return rows


def zbar(image: Path) -> str:
    result = subprocess.run([ZBARIMG, "--raw", "-q", str(image)], capture_output=True, check=True)  # type: ignore[list-item]
    return result.stdout.decode("utf-8").removesuffix("\n")


def screen_cells(svg: str, region: tuple[int, int, int, int]) -> list[str]:
    """The characters Textual drew in ``region`` (x, y, width, height in cells), read back from its SVG screenshot."""
    x0, y0, width, height = region
    grid = [[" "] * 300 for _ in range(100)]
    for match in re.finditer(
        r'<text [^>]*x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)" '
        r'clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>',
        svg,
    ):
        text = match.group(4).replace("&#160;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
        cell = float(match.group(2)) / len(text)
        column, row = round(float(match.group(1)) / cell), int(match.group(3))
        grid[row][column : column + len(text)] = list(text)
    return ["".join(grid[row][x0 : x0 + width]) for row in range(y0, y0 + height)]


@needs_zbar
@pytest.mark.parametrize("language", ["en", "es"])
async def test_a_terminal_kiosk_writes_nothing_and_shows_a_code_a_phone_reads(
    language: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    content = bundled(language)
    screen = await take_summary(make_app(content, kiosk={}), (120, 30))
    assert os.listdir(tmp_path) == [] and screen.delivery.kind == "qr"
    words = words_for(content)
    session = PatientSession(ticked_questions={0}, own_questions=[HOSTILE[0]])
    text = compact_text(content, words, session)
    assert screen.code_shown == 0 and words["summary.qr"] in screen.shown  # type: ignore[attr-defined]
    assert list(screen.delivery.qr_codes[0]) == qr_lines(text)
    assert zbar(png(modules(qr_lines(text)), tmp_path / "code.png")) == text
    assert_drawn_code_reads(screen, text, tmp_path)


def assert_drawn_code_reads(screen: SummaryScreen, text: str, folder: Path) -> None:
    """The code on the screen, read back cell by cell from its screenshot, is ``text`` to zbar, dark on light."""
    region, styles = screen.code  # type: ignore[attr-defined]
    drawn = screen_cells(screen.svg, (region.x, region.y, region.width, region.height))  # type: ignore[attr-defined]
    assert drawn == qr_lines(text)
    assert zbar(png(modules(drawn), folder / "screen.png")) == text
    assert (styles.color.rgb, styles.background.rgb) == ((0, 0, 0), (255, 255, 255))


SMALLER_SCREENS = {
    "terminal-80x24": ((80, 24), False),
    "tablet-upright-54x32": ((54, 32), True),
    "phone-39x35": ((39, 35), True),
}
"""A desktop terminal, and the cells Chromium gives a served tab on a 768x1024 tablet and a 390x844 phone (README);
whether the words go below the code."""


@needs_zbar
@pytest.mark.parametrize("screen_size", SMALLER_SCREENS)
@pytest.mark.parametrize("language", ["en", "es"])
async def test_a_smaller_kiosk_shows_a_shorter_code_with_the_phone(
    language: str, screen_size: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    content = bundled(language)
    words = words_for(content)
    texts = compact_texts(content, words, PatientSession(ticked_questions={0}, own_questions=[HOSTILE[0]]))
    assert len(texts) >= 2 and texts[-1].splitlines() == texts[0].splitlines()[:2]  # the title and the phone
    for index, text in enumerate(texts):  # every code a screen might show is one a phone reads
        assert zbar(png(modules(qr_lines(text)), tmp_path / f"code-{index}.png")) == text
    size, words_below = SMALLER_SCREENS[screen_size]
    screen = await take_summary(make_app(content, kiosk={}), size)
    assert screen.code_shown is not None and screen.code_shown > 0 and screen.words_below == words_below
    assert words["summary.qr_short"] in screen.shown  # type: ignore[attr-defined]
    shown = texts[screen.code_shown]
    assert content.clinic.clinic_phone[language] in shown  # type: ignore[index]
    assert_drawn_code_reads(screen, shown, tmp_path)
    assert os.listdir(home) == []


async def test_a_kiosk_too_small_for_any_code_says_to_ask_staff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    content = bundled("en")
    screen = await take_summary(make_app(content, kiosk={}), (60, 15))
    assert screen.code_shown is None and screen.shown == words_for(content)["summary.staff"]  # type: ignore[attr-defined]
    assert screen.code is None or screen.code[0].area == 0  # type: ignore[attr-defined]
    assert os.listdir(tmp_path) == []


# In a browser: walkthrough serve hands the page to the tablet's own browser.


@pytest.mark.slow
@pytest.mark.parametrize("popups", ["allowed", "blocked", "blocked-then-forgotten"])
def test_a_served_tab_opens_the_page_in_chromium(tmp_path: Path, popups: str) -> None:
    """Tap "Take this with you" in Debian's Chromium: a new tab opens holding exactly the summary page.

    With pop-ups blocked (iPad Safari's default; here window.open gives null,
    as a blocking browser's does), the page offers a link instead, and a tap
    on it opens the same tab.
    """
    pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")
    from bench.browser import CHROMIUM, CHROMIUM_FLAGS, TabOutput, read_screen, serve_walkthrough

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    content = bundled("en")
    words = words_for(content)
    label = words["summary.take"]
    with (
        (tmp_path / "server.log").open("wb") as log,
        serve_walkthrough(output=log) as (port, _),
        playwright_api.sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        viewport = {"width": 1000, "height": 700} if popups == "allowed" else {"width": 768, "height": 1024}
        context = browser.new_context(viewport=viewport, has_touch=True)  # type: ignore[arg-type]
        if popups.startswith("blocked"):
            context.add_init_script("window.open = () => null;")
        pages: list[object] = []
        context.on("response", lambda response: "/download/" in response.url and pages.append(response))
        tab = TabOutput(context.new_page())
        tab.page.goto(f"http://127.0.0.1:{port}/")
        tab.wait_for_text("Welcome")
        tab.page.focus(".xterm-helper-textarea")
        for _ in range(30):  # on to the last page, whatever checks come between
            if content.walkthrough.questions.title in "\n".join(read_screen(tab.page).lines):
                break
            tab.page.keyboard.press("ArrowRight")
            tab.page.wait_for_timeout(250)
        tab.page.keyboard.press("End")
        tab.page.wait_for_timeout(500)
        screen = read_screen(tab.page)
        found = screen.find_label(label)
        assert found is not None, "\n".join(screen.lines)
        left, top, width, height = screen.css_box(screen.button_around(*found, len(label)))
        if popups == "allowed":
            with context.expect_page() as opened:
                tab.page.touchscreen.tap(left + width / 2, top + height / 2)
        else:
            tab.page.touchscreen.tap(left + width / 2, top + height / 2)
            link = tab.page.locator("#summary-link")
            link.wait_for(state="visible")
            assert link.inner_text() == words["page.summary_open"]
            tab.page.screenshot(path=str(tmp_path / "summary-link.png"))
            if popups == "blocked-then-forgotten":  # Start again's word (walkthrough/served_page.py)
                tab.page.evaluate('window.open("walkthrough:summary:forget", "_self")')
                assert not link.is_visible() and link.get_attribute("href") is None
                assert pages == [], "the page was fetched"
                browser.close()
                return
            with context.expect_page() as opened:
                link.tap()
            assert not link.is_visible(), "the offer stays on screen after the tap"
        summary_tab = opened.value
        summary_tab.wait_for_load_state()
        tab.wait_for_text(words["summary.browser"].split(".")[0])
        assert len(pages) == 1
        response = pages[0]
        assert response.headers["content-type"] == "text/html; charset=utf-8"  # type: ignore[attr-defined]
        assert response.text() == summary_page(content, words)  # type: ignore[attr-defined]
        assert summary_tab.title() == f"{words['summary.page_title']}: {content.walkthrough.title}"
        for paper in ("A4", "Letter"):  # printed as it comes, on one page of either
            assert re.findall(rb"/Count (\d+)", summary_tab.pdf(format=paper, prefer_css_page_size=True)) == [b"1"]
        browser.close()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_page_carries_the_after_care_advice(language: str) -> None:
    """What the seed says to do after a treatment (side effects gone within 3 hours; tell the doctor the next day)."""
    content = bundled(language)
    page = summary_page(content, words_for(content))
    for line in content.walkthrough.course.after_effects:
        assert f"<li>{line}</li>" in page


@pytest.mark.slow
def test_the_worst_case_page_prints_on_one_sheet_and_nothing_runs_off_it() -> None:
    """Every question ticked and two 200-character ones typed (one with no space): one page of A4 and of Letter."""
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the print test needs the playwright package")
    from bench.browser import CHROMIUM

    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        tab = browser.new_page(viewport={"width": 390, "height": 844})
        for language in ("en", "es"):
            content = bundled(language)
            ticked = set(range(len(content.walkthrough.questions.items)))
            session = PatientSession(ticked_questions=ticked, own_questions=["Why " * 50, "x" * 200])
            tab.set_content(summary_page(content, words_for(content), session))
            assert tab.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "a line runs off a phone"
            for paper in ("A4", "Letter"):
                pdf = tab.pdf(format=paper, prefer_css_page_size=True)
                assert re.findall(rb"/Count (\d+)", pdf) == [b"1"], (language, paper)
        browser.close()


@pytest.mark.parametrize(("language", "size"), [("en", (85, 27)), ("es", (85, 27)), ("en", (80, 24))])
async def test_the_button_beside_a_code_shows_its_whole_label(
    language: str, size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A landscape tablet (85x27 cells served) once cut "Back to the walkthrough" to "Back to the"."""
    monkeypatch.setenv("HOME", str(tmp_path))
    content = bundled(language)
    screen = await take_summary(make_app(content, kiosk={}), size)
    assert screen.code_shown is not None and not screen.words_below
    label = words_for(content)["back_to_walkthrough"]
    assert any(label in line for line in screen_cells(screen.svg, (0, 0, *size))), label  # type: ignore[attr-defined]


async def test_start_again_tells_a_served_page_to_forget_the_last_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    """A blocked summary tab leaves "Open your summary" on the page: Start again takes it away (served only)."""
    app = make_app(bundled("en"))
    told: list[str] = []
    monkeypatch.setattr(type(app), "open_url", lambda self, url, *, new_tab=True: told.append(url))
    async with app.run_test() as pilot:
        await pilot.pause()
        app.action_start_again()
        await pilot.pause()
        assert told == []  # in a terminal there is no page to tell
        monkeypatch.setattr(type(app), "is_web", property(lambda self: True))
        app.action_start_again()
        await pilot.pause()
    assert told == ["walkthrough:summary:forget"]


def test_a_clinic_with_a_very_long_name_still_gets_a_code_that_says_how_to_reach_it(tmp_path: Path) -> None:
    """Every code holds the clinic's line; a name past the code's room is cut, and nothing raises."""
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    clinic = folder / "clinic.yaml"
    name = "The Riverside " * 20
    clinic.write_text(
        clinic.read_text(encoding="utf-8").replace("  en: your clinic", f"  en: {name}"), encoding="utf-8"
    )
    content = load_walkthrough(folder, "en")
    texts = compact_texts(content, words_for(content), PatientSession(ticked_questions={0}))
    assert texts and all(text.startswith("Call The Riverside") for text in texts)
    assert all(len(text.encode("utf-8")) <= COMPACT_BYTES for text in texts)
