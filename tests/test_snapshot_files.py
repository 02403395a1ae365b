"""Every stored snapshot belongs to a snapshot test.

Run alone, syrupy fails a run that leaves a stored snapshot unused; in pytest-xdist's workers (as
pyproject.toml runs the tests) it cannot tell, so this test does: a snapshot left behind by a renamed
or removed test would otherwise go unseen.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TESTS = Path(__file__).parent
SNAPSHOTS = TESTS / "__snapshots__"


def test_every_stored_snapshot_has_its_test() -> None:
    for folder in sorted(path for path in SNAPSHOTS.iterdir() if path.is_dir()):
        module = TESTS / f"{folder.name}.py"
        assert module.exists(), f"{folder} holds snapshots of a test file that is gone"
        listed = subprocess.run(
            [sys.executable, "-m", "pytest", "--collect-only", "-q", "-n", "0", "-m", "", "-p", "no:cacheprovider"]
            + [str(module)],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=TESTS.parent,
        )
        assert listed.returncode == 0, listed.stdout + listed.stderr
        tests = {line.split("::", 1)[1] for line in listed.stdout.splitlines() if "::" in line}
        stored = {path.stem for path in folder.glob("*.svg")}
        assert stored - tests == set(), f"snapshots in {folder} with no test"
