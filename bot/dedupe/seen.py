"""The ``SeenEvents`` interface and its stores of one host: ``MemorySeenEvents`` (one process)
and ``SqliteSeenEvents`` (a file beside the index, shared by the processes of the host)."""

from __future__ import annotations

import sqlite3
import threading
import time
import weakref
from pathlib import Path
from typing import Protocol

DAY = 24 * 3600.0


class SeenEvents(Protocol):
    """Remembers keys for ``ttl_s`` seconds; ``claim`` is atomic across its users."""

    def claim(self, key: str) -> bool:
        """True the first time ``key`` is claimed (within the TTL), False ever after."""
        ...


class MemorySeenEvents:
    """In-process memory, for one process."""

    def __init__(self, ttl_s: float = DAY) -> None:
        self.ttl_s = ttl_s
        self._seen: dict[str, float] = {}
        self._lock = threading.Lock()

    def claim(self, key: str) -> bool:
        now = time.monotonic()
        with self._lock:
            if len(self._seen) > 10_000:
                self._seen = {k: t for k, t in self._seen.items() if now - t < self.ttl_s}
            at = self._seen.get(key)
            if at is not None and now - at < self.ttl_s:
                return False
            self._seen[key] = now
            return True


class SqliteSeenEvents:
    """A SQLite file: survives restarts, shared by every process on the host.

    One connection per process behind a lock: threads of a process never wait in SQLite's busy
    handler (which sleeps in steps of up to 100 ms), only processes do, rarely.
    """

    def __init__(self, path: Path, ttl_s: float = DAY) -> None:
        self.path = path
        self.ttl_s = ttl_s
        self._claims = 0
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        # a lost claim on power failure costs at most one duplicate answer; no fsync per event
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS seen (key TEXT PRIMARY KEY, at REAL NOT NULL)")
        self.close = weakref.finalize(self, self._db.close)  # closed when dropped, or by close()

    def claim(self, key: str) -> bool:
        now = time.time()
        with self._lock:
            # one statement, so atomic across processes: insert, or take over an expired key
            changed = self._db.execute(
                "INSERT INTO seen (key, at) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET at = excluded.at WHERE seen.at < ?",
                (key, now, now - self.ttl_s),
            ).rowcount
            self._claims += 1
            if self._claims % 1000 == 0:
                self._db.execute("DELETE FROM seen WHERE at < ?", (now - self.ttl_s,))
        return changed == 1
