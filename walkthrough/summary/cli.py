"""``walkthrough summary``: the take-home page with empty question boxes, for a clinic to print as a handout.

Loaded whenever "summary" (or help) is on the command line, to build the parser, so it imports
only what the parser needs; the content and the page are made only when the command runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def add_summary_parser(commands: Any) -> None:
    """Add ``summary`` to the command line's subcommands (``commands``: argparse's subparsers action)."""
    summary = commands.add_parser(
        "summary", help="write the take-home summary page with empty question boxes, for printed handouts"
    )
    # Their own names: a subcommand's defaults would otherwise overwrite the same options given before it.
    summary.add_argument("--lang", dest="summary_lang", metavar="CODE", help="its language (default: the clinic's)")
    summary.add_argument(
        "--content", dest="summary_content", type=Path, metavar="PATH", help="a walkthrough folder of your own"
    )
    summary.add_argument(
        "--output", type=Path, metavar="FILE", help="write it to FILE (whole or not at all) instead of to stdout"
    )


def write_handout(args: argparse.Namespace) -> int:
    """Write the handout page to stdout or ``--output``; 2 if the content is bad or the file cannot be written."""
    from ..cli import report_bad_content
    from ..content.files import bundled_content_dir, walkthrough_path
    from ..content.problems import ContentError
    from ..content.ready import default_cache_dir, load_ready
    from ..ui import words_for
    from .files import SummaryWriteError, write_atomically
    from .page import summary_page

    language = args.summary_lang or args.lang
    content_path = args.summary_content or args.content or bundled_content_dir()
    try:
        content = load_ready(
            walkthrough_path(content_path), language.lower() if language else None, default_cache_dir()
        ).first
        page = summary_page(content, words_for(content))
    except ContentError as error:
        return report_bad_content(error, "no summary was written")
    if args.output is None:
        sys.stdout.write(page)
        return 0
    try:
        write_atomically(args.output, page)
    except SummaryWriteError as error:
        print(f"walkthrough summary: {error}", file=sys.stderr)
        return 2
    print(f"walkthrough summary: wrote {args.output} ({content.language})", file=sys.stderr)
    return 0
