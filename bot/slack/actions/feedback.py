"""Feedback on answers: Slack's own thumbs control (a ``feedback_buttons`` element) and the older
thumbs buttons of answers posted before it. A click is acked at once; then it is stored with
the question, the answer and its citations (quotes read back from the index) and thanked with a
message only the clicker sees."""

from __future__ import annotations

import logging
from dataclasses import asdict
from typing import Any

from slack_bolt import Ack, App

from bot.app.feedback import Feedback, Rating
from bot.slack.blocks import (
    FEEDBACK,
    FEEDBACK_HELPFUL,
    FEEDBACK_NOT_HELPFUL,
    SHOW_SOURCES,
    Message,
    decode_feedback,
    decode_rating,
    decode_refs,
)
from bot.slack.deps import SlackDeps

log = logging.getLogger(__name__)

RATINGS: dict[str, Rating] = {FEEDBACK_HELPFUL: "helpful", FEEDBACK_NOT_HELPFUL: "not_helpful"}
THANKS = "Thanks, your feedback was recorded."


def _rating(action: dict[str, Any]) -> Rating | None:
    if action.get("action_id") in RATINGS:
        return RATINGS[action["action_id"]]
    rating = decode_rating(action.get("value", ""))
    return "helpful" if rating == "helpful" else "not_helpful" if rating == "not_helpful" else None


def _show_sources_value(message: dict[str, Any]) -> str:
    for block in message.get("blocks") or []:
        for element in block.get("elements") or []:
            if isinstance(element, dict) and element.get("action_id") == SHOW_SOURCES:
                return str(element.get("value", ""))
    return ""


def register(app: App, deps: SlackDeps) -> None:
    def ack_click(ack: Ack) -> None:
        ack()

    def record(body: dict[str, Any], action: dict[str, Any]) -> None:
        rating = _rating(action)
        if rating is None:
            log.warning("feedback click without a rating: %r", action.get("value", "")[:100])
            return
        question, status = decode_feedback(action.get("value", ""))
        container = body.get("container") or {}
        message = body.get("message") or {}  # absent on an ephemeral answer
        refs = decode_refs(_show_sources_value(message))
        try:
            citations = deps.commands.quotes(refs) if refs else []
        except Exception:  # the rating matters more than its quotes
            log.exception("could not read the quotes of a rated answer")
            citations = []
        feedback = Feedback(
            rating=rating,
            question=question,
            status=status,
            user=(body.get("user") or {}).get("id", ""),
            surface="slack",
            conversation=container.get("channel_id") or (body.get("channel") or {}).get("id", ""),
            message=container.get("message_ts", ""),
            answer=str(message.get("text", "")),
            citations=[
                {k: v for k, v in asdict(c).items() if k in ("n", "title", "source", "quote")}
                for c in citations
            ],
        )
        try:
            deps.feedback.record(feedback)
        except Exception:
            log.exception("could not record %s", feedback)
        if body.get("response_url"):
            deps.send_to_response_url(
                body["response_url"],
                Message(THANKS),
                response_type="ephemeral",
                replace_original=False,
            )

    for action_id in (FEEDBACK, *RATINGS):
        app.action(action_id)(ack=ack_click, lazy=[record])
