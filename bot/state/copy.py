"""``trialbot state copy``: move a single-host install's state into a shared PostgreSQL state.

Copies, in one transaction (all or nothing), every row of the SQLite state file (feeds, items
seen and their attempts, digests pending and posted with their articles, the creation time that
starts the first digest period) and of the files beside it (Teams conversation references, the
Slack feedback log, handled Slack events and Teams activities). Locks and claims are not
copied: they belong to runs of the old install. The target must hold no state yet, so a copy
never mixes two installs' ledgers; the source is only read.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from bot.infra.errors import StateError
from bot.state.db import Connection, StateDB

# (source table, target table, columns) of the state file, in an order the foreign keys accept
STATE_TABLES = (
    ("feeds", "feeds", ("url", "added_at", "last_polled_at", "last_error")),
    (
        "feed_items",
        "feed_items",
        (
            "feed_url",
            "key",
            "link",
            "title",
            "status",
            "attempts",
            "article_id",
            "last_error",
            "updated_at",
        ),
    ),
    (
        "digests",
        "digests",
        (
            "id",
            "target",
            "status",
            "payload",
            "created_at",
            "attempts",
            "first_attempt_at",
            "last_error",
            "posted_at",
            "message_id",
        ),
    ),
    ("digest_articles", "digest_articles", ("target", "article_id", "digest_id")),
)
CONVERSATIONS = ("id", "kind", "name", "tenant_id", "reference", "updated_at")
# the files of an index directory beside the state file
CONVERSATIONS_FILE = "teams-conversations.sqlite3"
FEEDBACK_FILE = "slack-feedback.jsonl"
SEEN_FILES = ("slack-seen.sqlite3", "teams-seen.sqlite3")
# a target holding rows in any of these already has a state of its own
OWNED = ("feeds", "feed_items", "digests", "feedback", "teams_conversations")


def copy_state(source: Path, target: StateDB) -> dict[str, int]:
    """Copy the SQLite state ``source`` (and the files beside it) into ``target``; returns the
    rows copied per target table."""
    if target.dialect != "postgres":
        raise StateError("state copy writes into a PostgreSQL state: --to postgresql://...")
    if not source.is_file():
        raise StateError(f"no state file at {source}")
    copied: dict[str, int] = {}
    with target.transaction() as db:
        busy = [t for t in OWNED if db.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone()]
        if busy:
            raise StateError(
                f"{target.describe()} already holds state ({', '.join(busy)}); state copy only "
                "fills a new, empty state"
            )
        with _read_only(source) as src:
            tables = _tables(src)
            for table, into, columns in STATE_TABLES:
                copied[into] = 0
                if table in tables:
                    order = " ORDER BY rowid" if table == "digests" else ""
                    query = f"SELECT {', '.join(columns)} FROM {table}{order}"
                    copied[into] = _insert(db, into, columns, src.execute(query).fetchall())
            created = (
                src.execute("SELECT value FROM meta WHERE key = 'created_at'").fetchone()
                if "meta" in tables
                else None
            )
            if created:
                db.execute("UPDATE meta SET value = ? WHERE key = 'created_at'", (created[0],))
        copied["teams_conversations"] = _copy_conversations(db, source.parent / CONVERSATIONS_FILE)
        copied["feedback"] = _copy_feedback(db, source.parent / FEEDBACK_FILE)
        copied["trialbot_seen"] = sum(_copy_seen(db, source.parent / f) for f in SEEN_FILES)
    return copied


@contextmanager
def _read_only(path: Path) -> Iterator[sqlite3.Connection]:
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=15)
    except sqlite3.Error as exc:
        raise StateError(f"cannot read {path}: {exc}") from exc
    with closing(connection):
        try:
            yield connection
        except sqlite3.DatabaseError as exc:
            raise StateError(f"cannot read {path}: {exc}") from exc


def _tables(src: sqlite3.Connection) -> set[str]:
    return {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _insert(db: Connection, table: str, columns: tuple[str, ...], rows: list[tuple]) -> int:  # type: ignore[type-arg]
    if rows:
        marks = ", ".join("?" for _ in columns)
        db.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
    return len(rows)


def _copy_conversations(db: Connection, path: Path) -> int:
    if not path.is_file():
        return 0
    with _read_only(path) as src:
        if "conversations" not in _tables(src):
            return 0
        rows = src.execute(f"SELECT {', '.join(CONVERSATIONS)} FROM conversations").fetchall()
    return _insert(db, "teams_conversations", CONVERSATIONS, rows)


def _copy_feedback(db: Connection, path: Path) -> int:
    if not path.is_file():
        return 0
    columns = (
        *("rating", "question", "status", "user", "surface", "conversation", "message", "at"),
        "answer",
        "comment",
    )
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            cited = json.dumps(item.get("citations") or [], ensure_ascii=False)
            rows.append((*(str(item.get(c, "")) for c in columns), cited))
        except (json.JSONDecodeError, AttributeError) as exc:
            raise StateError(f"{path}, line {number}: not a feedback record ({exc})") from exc
    target = (*columns[:3], "user_id", *columns[4:], "citations")
    return _insert(db, "feedback", target, rows)


def _copy_seen(db: Connection, path: Path) -> int:
    if not path.is_file():
        return 0
    with _read_only(path) as src:
        if "seen" not in _tables(src):
            return 0
        rows = src.execute("SELECT key, at FROM seen").fetchall()
    for key, at in rows:  # the replicas may have claimed some already: theirs stand
        db.execute(
            "INSERT INTO trialbot_seen (key, at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
            (key, at),
        )
    return len(rows)
