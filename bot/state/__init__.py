"""trialbot's own state: feed subscriptions, feed items seen (and being fetched), digests
(pending and posted) and their locks, so restarts and crashes lose nothing.

``StateDB`` is the interface; two implementations hold the same tables:

- ``SqliteStateDB``: one file beside the index (the default, for one host). Handled events,
  feedback and Teams conversations stay in their own files beside it, as before.
- ``PostgresStateDB`` (``TRIALBOT_STATE_URL``): one database for every replica and job of a
  cluster, which also holds handled events, feedback and Teams conversations.

Either is migrated to the latest schema when opened (``bot.state.schema``). The state also
remembers when it was created: the default start of the first digest period, so turning
digests on for an existing index does not post its whole backlog.
"""

from __future__ import annotations

from pathlib import Path

from bot.infra.errors import ConfigError
from bot.infra.settings import Settings
from bot.state.db import StateDB, now_iso
from bot.state.sqlite import SqliteStateDB

__all__ = [
    "STATE_FILE",
    "SqliteStateDB",
    "StateDB",
    "now_iso",
    "open_state",
    "open_state_url",
    "state_path",
]

STATE_FILE = "trialbot-state.sqlite3"


def state_path(settings: Settings) -> Path:
    """Where the SQLite state of this index lives (unused with ``TRIALBOT_STATE_URL``)."""
    return settings.index.dir / STATE_FILE


def state_url(settings: Settings) -> str | None:
    url = settings.state.url
    return url.get_secret_value() if url else None


def open_state(settings: Settings) -> StateDB:
    """The configured state: PostgreSQL at ``state.url``, else the SQLite file beside the index."""
    url = state_url(settings)
    if url is None:
        return SqliteStateDB(state_path(settings))
    if not url.startswith(("postgresql://", "postgres://")):
        raise ConfigError(
            "TRIALBOT_STATE_URL must be a PostgreSQL URL (postgresql://USER:PASSWORD@HOST/DB); "
            "unset it to keep the state in a file beside the index"
        )
    return open_state_url(url)


def open_state_url(url: str, *, migrate_now: bool = True) -> StateDB:
    """A state by URL: ``postgresql://...`` (or ``postgres://``) or ``sqlite:PATH``."""
    if url.startswith("sqlite:"):
        return SqliteStateDB(Path(url.removeprefix("sqlite:")), migrate_now=migrate_now)
    if url.startswith(("postgresql://", "postgres://")):
        from bot.state.postgres import PostgresStateDB

        return PostgresStateDB(url, migrate_now=migrate_now)
    scheme = url.split(":", 1)[0] if ":" in url else url[:20]
    raise ConfigError(
        f"unknown state URL scheme '{scheme}': use postgresql://USER:PASSWORD@HOST/DB "
        "or sqlite:PATH"
    )
