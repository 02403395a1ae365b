"""``walkthrough serve`` on the command line: its options and its start (the server itself is in serve.py).

Loaded only for ``serve``, for help, or to word a usage error (cli.py decides):
the plain app starts without it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from ..cli import idle_seconds, report_bad_content
from ..content.files import bundled_content_dir, walkthrough_path
from ..content.problems import ContentError
from ..content.ready import default_cache_dir, load_ready


def add_serve_parser(commands: Any) -> None:
    """``serve``: the walkthrough in a browser (needs the serve extra); takes the terminal app's options too."""
    serve = commands.add_parser(
        "serve",
        help="serve the walkthrough to browsers, one app per tab (pip install '.[serve]')",
        description="Serve the walkthrough to the browsers of tablets: each tab gets its own app. "
        "Listens on this machine only unless --host says otherwise (see README: Tablets with only a browser).",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine)")
    serve.add_argument("--port", type=port_number, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument(
        "--max-sessions",
        type=session_cap,
        metavar="N",
        help="at most N tabs at once, each its own app of about 40 MB (default: max_sessions in clinic.yaml, "
        "else chosen from this machine's memory; see README)",
    )
    serve.add_argument(
        "--server-log",
        type=Path,
        metavar="FILE",
        help="the server's log of session starts and ends (default: serve.log next to the kiosk's log)",
    )
    serve.add_argument("--tls-cert", type=Path, metavar="FILE", help="serve HTTPS and WSS with this PEM certificate")
    serve.add_argument("--tls-key", type=Path, metavar="FILE", help="... and this PEM private key (both or neither)")
    # The terminal app's options, also accepted after "serve" (SUPPRESS: not given here keeps the value given before).
    quiet = argparse.SUPPRESS
    serve.add_argument("--content", type=Path, metavar="PATH", default=quiet, help="as for the terminal app")
    serve.add_argument("--lang", metavar="CODE", default=quiet, help="as for the terminal app")
    serve.add_argument("--kiosk", action="store_true", default=quiet, help="as for the terminal app")
    serve.add_argument("--idle-seconds", type=idle_seconds, metavar="N", default=quiet, help="as for the terminal app")
    serve.add_argument("--reduced-motion", action="store_true", default=quiet, help="as for the terminal app")
    serve.add_argument(
        "--counsellor",
        action="store_true",
        default=quiet,
        help="also serve counsellor mode at /counsellor, behind the staff PIN (needs staff_pin_hash in clinic.yaml)",
    )
    serve.add_argument("--log", type=Path, metavar="FILE", default=quiet, help="as for the terminal app")
    serve.add_argument("--store", type=Path, metavar="FILE", default=quiet, help="as for the terminal app")


def session_cap(text: str) -> int:
    """``--max-sessions``: 1 to 500."""
    try:
        cap = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= cap <= 500:
        raise argparse.ArgumentTypeError("must be from 1 to 500")
    return cap


def port_number(text: str) -> int:
    """``--port``: 1 to 65535."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 1 <= port <= 65535:
        raise argparse.ArgumentTypeError("must be from 1 to 65535")
    return port


def serve_in_browsers(args: argparse.Namespace) -> int:
    """``walkthrough serve``: check the content as the app would, then serve it (each tab runs the app)."""
    from ..settings import Asked, settings_for
    from . import serve
    from .tls import TlsProblem, tls_context

    try:
        ssl_context = tls_context(args.tls_cert, args.tls_key)
    except TlsProblem as error:
        print(f"walkthrough serve: {error}; nothing was served.", file=sys.stderr)
        return 2
    path = walkthrough_path(args.content or bundled_content_dir())
    language = args.lang.lower() if args.lang else None
    try:
        # Checked and remembered now, before any tab opens, so that each tab's app starts from the cache.
        content = load_ready(path, language, default_cache_dir()).first
    except ContentError as error:
        return report_bad_content(error, "nothing was served")
    if args.counsellor:
        from .counsellor import counsellor_problem

        problem = counsellor_problem(content.clinic)
        if problem:
            print(problem, file=sys.stderr)
            return 2
    # The patients' tabs: the same settings record the terminal app is made from (never counsellor mode;
    # --counsellor here adds the counsellor's path).
    asked = Asked(
        path,
        language,
        kiosk=args.kiosk,
        idle_seconds=args.idle_seconds,
        reduced_motion=args.reduced_motion,
        log=args.log,
        store=args.store,
    )
    settings = settings_for(asked, content.clinic)
    title = content.walkthrough.title
    return serve(
        settings,
        counsellor_path=args.counsellor,
        host=args.host,
        port=args.port,
        title=title,
        language=content.language,
        ssl_context=ssl_context,
        # A record remembered before max_sessions existed has no such field: no cap from the clinic then.
        max_sessions=args.max_sessions or getattr(content.clinic, "max_sessions", None),
        server_log=args.server_log,
    )
