"""The web server behind ``walkthrough serve``: textual-serve's Server with our page, routes and sessions.

Imported only once textual-serve is known to be installed (``serve.py`` checks).

Seams, for code that adds to the server:

- **Routes**: :meth:`WalkthroughServer.routes` is the one place routes are
  listed. Pass more with ``extra_routes=[web.get("/counsellor", handler), ...]``
  (they are added before the patient's own), or override it in a subclass.
- **Pages**: :meth:`WalkthroughServer.render_page` draws our page for any
  websocket path, so another path (e.g. ``/counsellor``) can serve the same
  page wired to its own websocket route.
- **Sessions**: :meth:`WalkthroughServer.open_session` is the whole life of one
  tab's app for any command line: the Origin check, a seat under the cap, the
  process, its end. A route that serves another kind of session (a
  counsellor's) calls it with that command instead of writing its own.
- **TLS**: pass ``ssl_context`` (an :class:`ssl.SSLContext`); the server then
  listens with HTTPS and WSS, and every address on the page follows the scheme
  the browser used.
- **The web application**: :meth:`WalkthroughServer.make_app` builds the aiohttp
  application; :meth:`WalkthroughServer.run` serves it until SIGINT/SIGTERM.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import ssl
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import web
from textual_serve.server import Server, to_int

from .page import DEFAULT_FONT_SIZE, font_size_from, page_words
from .session import KILL_SECONDS, QUIT_SECONDS, SessionApp, run_session
from .sessions import (
    FULL_CLOSE_CODE,
    Seats,
    default_max_sessions,
    default_server_log_path,
    open_server_log,
    same_origin,
)

STATIC_FOLDER = Path(textual_serve.__file__).with_name("static")
"""textual-serve's scripts, stylesheet and font, served from this machine."""


class WalkthroughServer(Server):
    """Serves our page; its links are made from the address the browser used, not from --host."""

    def __init__(
        self,
        command: str,
        *,
        language: str,
        templates_path: str | Path,
        host: str = "127.0.0.1",
        port: int = 8000,
        title: str | None = None,
        extra_routes: Sequence[web.AbstractRouteDef] = (),
        ssl_context: ssl.SSLContext | None = None,
        max_sessions: int | None = None,
        log_path: Path | None = None,
        content_folder: Path | None = None,
    ) -> None:
        super().__init__(
            command, host=host, port=port, title=title, statics_path=STATIC_FOLDER, templates_path=templates_path
        )
        self.language = language
        """The walkthrough's language: the page's words when the browser asks for none we have."""
        self.content_folder = content_folder
        """The walkthrough folder, whose own ui/<code>.yaml may word the page (a clinic's French)."""
        self.extra_routes = list(extra_routes)
        """Routes added by other parts of the server (see the module's docstring)."""
        self.ssl_context = ssl_context
        """TLS for HTTPS and WSS; None serves plain HTTP."""
        self.seats = Seats(max_sessions or default_max_sessions())
        """The cap on sessions, and the seats in use."""
        self.session_log = open_server_log(log_path or default_server_log_path())
        """One line per session start and end, and per refusal; never anything a patient typed."""
        self.sessions: set[SessionApp] = set()
        """The apps running now, one per open tab."""

    def initialize_logging(self) -> None:
        """Quiet: no logo, and only warnings from the web server."""
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing more on start-up (serve() has said where)."""

    def routes(self) -> list[web.AbstractRouteDef]:
        """Every route the server answers: the extra ones first, then the patient's page, its websocket, the files."""
        return [
            *self.extra_routes,
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.get("/health", self.handle_health, name="health"),
            web.get("/download/{key}", self.handle_download, name="download"),
            web.static("/static", self.statics_path, name="static"),
        ]

    async def make_app(self) -> web.Application:
        """The aiohttp application: templates, :meth:`routes`, start-up and shut-down hooks."""
        app = web.Application()
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(self.routes())
        app.on_startup.append(self.on_startup)
        app.on_shutdown.append(self.on_shutdown)
        return app

    async def _make_app(self) -> web.Application:
        """textual-serve's name for :meth:`make_app`."""
        return await self.make_app()

    def run(self) -> None:
        """Serve until SIGINT or SIGTERM (with TLS if ``ssl_context`` is set); OSError if it cannot listen."""
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        loop.add_signal_handler(signal.SIGINT, self.request_exit)
        loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        web.run_app(
            self.make_app(),
            host=self.host,
            port=self.port,
            ssl_context=self.ssl_context,
            handle_signals=False,
            shutdown_timeout=QUIT_SECONDS + KILL_SECONDS + 1,
            loop=loop,
            print=lambda *args: None,
        )

    def serve(self, debug: bool = False) -> None:
        """textual-serve's name for :meth:`run`."""
        self.run()

    async def handle_index(self, request: web.Request) -> web.Response:
        """The patient's page, wired to the patient's websocket."""
        return self.render_page(request, str(request.app.router["websocket"].url_for()))

    def render_page(self, request: web.Request, websocket_path: str, **extra: Any) -> web.Response:
        """Our page for ``request``, its terminal connected to ``websocket_path`` on the address the browser used.

        textual-serve builds addresses from --host, which is wrong for a tablet
        that reached a server listening on 0.0.0.0 by the clinic's address.
        ``extra`` goes into the template's context as it is.
        """
        origin = f"{request.scheme}://{request.host}"
        socket_origin = ("wss://" if request.scheme == "https" else "ws://") + request.host
        font_size = font_size_from(request.query.get("fontsize", ""))
        language, words = page_words(request.headers.get("Accept-Language", ""), self.language, self.content_folder)
        context = {
            # The page chooses the size from the screen (see app_index.html) unless ?fontsize=N says.
            "font_size": font_size or DEFAULT_FONT_SIZE,
            "font_rule": "fixed" if font_size else "fit",
            "app_websocket_url": socket_origin + websocket_path,
            "config": {"static": {"url": origin + "/static/"}},
            "application": {"name": self.title},
            "language": language,
            **words,
            **extra,
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:  # type: ignore[override]
        """The patient's websocket: one session of the walkthrough, as started by ``command``."""
        return await self.open_session(request, self.command)

    async def open_session(self, request: web.Request, command: str) -> web.StreamResponse:
        """One tab's whole session: its app started by ``command``, relayed to the websocket, ended with the tab.

        Before any process starts: a websocket from another page is refused
        with 403 (cross-site websocket hijacking), and one beyond the cap is
        closed with FULL_CLOSE_CODE (the page then says all screens are in use).
        """
        if not same_origin(request.headers.get("Origin"), request.scheme, request.host):
            self.session_log.warning("refused a websocket from another origin (403)")
            raise web.HTTPForbidden(text="This address serves only its own pages.\n")
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        number = self.seats.take()
        if number is None:
            self.session_log.info("refused a session: all %d seats in use", self.seats.cap)
            await websocket.close(code=FULL_CLOSE_CODE, message=b"all screens are in use")
            return websocket
        size = (to_int(request.query.get("width", "80"), 80), to_int(request.query.get("height", "24"), 24))
        started = time.monotonic()
        self.session_log.info("session %d started; seats %d/%d", number, self.seats.in_use, self.seats.cap)
        app = SessionApp(command, websocket, self.download_manager)
        self.sessions.add(app)
        how = "the server stopped"
        try:
            how = await run_session(app, websocket, lambda: self._process_messages(websocket, app), size)
        except asyncio.CancelledError:
            how = "connection lost"  # run_session has ended the app on its way out
            raise
        finally:
            self.sessions.discard(app)
            self.seats.release()
            self.session_log.info(
                "session %d ended: %s, after %d s; seats %d/%d",
                number,
                how,
                time.monotonic() - started,
                self.seats.in_use,
                self.seats.cap,
            )
        return websocket

    async def handle_health(self, request: web.Request) -> web.Response:
        """``GET /health``: 200 and the seats as JSON while the server serves, for a supervisor to poll."""
        return web.json_response({"status": "ok", **self.seats.health()})

    async def on_shutdown(self, app: web.Application) -> None:
        """Stopping: end every session's app (each tab shows the closed page) before the server goes."""
        await asyncio.gather(*(session.stop() for session in list(self.sessions)), return_exceptions=True)
