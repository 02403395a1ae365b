"""Interface words as YAML: the package's, a folder's own, their problems, and a clinic's French without Python."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from walkthrough.content import ContentError, load_walkthrough
from walkthrough.content.placeholders import find_placeholders
from walkthrough.content.ready import default_cache_dir, load_ready
from walkthrough.serve.page import page_words
from walkthrough.ui import UI_FOLDER, forget_words, packaged_languages, packaged_words, words_for
from walkthrough.ui.check import read_words

from .apps import make_app
from .conftest import FIXTURES
from .screen_helpers import screen_text
from .test_content import expectation

REPO = Path(__file__).resolve().parents[1]
BUNDLED = REPO / "content" / "ketamine-infusion"
BAD_WORDS = sorted((FIXTURES / "bad_ui").glob("*.yaml"))
FRENCH = {
    "language_name": "Français",
    "next": "Suivant →",
    "back": "← Retour",
    "help": "Aide ?",
    "footer.next": "Suivant",
    "footer.help": "Aide",
    "footer.quit": "Quitter",
    "keys.next": "Écran suivant",
}
"""The French words the clinic's test file has; every other key keeps its English words."""


@pytest.fixture(autouse=True)
def forget_folders_words() -> Iterator[None]:
    """Each test starts and ends with no folder's words in use (a folder's own English must not leak)."""
    forget_words()
    yield
    forget_words()


def write_words(path: Path, words: dict[str, str]) -> None:
    """Write ``words`` as a words file, a section's entries under it."""
    lines, sections = [], {}
    for key, text in words.items():
        section, _, entry = key.rpartition(".")
        if section:
            sections.setdefault(section, []).append(f"  {entry}: {json.dumps(text, ensure_ascii=False)}")
        else:
            lines.append(f"{key}: {json.dumps(text, ensure_ascii=False)}")
    for section, entries in sections.items():
        lines += [f"{section}:", *entries]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def french(tmp_path: Path) -> Path:
    """The bundled walkthrough, plus French: fr.yaml (English text, a few words changed) and a full ui/fr.yaml."""
    folder = Path(shutil.copytree(BUNDLED, tmp_path / "walk"))
    text = (folder / "en.yaml").read_text(encoding="utf-8").replace("Welcome", "Bienvenue")
    (folder / "fr.yaml").write_text(text, encoding="utf-8")
    clinic = (folder / "clinic.yaml").read_text(encoding="utf-8")
    clinic = clinic.replace("  es: su clínica\n", "  es: su clínica\n  fr: votre clinique\n")
    clinic = clinic.replace("  es: número", "  fr: votre carte\n  es: número")
    (folder / "clinic.yaml").write_text(clinic, encoding="utf-8")
    write_words(folder / "ui" / "fr.yaml", {**packaged_words("en"), **FRENCH})
    return folder


def validate(folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "walkthrough", "validate", str(folder)], capture_output=True, text=True, timeout=120
    )


# The package's words.


def test_the_package_has_english_and_spanish_with_the_same_keys_and_placeholders() -> None:
    english = packaged_words("en")
    assert {"en", "es"} <= set(packaged_languages())
    for code in packaged_languages():
        words = packaged_words(code)
        assert list(words) == list(english), code  # the same keys, in the same order (help lists them so)
        for key, text in words.items():
            assert isinstance(text, str) and text.strip(), (code, key)
            assert sorted(find_placeholders(text)) == sorted(find_placeholders(english[key])), (code, key)


def test_every_key_of_the_app_has_help_and_key_line_words() -> None:
    english = packaged_words("en")
    assert english["language_name"] == "English" and packaged_words("es")["language_name"] == "Español"
    assert {"keys.next", "footer.next", "keyname.space", "page.full"} <= set(english)
    assert packaged_words("es")["keyname.space"] == "espacio"


def test_the_package_words_are_read_once() -> None:
    assert packaged_words("es") is packaged_words("es")


# Problems, at file:line:col.


@pytest.mark.parametrize("path", BAD_WORDS, ids=lambda path: path.stem)
def test_a_bad_words_file_is_reported_at_its_line(path: Path) -> None:
    line, col, where, message = expectation(path)
    with pytest.raises(ContentError) as caught:
        read_words(path, dict(packaged_words("en")), complete=path.name.startswith("missing_"))
    matching = [problem for problem in caught.value.problems if message in problem.message]
    assert matching, [str(problem) for problem in caught.value.problems]
    assert str(matching[0]).startswith(f"{path}:{line}:{col}: {where + ': ' if where else ''}")


def test_control_characters_are_taken_out_of_words(tmp_path: Path) -> None:
    path = tmp_path / "en.yaml"
    path.write_text('next: "Next\\e[31m \\u202e→"\n', encoding="utf-8")
    assert read_words(path, dict(packaged_words("en")), complete=False) == {"next": "Next →"}


# A folder's own words.


def test_a_folder_may_change_one_word(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BUNDLED, tmp_path / "walk"))
    write_words(folder / "ui" / "en.yaml", {"next": "Onward →"})
    words = words_for(load_walkthrough(folder, "en"))
    assert words["next"] == "Onward →"
    assert {key: text for key, text in words.items() if key != "next"} == {
        key: text for key, text in packaged_words("en").items() if key != "next"
    }
    assert words_for(load_walkthrough(folder, "es")) is packaged_words("es")
    assert validate(folder).returncode == 0


def test_a_bad_word_in_a_folder_is_a_problem_of_that_file(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BUNDLED, tmp_path / "walk"))
    (folder / "ui").mkdir()
    (folder / "ui" / "es.yaml").write_text("language_name: Español\nstep_of: Paso {numero}\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_walkthrough(folder, "es")
    assert [str(problem) for problem in caught.value.problems] == [
        f"{folder / 'ui' / 'es.yaml'}:2:10: step_of: the values in braces must be English's ({{number}}, {{total}}), "
        "not {numero}"
    ]


def test_es_mx_takes_the_spanish_words_and_its_own_on_top(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BUNDLED, tmp_path / "walk"))
    shutil.copy(folder / "es.yaml", folder / "es-mx.yaml")
    clinic = (folder / "clinic.yaml").read_text(encoding="utf-8").replace("  es: su", "  es-mx: su\n  es: su")
    clinic = clinic.replace("  es: número", "  es-mx: número\n  es: número")
    (folder / "clinic.yaml").write_text(clinic, encoding="utf-8")
    (folder / "ui").mkdir()
    (folder / "ui" / "es-mx.yaml").write_text("next: Ándale →\n", encoding="utf-8")
    words = words_for(load_walkthrough(folder, "es-mx"))
    assert words["next"] == "Ándale →" and words["back"] == packaged_words("es")["back"]


def test_a_language_with_no_words_says_which_file_to_add(tmp_path: Path) -> None:
    folder = Path(shutil.copytree(BUNDLED, tmp_path / "walk"))
    shutil.copy(folder / "en.yaml", folder / "de.yaml")
    with pytest.raises(ContentError) as caught:
        load_walkthrough(folder, "de")
    (problem,) = [problem for problem in caught.value.problems if "interface" in problem.message]
    assert problem.file == str(folder / "ui" / "de.yaml")
    assert "add this file with every key of" in problem.message and str(UI_FOLDER / "en.yaml") in problem.message


def test_a_new_language_needs_every_key(french: Path) -> None:
    words = french / "ui" / "fr.yaml"
    text = words.read_text(encoding="utf-8")
    words.write_text(text.replace('back: "← Retour"\n', ""), encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_walkthrough(french, "fr")
    assert [str(problem) for problem in caught.value.problems] == [
        f"{words}:1:1: 'back' is missing; add it (in English: '← Back')"
    ]
    result = validate(french)
    assert result.returncode == 1
    assert f"{words}:1:1: 'back' is missing; add it (in English: '← Back')" in result.stdout.splitlines()


# A clinic's French, with no Python.


async def test_a_clinic_adds_french_with_two_files(french: Path) -> None:
    ready = load_ready(french, "fr", default_cache_dir())
    assert ready.first.language == "fr" and set(ready.languages) == {"en", "es", "fr"}
    app = make_app(ready.first, languages=ready.languages)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shown = screen_text(app)
        assert "Bienvenue" in shown and "Suivant →" in shown and "Français" in shown
        assert "English" in shown and "Español" in shown
        key_line = shown.rstrip("\n").splitlines()[-1]
        assert "Aide" in key_line and "Quitter" in key_line
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Écran suivant" in screen_text(app)


def test_french_starts_from_the_cache_with_no_yaml_read(french: Path) -> None:
    load_ready(french, "fr", default_cache_dir())  # checked once, and remembered
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from walkthrough.content.ready import default_cache_dir, load_ready\n"
        "from walkthrough.ui import words_for\n"
        f"ready = load_ready(Path({str(french)!r}), 'fr', default_cache_dir())\n"
        "words = words_for(ready.first)\n"
        "print(words['next'], words['back'], 'yaml' in sys.modules)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert result.stdout.split() == ["Suivant", "→", "←", "Retour", "False"]


def test_a_changed_words_file_is_read_again(french: Path) -> None:
    load_ready(french, "fr", default_cache_dir())
    words = french / "ui" / "fr.yaml"
    words.write_text(words.read_text(encoding="utf-8").replace("Suivant →", "Continuer →"), encoding="utf-8")
    ready = load_ready(french, "fr", default_cache_dir())
    assert words_for(ready.first)["next"] == "Continuer →"


def test_validate_checks_both_files_and_says_once_that_french_is_not_graded(french: Path) -> None:
    result = validate(french)
    assert result.returncode == 0, result.stdout + result.stderr
    line = "fr: no reading-grade formula for this language; its text is not graded"
    assert result.stdout.splitlines().count(line) == 1
    assert "5 file(s) checked, no problems" in result.stdout  # en, es, fr, clinic.yaml and ui/fr.yaml


def test_the_browser_page_speaks_the_clinics_french(french: Path) -> None:
    assert page_words("fr-FR,fr;q=0.9", "en", french)[0] == "fr"
    assert page_words("fr-FR,fr;q=0.9", "en")[0] == "en"  # without the folder: the package's languages only
