"""Spanish and the language choice: parity between languages, switching by tap and key, and no English left over."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from textual.binding import Binding

from walkthrough.app import WalkthroughApp
from walkthrough.content import ContentError, load_walkthrough
from walkthrough.content.loader import load_languages
from walkthrough.screens.calm import CalmScreen
from walkthrough.screens.faq import FaqScreen
from walkthrough.screens.help import HelpScreen
from walkthrough.screens.overview import OverviewScreen
from walkthrough.screens.staff import StaffPinScreen
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.ui import action_name, packaged_languages, packaged_words

from .apps import make_app
from .screen_helpers import flat, screen_text

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "content" / "ketamine-infusion"

SPANISH_HEADINGS = [
    "Le damos la bienvenida",
    "Le ponen la vía",
    "Empieza la infusión",
    "Siente el efecto",
    "Termina la sesión",
    "Cuánto dura una visita",
    "Su tratamiento completo",
    "Preguntas para su equipo de salud",
]
ENGLISH_INTERFACE = ["Next", "Back", "Breathe", "Help", "Questions", "Step 1 of", "What helps", "Start again"]


def bundled_app(language: str | None = None, **kwargs: object) -> WalkthroughApp:
    first = load_walkthrough(BUNDLED, language)
    languages, problems = load_languages(BUNDLED, first)
    assert not problems
    return make_app(first, languages=languages, **kwargs)  # type: ignore[arg-type]


# Interface words.


def test_every_language_has_every_interface_word() -> None:
    for code in packaged_languages():
        words = packaged_words(code)
        assert set(words) == set(packaged_words("en")), code
        assert all(text.strip() for text in words.values()), code


@pytest.mark.parametrize(
    "owner", [WalkthroughApp, WalkthroughScreen, CalmScreen, FaqScreen, HelpScreen, OverviewScreen, StaffPinScreen]
)
def test_every_footer_key_has_words_in_every_language(owner: type) -> None:
    for binding in owner.BINDINGS:
        assert isinstance(binding, Binding)
        if binding.show:
            for code in packaged_languages():
                assert f"footer.{action_name(binding.action)}" in packaged_words(code), (owner.__name__, binding, code)


# Parity, as `walkthrough validate` checks it.


def validate(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "walkthrough", "validate", str(folder)], capture_output=True, text=True, timeout=60
    )


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BUNDLED, tmp_path / "walk"))


def spoil(file: Path, old: str, new: str) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_parity_names_a_missing_step(copy: Path) -> None:
    es = copy / "es.yaml"
    text = es.read_text(encoding="utf-8")
    start, end = text.index("  - id: effects"), text.index("  - id: end")
    es.write_text(text[:start] + text[end:], encoding="utf-8")
    result = validate(copy)
    assert result.returncode == 1
    steps_line = next(n for n, line in enumerate(es.read_text().splitlines(), 1) if line.startswith("steps:"))
    assert f"{es}:{steps_line + 1}:3: steps: step 'effects' is in en.yaml but missing here" in result.stdout


def test_parity_names_a_renamed_pattern_and_a_missing_clinic_value(copy: Path) -> None:
    es = copy / "es.yaml"
    spoil(es, "    - id: box", "    - id: square")
    spoil(
        es,
        "      Luego, descansa unos {observation_minutes} minutos.",
        "      Luego, descansa un rato.",
    )
    out = validate(copy).stdout
    assert "calm.patterns: breathing pattern 'box' is in en.yaml but missing here" in out
    assert "breathing pattern 'square' is not in en.yaml" in out
    assert "faq[9]: '{observation_minutes}' is used here in en.yaml but not in this file" in out


def test_parity_counts_the_common_questions(copy: Path) -> None:
    es = copy / "es.yaml"
    text = es.read_text(encoding="utf-8")
    start = text.index("  - question: ¿Cuándo me voy a sentir mejor?")
    es.write_text(text[:start], encoding="utf-8")
    assert "en.yaml has 12 common questions and this file has 11" in validate(copy).stdout


def test_a_clinic_value_given_per_language_needs_every_language(copy: Path) -> None:
    clinic = copy / "clinic.yaml"
    spoil(clinic, "  es: su clínica\n", "")
    result = validate(copy)
    assert result.returncode == 1
    line = next(n for n, text in enumerate(clinic.read_text().splitlines(), 1) if text.startswith("clinic_name:"))
    assert f"{clinic}:{line + 1}:3: clinic_name: has no 'es' text, and es.yaml uses this language" in result.stdout


def test_default_language_comes_from_clinic_values(copy: Path) -> None:
    spoil(copy / "clinic.yaml", "default_language: en", "default_language: es")
    assert load_walkthrough(copy).language == "es"
    assert load_walkthrough(copy, "en").language == "en"  # --lang wins
    spoil(copy / "clinic.yaml", "default_language: es", "default_language: fr")
    with pytest.raises(ContentError) as error:
        load_walkthrough(copy, "en")
    assert "default_language: there is no fr.yaml beside this file (languages here: en, es)" in str(error.value)


# The language choice, by tap and key.


async def test_tap_a_language_on_the_welcome_page_switches_everything() -> None:
    app = bundled_app()
    async with app.run_test(size=(80, 24)) as pilot:
        assert "English" in screen_text(app) and "Español" in screen_text(app)
        await pilot.click("#lang-es")
        await pilot.pause()
        text = screen_text(app)
        assert app.content.language == "es"
        assert "Le damos la bienvenida" in text and "Siguiente" in text and "Respirar" in text
        assert "Welcome" not in text and "Next" not in text
        assert app.screen.query_one("#lang-es").has_class("-chosen")
        await pilot.click("#lang-en")
        await pilot.pause()
        assert "Welcome" in screen_text(app) and app.content.language == "en"


async def test_the_l_key_switches_language_on_the_same_page() -> None:
    app = bundled_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "right", "escape", "l")  # esc skips step 1's quick check
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.page_index == 2
        assert "Paso 2 de 4" in screen_text(app) and "Empieza la infusión" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert "Step 2 of 4" in screen_text(app)


async def test_a_kiosk_goes_back_to_the_default_language_for_the_next_patient(clock: object) -> None:

    app = bundled_app(kiosk=dict(idle_seconds=30, staff_pin_hash=None, staff_key="f12"), clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.click("#lang-es")
        await pilot.pause()
        assert app.content.language == "es"
        await app.fresh_start()
        await pilot.pause()
        assert app.content.language == "en" and "Welcome" in screen_text(app)


async def test_one_language_offers_no_choice() -> None:
    app = make_app(load_walkthrough(BUNDLED / "en.yaml"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert not app.query("#languages")
        await pilot.press("l")
        assert app.content.language == "en"


@pytest.mark.parametrize("size", [(40, 15), (80, 24)])
async def test_lang_es_walks_the_whole_visit_in_spanish(size: tuple[int, int]) -> None:
    app = bundled_app("es")
    async with app.run_test(size=size) as pilot:
        for heading in SPANISH_HEADINGS:
            page = app.screen.current_page  # type: ignore[attr-defined]
            page.scroll_home(animate=False)
            await pilot.pause()
            text = flat(screen_text(app))
            assert heading in text
            for english in ENGLISH_INTERFACE:
                assert english not in text, (heading, english)
            await pilot.press("right")
            if app.screen.id == "check-screen":  # skip the page's quick check (test_checks.py walks them)
                await pilot.press("escape")
        await pilot.press("b")  # calming mode and help in Spanish too
        await pilot.pause()
        assert "Respire conmigo" in screen_text(app) and "Parar" in screen_text(app)
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert "Cómo se usa" in screen_text(app)


async def test_a_step_missing_in_the_other_language_leads_to_the_welcome_page_not_another_step(copy: Path) -> None:
    es = copy / "es.yaml"
    text = es.read_text(encoding="utf-8")
    es.write_text(text[: text.index("  - id: infusion")] + text[text.index("  - id: effects") :], encoding="utf-8")
    first = load_walkthrough(copy, "en")
    languages, _ = load_languages(copy, first)
    app = make_app(first, languages=languages)
    async with app.run_test(size=(80, 24)) as pilot:
        # Step 3, "effects": in both languages (esc skips each step's quick check).
        await pilot.press("right", "right", "escape", "right", "escape")
        await pilot.press("l")
        await pilot.pause()
        assert "Siente el efecto" in screen_text(app)  # the same step by its id, now step 2 of 3
        await pilot.press("l", "left")  # back in English, on step 2, "infusion": not in Spanish
        await pilot.pause()
        assert "The infusion begins" in screen_text(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.page_index == 0


def test_a_regional_code_falls_back_to_its_language() -> None:
    assert load_walkthrough(BUNDLED, "es-mx").language == "es"
