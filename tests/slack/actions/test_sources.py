""" "Show sources": the quotes behind the answer, read back from the index."""

from __future__ import annotations

import uuid

from bot.slack.blocks import HIDE_SOURCES, SHOW_SOURCES
from tests.slack.conftest import golden
from tests.slack.harness import SlackSim, buttons


def _answered(slack: SlackSim, channel: str, question_id: str) -> tuple[dict, list[str]]:
    question, expect = golden(question_id)
    slack.mention(question, channel=channel)
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    message = {"ts": "1.000001", "text": reply["text"], "blocks": reply["blocks"]}
    return message, expect


def test_show_sources_reveals_the_quote_holding_the_figure(slack: SlackSim, channel: str):
    message, expect = _answered(slack, channel, "imforte-os-hr")
    name = uuid.uuid4().hex[:8]
    click = slack.click(buttons(message)[SHOW_SOURCES], response_name=name, message=message)
    assert click.status_code == 200

    [shown] = slack.fake.wait_for(lambda: slack.fake.responses(name))
    assert shown["replace_original"] is True
    quotes = [b for b in shown["blocks"] if b.get("block_id", "").startswith("trialbot_quote_")]
    assert quotes and quotes[0]["text"]["text"].startswith("*[1]*")
    assert any(e in quotes[0]["text"]["text"].split("\n>", 1)[1] for e in expect)
    assert HIDE_SOURCES in buttons(shown)

    hidden_name = uuid.uuid4().hex[:8]
    shown_message = {"ts": "1.000001", "text": shown["text"], "blocks": shown["blocks"]}
    slack.click(buttons(shown)[HIDE_SOURCES], response_name=hidden_name, message=shown_message)
    [hidden] = slack.fake.wait_for(lambda: slack.fake.responses(hidden_name))
    assert hidden["blocks"] == message["blocks"]


def test_sources_of_an_ephemeral_answer_come_as_a_message_of_their_own(
    slack: SlackSim, channel: str
):
    message, expect = _answered(slack, channel, "ideate-orr-2l")
    name = uuid.uuid4().hex[:8]
    slack.click(buttons(message)[SHOW_SOURCES], response_name=name, message=None)
    [shown] = slack.fake.wait_for(lambda: slack.fake.responses(name))
    assert shown["response_type"] == "ephemeral" and shown["replace_original"] is False
    assert any(e in shown["blocks"][0]["text"]["text"] for e in expect)
