"""The counsellor's path of ``walkthrough serve``: /counsellor, behind the staff PIN, never on the patient's path.

``walkthrough serve --counsellor`` still serves patients on ``/`` (in patient
mode, or a kiosk with ``--kiosk``). The counsellor's view is at
``/counsellor``: its tabs' apps start with ``--counsellor --pin-first``, so
the staff PIN prompt (the kiosk's, with its scrypt check and lockout) comes
before anything with a note in it is built, and Cancel ends the session.
Wrong tries are counted across every counsellor tab through one file in a
folder only this server's user can read, made at start and removed at exit:
reloading the page does not give a fresh count.

Serving it needs a ``staff_pin_hash`` in clinic.yaml (see
:func:`counsellor_problem`).
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..pin_shared import NO_PIN_FOR_COUNSELLOR

if TYPE_CHECKING:
    from ..content.shapes import ClinicValues
    from ..settings import Settings

COUNSELLOR_PATH = "/counsellor"
"""Where the counsellor's view is served."""

COUNSELLOR_SOCKET = "/counsellor/ws"
"""Its websocket: each connection is one counsellor app, PIN first."""

KIOSK_CLINIC = (
    "walkthrough serve: clinic.yaml says 'kiosk: true', and a kiosk never shows counsellor notes; "
    "serve a copy of the content without it for --counsellor (and add --kiosk for the patients' tablets)."
)
"""Why counsellor mode is not served from content that is a kiosk's."""


def counsellor_problem(clinic: ClinicValues) -> str | None:
    """Why ``walkthrough serve --counsellor`` cannot serve this clinic's content, or None if it can."""
    if clinic.kiosk:
        return KIOSK_CLINIC
    if not clinic.staff_pin_hash:
        return NO_PIN_FOR_COUNSELLOR
    return None


def counsellor_command(settings: Settings, tries_file: Path) -> str:
    """The shell command for one counsellor tab's app: the patients' settings, never a kiosk, the PIN first."""
    from . import tab_command

    return tab_command(settings._replace(mode="counsellor", pin_first=True, pin_tries_file=tries_file))


def add_counsellor_path(server: Any, settings: Settings) -> Path:
    """Add /counsellor and its websocket to ``server`` (a serve.server.WalkthroughServer); returns the tries file.

    Must be called before the server runs (routes are read when its web
    application is made).
    """
    from aiohttp import web

    folder = Path(tempfile.mkdtemp(prefix="walkthrough-counsellor-"))
    atexit.register(shutil.rmtree, folder, True)
    tries_file = folder / "pin-tries"
    command = counsellor_command(settings, tries_file)

    async def page(request: web.Request) -> web.StreamResponse:
        """The same page as the patients', wired to the counsellor's websocket."""
        response: web.StreamResponse = server.render_page(request, COUNSELLOR_SOCKET)
        return response

    async def session(request: web.Request) -> web.StreamResponse:
        """One counsellor app, started with the PIN prompt first, under the server's usual checks."""
        response: web.StreamResponse = await server.open_session(request, command)
        return response

    server.extra_routes += [
        web.get(COUNSELLOR_PATH, page, name="counsellor"),
        web.get(COUNSELLOR_SOCKET, session, name="counsellor-websocket"),
    ]
    return tries_file
