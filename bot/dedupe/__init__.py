"""Never handling a delivery twice, on any chat surface: the first claim of a key wins.

Chat platforms redeliver what they think was lost (Slack retries an event whose ack was late,
Teams redelivers an activity whose POST timed out). Each surface claims a key per delivery
(Slack ``event:<event_id>``, Teams ``teams:<conversation>:<activity id>``) before answering;
only the first claim wins.

``SeenEvents`` is the interface. ``MemorySeenEvents`` serves one process; ``SqliteSeenEvents``
(a file beside the index) survives restarts and is shared by the processes of one host.
``PostgresSeenEvents`` (``bot.dedupe.postgres``) is shared by replicas on several hosts: it is
used with ``dedupe = postgres``, and in place of the file when the state is in PostgreSQL
(``TRIALBOT_STATE_URL``).
"""

from __future__ import annotations

from pathlib import Path

from bot.dedupe.seen import DAY, MemorySeenEvents, SeenEvents, SqliteSeenEvents

__all__ = ["DAY", "MemorySeenEvents", "SeenEvents", "SqliteSeenEvents", "open_seen_events"]


def open_seen_events(
    kind: str, path: Path, postgres_url: str | None = None, state_url: str | None = None
) -> SeenEvents:
    """The configured store: 'sqlite' (a file at ``path``; the table of the shared state when
    ``state_url`` is a PostgreSQL URL), 'memory' or 'postgres' (a table at ``postgres_url``,
    for replicas on several hosts)."""
    if kind == "sqlite" and state_url and not state_url.startswith("sqlite:"):
        kind, postgres_url = "postgres", state_url
    if kind == "postgres":
        if postgres_url is None:
            raise ValueError("the postgres dedupe needs a database URL")
        from bot.dedupe.postgres import PostgresSeenEvents

        return PostgresSeenEvents(postgres_url)
    return SqliteSeenEvents(path) if kind == "sqlite" else MemorySeenEvents()
