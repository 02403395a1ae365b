"""A tab beyond ``walkthrough serve --max-sessions`` in a real Chromium: the calm page in the browser's language.

Needs Debian's Chromium and the Playwright package, as tests/test_serve_browser.py does; skips, saying why,
where either (or textual-serve) is missing.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.browser import CHROMIUM, CHROMIUM_FLAGS, TabOutput, app_processes

pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")
playwright_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")

from tests.test_serve_browser import serving  # noqa: E402

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)"),
]

FULL = {
    "en-US": "All screens are in use. Please ask a member of staff.",
    "es-ES": "Todas las pantallas están en uso. Por favor, pida ayuda al personal.",
}
RESTART = {"en-US": "Start again", "es-ES": "Volver a empezar"}


@pytest.mark.parametrize("locale", FULL)
def test_a_tab_beyond_the_cap_gets_the_calm_page_and_no_app(tmp_path: Path, locale: str) -> None:
    """With one seat, a second tab says all screens are in use (no app starts); once the first closes, it can start."""
    with (
        serving("--max-sessions", "1", "--server-log", str(tmp_path / "serve.log"), log=tmp_path / "server.log") as (
            url,
            server,
        ),
        playwright_api.sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        context = browser.new_context(viewport={"width": 768, "height": 1024}, has_touch=True, locale=locale)
        first = TabOutput(context.new_page())
        first.page.goto(url)
        first.wait_for_text("Welcome")

        second = TabOutput(context.new_page())
        second.page.goto(url)
        message = second.page.locator("#full-message")
        message.wait_for(state="visible", timeout=15_000)
        assert message.inner_text() == FULL[locale]
        assert not second.page.locator(".closed-dialog").is_visible(), "the page also says the walkthrough closed"
        assert len(app_processes(server.pid)) == 1, "a tab beyond the cap started an app"
        second.page.screenshot(path=str(tmp_path / f"full-{locale}.png"))

        first.page.close()
        deadline = time.monotonic() + 10
        while app_processes(server.pid):
            assert time.monotonic() < deadline, "the first tab's app did not end"
            time.sleep(0.05)
        second.page.locator(".full-dialog button").tap()
        second.wait_for_text("Welcome")
        assert len(app_processes(server.pid)) == 1
        browser.close()
    log = (tmp_path / "serve.log").read_text()
    assert "refused a session: all 1 seats in use" in log and log.count("started;") == 2
