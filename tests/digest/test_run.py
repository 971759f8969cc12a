"""Digest runs end to end: a loopback news site, polls into a real index, digests posted to a
recording poster or to the loopback fake of Slack. Every article reaches a target in exactly
one digest, across restarts (new Services and state objects on the same directories), failed
posts and a crash between a post and its mark."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from bot.answer.grounding import is_grounded
from bot.app.services import Services
from bot.digest.models import Digest
from bot.digest.run import DigestRunner
from bot.infra.errors import DigestBusyError, DigestPostError
from bot.infra.settings import SlackSettings
from bot.state import state_path
from tests.feeds.site import (
    BRISTLE3,
    FIGURES,
    KESTREL12,
    ORCA7,
    NewsSite,
    publish_and_poll,
    site_services,
)
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import new_channel

TARGET = "test:room"


class RecordingPoster:
    """A DigestPoster that keeps what it is given, and fails the next ``failures`` posts."""

    def __init__(self) -> None:
        self.digests: list[Digest] = []
        self.failures = 0

    def post(self, digest: Digest) -> str | None:
        if self.failures:
            self.failures -= 1
            raise DigestPostError("the chat surface answered HTTP 500")
        self.digests.append(digest)
        return f"message-{len(self.digests)}"


class Crash(BaseException):
    """The process dying at a chosen point."""


def crash(*args: object) -> None:
    raise Crash


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.stop()


def with_slack(services: Services, fake: FakeSlack) -> Services:
    services.settings.slack = SlackSettings(bot_token=fake.token, api_base_url=fake.base_url)
    return services


def names(digest: Digest) -> list[str]:
    return [e.link.rsplit("/", 1)[1].removesuffix(".html") for e in digest.entries]


def test_a_restart_between_runs_neither_repeats_nor_skips(
    site: NewsSite, tmp_path: Path, embedder: Any
):
    index = tmp_path / "index"
    poster = RecordingPoster()
    services = site_services(index, embedder)
    publish_and_poll(site, services, ORCA7)
    first = DigestRunner.from_services(services, TARGET, poster).run()
    assert first.ok and first.articles == 1

    restarted = site_services(index, embedder)  # new Services, new state objects
    publish_and_poll(site, restarted, BRISTLE3, KESTREL12)
    second = DigestRunner.from_services(restarted, TARGET, poster).run()
    assert second.ok
    assert [sorted(names(d)) for d in poster.digests] == [[ORCA7], [BRISTLE3, KESTREL12]]

    third = DigestRunner.from_services(site_services(index, embedder), TARGET, poster).run()
    assert third.outcomes == [] and len(poster.digests) == 2, "nothing new: nothing posted"

    # the figures are the articles' own, each in its cited quote
    for d in poster.digests:
        for entry, name in zip(d.entries, names(d), strict=True):
            trial, expected = FIGURES[name]
            assert entry.trials == [trial]
            assert 2 <= len(entry.figures) <= 4
            assert all(value in "\n".join(entry.figures) for value in expected)
            assert all(is_grounded(line, entry.citations) for line in entry.figures)


def test_a_failed_post_is_retried_next_run_and_delivered_once(
    site: NewsSite, tmp_path: Path, embedder: Any, fake: FakeSlack
):
    index, channel = tmp_path / "index", new_channel()
    services = with_slack(site_services(index, embedder), fake)
    publish_and_poll(site, services, ORCA7)
    fake.fail("chat.postMessage", status=500, match=lambda args: args.get("channel") == channel)
    failed = DigestRunner.from_services(services, f"slack:{channel}").run()
    assert not failed.ok and "Slack did not take the digest" in failed.outcomes[0].error
    assert fake.posted(channel) == []
    first_id = failed.outcomes[0].digest.id

    restarted = with_slack(site_services(index, embedder), fake)
    publish_and_poll(site, restarted, KESTREL12)  # news keeps coming during the outage
    retried = DigestRunner.from_services(restarted, f"slack:{channel}").run()
    assert retried.ok
    assert [(o.status, o.retried, names(o.digest)) for o in retried.outcomes] == [
        ("posted", True, [ORCA7]),
        ("posted", False, [KESTREL12]),
    ]
    assert retried.outcomes[0].digest.id == first_id, "the same digest, not a new one"

    posted = fake.posted(channel)
    assert [m["metadata"]["event_payload"]["digest_id"] for m in posted] == [
        first_id,
        retried.outcomes[1].digest.id,
    ]
    text = " ".join(m["text"] for m in posted)
    assert text.count("Zemplitinib") == 1 and text.count("Ravoclimab") == 1
    again = DigestRunner.from_services(restarted, f"slack:{channel}").run()
    assert again.outcomes == [] and len(fake.posted(channel)) == 2


def test_a_crash_after_the_post_does_not_post_twice(
    site: NewsSite, services: Services, fake: FakeSlack, monkeypatch: pytest.MonkeyPatch
):
    channel = new_channel()
    with_slack(services, fake)
    publish_and_poll(site, services, ORCA7)
    runner = DigestRunner.from_services(services, f"slack:{channel}")

    monkeypatch.setattr(runner.ledger, "mark_posted", crash)
    with pytest.raises(Crash):
        runner.run()
    assert len(fake.posted(channel)) == 1  # Slack has it; the ledger does not know

    after = DigestRunner.from_services(services, f"slack:{channel}").run()
    assert [o.status for o in after.outcomes] == ["already posted"]
    assert after.outcomes[0].message_id == fake.channels[channel][0]["ts"]
    assert len(fake.posted(channel)) == 1, "found by its metadata, not posted again"
    assert DigestRunner.from_services(services, f"slack:{channel}").run().outcomes == []


def test_without_a_lookup_that_crash_posts_again_rather_than_losing(
    site: NewsSite, services: Services, monkeypatch: pytest.MonkeyPatch
):
    """The documented residual window: a poster that cannot look a digest up repeats it."""
    poster = RecordingPoster()
    publish_and_poll(site, services, ORCA7)
    runner = DigestRunner.from_services(services, TARGET, poster)
    monkeypatch.setattr(runner.ledger, "mark_posted", crash)
    with pytest.raises(Crash):
        runner.run()
    DigestRunner.from_services(services, TARGET, poster).run()
    assert [names(d) for d in poster.digests] == [[ORCA7], [ORCA7]]
    assert poster.digests[0] == poster.digests[1], "the same digest, built once"


def test_a_dry_run_records_nothing(site: NewsSite, services: Services):
    poster = RecordingPoster()
    publish_and_poll(site, services, ORCA7, BRISTLE3)
    runner = DigestRunner.from_services(services, TARGET, poster)
    (preview,) = runner.preview()
    assert sorted(names(preview)) == [BRISTLE3, ORCA7] and poster.digests == []
    with closing(sqlite3.connect(state_path(services.settings))) as db:
        assert db.execute("SELECT COUNT(*) FROM digests").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM digest_articles").fetchone() == (0,)
    runner.run()
    assert [sorted(names(d)) for d in poster.digests] == [[BRISTLE3, ORCA7]]


def test_an_empty_period_posts_nothing_unless_asked(services: Services):
    poster = RecordingPoster()
    assert DigestRunner.from_services(services, TARGET, poster).run().outcomes == []
    assert poster.digests == []
    services.settings.digest.post_empty = True
    (outcome,) = DigestRunner.from_services(services, TARGET, poster).run().outcomes
    assert outcome.status == "posted" and outcome.digest.empty
    from bot.digest.render import render_text

    assert render_text(poster.digests[0]).startswith("Nothing new since ")


def test_a_second_run_at_the_same_time_posts_nothing(site: NewsSite, services: Services):
    poster = RecordingPoster()
    publish_and_poll(site, services, ORCA7)
    runner = DigestRunner.from_services(services, TARGET, poster)
    with runner.ledger.lock(TARGET, 60), pytest.raises(DigestBusyError, match="in progress"):
        DigestRunner.from_services(services, TARGET, poster).run()
    assert poster.digests == []
    runner.run()
    assert len(poster.digests) == 1


def test_articles_beyond_the_maximum_wait_for_the_next_digest(site: NewsSite, services: Services):
    services.settings.digest.max_articles = 2
    poster = RecordingPoster()
    publish_and_poll(site, services, ORCA7, BRISTLE3, KESTREL12)
    DigestRunner.from_services(services, TARGET, poster).run()
    DigestRunner.from_services(services, TARGET, poster).run()
    first, second = (names(d) for d in poster.digests)
    assert len(first) == 2 and len(second) == 1
    assert sorted(first + second) == sorted([ORCA7, BRISTLE3, KESTREL12])
    assert [d.more for d in poster.digests] == [1, 0]


def test_articles_older_than_the_state_need_since(site: NewsSite, services: Services):
    poster = RecordingPoster()
    publish_and_poll(site, services, ORCA7)
    with closing(sqlite3.connect(state_path(services.settings))) as db, db:
        # digests began after the article was ingested
        db.execute("UPDATE meta SET value = '2999-01-01T00:00:00+00:00' WHERE key = 'created_at'")
    assert DigestRunner.from_services(services, TARGET, poster).run().outcomes == []
    DigestRunner.from_services(services, TARGET, poster).run(since="2000-01-01")
    assert [names(d) for d in poster.digests] == [[ORCA7]]
    assert poster.digests[0].since == "2000-01-01"
