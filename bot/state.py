"""trialbot's own state beside the index: one SQLite file for feed subscriptions, feed items seen
and digests (pending and posted), so restarts and crashes lose nothing.

Each component (``bot.feeds.store``, ``bot.digest.ledger``) creates its own tables in it. The
file also remembers when it was created: the default start of the first digest period, so
turning digests on for an existing index does not post its whole backlog.

SQLite serialises writers across the processes of one host (WAL, busy timeout). Replicas on
several hosts must not each keep their own file: run the poll and digest from one runner (a
Kubernetes CronJob with ``concurrencyPolicy: Forbid``), or give them a shared state store.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path

from bot.settings import Settings

STATE_FILE = "trialbot-state.sqlite3"


def state_path(settings: Settings) -> Path:
    """Where the state DB of this index lives."""
    return settings.index.dir / STATE_FILE


def now_iso() -> str:
    """Now, UTC, to the second, the way the index records ``ingested_at``."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class StateDB:
    """Opens short-lived connections to the state file (safe from any thread)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self.connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('created_at', ?)", (now_iso(),)
            )

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        """A connection in autocommit mode: one statement is atomic; use ``transaction`` for
        several."""
        with closing(
            sqlite3.connect(self.path, timeout=15, isolation_level=None, check_same_thread=False)
        ) as db:
            db.row_factory = sqlite3.Row
            yield db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """Several statements as one: ``BEGIN IMMEDIATE`` takes the write lock up front, so two
        processes never both read-then-write the same rows."""
        with self.connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def created_at(self) -> str:
        with self.connect() as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()
        return str(row["value"])
