"""Limits: what the command line accepts, and what one content file may hold.

Kept apart, with nothing to import, so that a start need not load the model or YAML to know them.
"""

IDLE_SECONDS_MIN, IDLE_SECONDS_MAX = 5, 3600
"""The range of the kiosk's idle time, in seconds."""

DEFAULT_MAX_GRADE = 6.0
"""The reading grade text should not go above, unless the clinic asks for another."""

# What one YAML file may hold. Real content is far inside each limit (en.yaml: about 11 KB, 360 values,
# 12 keys in the widest map, 270 characters in the longest text); they are there so that any file, however
# made, is read in bounded time and memory and gives a short list of problems.

MAX_FILE_BYTES = 1024 * 1024
"""Files larger than this are refused before parsing."""

MAX_DEPTH = 12
"""Deepest nesting of maps and lists accepted; real content needs about five."""

MAX_TEXT_CHARS = 10_000
"""Longest text (a value or a key) accepted, in characters: a page of text is about 3,000."""

MAX_ITEMS = 1_000
"""Most keys in one map, or items in one list."""

MAX_VALUES = 20_000
"""Most values (texts, maps and lists, keys counted) in one file; reading stops at the first beyond it."""

MAX_PROBLEMS = 20
"""Reading a file stops after this many problems: the writer fixes these first, and a hostile file stays quick."""
