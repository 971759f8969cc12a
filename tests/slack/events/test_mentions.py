"""@mentions: answered once, in the thread, with the figure and its citation."""

from __future__ import annotations

import time

from bot.answer.models import Answer, Citation
from bot.slack.blocks import MAX_BLOCKS, MAX_TEXT, decode_feedback
from tests.slack.conftest import golden
from tests.slack.fake_slack import BOT_USER_ID, FakeSlack
from tests.slack.harness import SlackSim, block_texts, buttons, feedback_control


def test_mention_is_answered_in_its_thread_with_the_figure(slack: SlackSim, channel: str):
    question, expect = golden("imforte-os-hr")
    ts, response = slack.mention(question, channel=channel)
    assert response.status_code == 200

    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    assert reply["thread_ts"] == ts
    lead = block_texts(reply["blocks"][:1])
    assert any(e in lead for e in expect)
    citations = block_texts([b for b in reply["blocks"] if b["type"] == "context"])
    assert "[1]" in citations and "003_c267631fe2ec8f4e.txt" in citations
    assert set(buttons(reply)) == {"trialbot_show_sources"}
    assert reply["blocks"][-1]["type"] == "context_actions"
    assert feedback_control(reply)["action_id"] == "trialbot_feedback"


def test_working_reaction_is_added_then_removed(slack: SlackSim, channel: str):
    question, _ = golden("imforte-pfs-combo")
    ts, _ = slack.mention(question, channel=channel)
    slack.fake.wait_for(lambda: slack.fake.calls_of("reactions.remove", channel=channel))
    added = slack.fake.calls_of("reactions.add", channel=channel)
    removed = slack.fake.calls_of("reactions.remove", channel=channel)
    posted = slack.fake.calls_of("chat.postMessage", channel=channel)
    assert [c.args["timestamp"] for c in added + removed] == [ts, ts]
    assert added[0].args["name"] == "hourglass_flowing_sand"
    assert added[0].at <= posted[0].at <= removed[0].at


def test_a_retry_delivery_is_not_answered_again(slack: SlackSim, channel: str):
    question, _ = golden("imforte-pfs-control")
    ts = slack.fake.new_ts()
    text = f"<@{BOT_USER_ID}> {question}"
    slack.fake.add_message(channel, ts, "UPERSON01", text)
    event = {"type": "app_mention", "user": "UPERSON01", "text": text, "ts": ts, "channel": channel}
    first, event_id = slack.send_event(event)
    retry, _ = slack.send_event(event, event_id=event_id, retry_num=1)
    again, _ = slack.send_event(event, event_id=event_id, retry_num=2)
    assert first.status_code == retry.status_code == again.status_code == 200

    slack.fake.wait_for(lambda: slack.fake.posted(channel))
    time.sleep(0.5)  # time for a second answer to show up, were there one
    assert len(slack.fake.posted(channel)) == 1


def test_a_mention_also_delivered_as_a_message_event_is_answered_once(
    slack: SlackSim, channel: str
):
    question, _ = golden("imforte-os-combo")
    text = f"<@{BOT_USER_ID}> {question}"
    parent, _ = slack.mention("What was the OS HR in IMforte?", channel=channel)
    slack.fake.wait_for(lambda: slack.fake.posted(channel))
    # a mention inside a thread the bot answered in: Slack sends app_mention and message
    ts = slack.fake.new_ts()
    slack.fake.add_message(channel, ts, "UPERSON01", text, parent)
    base = {"user": "UPERSON01", "text": text, "ts": ts, "channel": channel, "thread_ts": parent}
    slack.send_event({"type": "message", "channel_type": "channel", **base})
    slack.send_event({"type": "app_mention", **base})
    slack.fake.wait_for(lambda: len(slack.fake.posted(channel)) >= 2)
    time.sleep(0.5)
    assert len(slack.fake.posted(channel)) == 2


def test_a_429_is_retried_after_retry_after_and_delivered_once(slack: SlackSim, channel: str):
    question, expect = golden("imforte-pfs-hr")
    slack.fake.fail(
        "chat.postMessage", status=429, retry_after=1, match=lambda a: a.get("channel") == channel
    )
    slack.mention(question, channel=channel)

    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    attempts = slack.fake.calls_of("chat.postMessage", channel=channel)
    assert [c.status for c in attempts] == [429, 200]
    assert attempts[1].at - attempts[0].at >= 1.0  # waited for Retry-After
    assert any(e in reply["text"] for e in expect)
    time.sleep(0.3)
    assert len(slack.fake.posted(channel)) == 1


def test_slack_markup_is_decoded_not_searched(slack: SlackSim, channel: str):
    _, expect = golden("imforte-os-hr")
    slack.mention(
        "<@U0OTHER> what was the OS HR in <https://example.org/imforte|IMforte>? cc <#C0ONC|onc>",
        channel=channel,
    )
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    assert any(e in reply["text"] for e in expect)
    asked, _ = decode_feedback(feedback_control(reply)["positive_button"]["value"])
    assert asked == "what was the OS HR in IMforte? cc"


def test_an_internal_error_gives_an_apology_in_the_thread(
    slack: SlackSim, channel: str, monkeypatch, caplog
):
    def broken(question: str, history: list[str] | None = None) -> Answer:
        raise RuntimeError("index exploded: secret detail")

    monkeypatch.setattr(slack.services.answerer, "ask", broken)
    ts, _ = slack.mention("What was the OS HR in IMforte?", channel=channel)
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    assert reply["thread_ts"] == ts
    assert reply["text"].startswith(":confused: Sorry")
    assert "exploded" not in str(reply)
    assert "index exploded: secret detail" in caplog.text  # the details go to the log


def test_a_huge_answer_holds_block_kit_limits(slack: SlackSim, channel: str, monkeypatch):
    def huge(question: str, history: list[str] | None = None) -> Answer:
        citations = [
            Citation(n, "A long title " * 40, f"https://example.org/{n}", "12.5% " * 400, "a", 0, 1)
            for n in range(1, 301)
        ]
        return Answer(question, "answered", "The ORR was 12.5% [1]. " * 3000, citations)

    monkeypatch.setattr(slack.services.answerer, "ask", huge)
    slack.mention("What was the ORR?", channel=channel)
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    assert len(reply["blocks"]) <= MAX_BLOCKS
    for block in reply["blocks"]:
        if block["type"] == "section":
            assert len(block["text"]["text"]) <= MAX_TEXT
        for element in block.get("elements", []):
            assert len(element.get("value", "")) <= 2000


def test_a_bot_mention_is_ignored(slack: SlackSim, fake: FakeSlack, channel: str):
    slack.person_says(
        f"<@{BOT_USER_ID}> What was the OS HR in IMforte?",
        channel=channel,
        bot_id="BOTHERBOT",
    )
    slack.mention("What was the OS HR in IMforte?", channel=channel)  # then a person asks
    fake.wait_for(lambda: fake.posted(channel))
    time.sleep(0.3)
    assert len(fake.posted(channel)) == 1
