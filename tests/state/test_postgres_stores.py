"""The stores over a PostgreSQL state: the same behaviour as over the SQLite file, shared by
every process that has the URL (each store object here stands for another host)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from microsoft_agents.activity import Activity
from pydantic import SecretStr

from bot.app.feedback import Feedback, StateFeedbackStore
from bot.digest.ledger import DigestLedger
from bot.feeds.fetch import FeedItem
from bot.feeds.store import FeedStore
from bot.infra.errors import DigestBusyError
from bot.infra.settings import Settings, StateSettings
from bot.state import StateDB, open_state_url
from bot.state.postgres import redact
from bot.teams.conversations import (
    SqliteConversationStore,
    StateConversationStore,
    conversation_from_activity,
    open_conversations,
)
from tests.digest.samples import digest, entry
from tests.teams.harness import Conversation, message

FEED = "https://news.example.org/oncology.rss"
ITEM = FeedItem("guid-1", "https://news.example.org/1.html", "Item 1")


def host(url: str) -> StateDB:
    """Another process's view of the same state."""
    return open_state_url(url)


def test_feeds_and_items_are_shared(pg_url: str):
    assert FeedStore(host(pg_url)).add(FEED)
    assert not FeedStore(host(pg_url)).add(FEED)
    assert [f.url for f in FeedStore(host(pg_url)).feeds()] == [FEED]
    FeedStore(host(pg_url)).note_poll(FEED, "the site answered HTTP 500")
    assert FeedStore(host(pg_url)).feeds()[0].last_error == "the site answered HTTP 500"

    other = FeedItem("guid-2", "https://news.example.org/2.html", "Item 2")
    FeedStore(host(pg_url)).mark_ingested(FEED, ITEM, "article-1")
    assert FeedStore(host(pg_url)).note_failure(FEED, other, "HTTP 503") == 1
    assert FeedStore(host(pg_url)).note_failure(FEED, other, "HTTP 503") == 2
    assert FeedStore(host(pg_url)).unseen(FEED, [ITEM, other], attempts=5) == [other]
    assert FeedStore(host(pg_url)).unseen(FEED, [ITEM, other], attempts=2) == []
    assert FeedStore(host(pg_url)).remove(FEED)
    assert FeedStore(host(pg_url)).unseen(FEED, [ITEM], attempts=5) == [ITEM]


def test_an_item_is_claimed_by_one_poll_at_a_time(pg_url: str):
    polls = [FeedStore(host(pg_url)) for _ in range(6)]
    start = threading.Barrier(len(polls))
    wins: list[bool] = []

    def claim(store: FeedStore, owner: str) -> None:
        start.wait()
        wins.append(store.claim(FEED, ITEM, owner, 60, attempts=5))

    threads = [threading.Thread(target=claim, args=(p, f"poll-{i}")) for i, p in enumerate(polls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(wins) == [False] * 5 + [True]


def test_an_ingested_item_is_not_claimable_once_its_claim_is_released(pg_url: str):
    first, second = FeedStore(host(pg_url)), FeedStore(host(pg_url))
    assert first.claim(FEED, ITEM, "poll-a", 60, attempts=5)
    assert not second.claim(FEED, ITEM, "poll-b", 60, attempts=5)
    first.mark_ingested(FEED, ITEM, "article-1")
    first.release("poll-a")
    assert not second.claim(FEED, ITEM, "poll-b", 60, attempts=5), "ingested meanwhile"


def test_a_crashed_polls_claim_expires(pg_url: str):
    assert FeedStore(host(pg_url)).claim(FEED, ITEM, "crashed", 0.05, attempts=5)
    time.sleep(0.1)
    assert FeedStore(host(pg_url)).claim(FEED, ITEM, "next", 60, attempts=5)


def test_the_ledger_is_shared_and_an_article_joins_one_digest(pg_url: str):
    d1, d2 = digest(entry(1), entry(2)), digest(entry(2), entry(3))
    DigestLedger(host(pg_url)).record(d1, "slack:C1")
    with pytest.raises(DigestBusyError, match="another run got there first"):
        DigestLedger(host(pg_url)).record(d2, "slack:C1")
    assert DigestLedger(host(pg_url)).digested("slack:C1") == {"article-1", "article-2"}
    (pending,) = DigestLedger(host(pg_url)).pending("slack:C1")
    assert pending.digest == d1
    DigestLedger(host(pg_url)).note_attempt(d1.id)
    DigestLedger(host(pg_url)).mark_posted(d1.id, "1717000000.000100")
    assert DigestLedger(host(pg_url)).pending("slack:C1") == []
    (posted,) = DigestLedger(host(pg_url)).posted("slack:C1")
    assert (posted.message_id, posted.article_ids) == (
        "1717000000.000100",
        ["article-1", "article-2"],
    )
    DigestLedger(host(pg_url)).record(digest(entry(3)), "teams:19:x")  # another target


def test_the_digest_lock_has_one_holder_across_hosts_and_expires(pg_url: str):
    holder = DigestLedger(host(pg_url))
    with holder.lock("slack:C1", 60):
        with (
            pytest.raises(DigestBusyError, match="in progress"),
            DigestLedger(host(pg_url)).lock("slack:C1", 60),
        ):
            pass
        with DigestLedger(host(pg_url)).lock("slack:C2", 60):
            pass  # another target's lock is another row
    with DigestLedger(host(pg_url)).lock("slack:C1", 60):
        pass  # released
    crashed = DigestLedger(host(pg_url)).lock("slack:C1", 0.05)
    crashed.__enter__()  # and never left: the process died
    time.sleep(0.1)
    with DigestLedger(host(pg_url)).lock("slack:C1", 60):
        pass


def test_feedback_from_every_replica_in_one_table(pg_url: str):
    clicks = [
        Feedback(
            *("helpful", "ORR of ORCA-7?", "answered", "U1", "slack", "C1", "1.0001"),
            answer="ORR: 41.2% [1]",
            citations=[{"n": 1, "title": "ORCA-7", "source": "a.txt", "quote": "ORR was 41.2%."}],
        ),
        Feedback(
            *("not_helpful", "OS of X?", "not_found", "U2", "teams", "19:a", "m2"),
            comment="the quote is from another cohort",
        ),
    ]
    StateFeedbackStore(host(pg_url)).record(clicks[0])
    StateFeedbackStore(host(pg_url)).record(clicks[1])
    assert StateFeedbackStore(host(pg_url)).read() == clicks


def test_teams_conversations_are_shared(pg_url: str):
    chat = Conversation.personal()
    activity = Activity.model_validate(message("hi", chat, "https://smba.example/emea/"))
    stored = conversation_from_activity(activity, now=100.0)
    StateConversationStore(host(pg_url)).save(stored)
    renamed = conversation_from_activity(activity, now=200.0)
    StateConversationStore(host(pg_url)).save(
        type(renamed)(**{**renamed.__dict__, "name": ""})  # a nameless update keeps the name
    )
    got = StateConversationStore(host(pg_url)).get(chat.id)
    assert got is not None and got.updated_at == 200.0 and got.name == stored.name
    assert got.reference == stored.reference
    assert [c.id for c in StateConversationStore(host(pg_url)).all()] == [chat.id]
    StateConversationStore(host(pg_url)).remove(chat.id)
    assert StateConversationStore(host(pg_url)).get(chat.id) is None


def test_urls_are_shown_without_their_password():
    assert (
        redact("postgresql://bot:s3cret@db:5432/trialbot")
        == "postgresql://bot:***@db:5432/trialbot"
    )
    assert redact("postgresql://db/trialbot") == "postgresql://db/trialbot"


def test_with_a_state_url_the_surfaces_share_events_and_conversations(pg_url: str, tmp_path: Path):
    from bot.dedupe import SqliteSeenEvents, open_seen_events
    from bot.dedupe.postgres import PostgresSeenEvents

    open_state_url(pg_url)
    shared = open_seen_events("sqlite", tmp_path / "slack-seen.sqlite3", state_url=pg_url)
    assert isinstance(shared, PostgresSeenEvents) and shared.claim("event:EvS1")
    other = open_seen_events("sqlite", tmp_path / "b" / "slack-seen.sqlite3", state_url=pg_url)
    assert other.claim("event:EvS1") is False, "another replica, the same table"
    shared.close()
    other.close()  # type: ignore[attr-defined]
    alone = open_seen_events("sqlite", tmp_path / "slack-seen.sqlite3")
    assert isinstance(alone, SqliteSeenEvents)  # without the URL: the file, as before
    alone.close()

    settings = Settings()
    settings.index.dir = tmp_path / "index"
    assert isinstance(open_conversations(settings), SqliteConversationStore)
    settings.index.dir = tmp_path / "pod-index"
    settings.state = StateSettings(url=SecretStr(pg_url))
    assert isinstance(open_conversations(settings), StateConversationStore)
    assert not settings.index.dir.exists(), "nothing written beside the index"
