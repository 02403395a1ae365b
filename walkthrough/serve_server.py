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
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
import textual_serve
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from .serve_page import DEFAULT_FONT_SIZE, font_size_from, page_words

STATIC_FOLDER = Path(textual_serve.__file__).with_name("static")
"""textual-serve's scripts, stylesheet and font, served from this machine."""


class WalkthroughServer(Server):  # type: ignore[misc]
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
    ) -> None:
        super().__init__(
            command, host=host, port=port, title=title, statics_path=STATIC_FOLDER, templates_path=templates_path
        )
        self.language = language
        """The walkthrough's language: the page's words when the browser asks for none we have."""
        self.extra_routes = list(extra_routes)
        """Routes added by other parts of the server (see the module's docstring)."""
        self.ssl_context = ssl_context
        """TLS for HTTPS and WSS; None serves plain HTTP."""

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
        language, words = page_words(request.headers.get("Accept-Language", ""), self.language)
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

    async def handle_websocket(self, request: web.Request) -> web.StreamResponse:
        """The patient's websocket: one session of the walkthrough, as started by ``command``."""
        return await self.open_session(request, self.command)

    async def open_session(self, request: web.Request, command: str) -> web.StreamResponse:
        """One tab's whole session: its app started by ``command``, relayed to the websocket, ended with the tab."""
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        await websocket.prepare(request)
        app_service = AppService(
            command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=websocket.close,
            download_manager=self.download_manager,
        )
        try:
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            await app_service.stop()
        return websocket
