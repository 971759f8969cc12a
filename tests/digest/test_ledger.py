"""The digest ledger in SQLite: pending and posted digests, one digest per article and target,
and the lock, all surviving a restart (a new ledger on the same file)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.digest.ledger import DigestLedger
from bot.infra.errors import DigestBusyError
from bot.state import SqliteStateDB
from tests.digest.samples import digest, entry


def ledger(tmp_path: Path) -> DigestLedger:
    return DigestLedger(SqliteStateDB(tmp_path / "state.sqlite3"))


def test_pending_until_marked_posted_across_restarts(tmp_path: Path):
    d = digest(entry(1), entry(2))
    ledger(tmp_path).record(d, "slack:C1")
    restarted = ledger(tmp_path)
    (pending,) = restarted.pending("slack:C1")
    assert pending.digest == d and pending.attempts == 0
    assert restarted.digested("slack:C1") == {"article-1", "article-2"}
    restarted.note_attempt(d.id)
    restarted.note_failure(d.id, "Slack answered HTTP 500")
    (pending,) = ledger(tmp_path).pending("slack:C1")
    assert pending.attempts == 1 and pending.first_attempt_at
    assert pending.last_error == "Slack answered HTTP 500"
    ledger(tmp_path).mark_posted(d.id, "1717000000.000100")
    assert ledger(tmp_path).pending("slack:C1") == []
    (posted,) = ledger(tmp_path).posted("slack:C1")
    assert posted.message_id == "1717000000.000100"
    assert posted.article_ids == ["article-1", "article-2"]


def test_an_article_joins_one_digest_per_target(tmp_path: Path):
    book = ledger(tmp_path)
    book.record(digest(entry(1)), "slack:C1")
    with pytest.raises(DigestBusyError, match="already in another digest"):
        book.record(digest(entry(2), entry(1)), "slack:C1")
    assert book.digested("slack:C1") == {"article-1"}, "the refused digest left nothing behind"
    book.record(digest(entry(1)), "stdout")  # another target hears of it on its own
    assert book.digested("stdout") == {"article-1"}


def test_the_lock_admits_one_run_and_expires(tmp_path: Path):
    book = ledger(tmp_path)
    with book.lock("slack:C1", ttl_s=60) as held:
        with (
            pytest.raises(DigestBusyError, match="in progress"),
            ledger(tmp_path).lock("slack:C1", ttl_s=60),
        ):
            pass
        held.renew()
        with ledger(tmp_path).lock("stdout", ttl_s=60):
            pass  # targets do not block each other
    with book.lock("slack:C1", ttl_s=60):
        pass  # released

    with book.lock("slack:C2", ttl_s=0.2) as stale:
        time.sleep(0.3)  # a crashed run's lock expires
        with (
            ledger(tmp_path).lock("slack:C2", ttl_s=60),
            pytest.raises(DigestBusyError, match="expired and another run took it"),
        ):
            stale.renew()


def test_the_period_starts_at_the_last_digest_or_when_the_state_began(tmp_path: Path):
    book = ledger(tmp_path)
    assert book.period_start("slack:C1") == book.baseline()
    book.record(digest(entry(1)), "slack:C1")
    assert book.period_start("slack:C1") == "2025-06-02T09:00:00+00:00"
