"""Shared test helpers: fixture content and app factories."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from walkthrough.content import LoadedWalkthrough, load_walkthrough

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good"


def drives_chromium(item: pytest.Item) -> bool:
    """Whether a test starts Chromium: every test of a *browser* module, and any test named for Chromium."""
    return "browser" in item.path.stem or "chromium" in item.name


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put the tests that start Chromium in one pytest-xdist group, so one browser runs at a time.

    Several at once on two cores slow each other's first page past the tests' waits; the group
    takes effect with ``--dist loadgroup``, as ``.ci/run`` runs the slow tests.
    """
    for item in items:
        if drives_chromium(item):
            item.add_marker(pytest.mark.xdist_group("chromium"))


@pytest.fixture(autouse=True)
def own_cache_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test remembers checked content in a folder of its own (and so do the apps it starts).

    Logs left where no test said (``$XDG_STATE_HOME``) go to a folder of the test's own too, so
    tests running at once in several pytest-xdist workers never share a file, and none writes
    into the home folder of whoever runs them.
    """
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("state")))
    return folder / "walkthrough"


def _walkthrough_loggers() -> dict[str, logging.Logger]:
    """The loggers named ``walkthrough`` and ``walkthrough.<anything>`` made so far in this process."""
    return {
        name: logger
        for name, logger in logging.Logger.manager.loggerDict.items()
        if (name == "walkthrough" or name.startswith("walkthrough.")) and isinstance(logger, logging.Logger)
    }


@pytest.fixture(autouse=True)
def own_walkthrough_loggers() -> Iterator[None]:
    """Each test leaves the ``walkthrough`` loggers (handlers, level, propagation) as it found them.

    ``open_log`` (walkthrough/kiosk.py) makes its logger the process's only say: its own file, no
    propagation to the root logger, and ``logging.raiseExceptions`` off. Right for an app, which opens
    it once; but tests share a process, and after a test that opened it, every later test's
    ``caplog`` (which listens at the root) heard nothing the app logged.
    """
    saved = {
        name: (logger.level, logger.propagate, logger.disabled, list(logger.handlers))
        for name, logger in _walkthrough_loggers().items()
    }
    raise_exceptions = logging.raiseExceptions
    yield
    logging.raiseExceptions = raise_exceptions
    for name, logger in _walkthrough_loggers().items():
        level, propagate, disabled, handlers = saved.get(name, (logging.NOTSET, True, False, []))
        for handler in list(logger.handlers):
            if handler not in handlers:
                logger.removeHandler(handler)
                handler.close()
        for handler in handlers:
            if handler not in logger.handlers:
                logger.addHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate
        logger.disabled = disabled


@pytest.fixture
def good_content() -> LoadedWalkthrough:
    """The small fixture walkthrough the screen tests run on."""
    return load_walkthrough(GOOD)


def write_content(folder: Path, replace: dict[str, str] | None = None, clinic: str | None = None) -> Path:
    """Copy the fixture walkthrough into ``folder``, with text replaced, and return the folder."""
    text = (GOOD / "en.yaml").read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.yaml").write_text(text, encoding="utf-8")
    (folder / "clinic.yaml").write_text(clinic or (GOOD / "clinic.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return folder


class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        """Let ``seconds`` pass."""
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    """A fake clock for timers; advance it by hand."""
    return FakeClock()
