"""Limits the command line checks before any content is read (kept apart so a start need not load the model)."""

IDLE_SECONDS_MIN, IDLE_SECONDS_MAX = 5, 3600
"""The range of the kiosk's idle time, in seconds."""

DEFAULT_MAX_GRADE = 6.0
"""The reading grade text should not go above, unless the clinic asks for another."""
