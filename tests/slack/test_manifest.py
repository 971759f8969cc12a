"""deploy/slack/manifest.yaml declares what the code listens to and calls."""

from __future__ import annotations

import yaml

from bot.slack.deps import COMMAND
from tests.conftest import ROOT

MANIFEST = yaml.safe_load((ROOT / "deploy/slack/manifest.yaml").read_text())


def test_the_manifest_matches_the_app():
    assert [c["command"] for c in MANIFEST["features"]["slash_commands"]] == [COMMAND]
    scopes = set(MANIFEST["oauth_config"]["scopes"]["bot"])
    assert {
        "app_mentions:read",
        "chat:write",
        "commands",
        "im:history",
        "reactions:write",
        "channels:history",
    } <= scopes
    events = set(MANIFEST["settings"]["event_subscriptions"]["bot_events"])
    assert {"app_mention", "message.im", "message.channels"} <= events
    assert MANIFEST["settings"]["interactivity"]["is_enabled"] is True
    assert MANIFEST["settings"]["socket_mode_enabled"] is True
