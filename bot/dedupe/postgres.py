"""``SeenEvents`` in PostgreSQL: one table shared by every replica on every host.

Replicas behind a load balancer each get some of a chat platform's deliveries: a Slack retry,
or the ``message`` twin of an ``app_mention``, may reach another replica than the first
delivery. Sticky routing cannot help (a retry is a new request, with nothing to route it by),
so the claim must be shared. ``claim`` is a single ``INSERT ... ON CONFLICT DO UPDATE ...
WHERE`` statement, which PostgreSQL makes atomic across connections: of several replicas
claiming one key at once, exactly one wins, and a key past its TTL can be claimed again.

If the database cannot be reached, ``claim`` lets the delivery through (logged): answering a
question twice is better than never answering it. Needs the ``postgres`` extra (psycopg 3).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import weakref
from typing import Any

from bot.dedupe.seen import DAY
from bot.infra.errors import ConfigError

log = logging.getLogger(__name__)

TABLE = "trialbot_seen"
CLAIM = (
    f"INSERT INTO {TABLE} (key, at) VALUES (%s, %s) "
    f"ON CONFLICT (key) DO UPDATE SET at = excluded.at WHERE {TABLE}.at < %s"
)


class PostgresSeenEvents:
    """A PostgreSQL table of claimed keys. One connection per process, behind a lock."""

    def __init__(self, url: str, ttl_s: float = DAY, connect_timeout_s: int = 2) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise ConfigError(
                "the postgres dedupe backend needs psycopg: pip install 'trialbot[postgres]'"
            ) from exc
        self._psycopg = psycopg
        self._url = url
        self._connect_timeout_s = connect_timeout_s
        self.ttl_s = ttl_s
        self._claims = 0
        self._lock = threading.Lock()
        # one slot holding the current connection, so that a finalizer closes whichever it is
        self._slot: list[Any] = []
        self.close = weakref.finalize(self, _close_all, self._slot)  # when dropped, or close()
        try:
            self._slot.append(self._connect())
            self._create_table()
        except psycopg.Error as exc:
            self.close()
            # the message names host and database, never the password
            raise ConfigError(f"cannot use the dedupe database: {exc}") from exc

    @property
    def _db(self) -> Any:
        return self._slot[0]

    def _connect(self) -> Any:
        return self._psycopg.connect(
            self._url, autocommit=True, connect_timeout=self._connect_timeout_s
        )

    def _create_table(self) -> None:
        # UniqueViolation: another replica created it at the same moment
        with contextlib.suppress(self._psycopg.errors.UniqueViolation):
            self._db.execute(
                f"CREATE TABLE IF NOT EXISTS {TABLE} "
                "(key TEXT PRIMARY KEY, at DOUBLE PRECISION NOT NULL)"
            )

    def claim(self, key: str) -> bool:
        now = time.time()
        with self._lock:
            try:
                return self._claim(key, now)
            except self._psycopg.OperationalError:
                self._db.close()  # a dropped connection (database restart): reopen it once
            try:
                return self._claim(key, now)
            except self._psycopg.OperationalError as exc:
                self._db.close()
                log.warning("dedupe database unreachable, handling %s anyway: %s", key, exc)
                return True

    def _claim(self, key: str, now: float) -> bool:
        if self._db.closed:
            self._slot[:] = [self._connect()]
        changed = self._db.execute(CLAIM, (key, now, now - self.ttl_s)).rowcount
        self._claims += 1
        if self._claims % 1000 == 0:
            self._db.execute(f"DELETE FROM {TABLE} WHERE at < %s", (now - self.ttl_s,))
        return bool(changed == 1)


def _close_all(slot: list[Any]) -> None:
    for connection in slot:
        connection.close()
