"""The command line as a user runs it: real processes, exit codes, no tracebacks."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from walkthrough import __version__

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
    assert f"{en}:16:12: steps[1].title: must not be empty" in lines
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_a_folder_of_walkthroughs(tmp_path: Path) -> None:
    write_content(tmp_path / "a")
    write_content(tmp_path / "b", {"{clinic_phone}": "{phone}"})
    result = run("validate", str(tmp_path))
    assert result.returncode == 1
    assert str(tmp_path / "b" / "en.yaml") in result.stdout
    assert str(tmp_path / "a" / "en.yaml") not in result.stdout


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
