"""Stored conversation references: what a proactive post needs, one per chat or channel."""

from __future__ import annotations

from pathlib import Path

import pytest
from microsoft_agents.activity import Activity

from bot.teams.conversations import (
    MemoryConversationStore,
    SqliteConversationStore,
    conversation_from_activity,
)
from tests.teams.harness import BOT_ID, PERSON, TENANT_ID, Conversation, message

SERVICE_URL = "https://smba.trafficmanager.net/emea/"


def _activity(conversation: Conversation, **extra) -> Activity:
    return Activity.model_validate(message("hi", conversation, SERVICE_URL, **extra))


def test_a_personal_chat_is_stored_with_what_a_post_needs():
    chat = Conversation.personal()
    stored = conversation_from_activity(_activity(chat), now=100.0)
    assert (stored.id, stored.kind, stored.tenant_id) == (chat.id, "personal", TENANT_ID)
    assert stored.name == PERSON["name"]
    ref = stored.reference
    assert ref.service_url == SERVICE_URL and ref.conversation.id == chat.id
    assert ref.agent.id == BOT_ID and ref.user.id == PERSON["id"]
    assert ref.activity_id is None  # a later post is not a reply to this message


def test_a_channel_thread_is_stored_as_its_channel():
    thread, channel = Conversation.channel_thread()
    stored = conversation_from_activity(_activity(thread))
    assert stored.id == channel and stored.reference.conversation.id == channel
    assert (stored.kind, stored.name) == ("channel", "Trials")


@pytest.mark.parametrize("kind", ["memory", "sqlite"])
def test_stores_keep_the_newest_reference_per_conversation(kind: str, tmp_path: Path):
    store = (
        MemoryConversationStore()
        if kind == "memory"
        else SqliteConversationStore(tmp_path / "conversations.sqlite3")
    )
    chat = Conversation.personal()
    thread, channel = Conversation.channel_thread()
    store.save(conversation_from_activity(_activity(chat), now=1.0))
    store.save(conversation_from_activity(_activity(thread), now=2.0))
    moved = _activity(chat, serviceUrl="https://smba.trafficmanager.net/amer/")
    store.save(conversation_from_activity(moved, now=3.0))

    assert [c.id for c in store.all()] == [chat.id, channel]
    got = store.get(chat.id)
    assert got is not None and got.reference.service_url.endswith("/amer/")
    assert got.reference.conversation.tenant_id == TENANT_ID
    store.remove(chat.id)
    assert store.get(chat.id) is None and [c.id for c in store.all()] == [channel]


def test_the_sqlite_store_survives_a_restart(tmp_path: Path):
    path = tmp_path / "conversations.sqlite3"
    chat = Conversation.personal()
    first = SqliteConversationStore(path)
    first.save(conversation_from_activity(_activity(chat)))
    first.close()
    again = SqliteConversationStore(path).get(chat.id)
    assert again is not None and again.reference.user.name == PERSON["name"]
