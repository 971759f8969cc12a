"""Slack's AI app surfaces. The agent messaging view (``features.agent_view``, what Slack gives
new apps): opening trialbot's Messages tab sends ``app_home_opened`` with ``tab: messages`` and
trialbot sets suggested prompts for the conversation; ``app_context_changed`` says what the person
is viewing. The older assistant view (``features.assistant_view``, kept where a workspace has it):
``assistant_thread_started`` when a thread starts (suggested prompts for it) and
``assistant_thread_context_changed`` when the person views another channel. Contexts are kept in
``deps.contexts``. The questions themselves arrive as DM messages (events/messages.py), answered
with a status and a title (replies.py).
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack.contexts import ViewContext
from bot.slack.deps import SlackDeps

log = logging.getLogger(__name__)

PROMPTS_TITLE = "Ask about clinical-trial results"
# the same prompts as the manifests' suggested_prompts (deploy/slack/manifest.yaml: agent_view;
# manifest-assistant-view.yaml: assistant_view); Slack shows at most four
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

    def prompts_for_thread(event: dict[str, Any], client: WebClient) -> None:
        thread = event.get("assistant_thread") or {}
        channel, thread_ts = thread.get("channel_id"), thread.get("thread_ts")
        if not channel or not thread_ts:
            log.warning("assistant_thread_started without a thread: %s", event)
            return
        if isinstance(thread.get("context"), dict):
            context = ViewContext.of_assistant_thread(thread["context"])
            deps.contexts.save_thread(channel, thread_ts, context)
        _suggest(client, channel, thread_ts)

    def prompts_for_messages_tab(event: dict[str, Any], client: WebClient) -> None:
        # the agent view's "a conversation opens": no thread yet, the prompts sit at its top
        if event.get("tab") == "messages" and event.get("channel"):
            _suggest(client, event["channel"], None)

    # storing a context is quick: done before acknowledging, no lazy listener
    def thread_context_changed(ack: Ack, event: dict[str, Any]) -> None:
        thread = event.get("assistant_thread") or {}
        channel, thread_ts = thread.get("channel_id"), thread.get("thread_ts")
        if channel and thread_ts and isinstance(thread.get("context"), dict):
            context = ViewContext.of_assistant_thread(thread["context"])
            deps.contexts.save_thread(channel, thread_ts, context)
        ack()

    def app_context_changed(ack: Ack, event: dict[str, Any], context: BoltContext) -> None:
        user = event.get("user") or context.user_id
        viewed = event.get("context")
        if user:
            deps.contexts.save_person(
                user, ViewContext.of_app_context(viewed if isinstance(viewed, dict) else {})
            )
        ack()

    app.event("assistant_thread_started")(ack=ack_event, lazy=[prompts_for_thread])
    app.event("app_home_opened")(ack=ack_event, lazy=[prompts_for_messages_tab])
    app.event("assistant_thread_context_changed")(thread_context_changed)
    app.event("app_context_changed")(app_context_changed)


def _suggest(client: WebClient, channel: str, thread_ts: str | None) -> None:
    """Set the suggested prompts; ``thread_ts`` only in the assistant view (an agent app's call
    with one silently does nothing, as Slack documents)."""
    args: dict[str, Any] = {"channel_id": channel, "title": PROMPTS_TITLE}
    if thread_ts:
        args["thread_ts"] = thread_ts
    try:
        client.assistant_threads_setSuggestedPrompts(
            prompts=[dict(p) for p in SUGGESTED_PROMPTS], **args
        )
    except SlackApiError as exc:  # the person can still type a question
        log.warning("assistant.threads.setSuggestedPrompts: %s", exc.response.get("error"))
    except OSError as exc:
        log.warning("assistant.threads.setSuggestedPrompts: %s", exc)
