"""Versioned migrations, on both engines: from an empty database, from the schema an older
trialbot made (kept row for row), idempotent, once when processes start together."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.feeds.fetch import FeedItem
from bot.feeds.store import FeedStore
from bot.infra.errors import ConfigError, StateError
from bot.infra.settings import Settings, StateSettings
from bot.state import SqliteStateDB, open_state, open_state_url
from bot.state.schema import latest

# the state file as trialbot made it before versions: the feed store's and the ledger's tables
PREVIOUS_SQLITE = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    "INSERT INTO meta VALUES ('created_at', '2025-01-02T03:04:05+00:00')",
    "CREATE TABLE feeds (url TEXT PRIMARY KEY, added_at TEXT NOT NULL, last_polled_at TEXT, "
    "last_error TEXT)",
    "CREATE TABLE feed_items (feed_url TEXT NOT NULL, key TEXT NOT NULL, link TEXT NOT NULL, "
    "title TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('ingested', 'failed')), "
    "attempts INTEGER NOT NULL DEFAULT 0, article_id TEXT, last_error TEXT, "
    "updated_at TEXT NOT NULL, PRIMARY KEY (feed_url, key))",
    "CREATE TABLE digests (id TEXT PRIMARY KEY, target TEXT NOT NULL, status TEXT NOT NULL "
    "CHECK (status IN ('pending', 'posted')), payload TEXT NOT NULL, created_at TEXT NOT NULL, "
    "attempts INTEGER NOT NULL DEFAULT 0, first_attempt_at TEXT, last_error TEXT, "
    "posted_at TEXT, message_id TEXT)",
    "CREATE TABLE digest_articles (target TEXT NOT NULL, article_id TEXT NOT NULL, "
    "digest_id TEXT NOT NULL REFERENCES digests (id), PRIMARY KEY (target, article_id))",
    "CREATE INDEX digests_by_target ON digests (target, status, created_at)",
    "CREATE TABLE locks (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at REAL NOT NULL)",
    "INSERT INTO feeds VALUES ('https://news.example.org/feed.xml', '2025-01-02T03:04:05+00:00',"
    " NULL, NULL)",
    "INSERT INTO feed_items VALUES ('https://news.example.org/feed.xml', 'g1', "
    "'https://news.example.org/1.html', 'One', 'ingested', 1, 'a1', NULL, '2025-01-02')",
    "INSERT INTO digests VALUES ('d1', 'slack:C1', 'posted', '{}', '2025-01-03', 1, "
    "'2025-01-03', NULL, '2025-01-03', '1.0001')",
    "INSERT INTO digest_articles VALUES ('slack:C1', 'a1', 'd1')",
)


def tables_of_sqlite(path: Path) -> set[str]:
    with closing(sqlite3.connect(path)) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def dump_sqlite(path: Path, table: str) -> list[tuple]:  # type: ignore[type-arg]
    with closing(sqlite3.connect(path)) as db:
        return db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()


def test_sqlite_from_empty(tmp_path: Path):
    state = SqliteStateDB(tmp_path / "state.sqlite3")
    assert state.schema_version() == latest("sqlite") == 2
    assert {"meta", "feeds", "feed_items", "feed_item_claims", "digests", "locks"} <= (
        tables_of_sqlite(state.path)
    )


def test_sqlite_from_the_previous_schema_keeps_every_row(tmp_path: Path):
    path = tmp_path / "trialbot-state.sqlite3"
    with closing(sqlite3.connect(path)) as db, db:
        for statement in PREVIOUS_SQLITE:
            db.execute(statement)
    before = {t: dump_sqlite(path, t) for t in ("meta", "feeds", "feed_items", "digests")}

    state = SqliteStateDB(path)
    assert state.schema_version() == 2
    assert state.created_at() == "2025-01-02T03:04:05+00:00", "the first period is kept"
    for table, rows in before.items():
        after = dump_sqlite(path, table)
        assert set(rows) <= set(after), table
    assert dump_sqlite(path, "digest_articles") == [("slack:C1", "a1", "d1")]
    assert "feed_item_claims" in tables_of_sqlite(path)
    # and the stores read it as before
    item = FeedItem("g1", "https://news.example.org/1.html", "One")
    assert FeedStore(state).unseen("https://news.example.org/feed.xml", [item], 5) == []


def test_migrating_again_changes_nothing(tmp_path: Path):
    path = tmp_path / "state.sqlite3"
    SqliteStateDB(path)
    from bot.state.schema import migrate

    assert migrate(SqliteStateDB(path)) == (2, 2)
    assert SqliteStateDB(path).schema_version() == 2


def test_a_newer_schema_is_refused_with_what_to_do(tmp_path: Path):
    path = tmp_path / "state.sqlite3"
    SqliteStateDB(path)
    with closing(sqlite3.connect(path)) as db, db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StateError, match="schema version 99, newer than this trialbot"):
        SqliteStateDB(path)


def test_the_state_url_must_be_postgresql():
    settings = Settings()
    settings.state = StateSettings(url=SecretStr("mysql://x@y/z"))
    with pytest.raises(ConfigError, match="must be a PostgreSQL URL"):
        open_state(settings)
    with pytest.raises(ConfigError, match="unknown state URL scheme 'mysql'"):
        open_state_url("mysql://x@y/z")


# ---- PostgreSQL


def pg_tables(url: str) -> set[str]:
    import psycopg

    with psycopg.connect(url) as db:
        rows = db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'").fetchall()
    return {r[0] for r in rows}


def test_postgres_from_empty(pg_url: str):
    state = open_state_url(pg_url)
    assert state.schema_version() == latest("postgres")
    assert pg_tables(pg_url) == {
        "meta",
        "feeds",
        "feed_items",
        "feed_item_claims",
        "digests",
        "digest_articles",
        "locks",
        "trialbot_seen",
        "feedback",
        "teams_conversations",
    }


def test_postgres_from_the_previous_schema_keeps_the_dedupe_table(pg_url: str):
    """Before the shared state, the only trialbot table in PostgreSQL was the Slack dedupe's."""
    from bot.dedupe.postgres import PostgresSeenEvents

    replica = PostgresSeenEvents(pg_url)
    assert replica.claim("event:Ev1")
    replica.close()
    assert pg_tables(pg_url) == {"trialbot_seen"}

    assert open_state_url(pg_url).schema_version() == latest("postgres")
    again = PostgresSeenEvents(pg_url)
    assert again.claim("event:Ev1") is False, "the claims made before the migration hold"
    again.close()


def test_postgres_processes_starting_together_migrate_once(pg_url: str):
    start = threading.Barrier(6)
    errors: list[BaseException] = []

    def open_it() -> None:
        start.wait()
        try:
            open_state_url(pg_url)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    state = open_state_url(pg_url)
    assert state.schema_version() == latest("postgres")
    from bot.state.postgres import SCHEMA_LOCK
    from bot.state.schema import migrate

    assert migrate(state, SCHEMA_LOCK) == (latest("postgres"),) * 2


def test_an_unreachable_database_is_a_clear_error_without_the_password():
    pytest.importorskip("psycopg")
    from tests.chroma_server import free_port

    with pytest.raises(StateError, match="cannot reach the state database") as raised:
        open_state_url(f"postgresql://trialbot:s3cret@127.0.0.1:{free_port()}/x")
    assert "s3cret" not in str(raised.value)
    assert "trialbot:***@127.0.0.1" in str(raised.value)
