"""The Teams test rig: one index of the seed articles, one fake connector, and two running hosts
for the whole tests/teams run: one with authentication on (as deployed), one that allows
anonymous requests (as in local development), which the answer tests talk to."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from microsoft_agents.hosting.core.authorization import _entra_issuers

from bot.app.services import Services
from tests.conftest import GOLDEN, seeded_services
from tests.teams.fake_connector import FakeConnector
from tests.teams.harness import (
    APP_ID,
    BF_GOV_ISSUER,
    BF_ISSUER,
    SECRET,
    TENANT_ID,
    TeamsSim,
    TokenIssuer,
)


def golden(question_id: str) -> tuple[str, list[str]]:
    """A golden question and its expected figures, from tests/golden/seed_questions.yaml."""
    q = GOLDEN[question_id]
    return q["question"], q["expect"]


@pytest.fixture(scope="session")
def teams_services(tmp_path_factory: pytest.TempPathFactory, embedder: Any) -> Services:
    return seeded_services(tmp_path_factory.mktemp("teams-seeds"), embedder)


@pytest.fixture(scope="session")
def fake() -> Iterator[FakeConnector]:
    fake = FakeConnector()
    yield fake
    fake.stop()


@pytest.fixture(scope="session")
def teams(teams_services: Services, fake: FakeConnector) -> Iterator[TeamsSim]:
    """The real host with TRIALBOT_TEAMS_ALLOW_ANONYMOUS=true and no credentials."""
    sim = TeamsSim(teams_services, fake, allow_anonymous=True)
    yield sim
    sim.stop()


@pytest.fixture(scope="session")
def issuer(fake: FakeConnector) -> Iterator[TokenIssuer]:
    """Signs tokens the way Azure Bot Service does; its public key is served by the fake, and
    the SDK looks for the Bot Framework's keys there (Microsoft cannot be reached from tests)."""
    issuer = TokenIssuer()
    fake.jwks["keys"] = [issuer.jwk()]
    with pytest.MonkeyPatch.context() as patch:
        for bot_framework in (BF_ISSUER, BF_GOV_ISSUER):
            patch.setitem(_entra_issuers.BOTFRAMEWORK_JWKS_URIS, bot_framework, fake.jwks_url)
        yield issuer


@pytest.fixture(scope="session")
def secured(
    teams_services: Services, fake: FakeConnector, issuer: TokenIssuer
) -> Iterator[TeamsSim]:
    """The real host as deployed: app id, secret and tenant set, anonymous requests refused."""
    sim = TeamsSim(teams_services, fake, app_id=APP_ID, app_password=SECRET, tenant_id=TENANT_ID)
    yield sim
    sim.stop()
