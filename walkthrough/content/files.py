"""Where content lives: the bundled walkthrough, and how a folder's files are named. Light enough for start-up."""

from __future__ import annotations

import re
from pathlib import Path

CLINIC_FILE = "clinic.yaml"
"""The clinic values file that sits beside the language files."""

LANGUAGE_FILE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?\.yaml$")
"""Language files are named by language code, e.g. ``en.yaml`` or ``es.yaml``."""


def bundled_content_dir() -> Path:
    """The ketamine walkthrough that ships inside the package."""
    package = Path(__file__).resolve().parents[1]  # the installed package is a folder (see pyproject.toml)
    packaged = package / "bundled" / "ketamine-infusion"
    if packaged.is_dir():
        return packaged
    # Running from a source checkout without installing: use the repo's content/.
    return package.parent / "content" / "ketamine-infusion"


def languages_in(folder: Path) -> list[str]:
    """The language codes a walkthrough folder has files for, sorted."""
    return sorted(p.stem for p in folder.glob("*.yaml") if LANGUAGE_FILE.match(p.name))


def is_language_code(code: str) -> bool:
    """Whether ``code`` could name a language file, like ``en``, ``es`` or ``es-mx``."""
    return LANGUAGE_FILE.match(f"{code}.yaml") is not None


def walkthrough_path(path: Path) -> Path:
    """The content ``path`` names: a clinic values file stands for the walkthrough folder it is in."""
    return path.parent if path.name == CLINIC_FILE and path.is_file() else path
