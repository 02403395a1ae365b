"""What became of a summary: sent to the browser, saved to a file, shown as a QR code, or none of these.

Each mode says how it delivers (``WalkthroughApp.deliver_summary`` and its
override in ``modes/kiosk.py``) with the helpers here; the summary screen
only shows the :class:`SummaryDelivery` it is handed.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from .files import SummaryWriteError, free_path, summary_folder, write_atomically

DeliveryKind = Literal["browser", "file", "qr", "staff"]
"""browser: sent to the tablet's browser; file: saved; qr: a code to show; staff: nothing could be given."""


@dataclass(frozen=True)
class SummaryDelivery:
    """How the summary reached the patient, for the summary screen to say."""

    kind: DeliveryKind
    path: Path | None = None
    """Where the page was saved (kind "file")."""
    qr_codes: tuple[tuple[str, ...], ...] = ()
    """QR codes drawn in text (kind "qr"): the compact summary's, then ever shorter ones' (see
    :func:`~walkthrough.summary.compact.compact_texts`). The screen shows the first that fits."""
    problem: str | None = None
    """Why nothing could be delivered (kind "staff"): for the log, never shown to the patient."""


class DeliversText(Protocol):
    """An app that can hand a text file to its user (Textual's ``App.deliver_text``)."""

    def deliver_text(  # noqa: D102  # Textual's own method
        self,
        path_or_file: io.StringIO,
        *,
        save_filename: str | None = None,
        open_method: Literal["browser", "download"] = "download",
        encoding: str | None = None,
        mime_type: str | None = None,
    ) -> str | None: ...


def send_to_browser(app: DeliversText, html: str, stem: str) -> SummaryDelivery:
    """Open the page in a new tab of the patient's own browser (``walkthrough serve``).

    The page goes from memory, through the server, straight to the browser
    in chunks: textual-serve writes no file of it (its download manager
    only passes chunks on), and the app's copy is dropped once sent.
    """
    key = app.deliver_text(
        io.StringIO(html),
        save_filename=f"{stem}.html",
        open_method="browser",
        encoding="utf-8",
        mime_type="text/html",
    )
    if key is None:
        return SummaryDelivery("staff", problem="the browser could not be reached")
    return SummaryDelivery("browser")


def save_to_file(html: str, stem: str, folder: Path | None = None) -> SummaryDelivery:
    """Save the page in the patient's documents (see :func:`summary_folder`) under a new name, whole or not at all."""
    try:
        folder = folder or summary_folder()
        path = free_path(folder, stem)
        write_atomically(path, html)
    except (SummaryWriteError, OSError, RuntimeError) as error:  # OSError: no folder; RuntimeError: no home at all
        return SummaryDelivery("staff", problem=str(error))
    return SummaryDelivery("file", path=path)


def as_qr_codes(texts: Sequence[str]) -> SummaryDelivery:
    """The compact texts, fullest first, as QR codes to show: nothing is written anywhere."""
    from .qr import qr_lines

    return SummaryDelivery("qr", qr_codes=tuple(tuple(qr_lines(text)) for text in texts))
