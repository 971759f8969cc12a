"""Slack's AI app surfaces: suggested prompts when a thread starts (assistant view) or the
Messages tab opens (agent view), a status while answering (cleared by the answer), a title from
the question, and the context the person is viewing, kept per thread and per person."""

from __future__ import annotations

import time

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


def test_the_manifests_declare_the_same_prompts():
    import yaml

    for name, view in (
        ("manifest.yaml", "agent_view"),
        ("manifest-assistant-view.yaml", "assistant_view"),
    ):
        manifest = yaml.safe_load((ROOT / "deploy/slack" / name).read_text())
        declared = manifest["features"][view]["suggested_prompts"]
        assert declared == [dict(p) for p in SUGGESTED_PROMPTS], name
        assert "assistant:write" in manifest["oauth_config"]["scopes"]["bot"]


# ---- the agent view (new apps): the Messages tab, the context the person is viewing


def test_opening_the_messages_tab_of_an_agent_app_sets_prompts_for_the_conversation(
    slack: SlackSim,
):
    dm = new_channel("D")
    event = {"type": "app_home_opened", "user": PERSON, "channel": dm, "tab": "messages"}
    response, _ = slack.send_event(event | {"event_ts": slack.fake.new_ts()})
    assert response.status_code == 200
    [call] = slack.fake.wait_for(
        lambda: slack.fake.calls_of("assistant.threads.setSuggestedPrompts", channel_id=dm)
    )
    # no thread_ts: an agent app's call with one silently does nothing
    assert "thread_ts" not in call.args
    assert [p["title"] for p in call.args["prompts"]] == [p["title"] for p in SUGGESTED_PROMPTS]
    assert len(call.args["prompts"]) >= 2


def test_opening_the_home_tab_sets_no_prompts(slack: SlackSim):
    dm = new_channel("D")
    event = {"type": "app_home_opened", "user": PERSON, "channel": dm, "tab": "home"}
    response, _ = slack.send_event(event | {"event_ts": slack.fake.new_ts()})
    assert response.status_code == 200
    time.sleep(1.0)  # the lazy listener has run by now
    assert slack.fake.calls_of("assistant.threads.setSuggestedPrompts", channel_id=dm) == []


def test_the_context_an_agent_app_is_told_is_kept_for_the_person(slack: SlackSim):
    person = "UVIEWER" + new_channel("")[:4]
    entities = [
        {"type": "slack#/types/canvas_id", "value": "F0CANVAS", "team_id": "T0TEST"},
        {"type": "slack#/types/channel_id", "value": "C0ONCOLOGY", "team_id": "T0TEST"},
    ]
    event = {"type": "app_context_changed", "user": person, "context": {"entities": entities}}
    response, _ = slack.send_event(event | {"event_ts": slack.fake.new_ts()})
    assert response.status_code == 200
    viewed = slack.contexts.of_person(person)
    assert viewed is not None
    assert (viewed.channel_id, viewed.team_id) == ("C0ONCOLOGY", "T0TEST")
    assert [e["value"] for e in viewed.entities] == ["F0CANVAS", "C0ONCOLOGY"]  # by relevance


# ---- the assistant view (apps that have it): the thread's context


def test_a_thread_context_change_is_stored_for_its_thread(slack: SlackSim):
    dm, thread = new_channel("D"), slack.fake.new_ts()

    def changed(channel: str) -> None:
        event = {
            "type": "assistant_thread_context_changed",
            "assistant_thread": {
                "user_id": PERSON,
                "context": {"channel_id": channel, "team_id": "T0TEST", "enterprise_id": "E0ORG"},
                "channel_id": dm,
                "thread_ts": thread,
            },
            "event_ts": slack.fake.new_ts(),
        }
        response, _ = slack.send_event(event)
        assert response.status_code == 200

    changed("C0FIRST")
    changed("C0SECOND")  # the person moved on: the latest is kept
    viewed = slack.contexts.of_thread(dm, thread)
    assert viewed is not None
    assert (viewed.channel_id, viewed.team_id, viewed.enterprise_id) == (
        "C0SECOND",
        "T0TEST",
        "E0ORG",
    )
    assert slack.contexts.of_thread(dm, "1.000000") is None  # another thread knows nothing


def test_a_started_thread_keeps_the_context_it_started_in(slack: SlackSim):
    dm, thread = new_channel("D"), slack.fake.new_ts()
    event = {
        "type": "assistant_thread_started",
        "assistant_thread": {
            "user_id": PERSON,
            "context": {"channel_id": "C0STARTED", "team_id": "T0TEST"},
            "channel_id": dm,
            "thread_ts": thread,
        },
        "event_ts": slack.fake.new_ts(),
    }
    slack.send_event(event)
    slack.fake.wait_for(
        lambda: slack.fake.calls_of("assistant.threads.setSuggestedPrompts", channel_id=dm)
    )
    viewed = slack.contexts.of_thread(dm, thread)
    assert viewed is not None and viewed.channel_id == "C0STARTED"
