"""The state in PostgreSQL (``TRIALBOT_STATE_URL``): one database shared by every replica and job
on every host. Needs the ``postgres`` extra (psycopg 3).

Every claim is one row written in one statement (``INSERT ... ON CONFLICT DO UPDATE ... WHERE``),
which PostgreSQL makes atomic across connections: of two digest runs on two nodes, one takes a
target's lock row; of two polls, one claims an item; a claim or lock carries an expiry, so one
held by a crashed process is taken over once it expires. Connections are opened per use: the
jobs are short and the bot writes rarely (a feedback click, a Teams conversation).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from bot.infra.errors import ConfigError, StateConflictError, StateError
from bot.state.db import StateDB
from bot.state.schema import latest, migrate

# taken by ``migrate`` for the length of its transaction: processes starting together migrate once
SCHEMA_LOCK = "SELECT pg_advisory_xact_lock(hashtext('trialbot-state-schema'))"


def redact(url: str) -> str:
    """``url`` without its password, for messages."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)
    user = netloc[0].split(":", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc[1]}"))


class PostgresConnection:
    """A psycopg connection taking the ``?`` placeholders the stores write."""

    def __init__(self, connection: Any) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Any:
        return self._connection.execute(_placeholders(sql), parameters)

    def executemany(self, sql: str, parameters: Any) -> Any:
        cursor = self._connection.cursor()
        cursor.executemany(_placeholders(sql), parameters)
        return cursor


class PostgresStateDB(StateDB):
    """A PostgreSQL database, migrated to the latest schema when opened."""

    dialect = "postgres"
    insertion_order = "seq"

    def __init__(self, url: str, *, connect_timeout_s: int = 5, migrate_now: bool = True) -> None:
        try:
            import psycopg
            from psycopg.rows import dict_row
        except ImportError as exc:
            raise ConfigError(
                "a PostgreSQL state (TRIALBOT_STATE_URL) needs psycopg: "
                "pip install 'trialbot[postgres]'"
            ) from exc
        self._psycopg = psycopg
        self._dict_row = dict_row
        self.url = url
        self.connect_timeout_s = connect_timeout_s
        if migrate_now and self._current_version() != latest(self.dialect):
            migrate(self, SCHEMA_LOCK)

    def describe(self) -> str:
        return redact(self.url)

    @contextmanager
    def connect(self) -> Iterator[PostgresConnection]:
        with self._open() as connection:
            yield PostgresConnection(connection)

    @contextmanager
    def transaction(self) -> Iterator[PostgresConnection]:
        with self._open() as connection:
            try:
                with connection.transaction():
                    yield PostgresConnection(connection)
            except self._psycopg.errors.IntegrityError as exc:
                raise StateConflictError(str(exc).splitlines()[0]) from exc

    @contextmanager
    def _open(self) -> Iterator[Any]:
        try:
            connection = self._psycopg.connect(
                self.url,
                autocommit=True,
                connect_timeout=self.connect_timeout_s,
                row_factory=self._dict_row,
            )
        except self._psycopg.Error as exc:
            # psycopg's message names host and database, never the password
            raise StateError(f"cannot reach the state database {self.describe()}: {exc}") from exc
        with connection:
            yield connection

    def _current_version(self) -> int:
        try:
            return self.schema_version()
        except self._psycopg.errors.UndefinedTable:  # a new database
            return 0


def _placeholders(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")
