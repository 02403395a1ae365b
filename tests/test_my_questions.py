"""My questions on the last page: ticks by key and by tap, questions typed or pasted, the cap, removing, and wiping.

Everything lives in ``app.session`` only: a fresh start or Start again drops it,
and nothing the patient typed reaches a file.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path
from typing import cast

import pytest
from textual import events
from textual.app import App
from textual.geometry import Region
from textual.pilot import Pilot

from walkthrough.app import WalkthroughApp
from walkthrough.content import LoadedWalkthrough, load_walkthrough
from walkthrough.content.loader import load_languages
from walkthrough.screens.questions import QuestionsPage
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.session import OWN_QUESTION_CHARACTERS, OWN_QUESTIONS_MAX
from walkthrough.widgets.my_questions import (
    OwnQuestionRow,
    QuestionInput,
    TickBox,
    cleaned_question,
    cut_at_word,
)
from walkthrough.widgets.nav import TouchButton

from .apps import make_app
from .conftest import FakeClock
from .screen_helpers import flat, screen_text
from .test_touch_targets import SHORT_SIZE, TALL_SIZES, bundled_app, button_boxes, clipped, spacing_problems

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"


async def on_questions_page(app: WalkthroughApp, pilot: Pilot[None]) -> QuestionsPage:
    """Open the last page (straight there: the teach-back checks on the way are tested elsewhere)."""
    await app.replace_session("questions")
    await pilot.pause()
    await pilot.pause()
    page = screen_of(app).current_page
    assert isinstance(page, QuestionsPage)
    return page


def screen_of(app: WalkthroughApp) -> WalkthroughScreen:
    """The walkthrough screen at the bottom of the stack."""
    screen = app.screen_stack[0]
    assert isinstance(screen, WalkthroughScreen)
    return screen


async def tap(pilot: Pilot[None], widget: TouchButton | QuestionInput) -> None:
    """Scroll ``widget`` into sight and tap its centre, as a finger would."""
    for page in widget.ancestors:
        if isinstance(page, QuestionsPage):
            page.scroll_to_center(widget, animate=False)
            await pilot.pause()
    box = widget.region
    await pilot.click(offset=(box.x + box.width // 2, box.y + box.height // 2))
    await pilot.pause(0.3)  # past a button's pressed look, which ignores a second tap


async def type_question(pilot: Pilot[None], page: QuestionsPage, text: str) -> None:
    """Tap the box, type ``text`` key by key, and press Enter."""
    await tap(pilot, page.query_one(QuestionInput))
    await pilot.press(*keys_for(text))
    await pilot.press("enter")
    await pilot.pause()


def keys_for(text: str) -> list[str]:
    """The key names that type ``text``."""
    names = {" ": "space", "[": "left_square_bracket", "]": "right_square_bracket", "?": "question_mark"}
    return [names.get(character, character) for character in text]


async def test_a_question_is_ticked_and_unticked_by_key(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        page = await on_questions_page(app, pilot)
        await pilot.press("tab")  # the first tick takes the focus
        assert app.focused is page.query_one("#tick-0")
        await pilot.press("enter")
        assert app.session.ticked_questions == {0}
        await pilot.pause(0.3)
        await pilot.press("space")
        assert app.session.ticked_questions == set()
        await pilot.press("tab", "space")
        assert app.session.ticked_questions == {1}
        tick = page.query_one("#tick-1", TickBox)
        assert tick.ticked and tick.label.plain.startswith("[✓] ")  # the state is in the words, not only colour
        assert page.query_one("#tick-0", TickBox).label.plain.startswith("[ ] ")
        assert screen_of(app).page_index == screen_of(app).page_count - 1  # space ticked, never turned a page


@pytest.mark.parametrize("size", [(80, 24), (40, 15)], ids=["80x24", "40x15"])
async def test_a_question_is_ticked_by_a_tap(good_content: LoadedWalkthrough, size: tuple[int, int]) -> None:
    app = make_app(good_content, clock=FakeClock())
    async with app.run_test(size=size) as pilot:
        page = await on_questions_page(app, pilot)
        tick = page.query_one("#tick-1", TickBox)
        await tap(pilot, tick)
        assert app.session.ticked_questions == {1} and tick.ticked
        await tap(pilot, tick)
        assert app.session.ticked_questions == set() and not tick.ticked
        if size == (80, 24):
            assert tick.region.height >= 3, "as tall as the nav buttons, for a finger"


async def test_letters_typed_in_the_box_never_act_as_keys(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        page = await on_questions_page(app, pilot)
        screen = screen_of(app)
        theme = app.theme
        box = page.query_one(QuestionInput)
        await tap(pilot, box)
        assert app.focused is box
        typed = "nap q f c l b a h 1 ?"
        await pilot.press(*keys_for(typed))
        await pilot.press("left", "left", "home", "right")  # cursor keys move in the box, they turn no page
        await pilot.pause()
        assert box.value == typed
        assert len(app.screen_stack) == 1 and app.screen is screen, "no help, questions or calming mode opened"
        assert screen.page_index == screen.page_count - 1 and app.theme == theme and app.return_code is None
        assert not screen.auto_reading
        await pilot.press("enter")
        assert app.session.own_questions == [typed]
        # A tap on Back lets go of the box, and goes back.
        await tap(pilot, screen.query_one("#back", TouchButton))
        assert app.focused is None and screen.page_index == screen.page_count - 2


async def test_typed_markup_shows_as_typed_and_does_nothing(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        page = await on_questions_page(app, pilot)
        typed = "[bold]Eat[/bold] [@click=app.quit]before[/]"
        await tap(pilot, page.query_one(QuestionInput))
        await pilot.press(*keys_for(typed), "enter")
        await pilot.pause()
        assert app.session.own_questions == [typed]
        row = page.query_one(OwnQuestionRow)
        assert typed in row.query_one(".own-text").render().plain.replace("\n  ", " ")  # type: ignore[union-attr]
        await tap(pilot, row.query_one(".own-text"))  # type: ignore[arg-type]
        assert app.return_code is None and app.is_running


async def test_a_paste_is_cleaned_and_a_huge_one_is_cut_not_frozen(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        page = await on_questions_page(app, pilot)
        box = page.query_one(QuestionInput)
        await tap(pilot, box)
        app.post_message(events.Paste("\x1b[31mCan I\x07 drive\t\u202ehome?\x1b]0;title\x07\nafter"))
        await pilot.pause()
        assert box.value == "Can I drive home? after"
        box.value = ""
        started = time.monotonic()
        app.post_message(events.Paste("word " * 2000))  # 10,000 characters
        await pilot.pause()
        assert time.monotonic() - started < 2.0
        assert 0 < len(box.value) <= OWN_QUESTION_CHARACTERS and box.value.startswith("word word")
        await pilot.press("enter")
        assert len(app.session.own_questions[0]) <= OWN_QUESTION_CHARACTERS


def test_cleaning_and_cutting() -> None:
    assert cleaned_question("  a\x00b\x1b[2Jc  \r\n d ") == "abc d"
    assert cut_at_word("one two three", 9) == "one two"
    assert cut_at_word("x" * 300, 200) == "x" * 200
    assert len(cleaned_question("long " * 100)) <= OWN_QUESTION_CHARACTERS


async def test_two_questions_at_most_then_the_box_rests_and_one_is_removed(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        page = await on_questions_page(app, pilot)
        box = page.query_one(QuestionInput)
        for text in ("first one", "second one"):
            await type_question(pilot, page, text)
        assert app.session.own_questions == ["first one", "second one"] and OWN_QUESTIONS_MAX == 2
        assert box.disabled and "2" in box.placeholder and box.value == ""
        assert page.query_one("#add-question").disabled
        await pilot.press("space", "x", "enter")  # the box rests: nothing more goes in
        assert app.session.own_questions == ["first one", "second one"]
        await tap(pilot, page.query(OwnQuestionRow)[0].query_one(TouchButton))
        assert app.session.own_questions == ["second one"]
        assert [row.text for row in page.query(OwnQuestionRow)] == ["second one"]
        assert not box.disabled
        await type_question(pilot, page, "third one")
        assert app.session.own_questions == ["second one", "third one"]


async def test_an_empty_question_is_not_added(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        page = await on_questions_page(app, pilot)
        await type_question(pilot, page, "   ")
        await tap(pilot, page.query_one("#add-question", TouchButton))
        assert app.session.own_questions == []


def at_the_top(problem: str, boxes: dict[str, Region]) -> bool:
    """Whether ``problem`` is a button touching the screen's top row (only scrolling puts one there)."""
    name = problem.split(" ", 1)[0]
    return "touches the edge" in problem and boxes[name].y == 0


async def _tick_and_type(app: WalkthroughApp, pilot: Pilot[None]) -> None:
    page = await on_questions_page(app, pilot)
    await tap(pilot, page.query_one("#tick-0", TickBox))
    await type_question(pilot, page, "my secret question")
    assert app.session.ticked_questions == {0} and app.session.own_questions == ["my secret question"]


async def test_start_again_wipes_ticks_and_typed_questions(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        await _tick_and_type(app, pilot)
        old = app.session
        await tap(pilot, screen_of(app).current_page.query_one("#start-again", TouchButton))
        await pilot.pause()
        assert app.session is not old and app.session.is_empty
        page = await on_questions_page(app, pilot)
        assert not any(tick.ticked for tick in page.query(TickBox)) and not page.query(OwnQuestionRow)
        assert page.session is app.session


async def test_a_kiosk_fresh_start_wipes_them(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content, clock=FakeClock(), kiosk={})
    async with app.run_test(size=(80, 24)) as pilot:
        await _tick_and_type(app, pilot)
        await app.fresh_start()  # type: ignore[attr-defined]
        await pilot.pause()
        assert app.session.is_empty
        page = await on_questions_page(app, pilot)
        assert not any(tick.ticked for tick in page.query(TickBox)) and not page.query(OwnQuestionRow)


async def test_a_language_switch_keeps_them() -> None:
    first = load_walkthrough(BUNDLED, "en")
    languages, _ = load_languages(BUNDLED, first)
    app = make_app(first, clock=FakeClock(), languages=languages)
    async with app.run_test(size=(80, 24)) as pilot:
        await _tick_and_type(app, pilot)
        await app.replace_session("questions")
        app.action_language("es")
        await pilot.pause()
        await pilot.pause()
        page = screen_of(app).current_page
        assert isinstance(page, QuestionsPage) and page.query_one("#tick-0", TickBox).ticked
        assert [row.text for row in page.query(OwnQuestionRow)] == ["my secret question"]


async def test_nothing_typed_is_written_to_disk(good_content: LoadedWalkthrough, tmp_path: Path) -> None:
    log = logging.getLogger(f"walkthrough.test.{tmp_path.name}")
    handler = logging.FileHandler(tmp_path / "kiosk.log")
    log.addHandler(handler)
    log.setLevel(logging.DEBUG)
    try:
        app = make_app(good_content, clock=FakeClock(), kiosk={}, log=log)
        async with app.run_test(size=(80, 24)) as pilot:
            await _tick_and_type(app, pilot)
            await app.fresh_start()  # type: ignore[attr-defined]
            await pilot.pause()
    finally:
        log.removeHandler(handler)
        handler.close()
    assert (tmp_path / "kiosk.log").read_text(encoding="utf-8"), "the kiosk logged its start"
    for folder in (tmp_path, Path(os.environ["XDG_CACHE_HOME"]), Path(os.environ["XDG_STATE_HOME"])):
        for path in folder.rglob("*") if folder.exists() else ():
            if path.is_file():
                assert b"secret question" not in path.read_bytes(), path


async def test_leaving_the_page_lets_go_of_the_focus(good_content: LoadedWalkthrough) -> None:
    app = make_app(good_content, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        page = await on_questions_page(app, pilot)
        assert app.focused is None, "nothing takes the focus by itself"
        await pilot.press("tab")
        assert app.focused is page.query_one("#tick-0")
        await pilot.press("left")
        await pilot.pause()
        assert screen_of(app).page_index == screen_of(app).page_count - 2 and app.focused is None
        await pilot.press("enter", "right")
        await pilot.pause()
        assert app.session.ticked_questions == set()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("size", [*TALL_SIZES, SHORT_SIZE], ids=lambda size: f"{size[0]}x{size[1]}")
async def test_every_tick_and_button_is_big_enough_and_apart(size: tuple[int, int], language: str) -> None:
    app = bundled_app(language)
    min_height = 1 if size == SHORT_SIZE else 3
    async with app.run_test(size=size) as pilot:
        page = await on_questions_page(app, pilot)
        await type_question(pilot, page, "A question of my own that is long enough to wrap on a phone")
        app.screen.set_focus(None)
        for widget in (*page.query(TickBox), page.query_one(QuestionInput), *page.query(OwnQuestionRow)):
            page.scroll_to_center(widget, animate=False)
            await pilot.pause()
            partly = clipped(app)  # scrolled half out of sight at the page's top or foot: a scroll brings the rest
            boxes = {name: box for name, box in button_boxes(app).items() if name not in partly}
            problems = spacing_problems(boxes, size, min_height=min_height)
            if size == SHORT_SIZE:  # no title bar and no padding above a short page: scrolled text meets the top
                problems = [problem for problem in problems if not at_the_top(problem, boxes)]
            assert problems == [], boxes
            if isinstance(widget, TickBox):  # every word of the question shows, wrapped in its box
                assert widget.text.split()[-1] in flat(screen_text(cast("App[object]", app))).split(), widget.text
        if min_height == 3:
            assert page.query_one(QuestionInput).region.height >= 3


@pytest.mark.slow
@pytest.mark.parametrize("viewport", [(768, 1024), (390, 844)], ids=["tablet", "phone"])
def test_a_tap_on_the_box_in_chromium_takes_typing(viewport: tuple[int, int], tmp_path: Path) -> None:
    """In walkthrough serve, a finger's tap on the box focuses the terminal's own text field (which brings a
    tablet's on-screen keyboard) and what is typed there lands in the box, letters and spaces, not as app keys."""
    import importlib.util

    from bench.browser import CHROMIUM, CHROMIUM_FLAGS, TabOutput, read_screen, serve_walkthrough

    for package in ("textual_serve", "playwright"):
        if importlib.util.find_spec(package) is None:
            pytest.skip(f"the browser test needs the {package} package")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with (
        (tmp_path / "server.log").open("wb") as output,
        serve_walkthrough(output=output) as (port, _),
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        width, height = viewport
        context = browser.new_context(viewport={"width": width, "height": height}, has_touch=True)
        tab = TabOutput(context.new_page())
        tab.page.goto(f"http://127.0.0.1:{port}/")
        tab.wait_for_text("Welcome")
        tap_cell(tab, *read_screen(tab.page).find("Welcome") or (0, 0))  # the terminal takes the keys from here on
        for _ in range(40):  # to the last page by keys (a teach-back check on the way is skipped with escape)
            screen = read_screen(tab.page)
            if screen.find("Type your question") is not None:
                break
            key = "Escape" if screen.find("Skip") is not None or screen.find("Quick check") else "ArrowRight"
            tab.page.keyboard.press(key)
            tab.page.wait_for_timeout(250)
        for _ in range(20):  # scroll the box into sight
            screen = read_screen(tab.page)
            found = screen.find("Type your question")
            if found is not None and found[1] < screen.rows - 8:
                break
            tab.page.keyboard.press("ArrowDown")
            tab.page.wait_for_timeout(100)
        assert found is not None, "\n".join(screen.lines)
        tap_cell(tab, *found)
        focused = tab.page.evaluate(
            "() => [document.activeElement.tagName, document.activeElement.className,"
            " document.activeElement.getAttribute('inputmode') || '']"
        )
        assert focused[0] == "TEXTAREA" and "xterm-helper-textarea" in focused[1], focused
        assert focused[2] != "none", "inputmode=none would keep a tablet's keyboard down"
        tab.page.screenshot(path=str(tmp_path / f"tapped-{width}x{height}.png"))
        tab.page.keyboard.type("nap time? q")
        tab.page.wait_for_timeout(800)
        lines = read_screen(tab.page).lines
        assert any("nap time? q" in line for line in lines), "\n".join(lines)  # in the box, the page unturned
        tab.page.keyboard.press("Enter")
        tab.page.wait_for_timeout(500)
        for _ in range(20):  # scroll down to the list (the box has no use for the arrow)
            lines = read_screen(tab.page).lines
            if any("• nap time? q" in line for line in lines) and any("Remove" in line for line in lines):
                break
            tab.page.keyboard.press("ArrowDown")
            tab.page.wait_for_timeout(150)
        tab.page.screenshot(path=str(tmp_path / f"typed-{width}x{height}.png"))
        assert any("• nap time? q" in line for line in lines), "\n".join(lines)
        assert any("Remove" in line for line in lines), "\n".join(lines)
        browser.close()


def tap_cell(tab: object, column: int, row: int) -> None:
    """Tap the terminal cell at ``column``, ``row`` with a finger."""
    from bench.browser import CellBox, read_screen

    page = tab.page  # type: ignore[attr-defined]
    left, top, width, height = read_screen(page).css_box(CellBox(column, row, 1, 1))
    page.touchscreen.tap(left + width / 2, top + height / 2)
    page.wait_for_timeout(300)


async def test_a_typed_question_never_reaches_the_clipboard(good_content: LoadedWalkthrough) -> None:
    """The next patient must not paste it: copy and cut keep nothing (the app's clipboard, or the terminal's)."""
    app = make_app(good_content, kiosk={}, clock=FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        page = await on_questions_page(app, pilot)
        box = page.query_one(QuestionInput)
        await tap(pilot, box)
        await pilot.press(*keys_for("my secret"))
        await pilot.press("ctrl+shift+a", "ctrl+c", "ctrl+shift+a", "ctrl+x")
        await pilot.pause()
        assert app.clipboard == ""
