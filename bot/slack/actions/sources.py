"""The "Show sources" button reveals the answer's quotes in the message (read back from the
index, exactly as cited); "Hide sources" folds them again. On an ephemeral answer, whose blocks
Slack does not send back, the quotes come as a new message only the clicker sees."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.slack.blocks import (
    HIDE_SOURCES,
    SHOW_SOURCES,
    Message,
    decode_refs,
    quote_blocks,
    with_quotes,
    without_quotes,
)
from bot.slack.deps import SlackDeps


def register(app: App, deps: SlackDeps) -> None:
    def ack_click(ack: Ack) -> None:
        ack()

    def show_sources(body: dict[str, Any], action: dict[str, Any]) -> None:
        citations = deps.commands.quotes(decode_refs(action.get("value", "")))
        original = body.get("message") or {}
        url = body["response_url"]
        if original.get("blocks"):
            blocks = with_quotes(original["blocks"], citations)
            deps.send_to_response_url(
                url, Message(original.get("text", ""), blocks), replace_original=True
            )
        else:
            message = Message("Sources", quote_blocks(citations))
            deps.send_to_response_url(
                url, message, response_type="ephemeral", replace_original=False
            )

    def hide_sources(body: dict[str, Any]) -> None:
        original = body.get("message") or {}
        if original.get("blocks"):
            blocks = without_quotes(original["blocks"])
            deps.send_to_response_url(
                body["response_url"],
                Message(original.get("text", ""), blocks),
                replace_original=True,
            )

    app.action(SHOW_SOURCES)(ack=ack_click, lazy=[show_sources])
    app.action(HIDE_SOURCES)(ack=ack_click, lazy=[hide_sources])
