"""`--watch`: a saved change shows on the same page; a half-saved or broken file never replaces good content."""

from __future__ import annotations

import os
from pathlib import Path

from walkthrough.app import WalkthroughApp
from walkthrough.content import load_walkthrough
from walkthrough.screens.walkthrough import WalkthroughScreen
from walkthrough.watch import ContentWatcher

from .apps import make_app
from .conftest import write_content
from .screen_helpers import screen_text


def save(file: Path, text: str) -> None:
    """Write like an editor does, and make sure the change time moves even on a coarse clock."""
    file.write_text(text, encoding="utf-8")
    info = file.stat()
    os.utime(file, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


def notices(app: WalkthroughApp) -> list[str]:
    return [f"{notice.title}\n{notice.message}" for notice in app._notifications]


def test_the_watcher_sees_a_save_once(tmp_path: Path) -> None:
    folder = write_content(tmp_path / "walk")
    watcher = ContentWatcher(folder)
    assert not watcher.changed()
    save(folder / "clinic.yaml", (folder / "clinic.yaml").read_text() + "\n")
    assert watcher.changed()
    assert not watcher.changed()


async def test_a_save_shows_on_the_same_page_and_a_bad_save_keeps_the_last_good_content(tmp_path: Path) -> None:
    folder = write_content(tmp_path / "walk")
    en = folder / "en.yaml"
    good = en.read_text(encoding="utf-8")
    app = make_app(load_walkthrough(folder), watch=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right", "right")
        await pilot.pause()
        assert "Second step" in screen_text(app)

        save(en, good.replace("title: Second step", "title: The second step, now edited"))
        await app.check_for_changes()
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.page_index == 2
        assert "The second step, now edited" in screen_text(app)
        assert any("Content reloaded." in notice for notice in notices(app))

        half_saved = good[: good.index("title: Third step") + 9] + '"unclosed\n  - id: [\n'
        save(en, half_saved)
        await app.check_for_changes()
        await pilot.pause()
        assert app.screen.page_index == 2
        assert "The second step, now edited" in screen_text(app)  # the last good version stays
        shown = "\n".join(notices(app))
        assert "The new content has problems" in shown
        assert f"{en}:" in shown  # the problem, with its file and line

        save(en, good)
        await app.check_for_changes()
        await pilot.pause()
        assert "Second step" in screen_text(app) and app.screen.page_index == 2
        assert not any("problems" in notice for notice in notices(app))  # the notice goes once it is fixed


async def test_a_bad_clinic_value_keeps_the_old_numbers(tmp_path: Path) -> None:
    folder = write_content(tmp_path / "walk")
    clinic = folder / "clinic.yaml"
    app = make_app(load_walkthrough(folder), watch=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.content
        text = clinic.read_text(encoding="utf-8")
        save(clinic, text.replace("infusion_minutes: 45", "infusion_minutes: 4000"))
        await app.check_for_changes()
        await pilot.pause()
        assert app.content is before
        line = next(n for n, row in enumerate(clinic.read_text().splitlines(), 1) if "4000" in row)
        assert f"{clinic}:{line}:" in "\n".join(notices(app))


async def test_the_app_polls_by_itself(tmp_path: Path) -> None:
    folder = write_content(tmp_path / "walk")
    en = folder / "en.yaml"
    app = make_app(load_walkthrough(folder), watch=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        save(en, en.read_text(encoding="utf-8").replace("title: Hello", "title: Hello again"))
        for _ in range(40):  # the poll runs twice a second; give it up to 4 s on a slow machine
            await pilot.pause(0.1)
            if "Hello again" in screen_text(app):
                break
        assert "Hello again" in screen_text(app)


async def test_a_saved_words_file_shows_at_once(tmp_path: Path) -> None:
    """A clinic's own ui/en.yaml is watched too: a button's new word shows on the same page."""
    folder = write_content(tmp_path / "walk")
    words = folder / "ui" / "en.yaml"
    words.parent.mkdir()
    save(words, 'next: "On →"\n')
    app = make_app(load_walkthrough(folder), watch=folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right")
        await pilot.pause()
        assert "On →" in screen_text(app)
        save(words, 'next: "Onward →"\n')
        await app.check_for_changes()
        await pilot.pause()
        assert isinstance(app.screen, WalkthroughScreen) and app.screen.page_index == 1
        assert "Onward →" in screen_text(app)
        assert any("Content reloaded." in notice for notice in notices(app))
