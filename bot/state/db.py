"""The state store interface: connections to one SQL database, whatever its engine.

The stores over it (``FeedStore``, ``DigestLedger``, ``StateFeedbackStore``,
``StateConversationStore``) write their SQL once, in the subset both engines share: ``?``
placeholders, ``INSERT ... ON CONFLICT``, ``RETURNING``; rows are read by column name. What
differs (types, the column that keeps insertion order) lives in the implementations and in
``bot.state.schema``.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Any, Literal, Protocol

Dialect = Literal["sqlite", "postgres"]


def now_iso() -> str:
    """Now, UTC, to the second, the way the index records ``ingested_at``."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Row(Protocol):
    def __getitem__(self, key: str, /) -> Any: ...


class Cursor(Protocol):
    """What a statement returns: its rows and how many rows it changed."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Connection(Protocol):
    """A connection of either engine, with ``?`` placeholders."""

    def execute(self, sql: str, parameters: Sequence[Any] = ..., /) -> Any: ...

    def executemany(self, sql: str, parameters: Any, /) -> Any: ...


class StateDB(ABC):
    """One state database. Connections are short-lived and safe from any thread; every
    statement outside ``transaction`` is committed on its own."""

    dialect: Dialect
    # the column giving a table's rows in insertion order (SQLite's rowid, a sequence column)
    insertion_order: str

    @abstractmethod
    def connect(self) -> AbstractContextManager[Connection]:
        """A connection in autocommit mode: one statement is atomic."""

    @abstractmethod
    def transaction(self) -> AbstractContextManager[Connection]:
        """Several statements as one, all or nothing. A unique key broken inside raises
        StateConflictError (after the rollback)."""

    @abstractmethod
    def describe(self) -> str:
        """Where the state is, for messages (a URL without its password)."""

    def schema_version(self) -> int:
        with self.connect() as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row["value"]) if row else 0

    def created_at(self) -> str:
        """When this state was created: the start of the first digest period."""
        with self.connect() as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()
        return str(row["value"])
