"""Following without any screen: the message format, the pairing code and lockout, the socket and its checks."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from walkthrough.follow.pairing import PairingGuard, clean_code, new_code, shown_code
from walkthrough.follow.protocol import (
    ALLOWED_KEYS,
    MAX_LINE_BYTES,
    CalmState,
    Hello,
    ProtocolError,
    SharedState,
    decode,
    encode,
    encode_message,
)
from walkthrough.follow.transport import (
    FOLDER_ENV,
    FollowerClient,
    FollowError,
    LeaderServer,
    WrongCode,
    follow_folder,
    peer_uid,
    socket_path,
)


@pytest.fixture
def folder() -> Iterator[Path]:
    """A short private folder of the test's own (a Unix socket's path must stay under 108 bytes)."""
    path = Path(tempfile.mkdtemp(prefix="wf-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


async def closed_without_a_word(reader: asyncio.StreamReader) -> bool:
    """The other end closed (or reset) the connection having sent nothing."""
    try:
        return await asyncio.wait_for(reader.read(), 2) == b""
    except ConnectionResetError:
        return True


STATE = SharedState("step:iv", "en", CalmState("box", 3))


# The message format.


def test_a_state_goes_and_comes_back_the_same() -> None:
    assert decode(encode_message(STATE)) == STATE
    assert decode(encode_message(SharedState("welcome", "es"))) == SharedState("welcome", "es")
    assert decode(encode_message(Hello("123456"))) == Hello("123456")


@pytest.mark.parametrize(
    "extra",
    [
        {"notes": "Talk about the cannula"},
        {"talk_timer": 312},
        {"checks": {"step:iv": "right"}},
        {"ticked": ["question-1"]},
        {"typed": "my own question"},
        {"answers": []},
    ],
)
def test_nothing_but_the_allowed_keys_can_be_sent(extra: dict[str, object]) -> None:
    """A counsellor's notes, talk timer, check marks or anything else: the encoder refuses to send them."""
    state = {"kind": "state", "page": "step:iv", "language": "en", "calm": None}
    with pytest.raises(ProtocolError, match="not allowed"):
        encode({**state, **extra})
    with pytest.raises(ProtocolError, match="not allowed"):
        encode({"kind": "hello", "version": 1, "code": "123456", **extra})
    with pytest.raises(ProtocolError):
        encode({**state, "calm": {"pattern": "box", "minutes": 3, **extra}})
    # and a reader refuses the same line, were someone to write it by hand
    with pytest.raises(ProtocolError):
        decode(b'{"kind":"state","page":"welcome","language":"en","calm":null,"notes":"x"}\n')


def test_the_allowed_keys_are_only_page_language_and_calm() -> None:
    assert ALLOWED_KEYS["state"] == {"kind", "page", "language", "calm"}
    assert set(ALLOWED_KEYS) == {"hello", "state", "refused", "bye"}


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "state", "page": "Talk about the cannula before the drip", "language": "en", "calm": None},
        {"kind": "state", "page": "step:" + "x" * 200, "language": "en", "calm": None},
        {"kind": "state", "page": "welcome", "language": "english please", "calm": None},
        {"kind": "state", "page": "welcome", "language": "en", "calm": {"pattern": "box", "minutes": 7}},
        {"kind": "state", "page": "welcome", "language": "en", "calm": "on"},
        {"kind": "hello", "version": 1, "code": "12345"},
        {"kind": "notes"},
    ],
)
def test_values_are_checked_too_so_no_text_rides_in_a_name(fields: dict[str, object]) -> None:
    with pytest.raises(ProtocolError):
        encode(fields)


def test_a_long_or_broken_line_is_refused() -> None:
    with pytest.raises(ProtocolError):
        decode(b"x" * (MAX_LINE_BYTES + 1))
    with pytest.raises(ProtocolError):
        decode(b"\xff\xfe\n")
    with pytest.raises(ProtocolError):
        decode(b"[1, 2]\n")


# The code and the lockout.


def test_codes_are_six_digits_shown_in_two_groups() -> None:
    code = new_code()
    assert len(code) == 6 and code.isdigit()
    assert shown_code("482913") == "482 913"
    assert clean_code(" 482 913 ") == "482913" == clean_code("482-913")
    assert clean_code("48291") is None and clean_code("４８２９１３") is None and clean_code("abcdef") is None


def test_three_wrong_codes_lock_for_a_minute() -> None:
    now = [100.0]
    guard = PairingGuard(lambda: now[0])
    assert guard.record(False).tries_left == 2
    assert guard.record(False).tries_left == 1
    locked = guard.record(False)
    assert locked.outcome == "locked" and locked.seconds_left == 60
    now[0] += 59
    assert guard.seconds_locked() == pytest.approx(1)
    now[0] += 1
    assert guard.seconds_locked() == 0
    assert guard.record(False).outcome == "wrong"
    assert guard.record(True).outcome == "ok"
    assert guard.wrong_tries == 0


# The socket.


async def test_late_joiner_gets_the_state_at_once_then_every_change(folder: Path) -> None:
    counts: list[int] = []
    leader = LeaderServer(folder, "123456", counts.append)
    await leader.start()
    leader.publish(STATE)
    follower = await FollowerClient.connect(folder, "123456")
    assert await asyncio.wait_for(follower.next_state(), 2) == STATE
    leader.publish(SharedState("visit", "es"))
    assert await asyncio.wait_for(follower.next_state(), 2) == SharedState("visit", "es")
    assert counts == [1] and leader.follower_count == 1
    follower.close()
    for _ in range(100):
        if leader.follower_count == 0:
            break
        await asyncio.sleep(0.01)
    assert counts == [1, 0]
    await leader.close()


async def test_leader_gone_ends_the_stream(folder: Path) -> None:
    leader = LeaderServer(folder, "123456")
    await leader.start()
    follower = await FollowerClient.connect(folder, "123456")
    leader.publish(STATE)
    assert await asyncio.wait_for(follower.next_state(), 2) == STATE
    await leader.close()
    assert await asyncio.wait_for(follower.next_state(), 2) is None
    assert not socket_path(folder, "123456").exists()


async def test_a_wrong_code_finds_no_leader(folder: Path) -> None:
    leader = LeaderServer(folder, "123456")
    await leader.start()
    with pytest.raises(WrongCode):
        await FollowerClient.connect(folder, "654321")
    await leader.close()


async def test_two_pairs_on_one_machine_never_cross(folder: Path) -> None:
    room_a, room_b = LeaderServer(folder, "111111"), LeaderServer(folder, "222222")
    await room_a.start()
    await room_b.start()
    follower_a = await FollowerClient.connect(folder, "111111")
    follower_b = await FollowerClient.connect(folder, "222222")
    room_a.publish(SharedState("step:iv", "en"))
    room_b.publish(SharedState("visit", "es"))
    assert await asyncio.wait_for(follower_a.next_state(), 2) == SharedState("step:iv", "en")
    assert await asyncio.wait_for(follower_b.next_state(), 2) == SharedState("visit", "es")
    await room_a.close()
    assert await asyncio.wait_for(follower_a.next_state(), 2) is None
    room_b.publish(SharedState("course", "es"))
    assert await asyncio.wait_for(follower_b.next_state(), 2) == SharedState("course", "es")
    assert room_b.follower_count == 1
    await room_b.close()


async def test_a_second_leader_cannot_take_a_live_code_but_replaces_a_dead_one(folder: Path) -> None:
    leader = LeaderServer(folder, "123456")
    await leader.start()
    with pytest.raises(FollowError):
        await LeaderServer(folder, "123456").start()
    await leader.close()
    stale = socket.socket(socket.AF_UNIX)
    stale.bind(str(socket_path(folder, "123456")))  # left by a leader that crashed
    stale.close()
    again = LeaderServer(folder, "123456")
    await again.start()
    await again.close()


async def test_socket_and_folder_are_private_and_the_peer_is_this_user(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    private = folder / "private"
    monkeypatch.setenv(FOLDER_ENV, str(private))
    assert follow_folder() == private
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
    leader = LeaderServer(private, "123456")
    await leader.start()
    assert stat.S_IMODE(socket_path(private, "123456").stat().st_mode) == 0o600
    with socket.socket(socket.AF_UNIX) as client:
        client.connect(str(socket_path(private, "123456")))
        assert peer_uid(client) == os.getuid()
    await leader.close()


def test_a_folder_others_may_open_is_refused(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = folder / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    monkeypatch.setenv(FOLDER_ENV, str(shared))
    with pytest.raises(FollowError):
        follow_folder()
    link = folder / "link"
    link.symlink_to(folder)
    monkeypatch.setenv(FOLDER_ENV, str(link))
    with pytest.raises(FollowError):
        follow_folder()


async def test_another_users_peer_is_turned_away(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SO_PEERCRED says who connected: a peer of another user gets nothing and is not counted."""
    import walkthrough.follow.transport as transport

    leader = LeaderServer(folder, "123456")
    await leader.start()
    leader.publish(STATE)
    monkeypatch.setattr(transport, "peer_uid", lambda sock: os.getuid() + 1)
    reader, writer = await asyncio.open_unix_connection(str(socket_path(folder, "123456")))
    writer.write(encode_message(Hello("123456")))
    assert await closed_without_a_word(reader)
    assert leader.follower_count == 0
    with pytest.raises(FollowError):
        await FollowerClient.connect(folder, "123456")  # and a follower will not follow another user's leader
    await leader.close()


async def test_a_hello_with_keys_not_allowed_is_dropped(folder: Path) -> None:
    leader = LeaderServer(folder, "123456")
    await leader.start()
    reader, writer = await asyncio.open_unix_connection(str(socket_path(folder, "123456")))
    writer.write(b'{"kind":"hello","version":1,"code":"123456","notes":"x"}\n')
    assert await closed_without_a_word(reader)
    assert leader.follower_count == 0
    await leader.close()
