"""``@trialbot QUESTION`` in a channel: answered in a thread (the existing one, or a new one)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack.deps import MENTION, SlackDeps
from bot.slack.replies import UserMessage, from_a_person, reply_to, thread_history


def register(app: App, deps: SlackDeps) -> None:
    def ack_mention(ack: Ack) -> None:
        ack()

    def answer_mention(event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        if not from_a_person(event):
            return
        channel, ts = event["channel"], event["ts"]
        history: list[str] = []
        if event.get("thread_ts"):
            _, history = thread_history(
                client, channel, event["thread_ts"], ts, context.bot_user_id, context.bot_id
            )
        thread = event.get("thread_ts") or ts
        team = event.get("team") or context.team_id
        message = UserMessage(channel, ts, event["user"], event.get("text", ""), thread, team=team)
        reply_to(deps, client, message, history, MENTION)

    app.event("app_mention")(ack=ack_mention, lazy=[answer_mention])
