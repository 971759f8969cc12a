"""Two replicas behind a load balancer, on two hosts (two index folders), sharing the postgres
dedupe table: a delivery and its retry, or a mention and its ``message`` twin, that reach
different replicas are answered once."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import make_services
from tests.postgres_server import running_postgres
from tests.slack.fake_slack import BOT_USER_ID, FakeSlack
from tests.slack.harness import PERSON, SlackSim


@pytest.fixture(scope="module")
def dedupe_url() -> Iterator[str]:
    yield from running_postgres()


@pytest.fixture
def replicas(
    tmp_path: Path, embedder: Any, fake: FakeSlack, dedupe_url: str
) -> Iterator[tuple[SlackSim, SlackSim]]:
    sims = [
        SlackSim(
            make_services(tmp_path / host, embedder), fake, dedupe="postgres", dedupe_url=dedupe_url
        )
        for host in ("host-a", "host-b")
    ]
    yield sims[0], sims[1]
    for sim in sims:
        sim.stop()


def answers_settle(fake: FakeSlack, channel: str, count: int) -> int:
    fake.wait_for(lambda: len(fake.posted(channel)) >= count)
    time.sleep(0.5)  # time for one more answer to show up, were there one
    return len(fake.posted(channel))


def test_a_retry_reaching_the_other_replica_is_not_answered_again(replicas, channel: str):
    a, b = replicas
    ts = a.fake.new_ts()
    text = f"<@{BOT_USER_ID}> What was the OS HR in IMforte?"
    a.fake.add_message(channel, ts, PERSON, text)
    event = {"type": "app_mention", "user": PERSON, "text": text, "ts": ts, "channel": channel}
    first, event_id = a.send_event(event)
    retry, _ = b.send_event(event, event_id=event_id, retry_num=1)
    assert first.status_code == retry.status_code == 200
    assert answers_settle(a.fake, channel, 1) == 1


def test_a_mention_and_its_message_twin_on_two_replicas_are_answered_once(replicas, channel: str):
    a, b = replicas
    parent, _ = a.mention("What was the OS HR in IMforte?", channel=channel)
    answers_settle(a.fake, channel, 1)
    ts = a.fake.new_ts()
    text = f"<@{BOT_USER_ID}> and the PFS HR?"
    a.fake.add_message(channel, ts, PERSON, text, parent)
    base = {"user": PERSON, "text": text, "ts": ts, "channel": channel, "thread_ts": parent}
    a.send_event({"type": "message", "channel_type": "channel", **base})
    b.send_event({"type": "app_mention", **base})
    assert answers_settle(a.fake, channel, 2) == 2
