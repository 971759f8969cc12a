"""What a person is viewing in Slack while they talk to trialbot, as Slack reports it: the
channel of an assistant thread's context (``assistant_thread_started``,
``assistant_thread_context_changed``, the assistant view) and the ordered entities of the agent
view (``app_context_changed``).

Kept in memory, the latest per thread and per person, bounded: a context is a hint Slack sends
again whenever it changes, never needed to answer, so a replica that did not see it loses
nothing but the hint.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

MAX_CONTEXTS = 10_000
CHANNEL_ENTITY = "slack#/types/channel_id"


@dataclass(frozen=True)
class ViewContext:
    """The channel (and its workspace) the person is viewing; ``entities``: the agent view's
    ordered entities as Slack sent them."""

    channel_id: str | None
    team_id: str | None = None
    enterprise_id: str | None = None
    entities: tuple[dict[str, Any], ...] = ()
    at: float = field(default_factory=time.time)

    @classmethod
    def of_assistant_thread(cls, context: dict[str, Any]) -> ViewContext:
        """From an ``assistant_thread.context`` (channel_id, team_id, enterprise_id)."""
        return cls(context.get("channel_id"), context.get("team_id"), context.get("enterprise_id"))

    @classmethod
    def of_app_context(cls, context: dict[str, Any]) -> ViewContext:
        """From ``app_context_changed``'s context: entities by relevance, the first channel."""
        entities = tuple(e for e in context.get("entities") or [] if isinstance(e, dict))
        channel = next((e for e in entities if e.get("type") == CHANNEL_ENTITY), {})
        return cls(channel.get("value"), channel.get("team_id"), entities=entities)


class ViewContexts:
    """The latest context of each assistant thread and of each person (least recent dropped
    past ``max_items``); safe across the listener threads."""

    def __init__(self, max_items: int = MAX_CONTEXTS) -> None:
        self.max_items = max_items
        self._items: OrderedDict[tuple[str, ...], ViewContext] = OrderedDict()
        self._lock = threading.Lock()

    def save_thread(self, channel: str, thread_ts: str, context: ViewContext) -> None:
        self._save(("thread", channel, thread_ts), context)

    def save_person(self, user: str, context: ViewContext) -> None:
        self._save(("person", user), context)

    def of_thread(self, channel: str, thread_ts: str) -> ViewContext | None:
        return self._get(("thread", channel, thread_ts))

    def of_person(self, user: str) -> ViewContext | None:
        return self._get(("person", user))

    def _save(self, key: tuple[str, ...], context: ViewContext) -> None:
        with self._lock:
            self._items[key] = context
            self._items.move_to_end(key)
            while len(self._items) > self.max_items:
                self._items.popitem(last=False)

    def _get(self, key: tuple[str, ...]) -> ViewContext | None:
        with self._lock:
            return self._items.get(key)
