"""A terminal driver that survives stray bytes on its input and the terminal going away.

Private Textual API used here, each with a canary in tests/test_compat_canaries.py:
``LinuxDriver._run_input_thread`` (replaced), ``LinuxDriver._writer_thread`` (read, in
:meth:`SteadyLinuxDriver.write`), ``LinuxDriver._sigtstp_application``
and ``_sigcont_application`` (wrapped), ``Driver._auto_restart``, ``Driver._app``,
``Driver._loop`` (read) and ``LinuxDriver._file`` (wrapped in :class:`TerminalOutput`).
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING, Any

from textual.drivers.linux_driver import LinuxDriver

if TYPE_CHECKING:
    from textual.app import App


SETUP_GRACE_SECONDS = 1.0
"""How long after a failed terminal set-up the app waits for the SIGHUP that usually explains it."""


class SteadyLinuxDriver(LinuxDriver):
    """Textual's Linux driver, steadier for an app that runs unattended.

    - Bytes that are not UTF-8 are dropped instead of ending the app (see
      :meth:`_run_input_thread`; Textualize/textual#6456).
    - SIGCONT resumes only what SIGTSTP suspended (see :meth:`_sigcont_application`).
    - Output to a terminal that has gone is dropped (see :class:`TerminalOutput`),
      and so is output to one that went before application mode began (see :meth:`write`).
    """

    def __init__(
        self, app: App[Any], *, debug: bool = False, mouse: bool = True, size: tuple[int, int] | None = None
    ) -> None:
        """Textual's driver, writing through a :class:`TerminalOutput`."""
        # Set first: Textual's __init__ ends by installing the SIGCONT handler, and the SIGCONT of a terminal
        # closing then may run it before the next line here (an AttributeError a kiosk logged as a fault).
        self._suspended_on_sigtstp = False
        super().__init__(app, debug=debug, mouse=mouse, size=size)
        # Textual's writer thread needs only write, flush and fileno.
        self._file = TerminalOutput(self._file)  # type: ignore[assignment, arg-type]

    def _sigtstp_application(self, *args: Any) -> None:
        # Noted first: the process stops inside Textual's handler, and SIGCONT's handler runs before it returns.
        self._suspended_on_sigtstp = self._auto_restart
        super()._sigtstp_application(*args)

    def _sigcont_application(self, *args: Any) -> None:
        """Resume application mode on SIGCONT only if SIGTSTP suspended it (issue 19).

        Textual starts application mode again on every SIGCONT. But when a
        terminal hangs up (a closed window, a killed tmux, a dropped ssh
        session) the kernel sends SIGHUP and SIGCONT to its session leader, and
        again to the foreground process group as that leader exits. Started a
        second time, from inside the signal handler, wherever the main thread
        happened to be, application mode got a second writer thread and a second
        input thread, and 16 writes were queued for the terminal that had gone.
        The new writer thread died at its first flush (EIO); the clean exit on
        SIGHUP queued 15 more; with a frame drawn in between, that was more than
        the 30 its queue holds, and ``Queue.put`` blocked the event loop for
        good, and with it the handlers of SIGTERM and SIGHUP: only SIGKILL ended
        the app. The handler came with suspend support (Textualize/textual#3727,
        PR #4064); its SIGTSTP half has a fault of the same kind
        (Textualize/textual#6298).
        """
        if self._suspended_on_sigtstp:
            self._suspended_on_sigtstp = False
            super()._sigcont_application(*args)

    def start_application_mode(self) -> None:
        """Textual's; if it could not set the terminal up, the app is told after :data:`SETUP_GRACE_SECONDS`.

        A terminal that hung up sends SIGHUP, and the app ends on it at once.
        One that failed for another reason would leave the app running with
        nothing on the screen; ``app.terminal_unusable()`` (if the app has it)
        ends it then, so a supervisor can start it afresh.
        """
        super().start_application_mode()  # type: ignore[no-untyped-call]  # Textual leaves it unannotated
        if self._writer_thread is None:
            unusable = getattr(self._app, "terminal_unusable", None)
            if unusable is not None:
                self._loop.call_later(SETUP_GRACE_SECONDS, unusable)

    def write(self, data: str) -> None:
        """Write ``data`` to the terminal; dropped if application mode never started (the terminal had gone).

        Textual's ``start_application_mode`` returns early, without a writer
        thread, when its first ``tcsetattr`` fails (added for a process put in
        the background, Textualize/textual#4104). A terminal closed during
        start-up fails it too, and then every write (the first screen's
        pointer shape, say) failed Textual's "Driver must be in application
        mode" assertion inside whatever was drawing, and a kiosk logged it as a
        fault; the SIGHUP that ends the app is already on its way. No upstream
        issue found (searched Textualize/textual's issues for the assertion's
        words, 2026-11-29).
        """
        if self._writer_thread is not None:
            self._writer_thread.write(data)

    def _run_input_thread(self) -> None:
        """Read input until the app ends; bytes that are not UTF-8 are dropped, not fatal.

        Textual's input thread decodes strictly; one bad byte (line noise, a
        confused keyboard, a paste of binary) raises, and the app exits with
        status 0. Here the thread starts listening again; the chunk holding the
        bad bytes is lost, which is fine for noise. Upstream:
        Textualize/textual#6456 (open as of 2026-11-29; its fixes, PRs #6496,
        #6498 and #6624, decode with ``errors="replace"``). Once Textual
        decodes that way, this method can go.
        """
        while not self.exit_event.is_set():
            try:
                self.run_input_thread()
                return
            except UnicodeDecodeError:
                continue
            except Exception as error:
                # Without input the app is useless: let the app end itself, plainly.
                self._loop.call_soon_threadsafe(self._app.input_failed, error)  # type: ignore[attr-defined]
                return


class TerminalOutput:
    """The terminal's output for Textual's writer thread: once the terminal has gone, output is dropped.

    Textual's writer thread ends at the first write that fails (EIO once the
    terminal is closed), and its queue holds 30 writes: the next one would block
    the app's event loop for ever, handlers of SIGTERM and SIGHUP included. Here
    a failed write or flush drops that output and all after it, and the thread
    goes on emptying its queue until the app ends.

    Upstream: no issue found for a writer thread that dies when the terminal
    goes (as of 2026-11-29; searched Textualize/textual's issues for "writer
    thread EIO terminal closed", "writer thread dies ... queue full blocks"). Textualize/textual#6692
    is the same 30-write queue blocking the loop once the writer thread is gone,
    reached through ``App.suspend``.
    """

    def __init__(self, file: IO[str]) -> None:
        """Write to ``file`` (Textual's: stderr) while it can be written."""
        self._file = file
        self.gone = False
        """A write or flush failed: the terminal has gone, and nothing more is written."""

    def write(self, text: str) -> None:
        """Write ``text``, unless the terminal has gone."""
        if not self.gone:
            try:
                self._file.write(text)
            except OSError:
                self.gone = True

    def flush(self) -> None:
        """Send what was written to the terminal, unless it has gone."""
        if not self.gone:
            try:
                self._file.flush()
            except OSError:
                self.gone = True

    def fileno(self) -> int:
        """The terminal's file descriptor."""
        return self._file.fileno()
