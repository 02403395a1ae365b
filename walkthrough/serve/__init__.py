"""``walkthrough serve``: the walkthrough in browsers, one app process per tab, nothing fetched from outside.

textual-serve (an optional extra) runs a small web server; each browser
session that connects gets its own ``walkthrough`` process, so one patient's
session never shows on another tablet, and the process ends when its tab
closes. The page is our own copy of textual-serve's, without its request to
Google Fonts: the font it needs is served from this machine. It also sizes the
type to the screen, large on a tablet or a phone (the rule is in
web/app_index.html), unless the address says ``?fontsize=N``.

This module is the entry: the options and :func:`serve`. The server class is in
server.py, the page's words in page.py.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ssl import SSLContext

    from ..settings import Settings

WEB_FOLDER = Path(__file__).parent.with_name("web")
"""Our page template (the offline copy of textual-serve's)."""

INSTALL_HINT = (
    "walkthrough serve needs textual-serve, which is not installed. Install it with:\n"
    "    pip install 'textual-serve==1.1.3'\n"
    "(or install the walkthrough with its serve extra: pip install '.[serve]' in a clone of it)"
)
"""What to say when the serve extra is missing."""

__all__ = ["INSTALL_HINT", "WEB_FOLDER", "serve", "tab_command"]


def tab_command(settings: Settings) -> str:
    """The shell command that starts one tab's app with ``settings`` (every value quoted; ``exec``: no shell stays)."""
    return "exec " + shlex.join([sys.executable, "-m", "walkthrough", *settings.arguments()])


def serve(
    settings: Settings,
    *,
    counsellor_path: bool = False,
    host: str,
    port: int,
    title: str,
    language: str,
    ssl_context: SSLContext | None = None,
    max_sessions: int | None = None,
    server_log: Path | None = None,
) -> int:
    """Serve the walkthrough until Ctrl+C or SIGTERM; 2 (with the install hint) if textual-serve is missing.

    With ``ssl_context`` it serves HTTPS and WSS (tls.py); without it,
    beyond this machine, it warns on start that the network can read the page.
    Each patient's tab runs the app with ``settings`` (the same record the
    terminal app is made from); with ``counsellor_path``, /counsellor serves
    the counsellor's view behind the staff PIN (counsellor.py).
    ``max_sessions`` caps the tabs open at once (None: chosen from the
    machine's memory, see sessions.py); ``server_log`` is where each
    session's start and end are logged (None: serve.log next to the kiosk's log).
    """
    try:
        server_class = _server_class()
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    server = server_class(
        tab_command(settings),
        host=host,
        port=port,
        title=title,
        language=language,
        templates_path=WEB_FOLDER,
        ssl_context=ssl_context,
        max_sessions=max_sessions,
        log_path=server_log,
        content_folder=settings.content if settings.content.is_dir() else settings.content.parent,
    )
    if counsellor_path:
        from .counsellor import add_counsellor_path

        add_counsellor_path(server, settings)
    address = f"{'https' if ssl_context is not None else 'http'}://{_url_host(host)}:{port}/"
    print(f"walkthrough: serving on {address} (Ctrl+C to stop)", file=sys.stderr)
    if counsellor_path:
        print(f"walkthrough: the counsellor's view is at {address}counsellor (staff PIN first)", file=sys.stderr)
    print(f"walkthrough: at most {server.seats.cap} tabs at once", file=sys.stderr)
    from .tls import plain_http_warning  # here, not above: `walkthrough --help` loads this package, not ssl

    warning = plain_http_warning(host, tls=ssl_context is not None)
    if warning:
        print(warning, file=sys.stderr)
    try:
        server.run()
    except OSError as error:
        print(f"walkthrough serve: cannot listen on {host}:{port}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _server_class() -> type[Any]:
    """The server class (walkthrough/serve/server.py), imported only here: it needs textual-serve.

    Raises:
        ImportError: textual-serve is not installed.
    """
    from .server import WalkthroughServer

    return WalkthroughServer
