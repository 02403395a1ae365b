"""The key line: which keys it keeps at each width, that its words are in one language, and that no key is lost."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from walkthrough.app import WalkthroughApp
from walkthrough.content import load_walkthrough
from walkthrough.content.loader import load_languages
from walkthrough.screens.calm import CalmScreen
from walkthrough.screens.check import check_about
from walkthrough.screens.faq import FaqScreen
from walkthrough.screens.help import help_lines
from walkthrough.screens.pages import page_checks
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.ui import packaged_languages, packaged_words
from walkthrough.widgets.footer import KeyFooter
from walkthrough.widgets.key_line import RANKING, ShownKey, digit_range, fit, label, rank

from .apps import make_app
from .conftest import GOOD, FakeClock, write_content
from .screen_helpers import screen_text

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"
MODES = ("patient", "kiosk", "counsellor")
WIDTHS = (40, 60, 80, 120)


def bundled_app(language: str = "en", mode: str = "patient", clock: FakeClock | None = None) -> WalkthroughApp:
    first = load_walkthrough(BUNDLED, language)
    languages, problems = load_languages(BUNDLED, first)
    assert not problems
    kiosk = dict() if mode == "kiosk" else None
    return make_app(
        first, languages=languages, kiosk=kiosk, counsellor=mode == "counsellor", clock=clock or FakeClock()
    )


def key_line(app: WalkthroughApp) -> str:
    """The bottom line of the screen, as a person reads it."""
    return screen_text(app).rstrip("\n").splitlines()[-1].rstrip()


def footer(app: WalkthroughApp) -> KeyFooter:
    return app.screen.query_one(KeyFooter)


def drawn_actions(app: WalkthroughApp) -> list[str]:
    return [shown.action for shown in footer(app).drawn.keys]


def written(keys: tuple[ShownKey, ...], app: WalkthroughApp) -> str:
    """The line the footer's drawn keys make, spaces folded (to compare with what the screen shows)."""
    form = footer(app).drawn.form
    return " ".join(" ".join(part for part in label(shown, form) if part) for shown in keys)


def send_together(app: WalkthroughApp, *keys: str) -> None:
    """Keys as a terminal delivers keys typed together: all in the app's queue before the first is handled."""
    assert app._driver is not None
    for key in keys:
        event = events.Key(key, key if len(key) == 1 else None)
        event.set_sender(app)
        app._driver.send_message(event)


def skip_every_check(app: WalkthroughApp) -> None:
    """Count every quick check as skipped, so Next turns the page at once (test_checks.py types into the checks).

    A key bound to the app (``l``) acts only once it has been offered to the
    screen: typed together with Next keys, it reaches the app after they did,
    which here would be over a check opened by one of them.
    """
    for page_name in page_checks(app.content.walkthrough):
        app.session.answer(check_about(page_name))


async def settle(pilot: Pilot[None]) -> None:
    for _ in range(6):
        await pilot.pause(0.02)


async def finish_calm(pilot: Pilot[None], app: WalkthroughApp, clock: FakeClock) -> CalmScreen:
    screen = app.screen
    assert isinstance(screen, CalmScreen)
    clock.advance(60 * screen.minutes + 30)
    screen.tick()
    await pilot.pause()
    assert screen.has_class("-finished")
    return screen


# Ranking: what is kept at each width.


def check_line(app: WalkthroughApp, mode: str, where: str) -> None:
    """The line shows whole keys only, a key only if every higher-ranked key is shown too, and fits its width."""
    line, width = key_line(app), app.size.width
    shown, kept = footer(app).shown, footer(app).drawn.keys
    assert len(line) <= width, where
    assert " ".join(line.split()) == written(kept, app), where
    lowest_kept = max((rank(key) for key in kept), default=-1)
    assert all(key in kept for key in shown if rank(key) < lowest_kept), (where, line)
    actions = [key.action for key in shown]
    assert ("quit" in actions) == (mode != "kiosk"), where
    if width >= 80:
        assert "help" in drawn_actions(app), (where, line)
        assert ("quit" in drawn_actions(app)) == (mode != "kiosk"), (where, line)
    if width >= 120 and mode == "patient":
        assert len(kept) == len(shown), (where, line)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("language", ["en", "es"])
async def test_the_key_line_keeps_the_highest_ranked_keys_at_every_width(language: str, mode: str) -> None:
    clock = FakeClock()
    app = bundled_app(language, mode, clock)
    async with app.run_test(size=(120, 24)) as pilot:
        places = ["welcome", "step", "calm", "finished", "questions"]
        for place in places:
            if place == "step":
                await pilot.press("right")
            elif place == "calm":
                await pilot.press("b")
            elif place == "finished":
                await finish_calm(pilot, app, clock)
            elif place == "questions":
                await pilot.press("escape", "f")
            for width in WIDTHS:
                await pilot.resize_terminal(width, 24)
                await pilot.pause()
                check_line(app, mode, f"{language} {mode} {place} {width}")


@pytest.mark.parametrize(
    ("language", "mode", "line"),
    [
        ("en", "patient", "→ Next  ← Back  b Breathe  l Language  f Questions  c Contrast  ? Help  q Quit"),
        ("es", "patient", "→ Siguiente  ← Atrás  b Respirar  l Idioma  f Preguntas  ? Ayuda  q Salir"),
        ("en", "kiosk", "→ Next  ← Back  b Breathe  a Auto  l Language  f Questions  c Contrast  ? Help"),
        ("en", "counsellor", "→ Next  ← Back  1-4 Step  o Overview  h Hide notes  b Breathe  ? Help  q Quit"),
        ("es", "counsellor", "→ Siguiente  ← Atrás  1-4 Paso  o Pantallas  h Ocultar notas  ? Ayuda  q Salir"),
    ],
)
async def test_a_step_page_at_80_columns(language: str, mode: str, line: str) -> None:
    """Help and quit (never in a kiosk) always fit at 80 columns; the counsellor's keys too."""
    app = bundled_app(language, mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        await pilot.pause()
        assert key_line(app).strip() == line


def test_a_terser_form_is_used_only_to_keep_an_essential_key() -> None:
    def key(action: str, display: str, words: str) -> ShownKey:
        return ShownKey(display, display, words, True, action)

    keys = (key("next", "→", "Next"), key("back", "←", "Back"), key("help", "?", "Help"), key("quit", "q", "Quit"))
    extra = (key("calm", "b", "Breathe"), key("auto", "a", "Auto"))
    roomy = fit(keys + extra, 40)
    assert [shown.action for shown in roomy.keys] == ["next", "back", "help", "quit"]
    assert roomy.form.arrow_words, "only extras are dropped: the roomy form stays"
    narrow = fit(keys + (key("jump", "1-4", "Step"),), 36)
    assert [shown.action for shown in narrow.keys] == ["next", "back", "jump", "help", "quit"]
    assert not narrow.form.arrow_words, "the counsellor's keys are worth leaving the arrows' words out"
    assert fit(keys, 5).keys == keys[:2] and fit(keys, 2).keys == keys[:1]  # "→ ←", then "→"
    assert RANKING.index("help") < RANKING.index("calm") and RANKING.index("quit") < RANKING.index("faq")


# What acts now.


def one_step_content(tmp_path: Path) -> object:
    text = (GOOD / "en.yaml").read_text(encoding="utf-8")
    other_steps = text[text.index("  - id: two") : text.index("visit:")]
    return load_walkthrough(write_content(tmp_path / "one", {other_steps: ""}))


def test_digits_are_written_from_the_number_of_steps() -> None:
    assert digit_range(range(1, 5)) == "1-4"
    assert digit_range([1]) == "1"
    assert digit_range([]) == ""
    counsellors_app = type(bundled_app("en", "counsellor"))
    english = help_lines(packaged_words("en"), counsellors_app, counsellor=True, steps=4)
    spanish = help_lines(packaged_words("es"), counsellors_app, counsellor=True, steps=12)
    assert re.search(r"^1-4 +Go to that step$", english, re.M)
    assert re.search(r"^1-9 +Ir a ese paso$", spanish, re.M)


async def test_a_single_step_is_just_1(tmp_path: Path) -> None:
    app = make_app(one_step_content(tmp_path), counsellor=True, clock=FakeClock())  # type: ignore[arg-type]
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("right")
        await pilot.pause()
        assert " 1 Step " in key_line(app) and "1-" not in key_line(app)


@pytest.mark.parametrize("language", ["en", "es"])
async def test_counsellor_step_pages_show_the_counsellors_keys(language: str) -> None:
    words = packaged_words(language)
    app = bundled_app(language, "counsellor")
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(4):
            await pilot.press("right")
            await pilot.pause()
            if app.screen.id == "check-screen":  # skip the step's quick check (test_checks.py answers them)
                await pilot.press("escape")
                await pilot.pause()
            line = key_line(app)
            for shown in (f"1-4 {words['footer.jump']}", f"o {words['footer.overview']}"):
                assert shown in line, line
            assert f"h {words['footer.hide_notes']}" in line, line
        await pilot.press("h")
        await pilot.pause()
        assert f"h {words['footer.show_notes']}" in key_line(app)


async def test_patients_get_no_counsellor_keys() -> None:
    app = bundled_app("en", "patient")
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("right")
        await pilot.pause()
        assert not {"jump", "overview", "hide_notes", "talk_pause"} & {key.action for key in footer(app).shown}


async def test_the_finished_calming_screen_offers_only_what_acts() -> None:
    """Finished: space starts again and esc goes back, as the two buttons on show do; no pause, pattern or bell."""
    clock = FakeClock()
    app = bundled_app("en", "patient", clock)
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("b")
        await pilot.pause()
        assert {"pause", "stop", "next_pattern", "sound"} <= set(drawn_actions(app))
        screen = await finish_calm(pilot, app, clock)
        assert set(drawn_actions(app)) == {"again", "done", "faq", "toggle_contrast", "help", "quit"}
        assert key_line(app).strip().startswith("space Again  esc Back")
        pattern = screen.pattern
        await pilot.press("t", "s")
        assert screen.has_class("-finished") and screen.pattern == pattern and not screen.sound
        await pilot.press("space")
        await pilot.pause()
        assert not screen.has_class("-finished") and "pause" in drawn_actions(app)
        await finish_calm(pilot, app, clock)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen)


async def test_back_and_start_are_not_offered_on_the_first_page_nor_next_on_the_last() -> None:
    app = bundled_app("en", "patient")
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        assert not {"back", "home"} & {key.action for key in footer(app).shown}
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen)
        # Next from every page to the last; esc skips the quick check of each page after the welcome.
        await pilot.press("right", *["right", "escape"] * (screen.page_count - 2))
        await pilot.pause()
        assert not {"next", "auto"} & {key.action for key in footer(app).shown}


# One language at a time.


def footer_words(language: str) -> set[str]:
    words = packaged_words(language)
    return {text for name, text in words.items() if name.startswith(("footer.", "keyname."))}


def assert_one_language(app: WalkthroughApp) -> None:
    """Every key line in the stack has only words of the app's language now."""
    language = app.content.language
    other = next(code for code in packaged_languages() if code != language)
    only_other = {word for word in footer_words(other) - footer_words(language) if len(word) > 3}
    for screen in app.screen_stack:
        for key_footer in screen.query(KeyFooter):
            for shown in key_footer.shown:
                assert shown.words in footer_words(language), (language, type(screen).__name__, shown)
    line = key_line(app)
    assert not [word for word in only_other if re.search(rf"\b{re.escape(word)}\b", line)], (language, line)


async def test_after_a_burst_of_keys_every_word_is_in_one_language() -> None:
    app = bundled_app("en", "patient")
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.pause()
        bursts = [
            (("l", "b"), "es", "CalmScreen"),
            (("space", "t", "s", "space"), "es", "CalmScreen"),
            (("question_mark",), "es", "HelpScreen"),
            (("escape", "f"), "es", "FaqScreen"),
            (("escape", "escape", "l", "right", "b"), "en", "CalmScreen"),
            (("f", "escape", "l", "question_mark"), "en", "HelpScreen"),  # l does nothing over calming mode
            (("escape", "escape", "l", "f"), "es", "FaqScreen"),
        ]
        for keys, language, top in bursts:
            send_together(app, *keys)
            await settle(pilot)
            assert (app.content.language, type(app.screen).__name__) == (language, top), keys
            assert_one_language(app)


@pytest.mark.parametrize("language", ["en", "es"])
async def test_words_follow_the_screen_language_not_the_bindings(language: str) -> None:
    app = bundled_app("es" if language == "en" else "en", "counsellor")
    async with app.run_test(size=(120, 24)) as pilot:
        await pilot.press("l")
        await settle(pilot)
        assert app.content.language == language
        for keys in (("right",), ("b",), ("escape", "f"), ("escape", "o")):
            await pilot.press(*keys)
            await pilot.pause()
            assert_one_language(app)


# No key lost.


async def test_l_then_b_together_opens_calming_mode_in_spanish() -> None:
    app = bundled_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        send_together(app, "l", "b")
        await settle(pilot)
        assert app.content.language == "es"
        assert isinstance(app.screen, CalmScreen) and app.screen.words is packaged_words("es")
        assert "espacio Pausa" in key_line(app)


async def test_l_then_b_pressed_by_pilot_opens_calming_mode_in_spanish() -> None:
    app = bundled_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "b")
        await settle(pilot)
        assert app.content.language == "es" and isinstance(app.screen, CalmScreen)


async def test_l_right_right_ends_on_step_2_in_spanish() -> None:
    app = bundled_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        skip_every_check(app)
        send_together(app, "l", "right", "right")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen) and screen.content.language == "es"
        assert screen.page_index == 2 and "Paso 2 de 4" in screen_text(app)


@pytest.mark.parametrize(
    ("keys", "language", "top"),
    [
        (("l", "l", "b"), "en", CalmScreen),  # there and back again, then calming mode
        (("b", "l"), "en", CalmScreen),  # l does nothing over calming mode
        (("f", "l"), "en", FaqScreen),  # nor over the questions
        (("l", "f"), "es", FaqScreen),
    ],
)
async def test_keys_typed_together_apply_in_order(keys: tuple[str, ...], language: str, top: type) -> None:
    app = bundled_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        send_together(app, *keys)
        await settle(pilot)
        assert app.content.language == language and isinstance(app.screen, top)
        assert app.screen.words is packaged_words(language)  # type: ignore[attr-defined]


async def test_keys_typed_while_the_pages_are_built_are_applied() -> None:
    """The first screen builds its other pages after the first frame; page turns typed meanwhile are kept."""
    app = bundled_app("en")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen) and not screen._all_pages_built
        skip_every_check(app)
        send_together(app, "right", "right", "right")
        await settle(pilot)
        assert screen.page_index == 3 and screen._all_pages_built
        send_together(app, "l", "right", "b", "escape", "right")
        await pilot.pause(0)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, WalkthroughScreen) and screen.words is packaged_words("es")
        assert screen.page_index == 5
