"""Slack's AI app surface: suggested prompts when a thread starts, a status while answering
(cleared by the answer) and a title from the question."""

from __future__ import annotations

from bot.slack.events.assistant import SUGGESTED_PROMPTS
from tests.conftest import ROOT
from tests.slack.conftest import golden
from tests.slack.harness import PERSON, SlackSim, block_texts, feedback_control, new_channel


def test_opening_the_messages_tab_sets_suggested_prompts(slack: SlackSim):
    dm, thread = new_channel("D"), slack.fake.new_ts()
    event = {
        "type": "assistant_thread_started",
        "assistant_thread": {
            "user_id": PERSON,
            "context": {"channel_id": "C0VIEWED", "team_id": "T0TEST"},
            "channel_id": dm,
            "thread_ts": thread,
        },
        "event_ts": slack.fake.new_ts(),
    }
    response, _ = slack.send_event(event)
    assert response.status_code == 200
    [call] = slack.fake.wait_for(
        lambda: slack.fake.calls_of("assistant.threads.setSuggestedPrompts", channel_id=dm)
    )
    assert call.args["thread_ts"] == thread
    prompts = call.args["prompts"]
    assert len(prompts) >= 2 and all(p["title"] and p["message"] for p in prompts)
    assert [p["title"] for p in prompts][:2] == [
        "Latest OS hazard ratios",
        "Compare median PFS across trials",
    ]


def test_a_question_in_an_assistant_thread_gets_a_status_a_title_and_the_answer(slack: SlackSim):
    dm, thread = new_channel("D"), slack.fake.new_ts()
    question, expect = golden("imforte-os-hr")
    _, response, _ = slack.person_says(
        question, channel=dm, event_type="message", channel_type="im", thread_ts=thread
    )
    assert response.status_code == 200
    statuses = slack.fake.wait_for(
        lambda: (
            len(slack.fake.calls_of("assistant.threads.setStatus", channel_id=dm)) == 2
            and slack.fake.calls_of("assistant.threads.setStatus", channel_id=dm)
        )
    )
    working, cleared = statuses
    assert (
        working.args["thread_ts"] == thread and working.args["status"] == "Searching trial news..."
    )
    assert cleared.args["status"] == ""
    [posted] = slack.fake.calls_of("chat.postMessage", channel=dm)
    assert working.at <= posted.at <= cleared.at  # shown while answering, gone with the answer
    reply = posted.args
    assert reply["thread_ts"] == thread
    lead = block_texts(reply["blocks"][:1])
    assert any(e in lead for e in expect)  # the figure
    quotes = [b for b in reply["blocks"] if b["type"] == "context"]
    assert "[1]" in block_texts(quotes)
    assert feedback_control(reply)["type"] == "feedback_buttons"
    [title] = slack.fake.calls_of("assistant.threads.setTitle", channel_id=dm)
    assert (title.args["thread_ts"], title.args["title"]) == (thread, question)

    # a follow-up in the same thread keeps its title
    slack.person_says(
        "and the PFS?", channel=dm, event_type="message", channel_type="im", thread_ts=thread
    )
    slack.fake.wait_for(lambda: len(slack.fake.posted(dm)) == 2)
    assert len(slack.fake.calls_of("assistant.threads.setTitle", channel_id=dm)) == 1


def test_a_direct_message_gets_a_status_call_and_the_answer(slack: SlackSim):
    dm = new_channel("D")
    question, expect = golden("imforte-os-hr")
    ts, _, _ = slack.person_says(question, channel=dm, event_type="message", channel_type="im")
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(dm))
    assert "thread_ts" not in reply and any(e in reply["text"] for e in expect)
    working, cleared = slack.fake.wait_for(
        lambda: (
            len(slack.fake.calls_of("assistant.threads.setStatus", channel_id=dm)) == 2
            and slack.fake.calls_of("assistant.threads.setStatus", channel_id=dm)
        )
    )
    assert working.args["thread_ts"] == cleared.args["thread_ts"] == ts


def test_channel_mentions_get_no_assistant_calls(slack: SlackSim, channel: str):
    slack.mention("What was the OS HR in IMforte?", channel=channel)
    slack.fake.wait_for(lambda: slack.fake.posted(channel))
    assert not [
        c
        for c in slack.fake.calls
        if c.method.startswith("assistant.threads.") and c.args.get("channel_id") == channel
    ]


def test_the_manifest_declares_the_same_prompts():
    import yaml

    manifest = yaml.safe_load((ROOT / "deploy/slack/manifest.yaml").read_text())
    view = manifest["features"]["assistant_view"]
    assert view["suggested_prompts"] == [dict(p) for p in SUGGESTED_PROMPTS]
    assert "assistant:write" in manifest["oauth_config"]["scopes"]["bot"]
    assert "assistant_thread_started" in manifest["settings"]["event_subscriptions"]["bot_events"]
