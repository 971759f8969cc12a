"""The informative streaming update in a personal chat while the LLM engine answers."""

from __future__ import annotations

import pytest

from bot.teams.replies import PROGRESS
from tests.teams.conftest import golden
from tests.teams.harness import Conversation, TeamsSim, claims


@pytest.fixture
def llm_engine(teams: TeamsSim, monkeypatch: pytest.MonkeyPatch) -> TeamsSim:
    monkeypatch.setattr(teams.bot.deps, "streams_progress", True)
    return teams


def test_a_personal_chat_sees_searching_then_the_answer_ending_the_stream(llm_engine: TeamsSim):
    teams = llm_engine
    question, expect = golden("imforte-os-hr")
    chat = Conversation.personal()
    teams.say(question, chat)
    [answer] = teams.fake.wait_for(lambda: teams.fake.posted(chat.id))
    [update] = teams.fake.posted(chat.id, kind="typing")
    assert update.activity["text"] == PROGRESS
    [info] = [e for e in update.activity["entities"] if e["type"] == "streaminfo"]
    assert info == {"type": "streaminfo", "streamType": "informative", "streamSequence": 1}
    assert update.at <= answer.at
    [final] = [e for e in answer.activity["entities"] if e["type"] == "streaminfo"]
    assert final == {"type": "streaminfo", "streamType": "final", "streamId": update.id}
    assert any(e in answer.activity["text"] for e in expect) and claims(answer.activity)


def test_a_channel_gets_the_plain_typing_dots(llm_engine: TeamsSim):
    teams = llm_engine
    thread, _ = Conversation.channel_thread()
    teams.say(golden("imforte-os-hr")[0], thread, mention_bot=True)
    [answer] = teams.fake.wait_for(lambda: teams.fake.posted(thread.id))
    [typing] = teams.fake.posted(thread.id, kind="typing")
    assert "text" not in typing.activity
    assert not [e for e in answer.activity.get("entities", []) if e["type"] == "streaminfo"]
