"""Feed subscriptions and the items already ingested, in the state (``bot.state``).

An item is recorded as ingested only after its article is in the index, so an item whose page
or ingest failed is tried again by the next poll (up to ``attempts`` polls, then given up).

Polls running at the same time (two hosts sharing a PostgreSQL state) never both take an item:
a poll ``claim``s each item before fetching it, and a claim is one row with an expiry, taken in
one statement. An item ingested while another poll waited is not claimable any more.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from bot.feeds.fetch import FeedItem
from bot.infra.errors import FeedError
from bot.infra.fetch import url_problem
from bot.state import StateDB, now_iso


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

    def add(self, url: str) -> bool:
        """Subscribe to ``url``; False when it already was. A URL that cannot be fetched as
        written (not http(s), malformed host) raises FeedError."""
        url = url.strip()
        problem = url_problem(url)
        if problem:
            raise FeedError(url, problem)
        with self.state.connect() as db:
            added = db.execute(
                "INSERT INTO feeds (url, added_at) VALUES (?, ?) ON CONFLICT (url) DO NOTHING",
                (url, now_iso()),
            ).rowcount
        return added == 1

    def remove(self, url: str) -> bool:
        """Unsubscribe from ``url`` and forget its items; False when it was not subscribed."""
        with self.state.transaction() as db:
            removed = db.execute("DELETE FROM feeds WHERE url = ?", (url.strip(),)).rowcount
            db.execute("DELETE FROM feed_items WHERE feed_url = ?", (url.strip(),))
            db.execute("DELETE FROM feed_item_claims WHERE feed_url = ?", (url.strip(),))
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

    def claim(self, feed_url: str, item: FeedItem, owner: str, ttl_s: float, attempts: int) -> bool:
        """Claim ``item`` for the poll ``owner`` for ``ttl_s`` seconds; False when another poll
        holds it, or it was ingested or given up (``attempts``) since ``unseen`` said it was
        not. The claim is written before the item is read, so whichever poll marks it ingested
        first, the other sees it."""
        now = time.time()
        with self.state.connect() as db:
            taken = db.execute(
                "INSERT INTO feed_item_claims (feed_url, key, owner, expires_at) "
                "VALUES (?, ?, ?, ?) ON CONFLICT (feed_url, key) DO UPDATE SET "
                "owner = excluded.owner, expires_at = excluded.expires_at "
                "WHERE feed_item_claims.expires_at < ? "
                "OR feed_item_claims.owner = excluded.owner",
                (feed_url, item.key, owner, now + ttl_s, now),
            ).rowcount
            if taken != 1:
                return False
            row = db.execute(
                "SELECT status, attempts FROM feed_items WHERE feed_url = ? AND key = ?",
                (feed_url, item.key),
            ).fetchone()
            if row is None or (row["status"] != "ingested" and row["attempts"] < attempts):
                return True
            db.execute(
                "DELETE FROM feed_item_claims WHERE feed_url = ? AND key = ? AND owner = ?",
                (feed_url, item.key, owner),
            )
        return False

    def release(self, owner: str) -> None:
        """Drop every claim of the poll ``owner`` (its items are marked by now)."""
        with self.state.connect() as db:
            db.execute("DELETE FROM feed_item_claims WHERE owner = ?", (owner,))
