"""Canaries for walkthrough/compat/: each fails, naming the patch to drop or adapt, once Textual changes under it.

Every use of Textual's private API lives in walkthrough/compat/. A patch
leans on Textual's code as it is in the pinned release (Textual 8.2.8,
textual-serve 1.1.3), so each canary checks two things, without starting an
app: that the fault is still there (when it is gone, the patch can go), and
that the private code the patch copies or calls is unchanged (a digest of its
source; when it changes, re-read it, adapt the patch, and pin the new digest).
The timer patch's canary is tests/test_timer_fix.py.
"""

from __future__ import annotations

import hashlib
import inspect
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from textual import app as textual_app
from textual import driver as textual_driver
from textual.drivers import _writer_thread, linux_driver, web_driver

DRIVER = "walkthrough/compat/driver.py"
FIXES = "walkthrough/compat/fixes.py"


def source_digest(code: Callable[..., Any]) -> str:
    """The first 16 hex digits of the SHA-256 of ``code``'s source."""
    return hashlib.sha256(inspect.getsource(code).encode("utf-8")).hexdigest()[:16]


def module_text(module: ModuleType) -> str:
    """The text of ``module``'s file, as installed (never a patched copy in memory)."""
    assert module.__file__ is not None
    return Path(module.__file__).read_text(encoding="utf-8")


def assert_unchanged(code: Callable[..., Any], pinned: str, patch: str) -> None:
    """``code`` is the version ``patch`` was written against, or the failure says what to do."""
    digest = source_digest(code)
    assert digest == pinned, (
        f"{code.__module__}.{code.__qualname__} has changed (source digest {digest}, pinned {pinned} for the "
        f"release the walkthrough pins): re-read it, adapt or drop {patch}, then pin the new digest here."
    )


# SteadyLinuxDriver._run_input_thread: Textualize/textual#6456.


def test_textual_s_input_thread_still_dies_on_bytes_that_are_not_utf8() -> None:
    text = module_text(linux_driver)
    assert 'getincrementaldecoder("utf-8")().decode' in text, (
        "Textual's LinuxDriver no longer decodes its input strictly (Textualize/textual#6456 fixed?): "
        f"SteadyLinuxDriver._run_input_thread in {DRIVER} can be dropped."
    )
    assert_unchanged(linux_driver.LinuxDriver._run_input_thread, "d2ef22cc2c97a9eb", f"{DRIVER} _run_input_thread")


# SteadyLinuxDriver._sigtstp_application / _sigcont_application: Textualize/textual#3727, #4064, #6298.


def test_textual_s_sigcont_handler_still_resumes_whatever_stopped_it() -> None:
    text = module_text(linux_driver)
    for signal_name, handler in (("SIGTSTP", "_sigtstp_application"), ("SIGCONT", "_sigcont_application")):
        assert f"signal.signal(signal.{signal_name}, self.{handler})" in text, (
            f"Textual no longer installs LinuxDriver.{handler} for {signal_name}: "
            f"SteadyLinuxDriver.{handler} in {DRIVER} is never called; adapt or drop it."
        )
    patch = f"SteadyLinuxDriver's SIGTSTP/SIGCONT handlers in {DRIVER}"
    assert_unchanged(linux_driver.LinuxDriver._sigtstp_application, "26c3c19ce1817e66", patch)
    assert_unchanged(linux_driver.LinuxDriver._sigcont_application, "1d7463a74df118a4", patch)


def test_textual_s_driver_still_keeps_app_loop_and_auto_restart_where_the_patches_read_them() -> None:
    # SteadyLinuxDriver reads _app, _loop and _auto_restart; ServedWebDriver reads _app.
    init = inspect.getsource(textual_driver.Driver.__init__)
    for name in ("self._app = app", "self._loop = ", "self._auto_restart = True"):
        assert name in init, f"Textual's Driver.__init__ no longer sets {name!r}: adapt {DRIVER} and web_driver.py."
    assert_unchanged(textual_driver.Driver.__init__, "045ee24b9ab0f865", f"{DRIVER} and compat/web_driver.py")


# TerminalOutput: no upstream issue found (see its docstring; #6692 is the nearest).


def test_textual_s_writer_thread_still_ends_at_the_first_failed_write() -> None:
    run = inspect.getsource(_writer_thread.WriterThread.run)
    assert "except" not in run, (
        "Textual's WriterThread.run now handles a failed write: "
        f"TerminalOutput in {DRIVER} may be dropped (check that a closed terminal no longer blocks the loop)."
    )
    assert "WriterThread(self._file)" in module_text(linux_driver), (
        f"Textual's LinuxDriver no longer writes through self._file: TerminalOutput in {DRIVER} does nothing; adapt it."
    )
    assert_unchanged(_writer_thread.WriterThread.run, "314021aab4f52726", f"TerminalOutput in {DRIVER}")


# SteadyLinuxDriver.write: no upstream issue found (see its docstring; the early return came with #4104).


def test_textual_s_driver_still_starts_without_a_writer_thread_when_the_terminal_cannot_be_set_up() -> None:
    start = inspect.getsource(linux_driver.LinuxDriver.start_application_mode)
    early_return = start.find("return\n")
    assert 0 <= early_return < start.find("self._writer_thread = WriterThread"), (
        "Textual's start_application_mode no longer returns before it makes its writer thread: "
        f"SteadyLinuxDriver.write in {DRIVER} may be dropped."
    )
    write = inspect.getsource(linux_driver.LinuxDriver.write)
    assert "assert self._writer_thread is not None" in write, (
        f"Textual's LinuxDriver.write no longer asserts it has a writer thread: SteadyLinuxDriver.write in {DRIVER} "
        "may be dropped."
    )
    patch = f"SteadyLinuxDriver.write in {DRIVER}"
    assert_unchanged(linux_driver.LinuxDriver.write, "b78a34033db5a0eb", patch)
    assert_unchanged(linux_driver.LinuxDriver.start_application_mode, "7c41f5ba11a8ef05", patch)


# ServedWebDriver: Textual's documented on_meta hook, and the driver's _app (no upstream issue found).


def test_textual_s_web_driver_still_handles_the_meta_packets_the_served_driver_passes_on() -> None:
    assert_unchanged(web_driver.WebDriver.on_meta, "4e52d693ece07d37", "ServedWebDriver in compat/web_driver.py")


# keep_styles_caches_collectable: Textualize/textual#6665.


def test_textual_s_styles_cache_still_keeps_every_cache_it_answered_for() -> None:
    from textual import _styles_cache

    # Read from the file: the walkthrough's app module replaces the method in memory when imported.
    text = module_text(_styles_cache)
    cached_method = (
        "@lru_cache(1024)\n    def get_inner_outer(\n        cls, base_background: Color, background: Color\n"
    )
    assert cached_method in text, (
        "Textual's StylesCache.get_inner_outer is no longer an lru_cache on the method with these arguments "
        f"(Textualize/textual#6665 fixed?): keep_styles_caches_collectable in {FIXES} can go, or must be adapted."
    )
    same_answer = "return (\n            Style(background=base_background + background),\n"
    assert same_answer in text and "\nfrom textual.style import Style\n" in text, (
        f"Textual's StylesCache.get_inner_outer computes something new: adapt _inner_outer in {FIXES}."
    )


# start_in_theme: no upstream issue found; it mirrors App._watch_theme less the re-parse.


def test_textual_s_theme_watcher_still_does_what_start_in_theme_copies() -> None:
    watcher = inspect.getsource(textual_app.App._watch_theme)
    for step in ('f"-theme-{self.current_theme.name}"', "self._refresh_truecolor_filter(self.ansi_theme)"):
        assert step in watcher, f"Textual's App._watch_theme no longer does {step}: adapt start_in_theme in {FIXES}."
    assert list(inspect.signature(textual_app.App._refresh_truecolor_filter).parameters) == ["self", "theme"]
    assert_unchanged(textual_app.App._watch_theme, "a6de38d37b42f581", f"start_in_theme in {FIXES}")
    assert_unchanged(textual_app.App._refresh_truecolor_filter, "de78b5ae8901952a", f"start_in_theme in {FIXES}")


# styled_as_new: no upstream issue found; Textual re-parses the stylesheet for a new mode's screen.


def test_textual_still_restyles_a_new_mode_s_screen_unless_it_has_seen_the_stylesheet() -> None:
    init_mode = inspect.getsource(textual_app.App._init_mode)
    assert "if screen._css_update_count != self._css_update_count:\n                self.refresh_css()" in init_mode, (
        "Textual's App._init_mode no longer re-parses for a screen that has not seen the stylesheet: "
        f"styled_as_new in {FIXES} can be dropped (or must be adapted)."
    )
    from textual import screen

    assert "self._css_update_count = -1" in module_text(screen), (
        f"Textual's Screen no longer starts with _css_update_count = -1: adapt styled_as_new in {FIXES}."
    )
    assert_unchanged(textual_app.App._init_mode, "962fb98bc495684c", f"styled_as_new in {FIXES}")


# textual-serve 1.1.3 (not Textual itself): walkthrough/serve/session.py and server.py subclass it.


def test_textual_serve_s_page_still_opens_a_delivered_file_with_window_open() -> None:
    """walkthrough/web/app_index.html offers a link when window.open is blocked; it needs textual.js to call it."""
    textual_serve = pytest.importorskip("textual_serve")
    script = (Path(textual_serve.__file__).parent / "static" / "js" / "textual.js").read_text(encoding="utf-8")
    opens = r'case"deliver_file_start":.{0,300}?/download/.{0,100}?window\.open\(\w+,"_blank"\)'
    assert re.search(opens, script), (
        'textual-serve\'s textual.js no longer opens a delivered file with window.open(url, "_blank"): '
        "adapt the pop-up fallback in walkthrough/web/app_index.html."
    )
    # The keyboard word (walkthrough/served_page.py) reaches the page as an open_url that the page catches.
    assert re.search(r'case"open_url":.{0,100}?window\.open\(', script), (
        "textual-serve's textual.js no longer opens open_url's address with window.open: the page no longer hears "
        "walkthrough:keyboard:on/off (walkthrough/served_page.py, web/app_index.html); adapt them."
    )


def test_textual_serve_s_private_names_the_served_sessions_use_are_unchanged() -> None:
    pytest.importorskip("textual_serve")
    from textual_serve import app_service, server

    patch = "walkthrough/serve/session.py (SessionApp) and walkthrough/serve/server.py (WalkthroughServer)"
    text = module_text(app_service)
    for name in ("self._process = ", "self._stdin = ", "self._task = ", "self._download_manager = "):
        assert name in text, f"textual-serve's AppService no longer sets {name!r}: adapt {patch}."
    assert list(inspect.signature(server.Server._process_messages).parameters) == ["self", "websocket", "app_service"]
    assert_unchanged(app_service.AppService.__init__, "97d2aa2d006bca53", patch)
    assert_unchanged(app_service.AppService._open_app_process, "1202e78eb3e9d5d6", patch)
    assert_unchanged(app_service.AppService.stop, "e17b0255d820b5e6", patch)
    assert_unchanged(server.Server._make_app, "f49af73ecb6eb223", patch)
    assert_unchanged(server.Server._process_messages, "c30aaa2d9521fe13", patch)


# compat/app_hooks.py: FaultHooks (_dispatch_message, _handle_exception) and bind_priority_key. No upstream issue.


def test_textual_s_fault_handling_is_still_what_fault_hooks_replace() -> None:
    from textual.app import App
    from textual.binding import BindingsMap
    from textual.message_pump import MessagePump

    patch = "walkthrough/compat/app_hooks.py FaultHooks"
    assert_unchanged(MessagePump._dispatch_message, "f2be0916fb2d6cb5", f"{patch}._dispatch_message")
    assert_unchanged(App._handle_exception, "baea2e7f88e7ac52", f"{patch}._handle_exception")
    assert_unchanged(MessagePump._close_messages_no_wait, "f5db7e8fd40afc56", f"{patch} (it ends the app with it)")
    assert_unchanged(App._fatal_error, "2474616cec7fa94d", f"{patch} (the traceback screen it keeps away)")
    assert_unchanged(BindingsMap.bind, "3ed2d323182615d3", "walkthrough/compat/app_hooks.py bind_priority_key")
    app = App[None]()
    for name in ("_closing", "_exception", "_exception_event", "_return_code", "_exit_renderables", "_bindings"):
        assert hasattr(app, name), f"App has no {name} any more: adapt {patch}"
    assert "priority" not in inspect.signature(App.bind).parameters, (
        "App.bind takes priority now: bind_priority_key can use it instead of App._bindings"
    )


async def test_an_error_in_a_handler_reaches_fault_and_the_app_ends_calmly(capsys: pytest.CaptureFixture[str]) -> None:
    """The behaviour the hooks rely on: an error in a handler goes to _handle_exception, once."""
    from walkthrough.compat.app_hooks import STOPPED_AFTER_A_FAULT, FaultHooks

    seen: list[Exception] = []

    class Faulty(FaultHooks):
        def fault(self, error: Exception) -> bool:
            seen.append(error)
            return False

        def on_mount(self) -> None:
            raise RuntimeError("in a handler")

    app = Faulty()
    with pytest.raises(RuntimeError):  # run_test hands the error on, for tests
        async with app.run_test():
            pass
    assert [type(error) for error in seen] == [RuntimeError]
    assert app.return_code == 1
    assert STOPPED_AFTER_A_FAULT in capsys.readouterr().err


# compat/wrap.py: wrap_in_at_least_one_cell. No upstream issue found (OpenHands/OpenHands-CLI#397 reports it).


def test_rich_still_fails_to_wrap_in_no_room_and_textual_still_asks_it_to() -> None:
    from rich._wrap import divide_line
    from textual import content

    patch = "walkthrough/compat/wrap.py wrap_in_at_least_one_cell"
    with pytest.raises(ValueError):
        divide_line("Stop", 0, fold=True)
    assert "offsets = divide_line(\n                    line.plain, width - line_pad * 2" in module_text(content), (
        f"Textual's Content no longer wraps with rich's divide_line at width - 2 * line_pad: adapt or drop {patch}"
    )


async def test_a_widget_squeezed_to_its_line_padding_draws_without_a_fault() -> None:
    """Unpatched, this raises ValueError (range() arg 3 must not be zero) in the first frame."""
    from textual.app import App, ComposeResult
    from textual.widgets import Static

    from walkthrough.compat.wrap import wrap_in_at_least_one_cell

    wrap_in_at_least_one_cell()

    class Squeezed(App[None]):
        CSS = "Static { width: 2; line-pad: 1; }"  # no room left inside the line's padding

        def compose(self) -> ComposeResult:
            yield Static("1  ")

    app = Squeezed()
    async with app.run_test(size=(3, 5)) as pilot:
        await pilot.pause()
    assert app.return_code in (None, 0)
