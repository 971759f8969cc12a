"""The thumbs buttons: every click recorded."""

from __future__ import annotations

import uuid

from bot.feedback import JsonlFeedbackStore
from bot.slack.blocks import FEEDBACK_HELPFUL, FEEDBACK_NOT_HELPFUL
from tests.slack.harness import SlackSim, buttons


def test_feedback_clicks_are_recorded_and_thanked(slack: SlackSim, channel: str):
    slack.mention("What was the OS HR in IMforte?", channel=channel)
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    message = {"ts": "1712345678.000200", "text": reply["text"], "blocks": reply["blocks"]}
    store = JsonlFeedbackStore(slack.services.settings.index.dir / "slack-feedback.jsonl")
    before = len(store.read())

    name = uuid.uuid4().hex[:8]
    click = slack.click(
        buttons(message)[FEEDBACK_NOT_HELPFUL],
        response_name=name,
        message=message,
        channel=channel,
        user="URATER",
    )
    assert click.status_code == 200
    recorded = store.read()[before:]  # written before the ack
    assert len(recorded) == 1
    feedback = recorded[0]
    assert (feedback.rating, feedback.user, feedback.surface) == ("not_helpful", "URATER", "slack")
    assert feedback.question == "What was the OS HR in IMforte?"
    assert (feedback.status, feedback.conversation) == ("answered", channel)
    assert feedback.message == "1712345678.000200"
    [thanks] = slack.fake.wait_for(lambda: slack.fake.responses(name))
    assert thanks["text"].startswith("Thanks") and thanks["replace_original"] is False

    slack.click(buttons(message)[FEEDBACK_HELPFUL], response_name=name, message=message)
    assert [f.rating for f in store.read()[before:]] == ["not_helpful", "helpful"]
