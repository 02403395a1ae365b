"""How the browser tests and benchmarks start Chromium: Debian's own, headless, never one a tool downloads."""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("WALKTHROUGH_CHROMIUM", "/usr/bin/chromium")
"""Debian's Chromium (``apt-get install chromium``), or another one named by WALKTHROUGH_CHROMIUM."""

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
"""Headless, and quiet: without the background-networking flags Chromium keeps trying to reach Google's hosts."""
