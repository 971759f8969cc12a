"""Where the bot can post later: the conversation reference of every chat and channel that talked
to it, stored on each incoming message, for proactive messages (scheduled digests).

A reference holds what the Bot Framework needs to reach a conversation again: its id, the
``serviceUrl`` of the region that hosts it, the bot's and the last user's accounts and the
tenant. A channel is stored once, under the channel's own id (a message in a channel thread
arrives as ``19:...@thread.tacv2;messageid=...``; the suffix is dropped so a digest starts a
new post instead of replying in an old thread).

``ConversationStore`` is the interface; ``SqliteConversationStore`` keeps them in a file beside
the index (survives restarts, shared by the processes of one host), ``StateConversationStore``
in a shared PostgreSQL state (``TRIALBOT_STATE_URL``: every replica and the digest job see the
same references), ``MemoryConversationStore`` in memory.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from microsoft_agents.activity import Activity, ConversationReference

from bot.infra.settings import Settings
from bot.state import StateDB, open_state

FILE = "teams-conversations.sqlite3"

Kind = str  # Teams' conversationType: "personal", "channel" or "groupChat"


@dataclass(frozen=True)
class StoredConversation:
    """A conversation the bot can post to, and when someone last wrote in it."""

    id: str
    kind: Kind
    name: str
    tenant_id: str
    reference: ConversationReference
    updated_at: float


def conversation_from_activity(activity: Activity, now: float | None = None) -> StoredConversation:
    """The conversation an incoming activity came from, ready to be stored."""
    reference = activity.get_conversation_reference()
    conversation = reference.conversation.model_copy()
    kind = conversation.conversation_type or "personal"
    if kind == "channel":
        conversation.id = conversation.id.split(";messageid=")[0]
    reference = reference.model_copy(update={"conversation": conversation, "activity_id": None})
    channel_data = activity.channel_data if isinstance(activity.channel_data, dict) else {}
    channel = channel_data.get("channel") or {}
    team = channel_data.get("team") or {}
    name = conversation.name or channel.get("name") or team.get("name") or ""
    if kind == "personal" and not name and activity.from_property:
        name = activity.from_property.name or ""
    return StoredConversation(
        id=conversation.id,
        kind=kind,
        name=str(name),
        tenant_id=conversation.tenant_id or str((channel_data.get("tenant") or {}).get("id", "")),
        reference=reference,
        updated_at=time.time() if now is None else now,
    )


class ConversationStore(Protocol):
    """The conversations the bot may post to, by conversation id."""

    def save(self, conversation: StoredConversation) -> None:
        """Insert or replace the conversation (the newest reference wins)."""
        ...

    def get(self, conversation_id: str) -> StoredConversation | None: ...

    def all(self) -> list[StoredConversation]:
        """Every stored conversation, most recently active first."""
        ...

    def remove(self, conversation_id: str) -> None:
        """Forget a conversation (the bot was uninstalled from it)."""
        ...


def open_conversations(settings: Settings, state: StateDB | None = None) -> ConversationStore:
    """The configured store: the shared PostgreSQL state (``state.url``), else the file beside
    the index. ``state`` is that state when the caller has it open already."""
    if settings.state.url:
        return StateConversationStore(state or open_state(settings))
    return SqliteConversationStore(settings.index.dir / FILE)


class MemoryConversationStore:
    """In-process memory, for one process (tests, local development)."""

    def __init__(self) -> None:
        self._items: dict[str, StoredConversation] = {}
        self._lock = threading.Lock()

    def save(self, conversation: StoredConversation) -> None:
        with self._lock:
            self._items[conversation.id] = conversation

    def get(self, conversation_id: str) -> StoredConversation | None:
        with self._lock:
            return self._items.get(conversation_id)

    def all(self) -> list[StoredConversation]:
        with self._lock:
            return sorted(self._items.values(), key=lambda c: -c.updated_at)

    def remove(self, conversation_id: str) -> None:
        with self._lock:
            self._items.pop(conversation_id, None)


class SqliteConversationStore:
    """A SQLite file beside the index; one connection per process behind a lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS conversations ("
            " id TEXT PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL,"
            " tenant_id TEXT NOT NULL, reference TEXT NOT NULL, updated_at REAL NOT NULL)"
        )
        self.close = weakref.finalize(self, self._db.close)

    def save(self, conversation: StoredConversation) -> None:
        reference = conversation.reference.model_dump_json(by_alias=True, exclude_none=True)
        with self._lock:
            self._db.execute(
                "INSERT INTO conversations (id, kind, name, tenant_id, reference, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
                "name = CASE WHEN excluded.name != '' THEN excluded.name ELSE name END, "
                "tenant_id = excluded.tenant_id, reference = excluded.reference, "
                "updated_at = excluded.updated_at",
                (
                    conversation.id,
                    conversation.kind,
                    conversation.name,
                    conversation.tenant_id,
                    reference,
                    conversation.updated_at,
                ),
            )

    def get(self, conversation_id: str) -> StoredConversation | None:
        with self._lock:
            row = self._db.execute(
                "SELECT id, kind, name, tenant_id, reference, updated_at FROM conversations "
                "WHERE id = ?",
                (conversation_id,),
            ).fetchone()
        return _row(row) if row else None

    def all(self) -> list[StoredConversation]:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, kind, name, tenant_id, reference, updated_at FROM conversations "
                "ORDER BY updated_at DESC"
            ).fetchall()
        return [_row(r) for r in rows]

    def remove(self, conversation_id: str) -> None:
        with self._lock:
            self._db.execute("DELETE FROM conversations WHERE id = ?", (conversation_id,))


class StateConversationStore:
    """The ``teams_conversations`` table of a shared (PostgreSQL) state."""

    def __init__(self, state: StateDB) -> None:
        self.state = state

    def save(self, conversation: StoredConversation) -> None:
        reference = conversation.reference.model_dump_json(by_alias=True, exclude_none=True)
        with self.state.connect() as db:
            db.execute(
                "INSERT INTO teams_conversations (id, kind, name, tenant_id, reference, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "kind = excluded.kind, name = CASE WHEN excluded.name != '' THEN excluded.name "
                "ELSE teams_conversations.name END, tenant_id = excluded.tenant_id, "
                "reference = excluded.reference, updated_at = excluded.updated_at",
                (
                    conversation.id,
                    conversation.kind,
                    conversation.name,
                    conversation.tenant_id,
                    reference,
                    conversation.updated_at,
                ),
            )

    def get(self, conversation_id: str) -> StoredConversation | None:
        with self.state.connect() as db:
            row = db.execute(
                "SELECT id, kind, name, tenant_id, reference, updated_at "
                "FROM teams_conversations WHERE id = ?",
                (conversation_id,),
            ).fetchone()
        return _named_row(row) if row else None

    def all(self) -> list[StoredConversation]:
        with self.state.connect() as db:
            rows = db.execute(
                "SELECT id, kind, name, tenant_id, reference, updated_at "
                "FROM teams_conversations ORDER BY updated_at DESC"
            ).fetchall()
        return [_named_row(r) for r in rows]

    def remove(self, conversation_id: str) -> None:
        with self.state.connect() as db:
            db.execute("DELETE FROM teams_conversations WHERE id = ?", (conversation_id,))


def _named_row(row: Any) -> StoredConversation:
    columns = ("id", "kind", "name", "tenant_id", "reference", "updated_at")
    return _row(tuple(row[c] for c in columns))  # type: ignore[arg-type]


def _row(row: tuple[str, str, str, str, str, float]) -> StoredConversation:
    id_, kind, name, tenant_id, reference, updated_at = row
    return StoredConversation(
        id=id_,
        kind=kind,
        name=name,
        tenant_id=tenant_id,
        reference=ConversationReference.model_validate(json.loads(reference)),
        updated_at=updated_at,
    )
