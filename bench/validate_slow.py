"""``python -m bench.validate_slow``: CPU seconds to check hostile files just under the size cap.

Each shape is a language file built near ``MAX_FILE_BYTES`` in a folder with
the bundled clinic values. For each, ``walkthrough validate FILE`` runs in a
child process (its CPU time, from the kernel's accounting of children) and the
file is loaded in this process as the app loads it (``load_ready``, no cache).
Prints the median and spread (largest minus smallest) over a few runs; it
asserts nothing (tests/test_hostile_content.py holds a generous budget).
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from walkthrough.content import ContentError
from walkthrough.content.files import CLINIC_FILE, bundled_content_dir
from walkthrough.content.ready import load_ready
from walkthrough.content.yamlread import MAX_FILE_BYTES, forget_read_files

NEAR_CAP = MAX_FILE_BYTES - 4096
"""How big each shape is made: just under the cap, so it is read rather than refused."""


def _keys(head: str, size: int = NEAR_CAP) -> str:
    """``head``, then as many ``kNNNNNN: v`` lines as fit in ``size`` bytes."""
    count = (size - len(head)) // len("k0000000: v\n")
    return head + "".join(f"k{index:07d}: v\n" for index in range(count))


def anchor_then_keys() -> str:
    """One anchor, then about 1 MB of keys."""
    return _keys("title: &a x\n")


def tag_then_keys() -> str:
    """One tag, then about 1 MB of keys."""
    return _keys("title: !t x\n")


def many_documents() -> str:
    """50,000 small documents, each started by ``---``."""
    return "---\na: b\n" * 50_000


def many_keys() -> str:
    """65,000 keys in the top map."""
    return "".join(f"k{index:05d}: v\n" for index in range(65_000))


def long_string() -> str:
    """A title of about 1 MB."""
    return "title: " + "x" * (NEAR_CAP - 8) + "\n"


def error_at_end() -> str:
    """About 1 MB of good keys, then one line YAML cannot read."""
    return _keys("", NEAR_CAP - 20) + "bad: [unclosed\n"


def many_items() -> str:
    """One list of about 100,000 short items."""
    return "steps:\n" + "- x\n" * 100_000


SHAPES: dict[str, Callable[[], str]] = {
    "anchor + 1 MB of keys": anchor_then_keys,
    "tag + 1 MB of keys": tag_then_keys,
    "50,000 documents": many_documents,
    "65,000 keys": many_keys,
    "1 MB string": long_string,
    "syntax error after 1 MB": error_at_end,
    "100,000 list items": many_items,
}
"""Each hostile shape by name, with the function that writes its text."""


def write_shape(folder: Path, make: Callable[[], str]) -> Path:
    """Write a walkthrough folder whose en.yaml is the shape; returns the language file."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(bundled_content_dir() / CLINIC_FILE, folder / CLINIC_FILE)
    file = folder / "en.yaml"
    file.write_text(make(), encoding="utf-8")
    return file


def validate_cpu(file: Path) -> float:
    """CPU seconds (user and system) of ``walkthrough validate FILE`` in a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [sys.executable, "-m", "walkthrough", "validate", str(file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def load_cpu(file: Path) -> float:
    """CPU seconds of loading ``file`` as the app does, in this process, with nothing remembered."""
    forget_read_files()
    started = time.process_time()
    with contextlib.suppress(ContentError):
        load_ready(file, None, None)
    return time.process_time() - started


def main() -> int:
    """Measure every shape and print a table."""
    parser = argparse.ArgumentParser(prog="python -m bench.validate_slow")
    parser.add_argument("--runs", type=int, default=3, help="runs per shape and way of reading (default 3)")
    args = parser.parse_args()
    print(f"CPU seconds per hostile file near the {MAX_FILE_BYTES:,}-byte cap; median (spread) of {args.runs} runs")
    print(f"  {'shape':26} {'bytes':>9}  {'validate FILE':>15}  {'load as the app':>15}")
    with tempfile.TemporaryDirectory() as temporary:
        for index, (name, make) in enumerate(SHAPES.items()):
            file = write_shape(Path(temporary) / str(index), make)
            validate = [validate_cpu(file) for _ in range(args.runs)]
            load = [load_cpu(file) for _ in range(args.runs)]
            print(f"  {name:26} {file.stat().st_size:>9,}  {_figure(validate):>15}  {_figure(load):>15}")
    return 0


def _figure(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({max(values) - min(values):.2f})"


if __name__ == "__main__":
    sys.exit(main())
