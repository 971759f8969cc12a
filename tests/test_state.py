"""The state DB beside the index: created once, transactions all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.infra.settings import Settings
from bot.state import STATE_FILE, SqliteStateDB, state_path


def test_it_lives_beside_the_index(tmp_path: Path):
    settings = Settings()
    settings.index.dir = tmp_path / "index"
    assert state_path(settings) == tmp_path / "index" / STATE_FILE


def test_its_creation_time_is_kept_across_restarts(tmp_path: Path):
    first = SqliteStateDB(tmp_path / "s" / "state.sqlite3").created_at()
    assert SqliteStateDB(tmp_path / "s" / "state.sqlite3").created_at() == first


def test_a_failed_transaction_leaves_nothing(tmp_path: Path):
    state = SqliteStateDB(tmp_path / "state.sqlite3")
    with state.connect() as db:
        db.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(RuntimeError), state.transaction() as db:
        db.execute("INSERT INTO t VALUES (1)")
        raise RuntimeError("crash")
    with state.transaction() as db:
        db.execute("INSERT INTO t VALUES (2)")
    with state.connect() as db:
        assert [r[0] for r in db.execute("SELECT x FROM t")] == [2]
