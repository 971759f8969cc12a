"""The Slack test rig: one index of the seed articles, one fake Slack Web API and one running
app for the whole tests/slack run (the model is loaded once per session anyway)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.app.services import Services
from tests.conftest import GOLDEN, seeded_services
from tests.slack.fake_slack import FakeSlack
from tests.slack.harness import SlackSim, new_channel


def golden(question_id: str) -> tuple[str, list[str]]:
    """A golden question and its expected figures, from tests/golden/seed_questions.yaml."""
    q = GOLDEN[question_id]
    return q["question"], q["expect"]


@pytest.fixture(scope="session")
def seed_services(tmp_path_factory: pytest.TempPathFactory, embedder: Any) -> Services:
    return seeded_services(tmp_path_factory.mktemp("slack-seeds"), embedder)


@pytest.fixture(scope="session")
def fake() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def slack(seed_services: Services, fake: FakeSlack) -> Iterator[SlackSim]:
    """The real Bolt app on 127.0.0.1, over the seed index, talking to the fake Web API."""
    sim = SlackSim(seed_services, fake)
    yield sim
    sim.stop()


@pytest.fixture
def channel() -> str:
    """A channel of its own for each test: what the fake records there is this test's."""
    return new_channel()
