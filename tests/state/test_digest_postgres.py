"""Digest runs on a PostgreSQL state, in process: a run killed between its post and its mark
is recovered as on SQLite (found by its metadata, marked, never posted twice), and a restart
(new Services, new state objects) neither repeats nor skips."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr

from bot.app.services import Services
from bot.digest.run import DigestRunner
from bot.infra.settings import SlackSettings, StateSettings
from bot.state import STATE_FILE
from bot.state.postgres import PostgresStateDB
from tests.feeds.site import BRISTLE3, ORCA7, NewsSite, publish_and_poll, site, site_services
from tests.slack.fake_slack import FakeSlack

__all__ = ["site"]


class Crash(BaseException):
    """The process dying at a chosen point."""


def crash(*args: object) -> None:
    raise Crash


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.stop()


def on_postgres(index: Path, embedder: Any, pg_url: str, fake: FakeSlack) -> Services:
    services = site_services(index, embedder)
    services.settings.state = StateSettings(url=SecretStr(pg_url))
    services.settings.slack = SlackSettings(
        bot_token=SecretStr(fake.token), api_base_url=fake.base_url
    )
    return services


def test_a_crash_after_the_post_is_recovered_without_posting_twice(
    site: NewsSite,
    tmp_path: Path,
    embedder: Any,
    pg_url: str,
    fake: FakeSlack,
    monkeypatch: pytest.MonkeyPatch,
):
    services = on_postgres(tmp_path / "index", embedder, pg_url, fake)
    assert isinstance(services.state, PostgresStateDB)
    publish_and_poll(site, services, ORCA7)
    runner = DigestRunner.from_services(services, "slack:CCRASH01")
    monkeypatch.setattr(runner.ledger, "mark_posted", crash)
    with pytest.raises(Crash):
        runner.run()
    assert len(fake.posted("CCRASH01")) == 1  # Slack has it; the ledger does not know

    # another host, a new process: the crashed run's lock is released or expires
    restarted = on_postgres(tmp_path / "index", embedder, pg_url, fake)
    after = DigestRunner.from_services(restarted, "slack:CCRASH01").run()
    assert [o.status for o in after.outcomes] == ["already posted"]
    assert len(fake.posted("CCRASH01")) == 1, "found by its metadata, not posted again"

    publish_and_poll(site, restarted, BRISTLE3)
    later = DigestRunner.from_services(restarted, "slack:CCRASH01").run()
    assert [(o.status, len(o.digest.entries)) for o in later.outcomes] == [("posted", 1)]
    assert "Lumadostat" in fake.posted("CCRASH01")[1]["text"]
    assert DigestRunner.from_services(restarted, "slack:CCRASH01").run().outcomes == []
    assert not (tmp_path / "index" / STATE_FILE).exists()


def test_a_crashed_runs_lock_expires(
    site: NewsSite, tmp_path: Path, embedder: Any, pg_url: str, fake: FakeSlack
):
    services = on_postgres(tmp_path / "index", embedder, pg_url, fake)
    publish_and_poll(site, services, ORCA7)
    services.settings.digest.lock_ttl_s = 0.05
    crashed = DigestRunner.from_services(services, "slack:CLOCK01")
    crashed.ledger.lock("slack:CLOCK01", 0.05).__enter__()  # taken, never released: it died
    time.sleep(0.1)
    report = DigestRunner.from_services(services, "slack:CLOCK01").run()
    assert [o.status for o in report.outcomes] == ["posted"]
