"""Snapshots: every kind of page at 40x15, 80x24 and 120x30, in high contrast and Spanish at 40x15 and 80x24.

Kiosk and counsellor screens too. English and high contrast on the fixture content, Spanish on the bundled one.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from walkthrough.app import WalkthroughApp
from walkthrough.content import load_walkthrough
from walkthrough.content.loader import load_languages
from walkthrough.pin import hash_pin
from walkthrough.screens.fault import FaultScreen
from walkthrough.screens.summary import SummaryScreen
from walkthrough.summary.delivery import SummaryDelivery, as_qr_codes
from walkthrough.ui import packaged_words

from .apps import make_app
from .conftest import FIXTURES, GOOD, FakeClock

BUNDLED = Path(__file__).resolve().parents[1] / "content" / "ketamine-infusion"

SCREENS = {
    "welcome": [],
    "step": ["right", "right"],
    "visit": ["right"] * 5,
    "course": ["right"] * 6,
    "questions": ["right"] * 7,
    "help": ["question_mark"],
    "faq": ["f"],
    "contrast_step": ["c", "right"],
    "calm": ["right", "b"],
    "auto_reading": ["right", "a"],
    "counsellor_step": ["2"],
}
"""Every kind of page, by the keys that reach it (counsellor_step in counsellor mode)."""

SIZES = [(80, 24), (40, 15), (120, 30)]
"""A desktop terminal, a small tablet's terminal, and a wide one (where pages are centred)."""


OTHER_LOOKS = [screen for screen in SCREENS if screen not in ("contrast_step", "auto_reading")]
"""The kinds of page checked again in high contrast and in Spanish."""


def size_id(size: tuple[int, int]) -> str:
    """``80x24`` for (80, 24)."""
    return f"{size[0]}x{size[1]}"


@pytest.mark.parametrize("size", SIZES, ids=size_id)
@pytest.mark.parametrize("screen", SCREENS)
def test_screen_looks_right(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    counsellor = screen.startswith("counsellor")
    app = make_app(load_walkthrough(GOOD), clock=FakeClock(), counsellor=counsellor)  # time stands still
    assert snap_compare(app, press=SCREENS[screen], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=size_id)
@pytest.mark.parametrize("screen", OTHER_LOOKS)
def test_high_contrast_screen_looks_right(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    counsellor = screen.startswith("counsellor")
    app = make_app(load_walkthrough(GOOD), clock=FakeClock(), counsellor=counsellor)
    assert snap_compare(app, press=["c", *SCREENS[screen]], terminal_size=size)


async def _idle_warning(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, WalkthroughApp) and isinstance(app.clock, FakeClock)
    await pilot.press("right")
    app.clock.advance(KIOSK["idle_seconds"])
    app.idle_check()
    await pilot.pause()


async def _wrong_pin(pilot: Pilot[None]) -> None:
    await pilot.press("f12", *"1111", "enter")
    await pilot.pause()


async def _fault(pilot: Pilot[None]) -> None:
    await pilot.app.push_screen(FaultScreen(packaged_words("en")))
    await pilot.pause()


async def _kiosk_help(pilot: Pilot[None]) -> None:
    await pilot.press("question_mark")


KIOSK = dict(idle_seconds=5, staff_pin_hash=hash_pin("2468", salt=bytes(16)))
KIOSK_SCREENS = {"idle_warning": _idle_warning, "staff_pin": _wrong_pin, "fault": _fault, "kiosk_help": _kiosk_help}


@pytest.mark.parametrize("size", SIZES[:2], ids=size_id)
@pytest.mark.parametrize("screen", KIOSK_SCREENS)
def test_kiosk_screen_looks_right(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(load_walkthrough(GOOD), clock=FakeClock(), kiosk=KIOSK)
    assert snap_compare(app, run_before=KIOSK_SCREENS[screen], terminal_size=size)


COUNSELLOR_SCREENS = {
    "counsellor_step": ["2"],
    "counsellor_notes_hidden": ["2", "h"],
    "counsellor_overview": ["2", "o"],
    "counsellor_faq": ["f"],
    "patient_faq": [],  # opened with the Questions button below
}
COUNSELLOR_SIZES = [(80, 24), (160, 40)]


@pytest.mark.parametrize("size", COUNSELLOR_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", COUNSELLOR_SCREENS)
def test_counsellor_screen_looks_right(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    counsellor = screen != "patient_faq"
    app = make_app(load_walkthrough(GOOD), clock=FakeClock(), counsellor=counsellor)
    press = COUNSELLOR_SCREENS[screen] or ["f"]
    assert snap_compare(app, press=press, terminal_size=size)


def past_checks(keys: list[str]) -> list[str]:
    """The same keys for content with a check on every step, the visit and the course (the bundled content).

    The keys start on the welcome page, which has no check; Next from any later page opens its check; esc skips it.
    """
    skipped: list[str] = []
    for key in keys:
        skipped += [key, "escape"] if key == "right" and "right" in skipped else [key]
    return skipped


@pytest.mark.parametrize("size", SIZES, ids=size_id)
@pytest.mark.parametrize("screen", OTHER_LOOKS)
def test_spanish_screen_looks_right(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    # The bundled Spanish: it runs longer than English, so it is the one to check at 40x15.
    first = load_walkthrough(BUNDLED, "es")
    languages, _ = load_languages(BUNDLED, first)
    counsellor = screen.startswith("counsellor")
    app = make_app(first, clock=FakeClock(), languages=languages, counsellor=counsellor)
    assert snap_compare(app, press=past_checks(SCREENS[screen]), terminal_size=size)


CHECK_SCREENS = {
    "check_question": ["right", "right"],
    "check_right": ["right", "right", "1"],
    "check_again": ["right", "right", "0"],
}
"""The teach-back check on the first step (tests/fixtures/checks): the question, a right answer, the re-explanation."""


@pytest.mark.parametrize("size", SIZES[:2], ids=size_id)
@pytest.mark.parametrize("screen", CHECK_SCREENS)
def test_check_screen_looks_right(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(load_walkthrough(FIXTURES / "checks" / "en.yaml"), clock=FakeClock())
    assert snap_compare(app, press=CHECK_SCREENS[screen], terminal_size=size)


SUMMARY_DELIVERIES = {
    "summary_saved": lambda words: SummaryDelivery("file", path=Path("/home/patient/Documents/visit-summary.html")),
    "summary_browser": lambda words: SummaryDelivery("browser"),
    "summary_qr": lambda words: as_qr_codes(
        [
            "Your ketamine infusion\nCall your clinic: 555-0100\nAbout 60 minutes of treatment.",
            "Call your clinic: 555-0100",
        ]
    ),
}
"""Each way "Take this with you" can end (a kiosk shows the fullest code that fits, else says to ask staff)."""


@pytest.mark.parametrize("size", SIZES, ids=size_id)
@pytest.mark.parametrize("screen", SUMMARY_DELIVERIES)
def test_summary_screen_looks_right(snap_compare, screen: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(load_walkthrough(GOOD), clock=FakeClock())

    async def open_summary(pilot: Pilot[None]) -> None:
        words = packaged_words("en")
        await pilot.app.push_screen(SummaryScreen(SUMMARY_DELIVERIES[screen](words), words))
        await pilot.pause()

    assert snap_compare(app, run_before=open_summary, terminal_size=size)


async def _my_questions(pilot: Pilot[None]) -> None:
    """The questions page with the second question ticked and one of the patient's own, literal markup and all."""
    app = pilot.app
    assert isinstance(app, WalkthroughApp)
    await app.replace_session("questions")
    await pilot.pause()
    page = app.screen.query_one("#page-7")
    page.query_one("#tick-1").press()  # type: ignore[attr-defined]
    box = page.query_one("#own-question")
    box.value = "Can I eat [bold]before[/bold]?"  # type: ignore[attr-defined]
    await pilot.press("tab")  # the first tick: the focus shows as a doubled border (or underlined words)
    await pilot.pause(0.3)
    box.post_message(box.Submitted(box, box.value))  # type: ignore[attr-defined]
    await pilot.pause()
    page.scroll_to_widget(page.query_one("#tick-1"), animate=False, top=True)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES[:2], ids=size_id)
def test_my_questions_look_right(snap_compare, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    app = make_app(load_walkthrough(GOOD), clock=FakeClock())
    assert snap_compare(app, run_before=_my_questions, terminal_size=size)


RATINGS = {
    "rating_before": ["right"],
    "rating_chosen": ["right", "7"],
    "rating_after": ["right", "escape", *["right"] * 6, "1", "0"],
}
"""The calm rating (asked when the clinic keeps the figures): before the walk, a number chosen, and at the end (10)."""


@pytest.mark.parametrize("size", SIZES[:2], ids=size_id)
@pytest.mark.parametrize("screen", RATINGS)
def test_rating_looks_right(snap_compare, screen: str, size: tuple[int, int], tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from walkthrough.modes import app_for
    from walkthrough.settings import Asked, settings_for

    content = load_walkthrough(GOOD)
    asked = Asked(content.source, store=tmp_path / "store.sqlite")
    app = app_for(content, settings_for(asked, content.clinic, clock=FakeClock()))
    assert snap_compare(app, press=RATINGS[screen], terminal_size=size)
