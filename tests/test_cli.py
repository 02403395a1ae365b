"""The command line as a user runs it: real processes, exit codes, no tracebacks."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import sys
from pathlib import Path

from walkthrough import __version__
from walkthrough.pin import verify_pin

from .conftest import FIXTURES, GOOD, write_content


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m walkthrough`` with ``args`` and no terminal, like a script would."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-m", "walkthrough", *args], capture_output=True, text=True, timeout=60, cwd=cwd, env=env
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"walkthrough {__version__}"
    help_text = run("--help")
    assert help_text.returncode == 0
    assert "validate" in help_text.stdout and "--content" in help_text.stdout


def test_validate_bundled_content_is_clean_from_any_folder(tmp_path: Path) -> None:
    result = run("validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout


def test_validate_reports_file_line_column_and_exits_1(tmp_path: Path) -> None:
    folder = write_content(
        tmp_path / "copy", {"  title: Hello": "  titel: Hello", "    title: Second step": '    title: ""'}
    )
    result = run("validate", str(folder))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    en = folder / "en.yaml"
    assert f"{en}:4:3: welcome.titel: unknown key 'titel'; did you mean 'title'?" in lines
    assert f"{en}:17:12: steps[1].title: must not be empty" in lines
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_a_folder_of_walkthroughs(tmp_path: Path) -> None:
    write_content(tmp_path / "a")
    write_content(tmp_path / "b", {"{clinic_phone}": "{phone}"})
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    problems = [line for line in result.stdout.splitlines() if ": warning: " not in line]
    assert any(line.startswith(str(tmp_path / "b" / "en.yaml")) for line in problems)
    assert not any(line.startswith(str(tmp_path / "a" / "en.yaml")) for line in problems)


def test_validate_missing_path_is_a_usage_error() -> None:
    result = run("validate", "/no/such/place")
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr


def test_every_bad_fixture_gives_a_clean_message_and_exit_1() -> None:
    for path in sorted((FIXTURES / "bad").glob("*.yaml")):
        if path.name == "clinic.yaml":
            continue
        result = run("validate", str(path))
        assert result.returncode == 1, path
        assert f"{path}" in result.stdout
        assert "Traceback" not in result.stdout + result.stderr


def test_bad_content_stops_the_app_with_exit_2_before_any_screen(tmp_path: Path) -> None:
    folder = write_content(tmp_path, {"  title: Hello": "  title: [a, b]"})
    result = run("--content", str(folder))
    assert result.returncode == 2
    assert f"{folder / 'en.yaml'}:4:10: welcome.title: must be text" in result.stderr
    assert "Traceback" not in result.stderr
    assert "\x1b[" not in result.stdout, "no screen was drawn"


def test_missing_language_or_folder_exits_2() -> None:
    assert run("--lang", "xx").returncode == 2
    result = run("--content", "/no/such/place")
    assert result.returncode == 2 and "no such file or folder" in result.stderr


def test_console_script_is_installed() -> None:
    script = shutil.which("walkthrough", path=str(Path(sys.executable).parent))
    assert script, "the 'walkthrough' command is installed beside python"
    result = subprocess.run([script, "validate", str(GOOD)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stdout + result.stderr


def run_with_input(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    """Run ``python -m walkthrough`` with ``args`` and ``stdin`` piped in."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-m", "walkthrough", *args], input=stdin, capture_output=True, text=True, timeout=60, env=env
    )


def test_hash_pin_from_a_pipe_prints_a_line_to_paste() -> None:
    result = run_with_input("hash-pin", stdin="2468\n")
    assert result.returncode == 0, result.stderr
    line = result.stdout.splitlines()[-1]
    name, _, stored = line.partition(": ")
    assert name == "staff_pin_hash" and verify_pin("2468", stored)
    assert "2468" not in result.stdout + result.stderr


def test_hash_pin_refuses_a_short_pin() -> None:
    result = run_with_input("hash-pin", stdin="12\n")
    assert result.returncode == 1
    assert "at least 4" in result.stderr and "staff_pin_hash" not in result.stdout


def test_hash_pin_at_a_terminal_asks_twice_without_echo() -> None:
    """At a terminal the PIN is typed twice and never shown."""
    master, slave = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "walkthrough", "hash-pin"],
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
    )
    output = bytearray()

    def read_until(text: bytes) -> None:
        while text not in output:
            ready, _, _ = select.select([master], [], [], 30)
            assert ready, f"{text!r} never appeared in {bytes(output)!r}"
            output.extend(os.read(master, 4096))

    try:
        read_until(b"Staff PIN: ")
        os.write(master, b"2468\n")
        read_until(b"The same PIN again: ")
        os.write(master, b"2468\n")
        read_until(b"staff_pin_hash: ")
        assert process.wait(timeout=30) == 0
        read_until(b"\n")
    finally:
        process.kill()
        os.close(master)
        os.close(slave)
    assert b"2468" not in output, "the PIN was echoed"


def test_idle_seconds_out_of_range_is_a_usage_error() -> None:
    result = run("--kiosk", "--idle-seconds", "2")
    assert result.returncode == 2
    assert "--idle-seconds: must be from 5 to 3600 seconds" in result.stderr


def test_bad_kiosk_settings_stop_the_app_with_exit_2(tmp_path: Path) -> None:
    clinic = (GOOD / "clinic.yaml").read_text(encoding="utf-8") + "kiosk: true\nstaff_pin_hash: 2468\n"
    folder = write_content(tmp_path, clinic=clinic)
    result = run("--content", str(folder))
    assert result.returncode == 2
    assert f"{folder / 'clinic.yaml'}:8:17: staff_pin_hash: must be the whole line printed by" in result.stderr
    assert "2468" not in result.stderr, "a PIN written in clear is not repeated back"


def test_counsellor_and_kiosk_cannot_go_together(tmp_path: Path) -> None:
    result = run("--counsellor", "--kiosk")
    assert result.returncode == 2 and "cannot go together" in result.stderr
    clinic = (GOOD / "clinic.yaml").read_text(encoding="utf-8") + "kiosk: true\n"
    folder = write_content(tmp_path, clinic=clinic)
    result = run("--counsellor", "--content", str(folder))
    assert result.returncode == 2 and "kiosk: true" in result.stderr
    assert "\x1b[" not in result.stdout, "no screen was drawn"


def test_serve_without_textual_serve_says_what_to_install(tmp_path: Path) -> None:
    """Where the extra is missing, the command names the exact install line (the import is hidden, not faked)."""
    blocker = tmp_path / "textual_serve"
    blocker.mkdir()
    (blocker / "__init__.py").write_text("raise ImportError('not installed')\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "walkthrough", "serve", "--port", "8000"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2
    assert "pip install 'textual-serve==1.1.3'" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_checks_the_content_first(tmp_path: Path) -> None:
    """Bad content is reported as for the terminal app (exit 2), and nothing is served."""
    folder = write_content(tmp_path)
    (folder / "en.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    result = run("serve", "--content", str(folder), "--port", "8000")
    assert result.returncode == 2
    assert "nothing was served" in result.stderr and "en.yaml:1:" in result.stderr


def test_each_browser_session_runs_the_app_with_the_same_options(tmp_path: Path) -> None:
    """The per-tab command quotes every value: a folder name with a ';' in it is a name, never a command."""
    import shlex

    from walkthrough.serve import tab_command
    from walkthrough.settings import Settings

    odd = tmp_path / "clinic; touch hacked"
    command = tab_command(Settings(content=odd, language="es", mode="kiosk", idle_seconds=60))
    assert command.startswith("exec ")
    argv = shlex.split(command.removeprefix("exec "))
    assert argv[:3] == [sys.executable, "-m", "walkthrough"]
    assert argv[3:] == ["--content", str(odd.resolve()), "--lang", "es", "--kiosk", "--idle-seconds", "60"]


def test_a_kiosk_keeps_only_textual_s_own_web_driver() -> None:
    """Served tabs run on Textual's web driver; any other TEXTUAL_DRIVER could load code, so a kiosk drops it."""
    from walkthrough.kiosk import WEB_DRIVER, clean_environment

    served = {"TEXTUAL_DRIVER": WEB_DRIVER, "TEXTUAL_FPS": "60", "TEXTUAL_ALLOW_SIGNALS": "1"}
    assert clean_environment(served) == ["TEXTUAL_ALLOW_SIGNALS"]
    assert served == {"TEXTUAL_DRIVER": WEB_DRIVER, "TEXTUAL_FPS": "60"}
    other = {"TEXTUAL_DRIVER": "mypackage.evil:Driver"}
    assert clean_environment(other) == ["TEXTUAL_DRIVER"] and other == {}
