"""Walkthrough content: the model, safe YAML loading and validation. Knows nothing of the screen.

Names are imported when first used, so that ``import walkthrough.content`` costs
nothing: the app can start from remembered content without pydantic or YAML.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .files import bundled_content_dir, languages_in
    from .loader import load_walkthrough
    from .model import ClinicValues, Step, Walkthrough
    from .problems import ContentError, Problem
    from .records import LoadedWalkthrough

_HOME = {
    "ClinicValues": "model",
    "ContentError": "problems",
    "LoadedWalkthrough": "records",
    "Problem": "problems",
    "Step": "model",
    "Walkthrough": "model",
    "bundled_content_dir": "files",
    "languages_in": "files",
    "load_walkthrough": "loader",
}

__all__ = [
    "ClinicValues",
    "ContentError",
    "LoadedWalkthrough",
    "Problem",
    "Step",
    "Walkthrough",
    "bundled_content_dir",
    "languages_in",
    "load_walkthrough",
]


def __getattr__(name: str) -> Any:
    """Import a public name from its module the first time it is asked for."""
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{_HOME[name]}", __name__), name)
