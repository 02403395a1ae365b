"""``--watch``: notice when a content file is saved, and reload it without ever losing the last good version.

Files are polled (a ``stat`` of a few files twice a second) rather than watched
through the operating system: polling sees every editor's way of saving
(write in place, or write a copy and rename it over), on every system, with
no extra dependency.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .content.files import CLINIC_FILE
from .content.problems import ContentError, Problem
from .content.records import LoadedWalkthrough, as_records
from .ui import FOLDER_WORDS, words_for

if TYPE_CHECKING:
    from .app import WalkthroughApp

POLL_SECONDS = 0.5
"""How often the files are looked at."""

MAX_PROBLEMS_SHOWN = 8
"""A reload notice lists at most this many problems (``walkthrough validate`` lists them all)."""

NOTICE_UNTIL_FIXED = 24 * 60 * 60.0
"""A reload's problems stay on screen until the next save clears them."""


class ContentWatcher:
    """Tells when any YAML file of a walkthrough (its language files, clinic values, own words) has changed."""

    def __init__(self, path: Path) -> None:
        """Watch ``path``: a walkthrough folder, or one language file and the clinic file beside it."""
        self.path = path
        self._seen = self.snapshot()

    def files(self) -> list[Path]:
        """The files that make up the content: language files, clinic values and the folder's own interface words."""
        folder = self.path.parent if self.path.is_file() else self.path
        own_words = sorted((folder / FOLDER_WORDS).glob("*.yaml"))
        if self.path.is_file():
            return [self.path, folder / CLINIC_FILE, *own_words]
        return [*sorted(self.path.glob("*.yaml")), *own_words]

    def snapshot(self) -> dict[Path, tuple[int, int] | None]:
        """Each file's change time and size (None while it is missing)."""
        state: dict[Path, tuple[int, int] | None] = {}
        for file in self.files():
            try:
                info = file.stat()
            except OSError:
                state[file] = None
            else:
                state[file] = (info.st_mtime_ns, info.st_size)
        return state

    def changed(self) -> bool:
        """Whether anything has changed since the last time this was asked."""
        now = self.snapshot()
        if now == self._seen:
            return False
        self._seen = now
        return True


@dataclass(frozen=True)
class Reloaded:
    """The content after a reload: what loaded, with the last good version kept for what did not.

    Attributes:
        current: The language on show, new if it loaded, else as it was.
        languages: Every language on offer, by code.
        problems: Why something did not load (empty when all is well).
    """

    current: LoadedWalkthrough
    languages: dict[str, LoadedWalkthrough]
    problems: tuple[Problem, ...]


def reload_content(path: Path, current: LoadedWalkthrough, languages: Mapping[str, LoadedWalkthrough]) -> Reloaded:
    """Load ``path`` again; anything that fails to load keeps its last good version."""
    from .content.loader import load_languages, load_walkthrough  # only once a file has changed

    problems: list[Problem] = []
    try:
        fresh = load_walkthrough(path, current.language)
    except ContentError as error:
        fresh = current
        problems += error.problems
    loaded, more = load_languages(path, fresh, {**languages, current.language: current})
    problems += more
    languages = {code: as_records(language) for code, language in loaded.items()}
    return Reloaded(languages[fresh.language], languages, tuple(dict.fromkeys(problems)))


class LiveReload:
    """``--watch`` in a running app: a saved file is reloaded and shown on the same page; problems stay on screen."""

    def __init__(self, path: Path, words: Mapping[str, str]) -> None:
        """Watch the walkthrough folder or language file at ``path``, whose interface ``words`` are shown now."""
        self.watcher = ContentWatcher(path)
        self._words_shown = words

    async def check(self, app: WalkthroughApp) -> None:
        """If a file was saved since the last check, reload it into ``app``.

        A language that fails to load keeps its last good version, and its
        problems stay on screen until the next save clears them.
        """
        if not self.watcher.changed():
            return
        reloaded = reload_content(self.watcher.path, app.content, app.languages)
        app.languages = reloaded.languages
        app.start_content = app.languages.get(app.start_content.language, app.start_content)
        app.clear_notifications()
        if reloaded.problems:
            details = "\n".join(str(problem) for problem in reloaded.problems[:MAX_PROBLEMS_SHOWN])
            more = len(reloaded.problems) - MAX_PROBLEMS_SHOWN
            if more > 0:
                details += f"\n… +{more}"
            title = app.words["reload_failed"]
            app.notify(details, title=title, severity="error", timeout=NOTICE_UNTIL_FIXED, markup=False)
        words_before, words_now = self._words_shown, words_for(reloaded.current)
        self._words_shown = words_now
        if reloaded.current != app.content or words_now != words_before:
            from .screens.pages import page_index_of, page_names

            name, number = app.shown_page()
            app.content = reloaded.current
            new = reloaded.current.walkthrough
            # A step whose id went away: the page at the same place, not the start (the editor is looking there).
            same_place = min(number, len(page_names(new)) - 1)
            await app.replace_session(page_index_of(new, name, fallback=same_place))
            if not reloaded.problems:
                app.notify(app.words["reload_done"], timeout=3, markup=False)
