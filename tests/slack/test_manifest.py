"""deploy/slack's manifests declare what the code listens to and calls: manifest.yaml for a new
app (Slack's agent messaging view, ``features.agent_view``), manifest-assistant-view.yaml for an
app that already has the older assistant view. Every event either declares gets an answer from
the running app."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml

from bot.slack.deps import COMMAND
from bot.slack.events.assistant import SUGGESTED_PROMPTS
from tests.conftest import ROOT
from tests.slack.harness import PERSON, SlackSim, new_channel

MANIFEST = yaml.safe_load((ROOT / "deploy/slack/manifest.yaml").read_text())
LEGACY = yaml.safe_load((ROOT / "deploy/slack/manifest-assistant-view.yaml").read_text())
AGENT_EVENTS = {"app_home_opened", "app_context_changed"}
ASSISTANT_EVENTS = {"assistant_thread_started", "assistant_thread_context_changed"}
MAX_PROMPTS = 4  # assistant.threads.setSuggestedPrompts: "up to four suggested prompts"


def bot_events(manifest: dict[str, Any]) -> set[str]:
    return set(manifest["settings"]["event_subscriptions"]["bot_events"])


@pytest.mark.parametrize("manifest", [MANIFEST, LEGACY], ids=["agent-view", "assistant-view"])
def test_the_manifest_matches_the_app(manifest: dict[str, Any]):
    assert [c["command"] for c in manifest["features"]["slash_commands"]] == [COMMAND]
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {
        "app_mentions:read",
        "assistant:write",
        "chat:write",
        "commands",
        "im:history",
        "reactions:write",
        "channels:history",
    } <= scopes
    assert {"app_mention", "message.im", "message.channels"} <= bot_events(manifest)
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["features"]["app_home"]["messages_tab_enabled"] is True


def test_a_new_app_gets_the_agent_view_only():
    features = MANIFEST["features"]
    assert "assistant_view" not in features  # Slack refuses it for new apps
    view = features["agent_view"]
    assert view["agent_description"].strip()
    assert "assistant_description" not in view
    assert view["suggested_prompts"] == [dict(p) for p in SUGGESTED_PROMPTS]
    assert len(view["suggested_prompts"]) <= MAX_PROMPTS
    assert bot_events(MANIFEST) >= AGENT_EVENTS
    assert not ASSISTANT_EVENTS & bot_events(MANIFEST)


def test_an_app_with_the_assistant_view_keeps_it():
    features = LEGACY["features"]
    assert "agent_view" not in features  # one view or the other, never both
    view = features["assistant_view"]
    assert view["assistant_description"].strip()
    assert view["suggested_prompts"] == [dict(p) for p in SUGGESTED_PROMPTS]
    assert bot_events(LEGACY) >= ASSISTANT_EVENTS


def test_the_two_manifests_differ_only_in_the_view_and_its_events():
    def rest(manifest: dict[str, Any]) -> dict[str, Any]:
        out = copy.deepcopy(manifest)
        out["features"].pop("agent_view", None)
        out["features"].pop("assistant_view", None)
        events = out["settings"]["event_subscriptions"]["bot_events"]
        out["settings"]["event_subscriptions"]["bot_events"] = sorted(
            set(events) - AGENT_EVENTS - ASSISTANT_EVENTS
        )
        return out

    assert rest(MANIFEST) == rest(LEGACY)


def _event(name: str, channel: str, ts: str) -> dict[str, Any]:
    """A small event of each kind the manifests subscribe to (another bot's message: seen,
    acknowledged, left alone)."""
    thread = {"user_id": PERSON, "channel_id": channel, "thread_ts": ts, "context": {}}
    return {
        "app_mention": {"type": "app_mention", "user": PERSON, "bot_id": "B0THER", "ts": ts},
        "message.channels": {"type": "message", "bot_id": "B0THER", "ts": ts},
        "message.groups": {"type": "message", "bot_id": "B0THER", "ts": ts},
        "message.im": {"type": "message", "bot_id": "B0THER", "ts": ts, "channel_type": "im"},
        "app_home_opened": {"type": "app_home_opened", "user": PERSON, "tab": "home"},
        "app_context_changed": {"type": "app_context_changed", "user": PERSON, "context": {}},
        "assistant_thread_started": {
            "type": "assistant_thread_started",
            "assistant_thread": thread,
        },
        "assistant_thread_context_changed": {
            "type": "assistant_thread_context_changed",
            "assistant_thread": thread,
        },
    }[name] | {"channel": channel, "event_ts": ts}


def test_every_declared_event_is_handled(slack: SlackSim):
    """Bolt answers 404 to an event no listener takes: each declared one gets 200."""
    for name in sorted(bot_events(MANIFEST) | bot_events(LEGACY)):
        channel = new_channel("D")
        response, _ = slack.send_event(_event(name, channel, slack.fake.new_ts()))
        assert response.status_code == 200, name
    # the check means something: an event no listener takes is not acknowledged
    response, _ = slack.send_event({"type": "pin_added", "user": PERSON, "event_ts": "1.0"})
    assert response.status_code == 404
