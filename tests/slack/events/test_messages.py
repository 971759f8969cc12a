"""Direct messages, thread follow-ups, and the messages the bot must leave alone."""

from __future__ import annotations

import time

from tests.slack.conftest import golden
from tests.slack.fake_slack import BOT_ID, BOT_USER_ID, FakeSlack
from tests.slack.harness import SlackSim, new_channel

IMFORTE_SOURCE = "003_c267631fe2ec8f4e.txt"


def test_a_direct_message_is_answered_directly(slack: SlackSim):
    dm = new_channel("D")
    question, expect = golden("ideate-dcr-2l")
    slack.person_says(question, channel=dm, event_type="message", channel_type="im")
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(dm))
    assert "thread_ts" not in reply
    assert any(e in reply["text"] for e in expect)


def test_a_follow_up_in_a_dm_stays_on_the_trial(slack: SlackSim):
    dm = new_channel("D")
    question, _ = golden("imforte-pfs-combo")
    slack.person_says(question, channel=dm, event_type="message", channel_type="im")
    slack.fake.wait_for(lambda: slack.fake.posted(dm))
    slack.person_says("and the OS?", channel=dm, event_type="message", channel_type="im")
    _, follow_up = slack.fake.wait_for(lambda: slack.fake.posted(dm)[1:] and slack.fake.posted(dm))
    assert IMFORTE_SOURCE in str(follow_up["blocks"])


def test_a_follow_up_in_the_thread_stays_on_the_trial(slack: SlackSim, channel: str):
    question, _ = golden("imforte-pfs-combo")
    _, os_figures = golden("imforte-os-control")
    _, os_combo = golden("imforte-os-combo")
    parent, _ = slack.mention(question, channel=channel)
    slack.fake.wait_for(lambda: slack.fake.posted(channel))

    slack.person_says("and the OS?", channel=channel, event_type="message", thread_ts=parent)
    _, follow_up = slack.fake.wait_for(
        lambda: len(slack.fake.posted(channel)) == 2 and slack.fake.posted(channel)
    )
    assert follow_up["thread_ts"] == parent
    assert any(f in follow_up["text"] for f in os_figures + os_combo)
    assert IMFORTE_SOURCE in str(follow_up["blocks"])
    assert "000_caa6e6069db539af.txt" not in str(follow_up["blocks"])  # not IDeate-Lung01


def test_threads_the_bot_did_not_answer_in_are_left_alone(slack: SlackSim, channel: str):
    parent = slack.fake.new_ts()
    slack.fake.add_message(channel, parent, "UPERSON02", "Lunch at noon?")
    slack.person_says(
        "What was the OS HR in IMforte?", channel=channel, event_type="message", thread_ts=parent
    )
    slack.person_says("What was the OS HR in IMforte?", channel=channel, event_type="message")
    time.sleep(1.0)
    assert slack.fake.posted(channel) == []
    assert slack.fake.calls_of("reactions.add", channel=channel) == []


def test_bot_messages_are_ignored(slack: SlackSim, fake: FakeSlack):
    dm = new_channel("D")
    # another bot, our own bot, and a bot_message subtype, all in a DM
    slack.person_says(
        "What was the OS HR in IMforte?",
        channel=dm,
        event_type="message",
        channel_type="im",
        bot_id="BOTHER",
    )
    slack.person_says(
        "What was the OS HR in IMforte?",
        channel=dm,
        event_type="message",
        channel_type="im",
        user=BOT_USER_ID,
        bot_id=BOT_ID,
    )
    slack.person_says(
        "What was the OS HR in IMforte?",
        channel=dm,
        event_type="message",
        channel_type="im",
        subtype="bot_message",
    )
    slack.person_says(
        "What was the OS HR in IMforte?",
        channel=dm,
        event_type="message",
        channel_type="im",
        subtype="message_changed",
    )
    time.sleep(1.0)
    assert fake.posted(dm) == []
