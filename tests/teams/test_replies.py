"""Reading a Teams message: who it is from, whether it is for the bot, what was asked."""

from __future__ import annotations

from microsoft_agents.activity import Activity

from bot.teams.replies import activity_key, addressed_to_bot, from_a_person, question_text
from tests.teams.harness import BOT_ID, Conversation, message

URL = "https://smba.trafficmanager.net/emea/"


def _activity(text: str, conversation: Conversation | None = None, **kw) -> Activity:
    return Activity.model_validate(
        message(text, conversation or Conversation.personal(), URL, **kw)
    )


def test_the_question_is_the_text_without_the_mention_and_markup():
    thread, _ = Conversation.channel_thread()
    assert question_text(_activity("show IMforte", thread, mention_bot=True)) == "show IMforte"
    assert question_text(_activity("<p>ORR &amp; DCR?</p>")) == "ORR & DCR?"
    # a comparison sign is not markup
    assert question_text(_activity("trials with P<0.001 and HR>1?")) == (
        "trials with P<0.001 and HR>1?"
    )
    other = _activity("<at>Dr. Lee</at> asked: OS HR in IMforte?")
    assert question_text(other) == "Dr. Lee asked: OS HR in IMforte?"


def test_channel_messages_must_mention_the_bot():
    thread, _ = Conversation.channel_thread()
    assert addressed_to_bot(_activity("hi", thread, mention_bot=True))
    assert not addressed_to_bot(_activity("hi", thread))
    assert addressed_to_bot(_activity("hi"))  # a personal chat needs no mention


def test_the_bots_own_and_other_bots_messages_are_ignored():
    assert from_a_person(_activity("hi"))
    own = _activity("hi", **{"from": {"id": BOT_ID, "name": "trialbot"}})
    other_bot = _activity("hi", **{"from": {"id": "28:other", "name": "x", "role": "bot"}})
    assert not from_a_person(own) and not from_a_person(other_bot)


def test_a_redelivery_has_the_same_key():
    chat = Conversation.personal()
    first = _activity("hi", chat, activity_id="1700000000001")
    again = _activity("hi", chat, activity_id="1700000000001")
    assert activity_key(first) == activity_key(again) == f"teams:{chat.id}:1700000000001"
