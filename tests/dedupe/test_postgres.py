"""PostgresSeenEvents against a real PostgreSQL: one winner per key across replicas."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from bot.dedupe.postgres import PostgresSeenEvents
from bot.infra.errors import ConfigError
from tests.chroma_server import free_port
from tests.postgres_server import PostgresServer, require_postgres, running_postgres


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    yield from running_postgres()


def test_a_key_is_claimed_once_across_replicas(url: str):
    replica_a, replica_b = PostgresSeenEvents(url), PostgresSeenEvents(url)
    assert replica_a.claim("event:EvA1") is True
    assert replica_b.claim("event:EvA1") is False  # another host, the same table
    assert replica_b.claim("event:EvA2") is True
    replica_a.close()
    replica_b.close()


def test_simultaneous_claims_on_separate_connections_have_one_winner(url: str):
    replicas = [PostgresSeenEvents(url) for _ in range(8)]
    start = threading.Barrier(len(replicas))
    wins: list[bool] = []

    def claim(seen: PostgresSeenEvents) -> None:
        start.wait()
        wins.append(seen.claim("message:C1:1712.0001"))

    threads = [threading.Thread(target=claim, args=(r,)) for r in replicas]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(wins) == [False] * 7 + [True]
    for r in replicas:
        r.close()


def test_an_expired_key_can_be_claimed_again(url: str):
    seen = PostgresSeenEvents(url, ttl_s=0.0)
    assert seen.claim("event:EvTTL") is True
    assert seen.claim("event:EvTTL") is True
    seen.close()


def test_a_dropped_connection_is_reopened(url: str):
    import psycopg

    seen = PostgresSeenEvents(url)
    assert seen.claim("event:EvDrop1") is True
    with psycopg.connect(url, autocommit=True) as admin:  # what a database restart does
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE pid <> pg_backend_pid() AND datname = 'postgres'"
        )
    assert seen.claim("event:EvDrop1") is False  # remembered, through a new connection
    assert seen.claim("event:EvDrop2") is True
    seen.close()


def test_when_the_database_goes_away_deliveries_are_handled_not_dropped(caplog):
    require_postgres()
    server = PostgresServer().start()
    seen = PostgresSeenEvents(server.url)
    assert seen.claim("event:EvGone1") is True
    server.stop()
    assert seen.claim("event:EvGone2") is True  # a duplicate answer beats a lost one
    assert "dedupe database unreachable" in caplog.text


def test_an_unreachable_database_is_a_clear_config_error():
    pytest.importorskip("psycopg")
    with pytest.raises(ConfigError, match="cannot use the dedupe database") as raised:
        PostgresSeenEvents(f"postgresql://trialbot:s3cret@127.0.0.1:{free_port()}/x")
    assert "s3cret" not in str(raised.value)
