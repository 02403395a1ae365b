"""A terminal driver that survives stray bytes on its input."""

from __future__ import annotations

from textual.drivers.linux_driver import LinuxDriver


class SteadyLinuxDriver(LinuxDriver):
    """Textual's Linux driver, except that bytes that are not UTF-8 are dropped instead of ending the app.

    Textual's input thread decodes strictly; one bad byte (line noise, a
    confused keyboard, a paste of binary) raises, and the app exits with
    status 0. Here the thread starts listening again; the chunk holding the
    bad bytes is lost, which is fine for noise.
    """

    def _run_input_thread(self) -> None:
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
