"""``state copy``: a single-host install moves into PostgreSQL with every row, or not at all."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner
from microsoft_agents.activity import Activity

from bot.app.feedback import Feedback, JsonlFeedbackStore, StateFeedbackStore
from bot.cli import cli
from bot.dedupe import SqliteSeenEvents
from bot.digest.ledger import DigestLedger
from bot.feeds.fetch import FeedItem
from bot.feeds.store import FeedStore
from bot.infra.errors import StateError
from bot.state import STATE_FILE, SqliteStateDB, open_state_url
from bot.state.copy import copy_state
from bot.teams.conversations import (
    SqliteConversationStore,
    StateConversationStore,
    conversation_from_activity,
)
from tests.digest.samples import digest, entry
from tests.teams.harness import Conversation, message

FEEDS = [f"https://news{n}.example.org/feed.xml" for n in range(3)]


def single_host_install(index: Path) -> SqliteStateDB:
    """An index directory with a state of every kind, as one host leaves it."""
    state = SqliteStateDB(index / STATE_FILE)
    feeds = FeedStore(state)
    for url in FEEDS:
        feeds.add(url)
    feeds.note_poll(FEEDS[1], "the site answered HTTP 500")
    for n in range(5):
        item = FeedItem(f"g{n}", f"https://news0.example.org/{n}.html", f"Item {n}")
        if n % 2:
            feeds.note_failure(FEEDS[0], item, "HTTP 503")
        else:
            feeds.mark_ingested(FEEDS[0], item, f"article-{n}")
    ledger = DigestLedger(state)
    posted, pending = digest(entry(1), entry(2)), digest(entry(3))
    ledger.record(posted, "slack:C1")
    ledger.note_attempt(posted.id)
    ledger.mark_posted(posted.id, "1717000000.000100")
    ledger.record(pending, "slack:C1")
    ledger.note_failure(pending.id, "Slack answered HTTP 500")
    ledger.record(digest(entry(1)), "teams:19:abc")
    with ledger.lock("slack:C1", 60):
        pass
    conversations = SqliteConversationStore(index / "teams-conversations.sqlite3")
    for chat in (Conversation.personal(), Conversation.personal()):
        activity = Activity.model_validate(message("hi", chat, "https://smba.example/emea/"))
        conversations.save(conversation_from_activity(activity))
    conversations.close()
    feedback = JsonlFeedbackStore(index / "slack-feedback.jsonl")
    feedback.record(Feedback("helpful", "ORR?", "answered", "U1", "slack", "C1", "1.1"))
    feedback.record(Feedback("not_helpful", "OS?", "not_found", "U2", "slack", "C1", "1.2"))
    seen = SqliteSeenEvents(index / "slack-seen.sqlite3")
    seen.claim("event:Ev1")
    seen.claim("message:C1:1.0001")
    seen.close()
    return state


def rows(path: Path, table: str) -> set[tuple]:  # type: ignore[type-arg]
    with closing(sqlite3.connect(path)) as db:
        return set(db.execute(f"SELECT * FROM {table}").fetchall())


def pg_rows(url: str, table: str, columns: str) -> set[tuple]:  # type: ignore[type-arg]
    import psycopg

    with psycopg.connect(url) as db:
        return {tuple(r) for r in db.execute(f"SELECT {columns} FROM {table}").fetchall()}


def test_every_row_is_copied(tmp_path: Path, pg_url: str):
    index = tmp_path / "index"
    source = single_host_install(index)
    target = open_state_url(pg_url)
    copied = copy_state(source.path, target)
    assert copied == {
        "feeds": 3,
        "feed_items": 5,
        "digests": 3,
        "digest_articles": 4,
        "teams_conversations": 2,
        "feedback": 2,
        "trialbot_seen": 2,
    }
    state_file = index / STATE_FILE
    assert pg_rows(pg_url, "feeds", "*") == rows(state_file, "feeds")
    assert pg_rows(pg_url, "feed_items", "*") == rows(state_file, "feed_items")
    digest_columns = (
        "id, target, status, payload, created_at, attempts, first_attempt_at, last_error, "
        "posted_at, message_id"
    )
    assert pg_rows(pg_url, "digests", digest_columns) == rows(state_file, "digests")
    assert pg_rows(pg_url, "digest_articles", "*") == rows(state_file, "digest_articles")
    assert pg_rows(pg_url, "teams_conversations", "*") == rows(
        index / "teams-conversations.sqlite3", "conversations"
    )
    assert pg_rows(pg_url, "trialbot_seen", "*") == rows(index / "slack-seen.sqlite3", "seen")
    assert pg_rows(pg_url, "locks", "*") == set(), "a lock belongs to the old install's runs"
    assert (
        StateFeedbackStore(target).read()
        == JsonlFeedbackStore(index / "slack-feedback.jsonl").read()
    )
    assert target.created_at() == source.created_at(), "the first period starts as before"

    # and the stores carry on where the single host stopped
    ledger = DigestLedger(target)
    assert [p.digest.id for p in ledger.pending("slack:C1")] == [
        p.digest.id for p in DigestLedger(source).pending("slack:C1")
    ]
    assert ledger.posted("slack:C1") == DigestLedger(source).posted("slack:C1")
    assert len(StateConversationStore(target).all()) == 2


def test_a_target_with_state_is_refused_and_left_as_it_was(tmp_path: Path, pg_url: str):
    source = single_host_install(tmp_path / "index")
    target = open_state_url(pg_url)
    FeedStore(target).add("https://other.example.org/feed.xml")
    with pytest.raises(StateError, match=r"already holds state \(feeds\)"):
        copy_state(source.path, target)
    assert [f.url for f in FeedStore(target).feeds()] == ["https://other.example.org/feed.xml"]


def test_a_failed_copy_writes_nothing(tmp_path: Path, pg_url: str):
    index = tmp_path / "index"
    source = single_host_install(index)
    (index / "slack-feedback.jsonl").write_text('{"rating": "helpful"}\nnot json\n')
    target = open_state_url(pg_url)
    with pytest.raises(StateError, match="line 2: not a feedback record"):
        copy_state(source.path, target)
    assert FeedStore(target).feeds() == [] and DigestLedger(target).posted("slack:C1") == []


def test_the_cli_copies_then_migrate_is_idempotent(tmp_path: Path, pg_url: str):
    source = single_host_install(tmp_path / "index")
    runner = CliRunner()
    done = runner.invoke(cli, ["state", "copy", "--from", f"sqlite:{source.path}", "--to", pg_url])
    assert done.exit_code == 0, done.output
    assert "copied into postgresql://" in done.output and "3 feeds" in done.output
    for _ in range(2):
        migrated = runner.invoke(cli, ["state", "migrate"], env={"TRIALBOT_STATE_URL": pg_url})
        assert migrated.exit_code == 0, migrated.output
        assert migrated.output.startswith("state at schema version 2: postgresql://")
    assert len(FeedStore(open_state_url(pg_url)).feeds()) == 3
    again = runner.invoke(
        cli,
        ["state", "copy", "--from", f"sqlite:{source.path}"],
        env={"TRIALBOT_STATE_URL": pg_url},
    )
    assert again.exit_code != 0 and "already holds state" in str(again.exception)


def test_migrate_on_the_default_sqlite_state(tmp_path: Path):
    done = CliRunner().invoke(cli, ["state", "migrate", "--index-dir", str(tmp_path / "idx")])
    assert done.exit_code == 0, done.output
    assert done.output == f"state at schema version 2: sqlite:{tmp_path / 'idx' / STATE_FILE}\n"
