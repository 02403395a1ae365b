"""The command line: run the walkthrough, or check content files.

Exit codes: 0 on quit or clean content; 1 when ``validate`` finds problems;
2 for bad content at start-up or a usage error. Problems go to stderr, never
as a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from . import __version__
from .content import ContentError, bundled_content_dir, load_walkthrough
from .validate import validate_paths


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``walkthrough`` and its ``validate`` subcommand."""
    parser = argparse.ArgumentParser(
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
    parser.add_argument("--lang", default="en", metavar="CODE", help="language to show, e.g. en (default: en)")
    parser.add_argument("--reduced-motion", action="store_true", help="breathing as words only, with no moving shape")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = commands.add_parser("validate", help="check content files and list every problem as file:line:col")
    validate.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="files or folders to check (default: the bundled content)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = build_parser().parse_args(argv)
    if args.command == "validate":
        return validate_paths(args.paths or [bundled_content_dir()], out=sys.stdout, err=sys.stderr)
    return run_app(args.content or bundled_content_dir(), args.lang.lower(), reduced_motion=args.reduced_motion)


def run_app(path: Path, language: str, *, reduced_motion: bool = False) -> int:
    """Load the content, then show it; bad content exits 2 before any screen is drawn."""
    try:
        content = load_walkthrough(path, language)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"walkthrough: the content has {len(error.problems)} problem(s); nothing was shown.", file=sys.stderr)
        return 2
    from .app import WalkthroughApp  # Textual loads only once the content is known to be good.

    WalkthroughApp(content, reduced_motion=reduced_motion).run()
    return 0
