"""The thumbs buttons under an answer: each click is recorded (FeedbackStore) before the ack,
then thanked with a message only the clicker sees."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App

from bot.feedback import Feedback, Rating
from bot.slack.blocks import FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL, Message, decode_feedback
from bot.slack.deps import SlackDeps

log = logging.getLogger(__name__)

RATINGS: dict[str, Rating] = {FEEDBACK_HELPFUL: "helpful", FEEDBACK_NOT_HELPFUL: "not_helpful"}


def register(app: App, deps: SlackDeps) -> None:
    def record(ack: Ack, body: dict[str, Any], action: dict[str, Any]) -> None:
        question, status = decode_feedback(action.get("value", ""))
        container = body.get("container") or {}
        channel = container.get("channel_id") or (body.get("channel") or {}).get("id", "")
        feedback = Feedback(
            rating=RATINGS[action["action_id"]],
            question=question,
            status=status,
            user=(body.get("user") or {}).get("id", ""),
            surface="slack",
            conversation=channel,
            message=container.get("message_ts", ""),
        )
        try:
            deps.feedback.record(feedback)
        except Exception:
            log.exception("could not record %s", feedback)
        ack()

    def thank(body: dict[str, Any]) -> None:
        if body.get("response_url"):
            deps.send_to_response_url(
                body["response_url"],
                Message("Thanks, your feedback was recorded."),
                response_type="ephemeral",
                replace_original=False,
            )

    for action_id in RATINGS:
        app.action(action_id)(ack=record, lazy=[thank])
