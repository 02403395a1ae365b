"""A Unix socket per leader, in a folder only this user can open: no network port, no other user.

The folder is ``$XDG_RUNTIME_DIR/walkthrough-follow`` (else
``/tmp/walkthrough-follow-<uid>``; ``WALKTHROUGH_FOLLOW_DIR`` names another),
made 0700 and refused if anyone else owns it or may open it. Each leader's
socket is ``<code>.sock`` in it, 0600, so the code picks the leader and pairs
never cross. Both ends check the other's user with ``SO_PEERCRED``.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import hmac
import os
import socket
import stat
import struct
from collections.abc import Callable
from pathlib import Path

from .protocol import MAX_LINE_BYTES, VERSION, Bye, Hello, ProtocolError, Refused, SharedState, decode, encode_message

FOLDER_ENV = "WALKTHROUGH_FOLLOW_DIR"
HELLO_SECONDS = 5.0
"""A follower that says nothing this long after connecting is dropped."""
STUCK_BYTES = 64 * 1024
"""A follower that has not read this much is stuck, and dropped (so the leader never waits for it)."""


class FollowError(Exception):
    """Leading or following cannot start; the message says why (for the log, never shown to a patient)."""


class WrongCode(FollowError):
    """No leader has this code (or it turned the follower away)."""


def follow_folder() -> Path:
    """The private folder the sockets live in, made if need be.

    Raises:
        FollowError: it exists but is not a folder of this user's that only they can open.
    """
    named = os.environ.get(FOLDER_ENV)
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if named:
        folder = Path(named)
    elif runtime and Path(runtime).is_dir() and Path(runtime).stat().st_uid == os.getuid():
        folder = Path(runtime) / "walkthrough-follow"
    else:
        folder = Path("/tmp") / f"walkthrough-follow-{os.getuid()}"
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    details = folder.lstat()
    if not stat.S_ISDIR(details.st_mode) or details.st_uid != os.getuid() or details.st_mode & 0o077:
        raise FollowError(f"{folder} must be a folder of this user's that only they can open (0700)")
    return folder


def socket_path(folder: Path, code: str) -> Path:
    """Where the leader with ``code`` listens."""
    return folder / f"{code}.sock"


def peer_uid(sock: socket.socket) -> int:
    """The user id of the process at the other end of a Unix socket (``SO_PEERCRED``)."""
    credentials = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return int(uid)


def _same_user(writer: asyncio.StreamWriter) -> bool:
    sock = writer.get_extra_info("socket")
    return sock is not None and peer_uid(sock) == os.getuid()


async def _read_line(reader: asyncio.StreamReader) -> bytes:
    """One line, at most :data:`MAX_LINE_BYTES`; b"" at the end.

    Raises:
        ProtocolError: the line is longer.
    """
    try:
        return await reader.readline()
    except (asyncio.LimitOverrunError, ValueError):
        raise ProtocolError("message too long") from None


class LeaderServer:
    """Listens on ``<code>.sock``: each follower says hello with the code, gets the state at once, then every change."""

    def __init__(self, folder: Path, code: str, on_count: Callable[[int], None] | None = None) -> None:
        """Lead with ``code`` from ``folder``; ``on_count`` hears how many follow, at every change."""
        self.folder = folder
        self.code = code
        self.path = socket_path(folder, code)
        self.on_count = on_count
        self.state: SharedState | None = None
        """The last state published: what a follower joining now is sent first."""
        self._followers: set[asyncio.StreamWriter] = set()
        self._server: asyncio.Server | None = None

    @property
    def follower_count(self) -> int:
        """How many screens follow now."""
        return len(self._followers)

    async def start(self) -> None:
        """Listen (a dead leader's socket with the same code is replaced; a live one's is not).

        Raises:
            FollowError: a live leader already has this code.
        """
        if self.path.exists():
            if await _is_live(self.path):
                raise FollowError("a leader already has this code")
            self.path.unlink()
        old_mask = os.umask(0o177)  # the socket is made 0600 (the folder is 0700 anyway)
        try:
            self._server = await asyncio.start_unix_server(self._serve, path=str(self.path), limit=MAX_LINE_BYTES)
        finally:
            os.umask(old_mask)
        os.chmod(self.path, 0o600)

    def publish(self, state: SharedState) -> None:
        """Send ``state`` to every follower (a stuck one is dropped; none is waited for)."""
        self.state = state
        line = encode_message(state)
        for writer in list(self._followers):
            self._send(writer, line)

    def _send(self, writer: asyncio.StreamWriter, line: bytes) -> None:
        transport = writer.transport
        if writer.is_closing() or transport.get_write_buffer_size() > STUCK_BYTES:
            self._drop(writer)
            return
        writer.write(line)

    def _drop(self, writer: asyncio.StreamWriter) -> None:
        if writer in self._followers:
            self._followers.discard(writer)
            self._count_changed()
        writer.close()

    def _count_changed(self) -> None:
        if self.on_count is not None:
            self.on_count(len(self._followers))

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if not _same_user(writer):
            writer.close()
            return
        try:
            hello = decode(await asyncio.wait_for(_read_line(reader), HELLO_SECONDS))
        except (ProtocolError, TimeoutError, OSError):
            writer.close()
            return
        if not isinstance(hello, Hello) or hello.version != VERSION or not hmac.compare_digest(hello.code, self.code):
            writer.write(encode_message(Refused()))
            writer.close()
            return
        self._followers.add(writer)
        self._count_changed()
        if self.state is not None:
            self._send(writer, encode_message(self.state))
        # A follower sends nothing more: wait for it to go (or for the app's loop to end, which cancels this).
        with contextlib.suppress(ProtocolError, OSError, asyncio.CancelledError):
            while await _read_line(reader):
                pass
        self._drop(writer)

    async def close(self) -> None:
        """Tell every follower the leader has gone, stop listening and remove the socket."""
        bye = encode_message(Bye())
        for writer in list(self._followers):
            with contextlib.suppress(OSError):
                writer.write(bye)
            self._drop(writer)
        if self._server is not None:
            self._server.close()
            self._server = None
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()


async def _is_live(path: Path) -> bool:
    try:
        _reader, writer = await asyncio.open_unix_connection(str(path))
    except OSError:
        return False
    writer.close()
    return True


class FollowerClient:
    """One follower's connection: say hello with the code, then read the leader's states until it goes."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Use an open connection (see :meth:`connect`)."""
        self.reader = reader
        self.writer = writer

    @classmethod
    async def connect(cls, folder: Path, code: str) -> FollowerClient:
        """Join the leader with ``code``.

        Raises:
            WrongCode: no leader listens with that code.
            FollowError: the socket is not this user's.
        """
        path = socket_path(folder, code)
        try:
            details = path.lstat()
        except FileNotFoundError:
            raise WrongCode("no leader with this code") from None
        if not stat.S_ISSOCK(details.st_mode) or details.st_uid != os.getuid():
            raise FollowError("the socket is not this user's")
        try:
            reader, writer = await asyncio.open_unix_connection(str(path), limit=MAX_LINE_BYTES)
        except OSError as error:
            if error.errno in (errno.ECONNREFUSED, errno.ENOENT):
                raise WrongCode("no leader with this code") from None
            raise FollowError(f"cannot reach the leader: {error.strerror}") from None
        if not _same_user(writer):
            writer.close()
            raise FollowError("the leader is another user's")
        writer.write(encode_message(Hello(code)))
        return cls(reader, writer)

    async def next_state(self) -> SharedState | None:
        """The leader's next state; None once it has gone (said bye, closed, or sent what is not allowed).

        Raises:
            WrongCode: the leader turned this follower away.
        """
        try:
            line = await _read_line(self.reader)
            message = decode(line) if line else Bye()
        except (ProtocolError, OSError):
            message = Bye()
        if isinstance(message, Refused):
            raise WrongCode("the leader refused the code")
        return message if isinstance(message, SharedState) else None

    def close(self) -> None:
        """Stop following (the leader sees the connection end)."""
        self.writer.close()
