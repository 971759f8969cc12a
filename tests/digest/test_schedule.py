"""The schedule of ``trialbot serve``: APScheduler runs poll then digest, posting to the loopback
fake of Slack; a restart between two scheduled runs neither repeats nor skips an article."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.app.services import Services
from bot.digest.schedule import DigestSchedule, start_schedule
from bot.infra.errors import ConfigError
from bot.infra.settings import SlackSettings
from tests.feeds.site import BRISTLE3, KESTREL12, ORCA7, NewsSite, site_services
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import new_channel

NEVER_SOON = "0 0 1 1 *"  # once a year: the tests trigger runs themselves


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.stop()


def scheduled(
    index: Path, embedder: Any, fake: FakeSlack, site: NewsSite, channel: str
) -> DigestSchedule:
    """``trialbot serve``'s schedule as it starts: settings in, scheduler running."""
    services = site_services(index, embedder)
    services.settings.slack = SlackSettings(bot_token=fake.token, api_base_url=fake.base_url)
    services.settings.digest.cron = NEVER_SOON
    services.settings.digest.target = f"slack:{channel}"
    schedule = start_schedule(services)
    assert schedule is not None
    schedule.poller.store.add(site.url("/feed.xml"))
    return schedule


def test_scheduled_runs_poll_then_post_across_a_restart(
    site: NewsSite, tmp_path: Path, embedder: Any, fake: FakeSlack
):
    index, channel = tmp_path / "index", new_channel()
    site.publish(ORCA7)
    schedule = scheduled(index, embedder, fake, site, channel)
    try:
        schedule.run_soon()
        fake.wait_for(lambda: len(fake.posted(channel)) == 1)
    finally:
        schedule.shutdown()

    site.publish(BRISTLE3)
    site.publish(KESTREL12)
    restarted = scheduled(index, embedder, fake, site, channel)  # a new process, same dirs
    try:
        restarted.run_soon()
        fake.wait_for(lambda: len(fake.posted(channel)) == 2)
    finally:
        restarted.shutdown()  # waits for the running job
    restarted.run_once()  # nothing new: nothing posted

    first, second = (m["text"] for m in fake.posted(channel))
    assert "Zemplitinib" in first and "Lumadostat" not in first
    assert "Zemplitinib" not in second
    assert "Lumadostat" in second and "Ravoclimab" in second
    assert len(fake.posted(channel)) == 2


def test_a_failing_feed_does_not_stop_the_digest(
    site: NewsSite, services: Services, fake: FakeSlack
):
    channel = new_channel()
    services.settings.slack = SlackSettings(bot_token=fake.token, api_base_url=fake.base_url)
    schedule = DigestSchedule(services, NEVER_SOON, f"slack:{channel}")
    schedule.poller.store.add(site.url("/error.xml"))
    schedule.poller.store.add(site.url("/feed.xml"))
    site.publish(KESTREL12)
    schedule.run_once()  # in this thread: the job itself, no scheduler
    (posted,) = fake.posted(channel)
    assert "Ravoclimab" in posted["text"]


def test_no_cron_no_schedule(services: Services):
    assert start_schedule(services) is None


@pytest.mark.parametrize(
    ("cron", "target", "timezone", "message"),
    [
        ("0 8 * * 1-5", None, "UTC", "TRIALBOT_DIGEST_TARGET is not"),
        ("every morning", "slack:C0123ABCD", "UTC", "not a crontab expression"),
        ("0 8 * * *", "slack:C0123ABCD", "Mars/Olympus", "unknown time zone"),
        ("0 8 * * *", "pigeon:loft", "UTC", "unknown digest target"),
    ],
)
def test_settings_are_checked_at_start(
    services: Services, cron: str, target: str | None, timezone: str, message: str
):
    services.settings.digest.cron = cron
    services.settings.digest.target = target
    services.settings.digest.timezone = timezone
    with pytest.raises(ConfigError, match=message):
        start_schedule(services)
