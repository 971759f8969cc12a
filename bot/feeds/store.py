"""Feed subscriptions and the items already ingested, in the state DB beside the index.

An item is recorded as ingested only after its article is in the index, so an item whose page
or ingest failed is tried again by the next poll (up to ``attempts`` polls, then given up).
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.errors import FeedError
from bot.feeds.fetch import FeedItem
from bot.fetch import url_problem
from bot.state import StateDB, now_iso

_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS feeds (
        url TEXT PRIMARY KEY,
        added_at TEXT NOT NULL,
        last_polled_at TEXT,
        last_error TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS feed_items (
        feed_url TEXT NOT NULL,
        key TEXT NOT NULL,
        link TEXT NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ingested', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        article_id TEXT,
        last_error TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (feed_url, key)
    )""",
)


@dataclass(frozen=True)
class Feed:
    """A subscription and how its last poll went (``last_error`` empty = it worked)."""

    url: str
    added_at: str
    last_polled_at: str
    last_error: str


class FeedStore:
    """The subscriptions and their items, persisted in the state DB."""

    def __init__(self, state: StateDB) -> None:
        self.state = state
        with state.connect() as db:
            for statement in _SCHEMA:
                db.execute(statement)

    def add(self, url: str) -> bool:
        """Subscribe to ``url``; False when it already was. A URL that cannot be fetched as
        written (not http(s), malformed host) raises FeedError."""
        url = url.strip()
        problem = url_problem(url)
        if problem:
            raise FeedError(url, problem)
        with self.state.connect() as db:
            added = db.execute(
                "INSERT OR IGNORE INTO feeds (url, added_at) VALUES (?, ?)", (url, now_iso())
            ).rowcount
        return added == 1

    def remove(self, url: str) -> bool:
        """Unsubscribe from ``url`` and forget its items; False when it was not subscribed."""
        with self.state.transaction() as db:
            removed = db.execute("DELETE FROM feeds WHERE url = ?", (url.strip(),)).rowcount
            db.execute("DELETE FROM feed_items WHERE feed_url = ?", (url.strip(),))
        return removed == 1

    def feeds(self) -> list[Feed]:
        with self.state.connect() as db:
            rows = db.execute("SELECT * FROM feeds ORDER BY added_at, url").fetchall()
        return [
            Feed(r["url"], r["added_at"], r["last_polled_at"] or "", r["last_error"] or "")
            for r in rows
        ]

    def note_poll(self, url: str, error: str = "") -> None:
        """Remember when ``url`` was polled and why it failed (empty = it worked)."""
        with self.state.connect() as db:
            db.execute(
                "UPDATE feeds SET last_polled_at = ?, last_error = ? WHERE url = ?",
                (now_iso(), error or None, url),
            )

    def unseen(self, feed_url: str, items: list[FeedItem], attempts: int) -> list[FeedItem]:
        """The items not ingested yet and not given up (failed fewer than ``attempts`` times)."""
        with self.state.connect() as db:
            rows = db.execute(
                "SELECT key, status, attempts FROM feed_items WHERE feed_url = ?", (feed_url,)
            ).fetchall()
        done = {r["key"] for r in rows if r["status"] == "ingested" or r["attempts"] >= attempts}
        return [i for i in items if i.key not in done]

    def mark_ingested(self, feed_url: str, item: FeedItem, article_id: str) -> None:
        with self.state.connect() as db:
            db.execute(
                "INSERT INTO feed_items "
                "(feed_url, key, link, title, status, attempts, article_id, updated_at) "
                "VALUES (?, ?, ?, ?, 'ingested', 1, ?, ?) "
                "ON CONFLICT (feed_url, key) DO UPDATE SET status = 'ingested', "
                "attempts = feed_items.attempts + 1, article_id = excluded.article_id, "
                "last_error = NULL, updated_at = excluded.updated_at",
                (feed_url, item.key, item.link, item.title, article_id, now_iso()),
            )

    def note_failure(self, feed_url: str, item: FeedItem, error: str) -> int:
        """Count a failed attempt at ``item``; returns the attempts so far."""
        with self.state.connect() as db:
            row = db.execute(
                "INSERT INTO feed_items "
                "(feed_url, key, link, title, status, attempts, last_error, updated_at) "
                "VALUES (?, ?, ?, ?, 'failed', 1, ?, ?) "
                "ON CONFLICT (feed_url, key) DO UPDATE SET "
                "attempts = feed_items.attempts + 1, last_error = excluded.last_error, "
                "updated_at = excluded.updated_at "
                "RETURNING attempts",
                (feed_url, item.key, item.link, item.title, error, now_iso()),
            ).fetchall()  # stepped to the end, so the statement (and its commit) completes
        return int(row[0]["attempts"])
