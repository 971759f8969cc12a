"""The digest ledger: which articles went into which digest, for each target, in the state
(``bot.state``: a SQLite file beside the index, or PostgreSQL shared by a cluster).

How every article ends up in exactly one posted digest per target:

- ``digest_articles`` has one row per (target, article): the primary key makes it impossible
  for an article to join two digests of the same target, whoever writes.
- A digest is recorded *pending*, with its articles and its rendered content (JSON), before
  it is posted; it becomes *posted* (with the message id) only after the surface took it. A
  pending digest is posted again by the next run, as it was built: not lost, same articles.
- Each attempt is counted before it is made. A pending digest with an attempt behind it may
  have reached the channel (crash after the post, before the mark): the runner asks the poster
  to look for it (``PostLookup``) before posting again.
- ``lock`` is a lock row with an expiry, taken in one ``INSERT ... ON CONFLICT DO UPDATE ...
  WHERE`` statement (atomic in SQLite and in PostgreSQL, whichever host runs it): two runs for
  the same target never overlap; a crashed run's lock expires after ``ttl_s``.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from bot.digest.models import Digest
from bot.infra.errors import DigestBusyError, StateConflictError
from bot.state import StateDB, now_iso


@dataclass(frozen=True)
class PendingDigest:
    """A recorded digest not yet known to be posted; ``attempts`` posts were tried."""

    digest: Digest
    target: str
    attempts: int
    first_attempt_at: str
    last_error: str


@dataclass(frozen=True)
class PostedDigest:
    id: str
    target: str
    created_at: str
    posted_at: str
    message_id: str
    article_ids: list[str]


class DigestLedger:
    """Digest state of every target, in the state DB."""

    def __init__(self, state: StateDB) -> None:
        self.state = state

    def baseline(self) -> str:
        """Where the first digest period starts: when the state DB was created."""
        return self.state.created_at()

    def period_start(self, target: str) -> str:
        """When the current period began: the last recorded digest of ``target``, else the
        baseline (for display; which articles are new is decided by ``digested``)."""
        with self.state.connect() as db:
            row = db.execute(
                "SELECT MAX(created_at) AS at FROM digests WHERE target = ?", (target,)
            ).fetchone()
        return str(row["at"]) if row["at"] else self.baseline()

    def digested(self, target: str) -> set[str]:
        """Articles already in a digest (pending or posted) for ``target``."""
        with self.state.connect() as db:
            rows = db.execute(
                "SELECT article_id FROM digest_articles WHERE target = ?", (target,)
            ).fetchall()
        return {r["article_id"] for r in rows}

    def pending(self, target: str) -> list[PendingDigest]:
        """Digests of ``target`` recorded but not known to be posted, oldest first."""
        with self.state.connect() as db:
            rows = db.execute(
                "SELECT * FROM digests WHERE target = ? AND status = 'pending' "
                f"ORDER BY created_at, {self.state.insertion_order}",
                (target,),
            ).fetchall()
        return [
            PendingDigest(
                Digest.from_json(r["payload"]),
                target,
                r["attempts"],
                r["first_attempt_at"] or "",
                r["last_error"] or "",
            )
            for r in rows
        ]

    def posted(self, target: str) -> list[PostedDigest]:
        """Digests of ``target`` delivered, oldest first."""
        with self.state.connect() as db:
            rows = db.execute(
                "SELECT id, created_at, posted_at, message_id FROM digests "
                "WHERE target = ? AND status = 'posted' "
                f"ORDER BY created_at, {self.state.insertion_order}",
                (target,),
            ).fetchall()
            articles: dict[str, list[str]] = {}
            for a in db.execute(
                "SELECT a.digest_id, a.article_id FROM digest_articles a "
                "JOIN digests d ON d.id = a.digest_id WHERE d.target = ? AND d.status = 'posted'",
                (target,),
            ).fetchall():
                articles.setdefault(a["digest_id"], []).append(a["article_id"])
        return [
            PostedDigest(
                r["id"],
                target,
                r["created_at"],
                r["posted_at"],
                r["message_id"] or "",
                sorted(articles.get(r["id"], [])),
            )
            for r in rows
        ]

    def record(self, digest: Digest, target: str) -> None:
        """Record ``digest`` as pending for ``target`` with its articles, in one transaction.
        Raises DigestBusyError when one of them is already in another digest of ``target``."""
        try:
            with self.state.transaction() as db:
                db.execute(
                    "INSERT INTO digests (id, target, status, payload, created_at) "
                    "VALUES (?, ?, 'pending', ?, ?)",
                    (digest.id, target, digest.to_json(), digest.created_at),
                )
                db.executemany(
                    "INSERT INTO digest_articles (target, article_id, digest_id) VALUES (?, ?, ?)",
                    [(target, e.article_id, digest.id) for e in digest.entries],
                )
        except StateConflictError as exc:
            raise DigestBusyError(
                f"an article of this digest is already in another digest for {target}; "
                "another run got there first"
            ) from exc

    def note_attempt(self, digest_id: str) -> None:
        """Count a post attempt, before it is made."""
        with self.state.connect() as db:
            db.execute(
                "UPDATE digests SET attempts = attempts + 1, "
                "first_attempt_at = COALESCE(first_attempt_at, ?) WHERE id = ?",
                (now_iso(), digest_id),
            )

    def note_failure(self, digest_id: str, error: str) -> None:
        with self.state.connect() as db:
            db.execute("UPDATE digests SET last_error = ? WHERE id = ?", (error, digest_id))

    def mark_posted(self, digest_id: str, message_id: str | None) -> None:
        with self.state.connect() as db:
            db.execute(
                "UPDATE digests SET status = 'posted', posted_at = ?, message_id = ?, "
                "last_error = NULL WHERE id = ?",
                (now_iso(), message_id, digest_id),
            )

    @contextmanager
    def lock(self, target: str, ttl_s: float) -> Iterator[DigestLock]:
        """Hold the digest lock of ``target``; DigestBusyError when another run holds it."""
        held = DigestLock(self.state, f"digest:{target}", ttl_s)
        if not held.acquire():
            raise DigestBusyError(
                f"another digest run for {target} is in progress; this one posts nothing"
            )
        try:
            yield held
        finally:
            held.release()


class DigestLock:
    """A lock row with an expiry: taken in one statement, so atomic across processes."""

    def __init__(self, state: StateDB, name: str, ttl_s: float) -> None:
        self.state = state
        self.name = name
        self.ttl_s = ttl_s
        self.owner = uuid.uuid4().hex

    def acquire(self) -> bool:
        """Take the lock if it is free or expired (this also renews a lock we hold)."""
        now = time.time()
        with self.state.connect() as db:
            changed = db.execute(
                "INSERT INTO locks (name, owner, expires_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, "
                "expires_at = excluded.expires_at "
                "WHERE locks.expires_at < ? OR locks.owner = excluded.owner",
                (self.name, self.owner, now + self.ttl_s, now),
            ).rowcount
        return changed == 1

    def renew(self) -> None:
        """Extend the lock before a post; DigestBusyError if it expired and another run took
        it (the run is then too slow for ``digest.lock_ttl_s``)."""
        if not self.acquire():
            raise DigestBusyError(
                f"the digest lock {self.name} expired and another run took it; "
                "raise TRIALBOT_DIGEST_LOCK_TTL_S"
            )

    def release(self) -> None:
        with self.state.connect() as db:
            db.execute("DELETE FROM locks WHERE name = ? AND owner = ?", (self.name, self.owner))
