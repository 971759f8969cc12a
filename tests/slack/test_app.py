"""build_app: settings checked up front, with messages that say what to set."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from bot.app.services import Services
from bot.infra.errors import ConfigError
from bot.infra.settings import Settings, SlackSettings
from bot.slack.app import build_app
from tests.slack.fake_slack import FakeSlack


def _settings(tmp_path: Path, **slack) -> Settings:
    settings = Settings()
    settings.index.dir = tmp_path / "index"
    settings.slack = SlackSettings(**slack)
    return settings


def test_a_bot_token_is_required(tmp_path: Path):
    settings = _settings(tmp_path, signing_secret="s")
    with pytest.raises(ConfigError, match="TRIALBOT_SLACK_BOT_TOKEN"):
        build_app(settings, Services(settings))


def test_http_mode_needs_the_signing_secret(tmp_path: Path, fake: FakeSlack):
    settings = _settings(tmp_path, bot_token=fake.token, api_base_url=fake.base_url)
    with pytest.raises(ConfigError, match="TRIALBOT_SLACK_SIGNING_SECRET"):
        build_app(settings, Services(settings))


def test_socket_mode_needs_no_signing_secret(tmp_path: Path, fake: FakeSlack):
    settings = _settings(
        tmp_path, bot_token=fake.token, app_token="xapp-1-test", api_base_url=fake.base_url
    )
    assert build_app(settings, Services(settings)).client.base_url == fake.base_url


def test_a_rejected_token_is_a_config_error(tmp_path: Path, fake: FakeSlack):
    settings = _settings(
        tmp_path, bot_token="xoxb-wrong", signing_secret="s", api_base_url=fake.base_url
    )
    with pytest.raises(ConfigError, match="did not accept the bot token"):
        build_app(settings, Services(settings))


def test_settings_from_the_environment(monkeypatch):
    monkeypatch.setenv("TRIALBOT_SLACK_BOT_TOKEN", "xoxb-from-env")
    monkeypatch.setenv("TRIALBOT_SLACK_ADD_ALLOWED_USERS", "U1, U2")
    monkeypatch.setenv("TRIALBOT_SLACK_API_BASE_URL", "https://slack-gov.com/api")
    slack = Settings().slack
    assert slack.bot_token == SecretStr("xoxb-from-env")
    assert "xoxb-from-env" not in repr(slack)
    assert slack.add_allowed_users == ["U1", "U2"]
    assert slack.api_base_url == "https://slack-gov.com/api/"
    monkeypatch.setenv("TRIALBOT_SLACK_ADD_ALLOWED_USERS", '["U3"]')
    assert Settings().slack.add_allowed_users == ["U3"]
