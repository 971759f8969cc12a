"""Message events: direct messages (answered directly) and follow-ups in threads where the bot
has answered ("and the OS?" stays on the trial the thread is about). Messages that mention the
bot in a channel are left to the app_mention listener; bots' messages are ignored."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack.deps import MENTION, SlackDeps
from bot.slack.replies import (
    UserMessage,
    dm_history,
    from_a_person,
    reply_to,
    thread_history,
)


def register(app: App, deps: SlackDeps) -> None:
    def ack_message(ack: Ack) -> None:
        ack()

    def answer_message(event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        if not from_a_person(event):
            return
        channel, ts, text = event["channel"], event["ts"], event.get("text", "")
        thread: str = event.get("thread_ts") or ""
        in_thread = bool(thread) and thread != ts
        team = event.get("team") or context.team_id
        if event.get("channel_type") == "im":
            if in_thread:
                _, history = thread_history(
                    client, channel, thread, ts, context.bot_user_id, context.bot_id
                )
            else:
                history = dm_history(client, channel, ts)
            # the AI app surface keeps each conversation in a thread; a plain DM gets a status
            # line only where Slack accepts one
            message = UserMessage(
                channel,
                ts,
                event["user"],
                text,
                thread if in_thread else None,
                assistant_thread=thread if in_thread else ts,
                team=team,
            )
            reply_to(deps, client, message, history, MENTION)
            return
        if not in_thread or f"<@{context.bot_user_id}>" in text:
            return  # a plain channel message, or a mention (answered by app_mention)
        answered, history = thread_history(
            client, channel, thread, ts, context.bot_user_id, context.bot_id
        )
        if answered:
            reply_to(
                deps,
                client,
                UserMessage(channel, ts, event["user"], text, thread, team=team),
                history,
                MENTION,
            )

    app.event("message")(ack=ack_message, lazy=[answer_message])
