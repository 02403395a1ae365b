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

from .content.files import CLINIC_FILE
from .content.problems import ContentError, Problem
from .content.records import LoadedWalkthrough, as_records

POLL_SECONDS = 0.5
"""How often the files are looked at."""


class ContentWatcher:
    """Tells when any YAML file of a walkthrough (its language files and clinic values) has changed."""

    def __init__(self, path: Path) -> None:
        """Watch ``path``: a walkthrough folder, or one language file and the clinic file beside it."""
        self.path = path
        self._seen = self.snapshot()

    def files(self) -> list[Path]:
        """The files that make up the content."""
        if self.path.is_file():
            return [self.path, self.path.parent / CLINIC_FILE]
        return sorted(self.path.glob("*.yaml"))

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
