"""Proactive posts: a card delivered to a conversation stored from an earlier message, through
the SDK's continue_conversation, to the fake connector."""

from __future__ import annotations

import asyncio
import threading

import pytest

from bot.answer.models import Answer, Citation
from bot.infra.errors import TrialbotError
from bot.teams.cards import adaptive_card, answer_card, literal
from tests.teams.harness import (
    BOT_ID,
    OUTBOUND_TOKEN,
    PERSON,
    Conversation,
    TeamsSim,
    TokenIssuer,
    card,
    shown_texts,
)

NOTICE = adaptive_card([literal("Weekly digest: 2 new articles on IMforte")])


def test_a_card_is_delivered_to_a_stored_personal_chat(teams: TeamsSim):
    chat = Conversation.personal()
    teams.say("help", chat)
    teams.answers(chat, 1)
    stored = teams.conversations.get(chat.id)
    assert stored is not None and stored.kind == "personal"

    message_id = teams.bot.sender().send(chat.id, NOTICE)
    posts = teams.fake.wait_for(lambda: teams.fake.posted(chat.id)[1:])
    [post] = posts
    assert message_id
    assert post.activity["from"]["id"] == BOT_ID
    assert post.activity["recipient"]["id"] == PERSON["id"]
    assert "Weekly digest" in shown_texts(card(post.activity))


def test_a_channel_gets_a_new_post_not_a_reply_in_an_old_thread(teams: TeamsSim):
    thread, channel = Conversation.channel_thread()
    teams.say("help", thread, mention_bot=True)
    teams.answers(thread, 1)

    answer = Answer(
        "digest",
        "answered",
        "IMforte: median OS 13.2 months [1]",
        [Citation(1, "IMforte at ASCO", "https://example.org/imforte", "median OS 13.2 months")],
    )
    teams.bot.sender().send(channel, answer_card(answer, heading="This week"))
    [post] = teams.fake.wait_for(lambda: teams.fake.posted(channel))
    assert post.conversation == channel  # the channel itself, no ;messageid=
    assert "13.2" in shown_texts(card(post.activity))


def test_send_all_reaches_every_stored_conversation(teams: TeamsSim):
    chats = [Conversation.personal() for _ in range(2)]
    for chat in chats:
        teams.say("help", chat)
        teams.answers(chat, 1)
    results = teams.bot.sender().send_all(NOTICE, kinds=("personal",))
    for chat in chats:
        assert not results[chat.id].startswith("error")
        teams.fake.wait_for(lambda chat=chat: len(teams.fake.posted(chat.id)) == 2)


def test_an_unknown_conversation_is_a_clear_error(teams: TeamsSim):
    with pytest.raises(TrialbotError, match="no Teams conversation"):
        teams.bot.sender().send("a:never-seen", NOTICE)


def test_a_refused_post_is_an_error_for_the_caller(teams: TeamsSim):
    chat = Conversation.personal()
    teams.say("help", chat)
    teams.answers(chat, 1)
    teams.fake.fail_next(1)
    with pytest.raises(TrialbotError, match="could not post"):
        teams.bot.sender().send(chat.id, NOTICE)
    assert len(teams.fake.posted(chat.id)) == 1  # no apology posted where nobody asked


def test_a_scheduler_thread_sends_through_the_hosts_event_loop(teams: TeamsSim):
    chat = Conversation.personal()
    teams.say("help", chat)
    teams.answers(chat, 1)
    sender = teams.bot.sender(loop=teams.server.loop)
    got: list[str] = []
    worker = threading.Thread(target=lambda: got.append(sender.send(chat.id, NOTICE)))
    worker.start()
    worker.join(20)
    assert got and got[0]
    teams.fake.wait_for(lambda: len(teams.fake.posted(chat.id)) == 2)

    async def inside_the_loop() -> None:
        sender.send(chat.id, NOTICE)

    with pytest.raises(RuntimeError, match="send_async"):
        asyncio.run_coroutine_threadsafe(inside_the_loop(), teams.server.loop).result(10)


def test_with_auth_on_the_post_carries_the_bots_token(secured: TeamsSim, issuer: TokenIssuer):
    chat = Conversation.personal()
    secured.say("help", chat, token=issuer.token(secured.fake.service_url))
    secured.answers(chat, 1)
    secured.bot.sender().send(chat.id, NOTICE)
    posts = secured.fake.wait_for(lambda: secured.fake.posted(chat.id)[1:])
    assert posts[0].authorization == f"Bearer {OUTBOUND_TOKEN}"


def test_installing_stores_the_conversation_and_uninstalling_forgets_it(teams: TeamsSim):
    thread, channel = Conversation.channel_thread()
    update = {
        "type": "installationUpdate",
        "id": "f:install-1",
        "action": "add",
        "serviceUrl": teams.fake.service_url,
        "channelId": "msteams",
        "from": PERSON,
        "recipient": {"id": BOT_ID, "name": "trialbot"},
        "conversation": {"id": channel, "conversationType": "channel", "isGroup": True},
        "channelData": {"team": {"id": "19:team@thread.tacv2", "name": "Oncology"}},
    }
    assert teams.post(update).status_code in (200, 202)
    stored = teams.conversations.get(channel)
    assert stored is not None and stored.name == "Oncology"
    teams.bot.sender().send(channel, NOTICE)
    teams.fake.wait_for(lambda: teams.fake.posted(channel))

    assert teams.post(update | {"id": "f:install-2", "action": "remove"}).status_code in (200, 202)
    assert teams.conversations.get(channel) is None
    del thread
