"""The state schema, versioned: each engine's migrations, applied in order when a state is opened.

``meta.schema_version`` says how many migrations a database has had. Opening a state runs the
missing ones in one transaction, under a lock (SQLite's write lock, a PostgreSQL advisory lock),
so processes starting together migrate once. Migrations only ever add: a database made by an
older trialbot keeps every row. A SQLite file without a version (made before versions existed)
has version 0: migration 1 is exactly the schema it already has, so it changes nothing there.

Only the PostgreSQL schema holds handled events, feedback and Teams conversations: on a single
host they stay in their own files beside the index, as they always have.
"""

from __future__ import annotations

from bot.infra.errors import StateError
from bot.state.db import Connection, Dialect, StateDB, now_iso

META = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)"

_SQLITE_V1 = (
    """CREATE TABLE IF NOT EXISTS feeds (
        url TEXT PRIMARY KEY,
        added_at TEXT NOT NULL,
        last_polled_at TEXT,
        last_error TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS feed_items (
        feed_url TEXT NOT NULL,
        key TEXT NOT NULL,
        link TEXT NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ingested', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        article_id TEXT,
        last_error TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (feed_url, key)
    )""",
    """CREATE TABLE IF NOT EXISTS digests (
        id TEXT PRIMARY KEY,
        target TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'posted')),
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        first_attempt_at TEXT,
        last_error TEXT,
        posted_at TEXT,
        message_id TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS digest_articles (
        target TEXT NOT NULL,
        article_id TEXT NOT NULL,
        digest_id TEXT NOT NULL REFERENCES digests (id),
        PRIMARY KEY (target, article_id)
    )""",
    "CREATE INDEX IF NOT EXISTS digests_by_target ON digests (target, status, created_at)",
    """CREATE TABLE IF NOT EXISTS locks (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at REAL NOT NULL
    )""",
)

# an item being fetched and ingested by one poll: other polls leave it alone until it expires
_SQLITE_V2 = (
    """CREATE TABLE IF NOT EXISTS feed_item_claims (
        feed_url TEXT NOT NULL,
        key TEXT NOT NULL,
        owner TEXT NOT NULL,
        expires_at REAL NOT NULL,
        PRIMARY KEY (feed_url, key)
    )""",
)

_POSTGRES_V1 = (
    """CREATE TABLE IF NOT EXISTS feeds (
        url TEXT PRIMARY KEY,
        added_at TEXT NOT NULL,
        last_polled_at TEXT,
        last_error TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS feed_items (
        feed_url TEXT NOT NULL,
        key TEXT NOT NULL,
        link TEXT NOT NULL,
        title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('ingested', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        article_id TEXT,
        last_error TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (feed_url, key)
    )""",
    """CREATE TABLE IF NOT EXISTS feed_item_claims (
        feed_url TEXT NOT NULL,
        key TEXT NOT NULL,
        owner TEXT NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (feed_url, key)
    )""",
    """CREATE TABLE IF NOT EXISTS digests (
        seq BIGSERIAL UNIQUE,
        id TEXT PRIMARY KEY,
        target TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'posted')),
        payload TEXT NOT NULL,
        created_at TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        first_attempt_at TEXT,
        last_error TEXT,
        posted_at TEXT,
        message_id TEXT
    )""",
    """CREATE TABLE IF NOT EXISTS digest_articles (
        target TEXT NOT NULL,
        article_id TEXT NOT NULL,
        digest_id TEXT NOT NULL REFERENCES digests (id),
        PRIMARY KEY (target, article_id)
    )""",
    "CREATE INDEX IF NOT EXISTS digests_by_target ON digests (target, status, created_at)",
    """CREATE TABLE IF NOT EXISTS locks (
        name TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at DOUBLE PRECISION NOT NULL
    )""",
    # the table of bot.dedupe.postgres, kept as it is where the Slack dedupe made it already
    "CREATE TABLE IF NOT EXISTS trialbot_seen (key TEXT PRIMARY KEY, at DOUBLE PRECISION NOT NULL)",
    """CREATE TABLE IF NOT EXISTS feedback (
        seq BIGSERIAL PRIMARY KEY,
        rating TEXT NOT NULL,
        question TEXT NOT NULL,
        status TEXT NOT NULL,
        user_id TEXT NOT NULL,
        surface TEXT NOT NULL,
        conversation TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS teams_conversations (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        tenant_id TEXT NOT NULL,
        reference TEXT NOT NULL,
        updated_at DOUBLE PRECISION NOT NULL
    )""",
)

# feedback keeps the rated answer and its citations (JSON), so the team reads what was rated,
# and the comment typed with a rating (Teams' feedback form)
_POSTGRES_V2 = (
    "ALTER TABLE feedback ADD COLUMN IF NOT EXISTS answer TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE feedback ADD COLUMN IF NOT EXISTS citations TEXT NOT NULL DEFAULT '[]'",
    "ALTER TABLE feedback ADD COLUMN IF NOT EXISTS comment TEXT NOT NULL DEFAULT ''",
)

MIGRATIONS: dict[Dialect, tuple[tuple[str, ...], ...]] = {
    "sqlite": (_SQLITE_V1, _SQLITE_V2),
    "postgres": (_POSTGRES_V1, _POSTGRES_V2),
}


def latest(dialect: Dialect) -> int:
    return len(MIGRATIONS[dialect])


def migrate(state: StateDB, lock_sql: str | None = None) -> tuple[int, int]:
    """Bring ``state`` to the latest schema; returns the versions before and after. Idempotent;
    ``lock_sql`` is run first inside the transaction (PostgreSQL's advisory lock)."""
    steps = MIGRATIONS[state.dialect]
    with state.transaction() as db:
        if lock_sql:
            db.execute(lock_sql)
        db.execute(META)
        before = _version(db)
        if before > len(steps):
            raise StateError(
                f"the state in {state.describe()} has schema version {before}, newer than this "
                f"trialbot knows ({len(steps)}); upgrade trialbot"
            )
        for statements in steps[before:]:
            for statement in statements:
                db.execute(statement)
        db.execute(
            "INSERT INTO meta (key, value) VALUES ('schema_version', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(len(steps)),),
        )
        db.execute(
            "INSERT INTO meta (key, value) VALUES ('created_at', ?) ON CONFLICT (key) DO NOTHING",
            (now_iso(),),
        )
    return before, len(steps)


def _version(db: Connection) -> int:
    row = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row["value"]) if row else 0
