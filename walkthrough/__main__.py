"""Start ``walkthrough``: the console script and ``python -m walkthrough`` both come here."""

import gc

from walkthrough.stop_signals import note_exit_signals


def main() -> int:
    """Run the command line, loading it with the garbage collector off (see ``cli.run_app``) and exit signals noted."""
    # Nothing loaded on the way to the first frame is garbage; collecting it again and again only costs
    # time. Every command but the app itself turns the collector back on at once; the app does so after
    # its first frame.
    gc.disable()
    note_exit_signals()  # so that even this early, SIGTERM and SIGHUP end the app with its exit status
    from walkthrough.cli import main as run_command_line

    return run_command_line()


if __name__ == "__main__":
    raise SystemExit(main())
