"""Checked content remembered between starts: never stale, never trusted when damaged, never written by a kiosk."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from walkthrough.content import ContentError, bundled_content_dir, load_walkthrough
from walkthrough.content.ready import load_ready
from walkthrough.content.records import Record, as_records, to_plain

from .conftest import GOOD, write_content


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("*")) if cache.is_dir() else []


def start_in_a_fresh_process(*args: str, cache_home: Path) -> dict[str, object]:
    """Run ``walkthrough ARGS`` up to the point the app would start; say what that process had loaded."""
    code = (
        "import gc, json, sys\n"
        "import walkthrough.app as app\n"
        "def run(self):\n"
        "    seen['modules'] = sorted(m for m in ('pydantic', 'yaml') if m in sys.modules)\n"
        "    seen['collector_on_while_starting'] = gc.isenabled()\n"
        "    seen['first_step'] = self.content.walkthrough.steps[0].title\n"
        "seen = {}\n"
        "app.WalkthroughApp.run = run\n"
        "from walkthrough.cli import main\n"
        f"status = main({list(args)!r})\n"
        "seen['status'] = status\n"
        "seen['collector_on_after'] = gc.isenabled()\n"
        "print(json.dumps(seen))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home), "XDG_STATE_HOME": str(cache_home / "state")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_records_hold_exactly_what_the_model_holds() -> None:
    loaded = load_walkthrough(bundled_content_dir())
    records = as_records(loaded)
    assert to_plain(records.walkthrough) == to_plain(loaded.walkthrough)
    assert to_plain(records.clinic) == to_plain(loaded.clinic)
    step = records.walkthrough.steps[0]
    assert isinstance(step, Record) and step.title == loaded.walkthrough.steps[0].title
    assert isinstance(records.walkthrough.steps, tuple) and isinstance(step.may_feel, tuple)
    assert records.clinic.clinic_name == loaded.clinic.clinic_name  # a value per language stays a dict
    phase = records.walkthrough.calm.patterns[0].phases[0]
    assert phase.kind in ("in", "hold", "out")  # a field may be called anything
    assert as_records(loaded) == records and as_records(records) is records


def test_records_are_read_only() -> None:
    step = as_records(load_walkthrough(GOOD)).walkthrough.steps[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        step.title = "Changed"  # type: ignore[misc]
    with pytest.raises(AttributeError):
        _ = step.no_such_field


def test_a_second_start_needs_neither_yaml_nor_pydantic(tmp_path: Path) -> None:
    first = start_in_a_fresh_process(cache_home=tmp_path)
    second = start_in_a_fresh_process(cache_home=tmp_path)
    assert first["modules"] == ["pydantic", "yaml"] and second["modules"] == []
    assert first["first_step"] == second["first_step"] == "The IV goes in"
    # The collector is off from launch to the first frame, and on again whatever happens.
    assert second["collector_on_while_starting"] is False and second["collector_on_after"] is True
    assert second["status"] == 0


def test_a_kiosk_reads_what_validate_remembered_but_writes_nothing(tmp_path: Path) -> None:
    cache = tmp_path / "walkthrough"
    start_in_a_fresh_process("--kiosk", cache_home=tmp_path)
    assert cache_files(cache) == []
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    subprocess.run([sys.executable, "-m", "walkthrough", "validate"], capture_output=True, env=env, check=True)
    assert len(cache_files(cache)) == 1
    assert start_in_a_fresh_process("--kiosk", cache_home=tmp_path)["modules"] == []


def test_clinic_kiosk_setting_also_writes_nothing(tmp_path: Path) -> None:
    clinic = (GOOD / "clinic.yaml").read_text(encoding="utf-8") + "kiosk: true\n"
    folder = write_content(tmp_path / "content", clinic=clinic)
    start_in_a_fresh_process("--content", str(folder), cache_home=tmp_path)
    assert cache_files(tmp_path / "walkthrough") == []


def test_a_saved_change_is_shown_at_once(tmp_path: Path, own_cache_folder: Path) -> None:
    folder = write_content(tmp_path / "content")
    assert load_ready(folder, None, own_cache_folder).first.walkthrough.welcome.title == "Hello"
    en = folder / "en.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace("title: Hello", "title: Welcome back"), encoding="utf-8")
    assert load_ready(folder, None, own_cache_folder).first.walkthrough.welcome.title == "Welcome back"
    (folder / "clinic.yaml").write_text(
        (folder / "clinic.yaml").read_text(encoding="utf-8").replace("treatments: 4", "treatments: 8"),
        encoding="utf-8",
    )
    assert load_ready(folder, None, own_cache_folder).first.clinic.treatments == 8
    assert len(cache_files(own_cache_folder)) == 1  # one file per walkthrough, replaced


def test_a_broken_save_is_reported_not_hidden_by_the_cache(tmp_path: Path, own_cache_folder: Path) -> None:
    folder = write_content(tmp_path / "content")
    load_ready(folder, None, own_cache_folder)
    en = folder / "en.yaml"
    en.write_text(en.read_text(encoding="utf-8").replace("  title: Hello", "  titel: Hello"), encoding="utf-8")
    with pytest.raises(ContentError) as error:
        load_ready(folder, None, own_cache_folder)
    assert "unknown key 'titel'" in str(error.value.problems[0])


@pytest.mark.parametrize(
    "damage",
    ["", "{not json", '{"format": 1}', "[1, 2, 3]", "truncate", "wrong shape"],
)
def test_a_damaged_cache_is_never_trusted(tmp_path: Path, own_cache_folder: Path, damage: str) -> None:
    folder = write_content(tmp_path / "content")
    load_ready(folder, None, own_cache_folder)
    (cache_file,) = cache_files(own_cache_folder)
    good = cache_file.read_text(encoding="utf-8")
    if damage == "truncate":
        damage = good[: len(good) // 2]
    elif damage == "wrong shape":
        damage = good.replace('"title":"Hello"', '"title":7', 1)  # valid JSON, the same key
        assert damage != good
    cache_file.write_text(damage, encoding="utf-8")
    ready = load_ready(folder, None, own_cache_folder)
    assert ready.first.walkthrough.welcome.title == "Hello"
    assert cache_file.read_text(encoding="utf-8") == good  # written again, whole


def test_languages_are_chosen_as_the_loader_chooses_them(own_cache_folder: Path) -> None:
    folder = bundled_content_dir()
    load_ready(folder, None, own_cache_folder)
    assert load_ready(folder, "es", own_cache_folder).first.language == "es"
    assert load_ready(folder, "es-mx", own_cache_folder).first.language == "es"
    assert load_ready(folder, None, own_cache_folder).first.language == "en"
    for code in ("fr", "en-", "EN!"):
        with pytest.raises(ContentError) as from_cache:
            load_ready(folder, code, own_cache_folder)
        with pytest.raises(ContentError) as from_files:
            load_walkthrough(folder, code)
        assert str(from_cache.value.problems[0]) == str(from_files.value.problems[0])
    single = load_ready(folder / "es.yaml", None, own_cache_folder)
    assert single.first.language == "es" and list(single.languages) == ["es"]
    assert load_ready(folder / "es.yaml", "en", own_cache_folder).first.language == "es"


def test_a_cache_that_cannot_be_written_is_simply_not_kept(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    ready = load_ready(GOOD, None, blocked / "walkthrough")
    assert ready.first.walkthrough.welcome.title == "Hello"


def test_a_failed_write_leaves_no_half_written_file(
    tmp_path: Path, own_cache_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("walkthrough.content.ready.os.fsync", disk_full)
    ready = load_ready(write_content(tmp_path / "content"), None, own_cache_folder)
    assert ready.first.walkthrough.welcome.title == "Hello"
    assert cache_files(own_cache_folder) == []


def test_the_app_starts_the_same_from_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    checked = load_ready(folder, None, tmp_path / "cache")
    remembered = load_ready(folder, None, tmp_path / "cache")
    assert remembered == checked
    assert as_records(load_walkthrough(folder)) == checked.first


def test_every_command_but_the_app_runs_with_the_collector_on(tmp_path: Path) -> None:
    code = (
        "import gc, sys\n"
        "from walkthrough.__main__ import main\n"
        "sys.argv = ['walkthrough', 'schema', '--clinic']\n"
        "status = main()\n"
        "print(status, gc.isenabled())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.splitlines()[-1] == "0 True"


def test_a_single_file_is_checked_again_when_the_files_beside_it_change(tmp_path: Path, own_cache_folder: Path) -> None:
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    clinic = folder / "clinic.yaml"
    text = clinic.read_text(encoding="utf-8")
    assert "default_language: en" in text
    clinic.write_text(text.replace("default_language: en", "default_language: es"), encoding="utf-8")
    assert load_ready(folder / "en.yaml", None, own_cache_folder).first.language == "en"
    (folder / "es.yaml").rename(folder / "es.yaml.old")  # the clinic's default language now has no file
    with pytest.raises(ContentError) as error:
        load_ready(folder / "en.yaml", None, own_cache_folder)
    assert "there is no es.yaml beside this file" in str(error.value.problems[0])


def test_a_cache_edited_by_hand_with_a_new_digest_still_cannot_break_a_start(
    tmp_path: Path, own_cache_folder: Path
) -> None:
    folder = write_content(tmp_path / "content")
    load_ready(folder, None, own_cache_folder)
    (cache_file,) = cache_files(own_cache_folder)
    header, _, body = cache_file.read_bytes().partition(b"\n")
    plain = json.loads(body)
    plain["languages"] = {}
    body = json.dumps(plain).encode()
    written = {**json.loads(header), "sha256": hashlib.sha256(body).hexdigest()}
    cache_file.write_bytes(json.dumps(written).encode() + b"\n" + body)
    assert load_ready(folder, None, own_cache_folder).first.walkthrough.welcome.title == "Hello"


def test_the_other_screens_are_loaded_just_after_the_first_frame() -> None:
    code = (
        "import asyncio, sys\n"
        "from walkthrough.app import WalkthroughApp\nfrom walkthrough.startup import other_screens\n"
        "from walkthrough.content.files import bundled_content_dir\n"
        "from walkthrough.content.ready import load_ready\n"
        "def loaded():\n"
        "    return [name for name in other_screens() if f'walkthrough.screens.{name}' in sys.modules]\n"
        "before = loaded()\n"
        "async def main():\n"
        "    app = WalkthroughApp(load_ready(bundled_content_dir(), None).first)\n"
        "    async with app.run_test() as pilot:\n"
        "        for _ in range(50):\n"
        "            await pilot.pause(0.02)\n"
        "            if len(loaded()) == len(other_screens()):\n"
        "                break\n"
        "        print(before, loaded())\n"
        "asyncio.run(main())\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    before, after = result.stdout.strip().splitlines()[-1].split("] [")
    for name in ("calm", "check", "fault", "help", "idle", "summary"):  # none before, all just after the first frame
        assert f"'{name}'" not in before and f"'{name}'" in after, name
