"""Personal chats and channel @mentions: answered once, with an AI-generated message carrying the
figure and its citations (or a card for the commands), through the real host and the fake
connector."""

from __future__ import annotations

import time

from tests.teams.conftest import golden
from tests.teams.harness import (
    BOT_ID,
    PERSON,
    Conversation,
    TeamsSim,
    ai_entity,
    card,
    card_texts,
    claims,
    message,
    rendered_markers,
    shown_texts,
)


def test_a_personal_chat_question_is_answered_with_the_figure_and_its_quote(teams: TeamsSim):
    question, expect = golden("ideate-orr-2l")
    chat = Conversation.personal()
    asked = teams.say(question, chat)

    [reply] = teams.fake.wait_for(lambda: teams.fake.posted(chat.id))
    assert reply.reply_to == asked["id"]  # a reply to the question
    activity = reply.activity
    assert activity["replyToId"] == asked["id"]
    assert activity["from"]["id"] == BOT_ID and activity["recipient"]["id"] == PERSON["id"]
    lead = activity["text"].split("\n")[0]
    assert any(e in lead for e in expect), lead
    cited = claims(activity)
    assert sorted(cited) == rendered_markers(activity["text"]) != []  # a pop-up per marker
    assert cited[1]["keywords"] == ["000_caa6e6069db539af.txt"]  # a file source, named
    # the figure, verbatim, in the quote Teams shows
    assert any(e in c["abstract"] for e in expect for c in cited.values())
    assert reply.authorization is None  # anonymous mode sends no token


def test_a_typing_indicator_comes_before_the_answer(teams: TeamsSim):
    question, _ = golden("imforte-pfs-hr")
    chat = Conversation.personal()
    teams.say(question, chat)
    [answer] = teams.fake.wait_for(lambda: teams.fake.posted(chat.id))
    [typing] = teams.fake.posted(chat.id, kind="typing")
    assert typing.at <= answer.at


def test_a_channel_mention_is_answered_in_its_thread(teams: TeamsSim):
    question, expect = golden("imforte-pfs-combo")
    thread, channel = Conversation.channel_thread()
    asked = teams.say(question, thread, mention_bot=True)
    assert asked["text"].startswith("<at>trialbot</at> ")

    [reply] = teams.fake.wait_for(lambda: teams.fake.posted(thread.id))
    assert reply.reply_to == asked["id"]
    answer = reply.activity
    assert any(e in answer["text"].split("\n")[0] for e in expect)
    assert any(e in c["abstract"] for e in expect for c in claims(answer).values())
    stored = teams.conversations.get(channel)  # the channel itself, for digests
    assert stored is not None and stored.kind == "channel" and stored.name == "Trials"


def test_a_channel_message_without_the_mention_is_left_alone(teams: TeamsSim):
    question, _ = golden("imforte-os-hr")
    thread, _ = Conversation.channel_thread()
    teams.say(question, thread)  # delivered (e.g. with an RSC permission), not for the bot
    time.sleep(1.0)
    assert teams.fake.posted(thread.id) == []


def test_help_list_and_show_are_answered_with_cards(teams: TeamsSim):
    chat = Conversation.personal()
    teams.say("help", chat)
    help_card = card(teams.answers(chat, 1)[0])
    assert "What I can do" in shown_texts(help_card)
    assert {"show TRIAL", "list", "help"} <= {f["title"] for f in help_card["body"][1]["facts"]}

    teams.say("list", chat)
    listed = card(teams.answers(chat, 2)[1])
    assert "2 indexed articles" in shown_texts(listed)
    assert "IMforte" in shown_texts(listed)

    thread, _ = Conversation.channel_thread()
    teams.say("show IMforte", thread, mention_bot=True)
    [posted] = teams.answers(thread, 1)
    assert posted["text"].startswith("**Key figures of IMforte**")
    shown = card(posted)  # the fact sheet keeps its table
    [table] = [e for e in shown["body"] if e["type"] == "Table"]  # the fact sheet as a table
    rows = [[card_texts(cell["items"]) for cell in r["cells"]] for r in table["rows"]]
    assert rows[0] == ["Endpoint", "Arm / subgroup", "Value [source]"]
    assert any(r[0] == "HR" and r[2].startswith("0.73") for r in rows)
    assert any(r[0] == "PFS" and "combination" in r[1] and "5.4 months" in r[2] for r in rows)
    cited = claims(posted)
    assert sorted(cited) == rendered_markers(posted["text"])
    assert set(rendered_markers(card_texts(table))) <= set(cited)  # the table's [n] too
    assert any("0.73" in c["abstract"] for c in cited.values())


def test_an_unknown_trial_says_which_trials_are_indexed(teams: TeamsSim):
    chat = Conversation.personal()
    teams.say("show NOSUCHTRIAL", chat)
    [answer] = teams.answers(chat, 1)
    text = shown_texts(card(answer))
    assert "NOSUCHTRIAL" in text and "IMforte" in text


def test_a_question_the_index_cannot_answer_says_not_found_with_closest_sources(teams: TeamsSim):
    chat = Conversation.personal()
    teams.say("What was the ORR with sotorasib in CodeBreaK 200?", chat)
    [answer] = teams.answers(chat, 1)
    assert answer["text"].startswith("Not found")
    assert "Closest sources: [1]" in answer["text"]
    assert sorted(claims(answer)) == rendered_markers(answer["text"])


def test_a_redelivered_activity_is_answered_once(teams: TeamsSim):
    question, _ = golden("imforte-os-combo")
    chat = Conversation.personal()
    activity = message(question, chat, teams.fake.service_url)
    responses = [teams.post(activity) for _ in range(3)]  # Teams redelivers on a timeout
    assert [r.status_code for r in responses] == [202, 202, 202]

    teams.fake.wait_for(lambda: teams.fake.posted(chat.id))
    time.sleep(1.0)  # time for a second answer to show up, were there one
    assert len(teams.fake.posted(chat.id)) == 1


def test_a_follow_up_stays_on_the_trial_of_the_conversation(teams: TeamsSim):
    chat = Conversation.personal()
    teams.say("What was the OS HR in IMforte?", chat)
    teams.answers(chat, 1)
    teams.say("and the PFS HR?", chat)
    follow_up = teams.answers(chat, 2)[1]
    assert "0.54" in follow_up["text"].split("\n")[0]


def test_expect_replies_returns_the_answer_in_the_response(teams: TeamsSim):
    question, expect = golden("imforte-os-hr")
    chat = Conversation.personal()
    response = teams.post(
        message(question, chat, teams.fake.service_url, deliveryMode="expectReplies")
    )
    assert response.status_code == 200
    [reply] = response.json()["activities"]
    assert any(e in reply["text"] for e in expect)
    assert ai_entity(reply)["additionalType"] == ["AIGeneratedContent"]
    assert teams.fake.posted(chat.id) == []  # nothing went through the connector


def test_a_failing_answer_gets_a_short_apology(teams: TeamsSim, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("index exploded: secret internals")

    monkeypatch.setattr(teams.bot.deps.commands, "run", broken)
    chat = Conversation.personal()
    teams.say("What was the OS HR in IMforte?", chat)
    [answer] = teams.answers(chat, 1)
    text = shown_texts(card(answer))
    assert "Sorry, something went wrong" in text
    assert "secret internals" not in text


def test_a_connector_error_is_logged_and_the_next_answer_goes_through(teams: TeamsSim, caplog):
    chat = Conversation.personal()
    teams.fake.fail_next(3)  # the typing dots, the answer, and the apology tried after it
    teams.say("help", chat)
    teams.fake.wait_for(lambda: teams.fake.failures_left() == 0)
    teams.fake.wait_for(lambda: "could not send the apology" in caplog.text)
    assert "turn failed in " + chat.id in caplog.text
    assert teams.fake.posted(chat.id) == []

    teams.say("help", chat)
    [answer] = teams.answers(chat, 1)
    assert "What I can do" in shown_texts(card(answer))


def test_a_user_error_is_said_plainly(teams: TeamsSim):
    chat = Conversation.personal()
    teams.say("add", chat)
    [answer] = teams.answers(chat, 1)
    assert shown_texts(card(answer)).startswith("⚠️ give the article's address")
