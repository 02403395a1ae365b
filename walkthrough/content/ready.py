"""Content ready for the app: checked once, then remembered until a file changes.

Reading YAML and checking it with pydantic is most of a start-up's own cost
(about 100 ms, and 12 MB in every app process). So the checked content of a
walkthrough folder is kept as plain JSON in the user's cache folder, under a
key made of every content file's bytes and the checking code itself: a file
saved, added or removed, or a new version of walkthrough, and the key no
longer matches, so the files are read and checked again. A cache file is
written whole or not at all, with a digest of what it holds; one that cannot
be read, or whose bytes do not match that digest, is never trusted: the files
are read instead. Nothing in the cache is ever run; it is JSON.

The interface words of each language (the package's ``walkthrough/ui``
files with the folder's own ``ui/`` files on top) are remembered with the
content, and their files are in the key: a start reads no YAML for them
either.

Only the text of the clinic's own files goes in the cache, never anything a
patient does. Still, a kiosk writes nothing but its log, so a kiosk only
reads it (the command line decides); ``walkthrough validate``, a start that
is not a kiosk and ``walkthrough serve`` write it.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from .. import __version__
from ..ui import FOLDER_WORDS, remember_words, words_for
from .files import CLINIC_FILE, is_language_code, walkthrough_path
from .problems import ContentError
from .records import LoadedWalkthrough, loaded_from_plain, loaded_to_plain

CACHE_FORMAT = 2
"""Changes when what a cache file holds changes shape."""


# A NamedTuple, not a dataclass: this is loaded at every start, and making a dataclass costs ~0.8 ms.
class ReadyContent(NamedTuple):
    """Everything the app needs of a walkthrough before its first screen.

    Attributes:
        first: The language to show first.
        languages: Every language a patient can switch to, by code (``first`` among them).
        skipped: Why each language file that would not load is not offered, one line each.
    """

    first: LoadedWalkthrough
    languages: dict[str, LoadedWalkthrough]
    skipped: tuple[str, ...] = ()


def default_cache_dir() -> Path:
    """Where checked content is remembered: ``$XDG_CACHE_HOME/walkthrough``, else ``~/.cache/walkthrough``."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "walkthrough"


def load_ready(
    path: Path,
    language: str | None,
    cache_dir: Path | None = None,
    *,
    may_write: Callable[[ReadyContent], bool] = lambda ready: True,
) -> ReadyContent:
    """The content at ``path`` in ``language`` (None: the clinic's default), from the cache when it is current.

    With ``cache_dir``, a current cache is used; when the files had to be
    read instead, what they hold is written there if ``may_write`` agrees.

    Raises:
        ContentError: the files have problems (always found by reading the files, never from the cache).
    """
    path = walkthrough_path(path)
    cache_file = cache_dir / f"{_path_digest(path)}.json" if cache_dir else None
    key = content_key(path) if cache_file else None
    if cache_file and key:
        remembered = _read_cache(cache_file, key, language)
        if remembered is not None:
            return remembered
    plain, first = _check_files(path, language)
    ready = _ready_from_plain(plain, first)
    if cache_file and key and may_write(ready):
        _write_atomically(cache_file, {"format": CACHE_FORMAT, "key": key}, plain)
    return ready


def content_key(path: Path) -> str | None:
    """A digest of every file the content at ``path`` is made of, and of the code that checks it.

    None when the files cannot all be read (the loader then says what is wrong).
    """
    digest = hashlib.sha256(f"walkthrough {__version__} content {CACHE_FORMAT}\n".encode())
    code = Path(__file__).parent
    words = code.parent / "ui"
    try:
        # The model checks PIN lines too; the interface words are checked and remembered with the content.
        checking = [*sorted(code.glob("*.py")), code.parent / "pin.py", *sorted(words.glob("*.py"))]
        for source in [*checking, *sorted(words.glob("*.yaml"))]:
            digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
        # A single language file is checked against the files beside it too (the clinic's default
        # language must have one), so the whole folder is in the key either way.
        folder = path if path.is_dir() else path.parent
        digest.update(f"{'folder' if path.is_dir() else 'file'} {path.resolve()}\0".encode())
        files = {*folder.glob("*.yaml"), *folder.glob(f"{FOLDER_WORDS}/*.yaml"), folder / CLINIC_FILE}
        for file in sorted(files | ({path} if path.is_file() else set())):
            digest.update(str(file.resolve()).encode() + b"\0" + file.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def _path_digest(path: Path) -> str:
    """A short name for the cache file of the content at ``path``: one file per walkthrough, replaced on change."""
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:32]


def _check_files(path: Path, language: str | None) -> tuple[dict[str, Any], str]:
    """Read and check the files (YAML and pydantic are loaded only now): plain data, and the first language."""
    from .loader import load_languages, load_walkthrough

    first = load_walkthrough(path, language)
    languages, skipped = load_languages(path, first)
    plain = {
        "single_file": path.is_file(),
        "languages": {code: loaded_to_plain(loaded) for code, loaded in languages.items()},
        "words": {code: dict(words_for(loaded)) for code, loaded in languages.items()},
        "skipped": [str(problem) for problem in skipped],
    }
    return plain, first.language


def _ready_from_plain(plain: dict[str, Any], first: str) -> ReadyContent:
    """The content from plain data; each language's interface words are handed to ``walkthrough.ui`` as read."""
    languages = {code: loaded_from_plain(data) for code, data in plain["languages"].items()}
    for code, loaded in languages.items():
        remember_words(loaded.source.parent, code, plain["words"][code])
    return ReadyContent(languages[first], languages, tuple(plain["skipped"]))


def _read_cache(cache_file: Path, key: str, language: str | None) -> ReadyContent | None:
    """The remembered content if ``cache_file`` holds it, whole, for ``key`` and has ``language``; else None."""
    try:
        header, _, body = cache_file.read_bytes().partition(b"\n")
        written = json.loads(header)
        if written.get("format") != CACHE_FORMAT or written.get("key") != key:
            return None
        if written.get("sha256") != hashlib.sha256(body).hexdigest():
            return None  # not the bytes that were written: damaged, or edited by hand
        plain = json.loads(body)
        first = _first_language(plain, language)
        return None if first is None else _ready_from_plain(plain, first)
    except (OSError, ValueError, TypeError, LookupError, AttributeError):
        return None  # unreadable or not what we wrote: the files are read instead


def _first_language(plain: dict[str, Any], language: str | None) -> str | None:
    """Which remembered language to show first, as the loader would choose it; None if it would not load."""
    codes = list(plain["languages"])
    if plain["single_file"]:
        return str(codes[0])  # a single language file is shown whatever the language asked for
    if language is None:
        language = plain["languages"][codes[0]]["clinic"]["default_language"]
    if not is_language_code(language):
        return None
    for code in (language, language.split("-")[0]):
        if code in codes:
            return str(code)
    return None


def _write_atomically(cache_file: Path, header: dict[str, Any], plain: dict[str, Any]) -> None:
    """Write the header (with the body's digest), a newline and ``plain``, whole or not at all.

    A cache that cannot be written is simply not kept: the next start reads the files again.
    """
    body = json.dumps(plain, ensure_ascii=False, separators=(",", ":")).encode()
    header = {**header, "sha256": hashlib.sha256(body).hexdigest()}
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_file.parent, prefix=".writing-", suffix=".json")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(json.dumps(header).encode() + b"\n" + body)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temporary, cache_file)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass


__all__ = ["ContentError", "ReadyContent", "content_key", "default_cache_dir", "load_ready"]
