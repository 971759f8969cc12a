"""Slack's AI app surface: when someone opens trialbot's messages tab (or starts a new thread
with it there), Slack sends ``assistant_thread_started`` and trialbot sets suggested prompts.
The questions themselves arrive as DM messages in that thread (events/messages.py), answered
with a status and a title (replies.py)."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.deps import SlackDeps

log = logging.getLogger(__name__)

PROMPTS_TITLE = "Ask about clinical-trial results"
# the same prompts as features.assistant_view.suggested_prompts in deploy/slack/manifest.yaml
SUGGESTED_PROMPTS: tuple[dict[str, str], ...] = (
    {
        "title": "Latest OS hazard ratios",
        "message": "What were the overall survival hazard ratios in the latest trials?",
    },
    {"title": "Compare median PFS across trials", "message": "compare median PFS"},
    {"title": "What's indexed?", "message": "list"},
    {"title": "How to ask", "message": "help"},
)


def register(app: App, deps: SlackDeps) -> None:
    def ack_event(ack: Ack) -> None:
        ack()

    def suggest_prompts(event: dict[str, Any], client: WebClient) -> None:
        thread = event.get("assistant_thread") or {}
        channel, thread_ts = thread.get("channel_id"), thread.get("thread_ts")
        if not channel or not thread_ts:
            log.warning("assistant_thread_started without a thread: %s", event)
            return
        try:
            client.assistant_threads_setSuggestedPrompts(
                channel_id=channel,
                thread_ts=thread_ts,
                title=PROMPTS_TITLE,
                prompts=[dict(p) for p in SUGGESTED_PROMPTS],
            )
        except SlackApiError as exc:  # the person can still type a question
            log.warning("assistant.threads.setSuggestedPrompts: %s", exc.response.get("error"))
        except OSError as exc:
            log.warning("assistant.threads.setSuggestedPrompts: %s", exc)

    def ignore(ack: Ack) -> None:
        ack()  # trialbot does not use the channel the person is viewing

    app.event("assistant_thread_started")(ack=ack_event, lazy=[suggest_prompts])
    app.event("assistant_thread_context_changed")(ignore)
