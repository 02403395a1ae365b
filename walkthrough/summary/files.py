"""Writing a summary page to disk: whole or not at all, under a name with nothing personal in it."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path

DEFAULT_FILE_STEM = "summary"
"""The file's name when the words give none usable (before ``.html``)."""


class SummaryWriteError(Exception):
    """The page could not be written (no such folder, no permission, a full disk); nothing was left behind."""


def file_stem(word: str) -> str:
    """A plain file name (lower-case ASCII letters, digits and dashes) from the words' ``summary.file_name``.

    Only ASCII: a browser download's name travels in an HTTP header, and
    accents or spaces there break on some tablets.
    """
    stem = re.sub(r"[^a-z0-9]+", "-", word.lower()).strip("-")
    return stem or DEFAULT_FILE_STEM


def summary_folder(home: Path | None = None) -> Path:
    """Where a terminal's summary is saved: ``~/Documents`` if there is one, else the home folder.

    A patient or counsellor knows where their documents are; the folder the
    app was started from could be anywhere (a clinic's content folder, ``/``)
    and may not be writable.
    """
    home = home or Path.home()
    documents = home / "Documents"
    return documents if documents.is_dir() else home


def free_path(folder: Path, stem: str) -> Path:
    """``folder/stem.html``, or ``stem-2.html`` and on if that is taken: an earlier summary is never replaced."""
    path = folder / f"{stem}.html"
    number = 2
    while path.exists():
        path = folder / f"{stem}-{number}.html"
        number += 1
    return path


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file in the same folder, then rename it into place.

    A reader never sees half a page, and a failure (no folder, no
    permission, a full disk) leaves neither the temporary file nor a part
    of the page behind.

    Raises:
        SummaryWriteError: with a message that says what went wrong and where.
    """
    folder = path.parent
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as file:
            file.write(text.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise SummaryWriteError(f"could not write {path}: {reason}; nothing was written") from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
