"""``walkthrough serve --tls-cert --tls-key``: HTTPS and WSS, refused files, a warning for plain HTTP on a network.

Certificates are made in the test with openssl (skipped, saying why, where
it is missing); the served tests need textual-serve, the browser one Debian's
Chromium and Playwright too.
"""

from __future__ import annotations

import asyncio
import shutil
import ssl
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bench.browser import (
    CHROMIUM,
    CHROMIUM_FLAGS,
    TabOutput,
    free_port,
    serve_walkthrough,
)
from walkthrough.serve.tls import TlsProblem, is_loopback, plain_http_warning, tls_context

from .conftest import GOOD

OPENSSL = shutil.which("openssl")
needs_openssl = pytest.mark.skipif(OPENSSL is None, reason="no openssl to make a test certificate with")


def make_certificate(folder: Path, name: str = "server") -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 and its unencrypted key, as a clinic would make one (README)."""
    assert OPENSSL is not None
    cert, key = folder / f"{name}.crt", folder / f"{name}.key"
    subprocess.run(
        [OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"]
        + ["-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if OPENSSL is None:
        pytest.skip("no openssl to make a test certificate with")
    return make_certificate(tmp_path_factory.mktemp("tls"))


# The files.


def test_neither_file_means_plain_http() -> None:
    assert tls_context(None, None) is None


@needs_openssl
def test_a_good_pair_gives_a_server_context(certificate: tuple[Path, Path]) -> None:
    context = tls_context(*certificate)
    assert isinstance(context, ssl.SSLContext) and context.minimum_version >= ssl.TLSVersion.TLSv1_2


@needs_openssl
@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("cert only", "go together"),
        ("key only", "go together"),
        ("missing cert", "cannot read the TLS certificate"),
        ("missing key", "cannot read the TLS key"),
        ("mismatched", "does not belong"),
        ("not pem", "PEM"),
        ("swapped", "PEM"),
    ],
)
def test_bad_files_are_refused_in_plain_words(
    certificate: tuple[Path, Path], tmp_path: Path, case: str, words: str
) -> None:
    cert, key = certificate
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("not a certificate\n")
    pairs: dict[str, tuple[Path | None, Path | None]] = {
        "cert only": (cert, None),
        "key only": (None, key),
        "missing cert": (tmp_path / "nowhere.crt", key),
        "missing key": (cert, tmp_path / "nowhere.key"),
        "mismatched": (cert, make_certificate(tmp_path, "other")[1]),
        "not pem": (garbage, key),
        "swapped": (key, cert),
    }
    with pytest.raises(TlsProblem) as problem:
        tls_context(*pairs[case])
    assert words in str(problem.value)
    assert "Traceback" not in str(problem.value)


@needs_openssl
def test_serve_refuses_a_mismatched_pair_with_exit_2(certificate: tuple[Path, Path], tmp_path: Path) -> None:
    other_key = make_certificate(tmp_path, "other")[1]
    port = free_port()
    cert_only = ["--tls-cert", str(certificate[0])]
    for extra in (cert_only, [*cert_only, "--tls-key", str(other_key)]):
        result = subprocess.run(
            [sys.executable, "-m", "walkthrough", "serve", "--port", str(port), *extra],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 2, result.stderr
        assert "nothing was served" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1


# The warning.


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost", "LOCALHOST"])
def test_loopback_gets_no_warning(host: str) -> None:
    assert is_loopback(host)
    assert plain_http_warning(host, tls=False) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "clinic-server.local"])
def test_beyond_loopback_without_tls_warns_about_the_pin(host: str) -> None:
    warning = plain_http_warning(host, tls=False)
    assert warning is not None and "\n" not in warning
    assert host in warning and "PIN" in warning and "plain HTTP" in warning and "--tls-cert" in warning
    assert plain_http_warning(host, tls=True) is None


# Served.


@contextmanager
def serving(*options: str, log: Path) -> Iterator[int]:
    """``walkthrough serve`` on a free loopback port with ``options``; yields the port."""
    pytest.importorskip("textual_serve", reason="walkthrough serve needs the serve extra (textual-serve)")
    with log.open("wb") as output, serve_walkthrough("--content", str(GOOD), *options, output=output) as (port, _):
        yield port


@pytest.mark.slow
def test_on_loopback_without_tls_nothing_is_said(tmp_path: Path) -> None:
    log = tmp_path / "server.log"
    with serving(log=log):
        pass
    said = log.read_text()
    assert "serving on http://127.0.0.1:" in said and "warning" not in said


@pytest.mark.slow
@needs_openssl
def test_https_page_and_wss_session(certificate: tuple[Path, Path], tmp_path: Path) -> None:
    """The page over HTTPS names a wss:// websocket; a session over it draws the walkthrough; plain HTTP gets none."""
    aiohttp = pytest.importorskip("aiohttp", reason="needs aiohttp (installed with textual-serve)")
    cert, key = certificate
    trust = ssl.create_default_context(cafile=str(cert))

    async def visit(port: int) -> tuple[str, str]:
        origin = f"https://127.0.0.1:{port}"
        async with aiohttp.ClientSession() as client:
            async with client.get(origin + "/", ssl=trust) as response:
                page = await response.text()
            drawn = ""
            async with client.ws_connect(
                f"wss://127.0.0.1:{port}/ws?width=80&height=24", ssl=trust, headers={"Origin": origin}
            ) as socket:
                while "Hello" not in drawn:
                    message = await socket.receive(timeout=20)
                    assert message.type == aiohttp.WSMsgType.BINARY, message
                    drawn += message.data.decode("utf-8", "replace")
            with pytest.raises(aiohttp.ClientError):
                async with client.get(f"http://127.0.0.1:{port}/") as plain:
                    await plain.read()
        return page, drawn

    log = tmp_path / "server.log"
    with serving("--tls-cert", str(cert), "--tls-key", str(key), log=log) as port:
        page, _ = asyncio.run(visit(port))
    assert f'data-session-websocket-url="wss://127.0.0.1:{port}/ws"' in page
    assert f"https://127.0.0.1:{port}/static/" in page and "http://127.0.0.1" not in page
    said = log.read_text()
    assert f"serving on https://127.0.0.1:{port}/" in said and "warning" not in said


@pytest.mark.slow
@needs_openssl
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"no Chromium at {CHROMIUM} (apt-get install chromium)")
def test_chromium_loads_the_page_over_https_and_its_terminal_over_wss(
    certificate: tuple[Path, Path], tmp_path: Path
) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api", reason="the browser test needs the playwright package")
    cert, key = certificate
    sockets: list[str] = []
    with (
        serving("--tls-cert", str(cert), "--tls-key", str(key), log=tmp_path / "server.log") as port,
        playwright_api.sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=[*CHROMIUM_FLAGS, "--ignore-certificate-errors"]
        )
        page = browser.new_page(ignore_https_errors=True)
        page.on("websocket", lambda socket: sockets.append(socket.url))
        tab = TabOutput(page)
        response = page.goto(f"https://127.0.0.1:{port}/")
        assert response is not None and response.ok and page.url.startswith("https://")
        tab.wait_for_text("Hello", timeout=30)
        browser.close()
    assert sockets and all(url.startswith(f"wss://127.0.0.1:{port}/") for url in sockets), sockets
