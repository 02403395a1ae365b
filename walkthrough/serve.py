"""``walkthrough serve``: the walkthrough in browsers, one app process per tab, nothing fetched from outside.

textual-serve (an optional extra) runs a small web server; each browser
session that connects gets its own ``walkthrough`` process, so one patient's
session never shows on another tablet, and the process ends when its tab
closes. The page is our own copy of textual-serve's, without its request to
Google Fonts: the font it needs is served from this machine. It also sizes the
type to the screen, large on a tablet or a phone (the rule is in
web/app_index.html), unless the address says ``?fontsize=N``.
"""

from __future__ import annotations

import shlex
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WEB_FOLDER = Path(__file__).with_name("web")
"""Our page template (the offline copy of textual-serve's)."""

INSTALL_HINT = (
    "walkthrough serve needs textual-serve, which is not installed. Install it with:\n"
    "    pip install 'textual-serve==1.1.3'\n"
    "(or install the walkthrough with its serve extra: pip install '.[serve]' in a clone of it)"
)
"""What to say when the serve extra is missing."""

DEFAULT_FONT_SIZE = 16
"""The terminal's font size in CSS px until the page has chosen one for the screen (textual-serve's own default)."""

PAGE_WORDS = {
    "en": {"ended": "This walkthrough has closed.", "restart": "Start again"},
    "es": {"ended": "La guía se ha cerrado.", "restart": "Volver a empezar"},
}
"""The browser page's own few words, per language (English for any other)."""


@dataclass(frozen=True)
class SessionOptions:
    """The options each browser session's app is started with: those of the terminal app."""

    content: Path
    language: str | None = None
    kiosk: bool = False
    idle_seconds: int | None = None
    reduced_motion: bool = False
    counsellor: bool = False
    log: Path | None = None

    def command(self) -> str:
        """The shell command that starts one session's app (every value quoted; ``exec`` so no shell stays)."""
        argv = [sys.executable, "-m", "walkthrough", "--content", str(self.content.resolve())]
        if self.language:
            argv += ["--lang", self.language]
        if self.kiosk:
            argv.append("--kiosk")
        if self.idle_seconds is not None:
            argv += ["--idle-seconds", str(self.idle_seconds)]
        if self.reduced_motion:
            argv.append("--reduced-motion")
        if self.counsellor:
            argv.append("--counsellor")
        if self.log is not None:
            argv += ["--log", str(self.log.resolve())]
        return "exec " + shlex.join(argv)


def serve(options: SessionOptions, *, host: str, port: int, title: str, language: str) -> int:
    """Serve the walkthrough until Ctrl+C or SIGTERM; 2 (with the install hint) if textual-serve is missing."""
    try:
        server_class = _server_class()
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    server = server_class(
        options.command(), host=host, port=port, title=title, language=language, templates_path=WEB_FOLDER
    )
    print(f"walkthrough: serving on http://{_url_host(host)}:{port}/ (Ctrl+C to stop)", file=sys.stderr)
    try:
        server.serve()
    except OSError as error:
        print(f"walkthrough serve: cannot listen on {host}:{port}: {error.strerror or error}", file=sys.stderr)
        return 2
    return 0


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host


def _server_class() -> type[Any]:
    """textual-serve's Server with our page, the font from this machine, and websocket addresses that follow the page.

    Raises:
        ImportError: textual-serve is not installed.
    """
    import textual_serve
    from textual_serve.server import Server

    static = Path(textual_serve.__file__).with_name("static")

    class WalkthroughServer(Server):  # type: ignore[misc]
        """Serves our page; its links are made from the address the browser used, not from --host."""

        def __init__(self, command: str, *, language: str, **kwargs: Any) -> None:
            super().__init__(command, statics_path=static, **kwargs)
            self.language = language

        def initialize_logging(self) -> None:
            """Quiet: no logo, and only warnings from the web server."""
            import logging

            logging.basicConfig(level=logging.WARNING, format="%(message)s")

        async def on_startup(self, app: Any) -> None:
            """Say nothing more on start-up (serve() has said where)."""

        async def handle_index(self, request: Any) -> Any:
            """The page, with every address on the host and port the browser asked for.

            textual-serve builds them from --host, which is wrong for a tablet
            that reached a server listening on 0.0.0.0 by the clinic's address.
            """
            import aiohttp_jinja2

            origin = f"{request.scheme}://{request.host}"
            socket_origin = ("wss://" if request.scheme == "https" else "ws://") + request.host
            font_size = _font_size(request.query.get("fontsize", ""))
            words = PAGE_WORDS.get(self.language, PAGE_WORDS["en"])
            context = {
                # The page chooses the size from the screen (see app_index.html) unless ?fontsize=N says.
                "font_size": font_size or DEFAULT_FONT_SIZE,
                "font_rule": "fixed" if font_size else "fit",
                "app_websocket_url": socket_origin + str(request.app.router["websocket"].url_for()),
                "config": {"static": {"url": origin + "/static/"}},
                "application": {"name": self.title},
                "language": self.language,
                **words,
            }
            return aiohttp_jinja2.render_template("app_index.html", request, context)

    return WalkthroughServer


def _font_size(text: str) -> int | None:
    """``?fontsize=N``, from 8 to 48; None if not given or out of range (the page then fits the type to the screen)."""
    try:
        size = int(text)
    except ValueError:
        return None
    return size if 8 <= size <= 48 else None
