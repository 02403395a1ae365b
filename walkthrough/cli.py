"""The command line: run the walkthrough, check content files, or make a staff PIN line.

Exit codes: 0 on quit or clean content; 1 when ``validate`` finds problems
(or the app stopped after an unexpected error); 2 for bad content at start-up
or a usage error; 10 when staff left a kiosk with the PIN; 128 + the signal's
number after SIGTERM (143), SIGHUP (129) or SIGINT (130). Problems go to
stderr, never as a traceback.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from . import __version__
from .content.files import bundled_content_dir, walkthrough_path
from .content.limits import DEFAULT_MAX_GRADE, IDLE_SECONDS_MAX, IDLE_SECONDS_MIN
from .content.problems import ContentError
from .content.ready import default_cache_dir, load_ready
from .kiosk import clean_environment, default_log_path, open_log
from .settings import Asked, SettingsError, settings_for
from .stop_signals import restore_exit_signals


def idle_seconds(text: str) -> int:
    """``--idle-seconds``: a whole number of seconds in the allowed range."""
    try:
        seconds = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of seconds") from None
    if not IDLE_SECONDS_MIN <= seconds <= IDLE_SECONDS_MAX:
        raise argparse.ArgumentTypeError(f"must be from {IDLE_SECONDS_MIN} to {IDLE_SECONDS_MAX} seconds")
    return seconds


def reading_grade_limit(text: str) -> float:
    """``--max-grade``: a school grade from 1 to 20."""
    try:
        grade = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 1 <= grade <= 20:
        raise argparse.ArgumentTypeError("must be a school grade from 1 to 20")
    return grade


class _NeedsServe(Exception):
    """The parser built without ``serve`` cannot parse these arguments: the whole parser will, or say why not."""


class _ParserWithoutServe(argparse.ArgumentParser):
    """The parser for a start that does not name ``serve``: its errors go to the whole parser (see parse_arguments)."""

    def error(self, message: str) -> NoReturn:
        """Leave the wording of a usage error to the parser that knows every subcommand."""
        raise _NeedsServe(message)


COMMANDS_IN_THEIR_OWN_MODULES = ("serve", "summary", "report")
"""Subcommands whose options live in modules of their own, loaded only when the words may need them."""


def parse_arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse the command line; serve's, summary's and report's options load only when the words may need them.

    The plain app starts without their modules. The same words always give
    the same result: help, a mistake or one of those words anywhere is parsed
    by the whole parser.
    """
    words = sys.argv[1:] if argv is None else list(argv)
    # Help lists them too (and argparse takes "--he" for "--help").
    named = any(word in COMMANDS_IN_THEIR_OWN_MODULES for word in words)
    if not named and not any(word == "-h" or word.startswith("--h") for word in words):
        try:
            return build_parser(with_serve=False).parse_args(words)
        except _NeedsServe:
            pass
    return build_parser().parse_args(words)


def build_parser(*, with_serve: bool = True) -> argparse.ArgumentParser:
    """The parser for ``walkthrough`` and its subcommands (serve, summary and report only ``with_serve``)."""
    parser = (argparse.ArgumentParser if with_serve else _ParserWithoutServe)(
        prog="walkthrough",
        description="A calm, step-by-step look at what a ketamine infusion is like.",
    )
    parser.add_argument("--version", action="version", version=f"walkthrough {__version__}")
    parser.add_argument(
        "--content",
        type=Path,
        metavar="PATH",
        help="a walkthrough folder or language file of your own (default: the bundled one)",
    )
    parser.add_argument(
        "--lang",
        metavar="CODE",
        help="language to show first, e.g. en or es (default: the clinic's default_language, else en)",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="reload the content each time a file is saved, keeping the page; a bad save keeps the last good version",
    )
    parser.add_argument("--reduced-motion", action="store_true", help="breathing as words only, with no moving shape")
    parser.add_argument(
        "--counsellor",
        action="store_true",
        help="counsellor mode: talking points, a talk timer, jump to any step (never with a kiosk)",
    )
    parser.add_argument(
        "--lead", action="store_true", help="counsellor mode: share this screen; it shows a code to follow it with"
    )
    parser.add_argument(
        "--follow", metavar="CODE", help="follow the counsellor's screen that shows this code (on this machine)"
    )
    # What `walkthrough serve` starts for its counsellor's path (README: Tablets with only a browser).
    parser.add_argument("--pin-first", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--pin-tries-file", type=Path, help=argparse.SUPPRESS)
    kiosk = parser.add_argument_group("waiting-room kiosk (see docs/kiosk.md)")
    kiosk.add_argument(
        "--kiosk", action="store_true", help="no way out for patients, a fresh start after each (or kiosk: true)"
    )
    kiosk.add_argument(
        "--idle-seconds",
        type=idle_seconds,
        metavar="N",
        help="kiosk: quiet seconds before the 'still here?' warning (default: the clinic's idle_seconds, 90)",
    )
    kiosk.add_argument(
        "--log",
        type=Path,
        metavar="FILE",
        help="where errors and kiosk events are written (default: ~/.local/state/walkthrough/walkthrough.log)",
    )
    parser.add_argument(
        "--store",
        type=Path,
        metavar="FILE",
        help="keep an anonymous row per session in this SQLite file, for walkthrough report (or store: in clinic.yaml)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser("validate", help="check content files and list every problem as file:line:col")
    validate.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or folders to check (default: the bundled content)"
    )
    validate.add_argument(
        "--max-grade",
        type=reading_grade_limit,
        default=DEFAULT_MAX_GRADE,
        metavar="N",
        help=f"warn about text a patient reads above this reading grade (default: {DEFAULT_MAX_GRADE:g})",
    )
    validate.add_argument("--strict", action="store_true", help="reading-grade warnings count as problems (exit 1)")
    schema = commands.add_parser(
        "schema", help="print the JSON Schema of a language file (or, with --clinic, of clinic.yaml) for editors"
    )
    schema.add_argument("--clinic", action="store_true", help="the schema of clinic.yaml instead")
    commands.add_parser(
        "hash-pin", help="read a staff PIN without showing it and print the staff_pin_hash line for clinic.yaml"
    )
    if with_serve:
        from .store.report_cli import add_report_parser
        from .summary.cli import add_summary_parser

        add_summary_parser(commands)
        add_report_parser(commands)
        from .serve.cli import add_serve_parser

        add_serve_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    try:
        return _run(argv)
    except BrokenPipeError:
        # The reader went away (``walkthrough validate | head``): stop quietly, as other tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


def _run(argv: Sequence[str] | None) -> int:
    args = parse_arguments(argv)
    if args.command is not None:
        gc.enable()  # only the app itself starts with the collector off (see run_app)
        restore_exit_signals()  # and only the app ends on them cleanly
    if args.pin_first and not args.counsellor:
        build_parser().error("--pin-first is for counsellor mode only")
    if args.counsellor and args.kiosk and args.command != "serve":
        build_parser().error("--counsellor and --kiosk cannot go together: a kiosk never shows counsellor notes")
    if args.command == "validate":
        from .validate import validate_paths  # only here: the app itself starts without the checker's modules

        paths = args.paths or [bundled_content_dir()]
        return validate_paths(paths, out=sys.stdout, err=sys.stderr, max_grade=args.max_grade, strict=args.strict)
    if args.command == "schema":
        from .content.schema import schema_text

        sys.stdout.write(schema_text("clinic" if args.clinic else "walkthrough"))
        return 0
    if args.command == "hash-pin":
        from .hash_pin import print_pin_hash

        return print_pin_hash()
    if args.command == "summary":
        from .summary.cli import write_handout

        return write_handout(args)
    if args.command == "report":
        from .store.report_cli import run_report

        return run_report(args, args.store or _clinic_store(args))
    if args.command == "serve":
        from .serve.cli import serve_in_browsers

        return serve_in_browsers(args)
    return run_app(asked_on_the_command_line(args))


def asked_on_the_command_line(args: argparse.Namespace) -> Asked:
    """What the command line asks of the app (the clinic file fills in the rest: see settings.py)."""
    return Asked(
        content=walkthrough_path(args.content or bundled_content_dir()),
        language=args.lang.lower() if args.lang else None,
        kiosk=args.kiosk,
        counsellor=args.counsellor,
        idle_seconds=args.idle_seconds,
        reduced_motion=args.reduced_motion,
        watch=args.watch,
        log=args.log,
        pin_first=args.pin_first,
        pin_tries_file=args.pin_tries_file,
        store=args.store,
        lead=args.lead,
        follow=args.follow,
    )


def _clinic_store(args: argparse.Namespace) -> Path | None:
    """The store clinic.yaml names, for ``walkthrough report`` without ``--store`` (None if it names none)."""
    from .settings import clinic_store

    asked = asked_on_the_command_line(args)
    try:
        clinic = load_ready(asked.content, None, None).first.clinic
    except ContentError:
        return None
    return clinic_store(asked.content, clinic)


def run_app(asked: Asked) -> int:
    """Load the content, then show it; bad content or settings exit 2 before any screen is drawn.

    A kiosk (``--kiosk`` or the clinic's ``kiosk: true``) first drops Textual's
    unsafe environment settings, before Textual is imported and reads them.
    """
    # Everything made from here to the first frame lives as long as the app: collecting it again and again
    # on the way only costs time. The app collects once, freezes it and turns the collector back on then.
    gc.disable()
    try:
        return _load_and_show(asked)
    finally:
        gc.enable()


def _load_and_show(asked: Asked) -> int:
    try:
        # A kiosk reads the checked content that validate, serve or a normal start remembered,
        # but writes nothing but its log.
        ready = load_ready(
            asked.content,
            asked.language,
            default_cache_dir(),
            may_write=lambda ready: not (asked.kiosk or ready.first.clinic.kiosk),
        )
    except ContentError as error:
        return report_bad_content(error, "nothing was shown")
    content = ready.first
    try:
        settings = settings_for(asked, content.clinic)
    except SettingsError as error:
        print(f"walkthrough: {error}", file=sys.stderr)
        return 2
    if settings.pin_first and not settings.staff_pin_hash:
        from .pin_shared import NO_PIN_FOR_COUNSELLOR

        print(NO_PIN_FOR_COUNSELLOR, file=sys.stderr)
        return 2
    if settings.kiosk:
        clean_environment(os.environ)
        sys.dont_write_bytecode = True  # a kiosk writes nothing but its log
    log = open_log(settings.log or default_log_path())
    for problem in ready.skipped:
        log.warning("language not offered: %s", problem)
    from .modes import app_for  # Textual loads only once the content is good and the environment clean.

    app = app_for(content, settings, languages=ready.languages, log=log, handle_signals=True)
    app.run()
    let_go_of_a_closed_terminal()
    return app.return_code or 0


def let_go_of_a_closed_terminal() -> None:
    """If the terminal has gone (closed, hung up), send what is left of its output nowhere.

    Output Textual wrote after the terminal had gone is still in stderr's
    buffer; Python's last flush of it would fail too, and make the exit status
    120 instead of the app's (129 after SIGHUP).
    """
    for stream in (sys.__stdout__, sys.__stderr__):
        if stream is None:
            continue
        try:
            stream.flush()
        except OSError:
            nowhere = os.open(os.devnull, os.O_WRONLY)
            os.dup2(nowhere, stream.fileno())
            os.close(nowhere)


def report_bad_content(error: ContentError, outcome: str) -> int:
    """Every problem on stderr, then one line saying what did not happen; exit status 2."""
    for problem in error.problems:
        print(problem, file=sys.stderr)
    print(f"walkthrough: the content has {len(error.problems)} problem(s); {outcome}.", file=sys.stderr)
    return 2
