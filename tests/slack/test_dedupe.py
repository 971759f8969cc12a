"""SeenEvents: a key is claimed once, across threads and processes sharing the file."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from bot.slack.dedupe import MemorySeenEvents, SeenEvents, SqliteSeenEvents


@pytest.fixture(params=["memory", "sqlite"])
def make_seen(request, tmp_path: Path):
    def make(ttl_s: float = 3600) -> SeenEvents:
        if request.param == "memory":
            return MemorySeenEvents(ttl_s)
        return SqliteSeenEvents(tmp_path / "seen.sqlite3", ttl_s)

    return make


def test_a_key_is_claimed_once(make_seen):
    seen = make_seen()
    assert seen.claim("event:Ev1") is True
    assert seen.claim("event:Ev1") is False
    assert seen.claim("event:Ev2") is True


def test_concurrent_claims_have_one_winner(make_seen):
    seen = make_seen()
    wins: list[bool] = []
    threads = [threading.Thread(target=lambda: wins.append(seen.claim("k"))) for _ in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(wins) == [False] * 15 + [True]


def test_keys_expire_after_the_ttl(make_seen):
    seen = make_seen(ttl_s=0.0)
    assert seen.claim("k") is True
    assert seen.claim("k") is True


def test_the_sqlite_file_is_shared_and_survives_restarts(tmp_path: Path):
    path = tmp_path / "seen.sqlite3"
    assert SqliteSeenEvents(path).claim("message:C1:1.0") is True
    assert SqliteSeenEvents(path).claim("message:C1:1.0") is False  # another process, later
