"""Never answering twice: Slack's retries, and a mention that also arrives as a message event.

Two keys are claimed, first come first served:

- ``event:<event_id>`` in a global middleware, before any listener: a delivery of an event
  already seen (Slack retries it, ``X-Slack-Retry-Num``, when an ack was late or lost) is
  acknowledged and dropped. A retry of an event never seen (it was lost before it reached us)
  is handled: no answer is dropped.
- ``message:<channel>:<ts>`` just before answering a user's message: an @mention in a thread is
  delivered as ``app_mention`` and as ``message``, with different event ids; only one answers.

``SeenEvents`` and its two implementations live in ``bot/dedupe.py`` (shared with Teams):
``MemorySeenEvents`` for one process, ``SqliteSeenEvents`` (a file beside the index) for the
processes of one host. Several replicas on several hosts need a shared backend.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt.request import BoltRequest
from slack_bolt.response import BoltResponse

from bot.dedupe import DAY, MemorySeenEvents, SeenEvents, SqliteSeenEvents

log = logging.getLogger(__name__)

# re-exported: the Slack app and its tests import them from here
__all__ = [
    "DAY",
    "MemorySeenEvents",
    "SeenEvents",
    "SqliteSeenEvents",
    "drop_seen_events",
    "message_key",
]


def message_key(channel: str, ts: str) -> str:
    return f"message:{channel}:{ts}"


def drop_seen_events(seen: SeenEvents) -> Callable[..., Any]:
    """Global Bolt middleware: acknowledge and drop deliveries of events already handled."""

    def middleware(req: BoltRequest, resp: BoltResponse, next_: Callable[[], Any]) -> Any:
        body = req.body or {}
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id:
            retry = (req.headers.get("x-slack-retry-num") or [""])[0]
            if not seen.claim(f"event:{event_id}"):
                reason = (req.headers.get("x-slack-retry-reason") or ["-"])[0]
                log.info("dropped a second delivery of %s (retry %s, %s)", event_id, retry, reason)
                return BoltResponse(status=200, body="")
            if retry:
                log.info(
                    "handling retry %s of %s: the first delivery never reached us", retry, event_id
                )
        return next_()

    return middleware
