"""The state in a SQLite file beside the index: the default, for one host.

SQLite serialises the writers of the processes of one host (WAL, busy timeout, ``BEGIN
IMMEDIATE`` for transactions). It is not safe on network storage nor shared across hosts:
several hosts share a PostgreSQL state instead (``bot.state.postgres``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from bot.infra.errors import StateConflictError
from bot.state.db import StateDB
from bot.state.schema import latest, migrate


class SqliteStateDB(StateDB):
    """Opens short-lived connections to the state file (safe from any thread); migrates the
    file to the latest schema when opened."""

    dialect = "sqlite"
    insertion_order = "rowid"

    def __init__(self, path: Path, *, migrate_now: bool = True) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self.connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
        if migrate_now and self._current_version() != latest(self.dialect):
            migrate(self)

    def describe(self) -> str:
        return f"sqlite:{self.path}"

    @contextmanager
    def connect(self) -> Iterator[sqlite3.Connection]:
        with closing(
            sqlite3.connect(self.path, timeout=15, isolation_level=None, check_same_thread=False)
        ) as db:
            db.row_factory = sqlite3.Row
            yield db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """``BEGIN IMMEDIATE`` takes the write lock up front, so two processes never both
        read-then-write the same rows."""
        with self.connect() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except sqlite3.IntegrityError as exc:
                db.execute("ROLLBACK")
                raise StateConflictError(str(exc)) from exc
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _current_version(self) -> int:
        try:
            return self.schema_version()
        except sqlite3.OperationalError:  # no meta table yet: a new file
            return 0
