"""Walkthrough content: the model, safe YAML loading and validation. Knows nothing of the screen."""

from .loader import LoadedWalkthrough, bundled_content_dir, languages_in, load_walkthrough
from .model import ClinicValues, Step, Walkthrough
from .problems import ContentError, Problem

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
