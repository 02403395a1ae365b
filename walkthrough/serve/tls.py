"""HTTPS and WSS for ``walkthrough serve``: the certificate and key, checked before anything listens.

``--tls-cert FILE --tls-key FILE`` (both or neither) make the server speak
TLS; the page then loads over https:// and opens its websocket over wss://
(its addresses follow the scheme the browser used). Without TLS, a server
listening beyond this machine says once, on start, that whatever is typed on
the page, a staff PIN too, crosses the network as plain text.
"""

from __future__ import annotations

import ipaddress
import ssl
from pathlib import Path

PLAIN_HTTP_WARNING = (
    "walkthrough serve: warning: listening on {host} without TLS (plain HTTP); anyone on a shared network "
    "can read what crosses it, a staff PIN typed on the page too. Use --tls-cert and --tls-key (README: "
    "Tablets with only a browser)."
)
"""The one line said on start when the server can be reached from other machines without TLS."""


class TlsProblem(Exception):
    """The certificate or key cannot be used; the message says which and why, in plain words."""


def tls_context(cert: Path | None, key: Path | None) -> ssl.SSLContext | None:
    """A server TLS context from a PEM certificate (chain) and its private key; None when neither is given.

    Raises:
        TlsProblem: only one of the two was given, a file is missing or unreadable, it is not PEM,
            or the key does not belong to the certificate.
    """
    if cert is None and key is None:
        return None
    if cert is None or key is None:
        raise TlsProblem("--tls-cert and --tls-key go together: give both files, or neither for plain HTTP")
    for what, path in (("certificate", cert), ("key", key)):
        try:
            with path.open("rb") as file:
                file.read(1)
        except OSError as error:
            raise TlsProblem(f"cannot read the TLS {what} {path}: {error.strerror or error}") from None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(certfile=str(cert), keyfile=str(key))
    except ssl.SSLError as error:
        raise TlsProblem(_plain_reason(error, cert, key)) from None
    except OSError as error:
        raise TlsProblem(f"cannot read the TLS files {cert} and {key}: {error.strerror or error}") from None
    return context


def _plain_reason(error: ssl.SSLError, cert: Path, key: Path) -> str:
    """What an OpenSSL error while loading the pair means, in a sentence."""
    reason = (error.reason or "").upper()
    if "MISMATCH" in reason:
        return f"the TLS key {key} does not belong to the certificate {cert}"
    if "PEM" in reason or "NO_START_LINE" in reason or "CERT" in reason:
        return f"{cert} and {key} must be a PEM certificate and its PEM private key (unencrypted)"
    return f"cannot use the TLS certificate {cert} with the key {key} ({error.reason or error})"


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this machine only: 127.x, ::1, or the name localhost."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # another name: it may resolve to any address


def plain_http_warning(host: str, tls: bool) -> str | None:
    """The warning for listening on ``host`` without TLS beyond this machine, or None when there is nothing to say."""
    if tls or is_loopback(host):
        return None
    return PLAIN_HTTP_WARNING.format(host=host)
