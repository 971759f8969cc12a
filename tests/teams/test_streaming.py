"""Teams' streaming protocol in a personal chat while the LLM engine answers: the informative
update ("Searching trial news..."), the model's text as it is written (``streaming`` typing
activities, the whole text each time), and the final message that replaces them: the checked
answer with its AI-generated entity and citations. Each activity says its place in the stream
in a ``streaminfo`` entity and in ``channelData``."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult

from bot.answer.core import Answerer
from bot.answer.llm import LLMEngine
from bot.app.services import Services
from bot.infra.settings import Settings
from bot.teams.streaming import PROGRESS
from tests.teams.conftest import golden
from tests.teams.fake_connector import FakeConnector
from tests.teams.harness import Conversation, TeamsSim, claims, rendered_markers

FIGURE = "0.73"


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
    assert update.activity["channelData"] == {"streamType": "informative", "streamSequence": 1}
    assert update.at <= answer.at
    [final] = [e for e in answer.activity["entities"] if e["type"] == "streaminfo"]
    assert final == {"type": "streaminfo", "streamType": "final", "streamId": update.id}
    channel_data = answer.activity["channelData"]
    assert channel_data == {
        "feedbackLoopEnabled": True,
        "streamType": "final",
        "streamId": update.id,
    }
    assert any(e in answer.activity["text"] for e in expect) and claims(answer.activity)


def test_a_channel_gets_the_plain_typing_dots(llm_engine: TeamsSim):
    teams = llm_engine
    thread, _ = Conversation.channel_thread()
    teams.say(golden("imforte-os-hr")[0], thread, mention_bot=True)
    [answer] = teams.fake.wait_for(lambda: teams.fake.posted(thread.id))
    [typing] = teams.fake.posted(thread.id, kind="typing")
    assert "text" not in typing.activity
    assert not [e for e in answer.activity.get("entities", []) if e["type"] == "streaminfo"]


# ---- the LLM engine: its text streamed, the checked answer final


class ScriptedChatModel(BaseChatModel):
    """Stands in for an LLM served with streaming: writes ``script(prompt)`` a word at a time."""

    script: Any = None

    @property
    def _llm_type(self) -> str:
        return "scripted-fake"

    def _text(self, messages: list[BaseMessage]) -> str:
        return str(self.script("\n".join(str(m.content) for m in messages)))

    def _generate(self, messages: list[BaseMessage], stop: Any = None, **kw: Any) -> ChatResult:
        message = AIMessage(content=self._text(messages))
        return ChatResult(generations=[ChatGeneration(message=message)])

    def _stream(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any
    ) -> Iterator[ChatGenerationChunk]:
        for word in re.findall(r"\s*\S+", self._text(messages)):
            yield ChatGenerationChunk(message=AIMessageChunk(content=word))


def citing(figure: str, said: str) -> Callable[[str], str]:
    """Cites the numbered context holding ``figure``, writing ``said`` as the figure."""

    def script(prompt: str) -> str:
        n = next(
            m.group(1)
            for m in re.finditer(r"^\[(\d+)\] (.*)$", prompt, re.M)
            if figure in m.group(2)
        )
        return f"The overall survival hazard ratio in IMforte was {said} [{n}]."

    return script


@pytest.fixture(scope="module")
def model() -> ScriptedChatModel:
    return ScriptedChatModel()


@pytest.fixture(scope="module")
def llm_teams(
    teams_services: Services,
    fake: FakeConnector,
    model: ScriptedChatModel,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[TeamsSim]:
    """The real host over the seed index, answering with the LLM engine (scripted per test),
    every piece of text sent as it comes (no wait between updates)."""
    settings = Settings()
    settings.index.dir = tmp_path_factory.mktemp("teams-llm")
    settings.answer.engine = "llm"
    settings.answer.llm = "scripted:fake"
    services = Services(settings)
    services.__dict__["store"] = teams_services.store  # the loaded index, shared
    services.__dict__["searcher"] = teams_services.searcher
    services.__dict__["vocabulary"] = teams_services.vocabulary
    services.__dict__["answerer"] = Answerer(
        teams_services.searcher, teams_services.vocabulary, LLMEngine(model, name="llm:scripted")
    )
    sim = TeamsSim(services, fake, allow_anonymous=True)
    sim.bot.deps.stream_interval_s = 0.0
    yield sim
    sim.stop()


def _stream_of(fake: FakeConnector, chat: Conversation) -> tuple[list[Any], Any]:
    """The typing activities of the chat's stream, and its final message."""
    [answer] = fake.wait_for(lambda: fake.posted(chat.id))
    return fake.posted(chat.id, kind="typing"), answer


def _info(activity: dict[str, Any]) -> dict[str, Any]:
    [info] = [e for e in activity.get("entities", []) if e["type"] == "streaminfo"]
    return info


def test_the_model_text_streams_then_the_checked_answer_ends_the_stream(
    llm_teams: TeamsSim, model: ScriptedChatModel
):
    model.script = citing(FIGURE, FIGURE)
    chat = Conversation.personal()
    llm_teams.say(golden("imforte-os-hr")[0], chat)
    typing, answer = _stream_of(llm_teams.fake, chat)
    informative, *updates = typing
    stream_id = informative.id
    assert _info(informative.activity)["streamType"] == "informative"
    assert updates, "the model's text was not streamed"
    for i, update in enumerate(updates):
        info = _info(update.activity)
        assert info == {
            "type": "streaminfo",
            "streamType": "streaming",
            "streamSequence": i + 2,
            "streamId": stream_id,
        }
        assert update.activity["channelData"] == {k: v for k, v in info.items() if k != "type"}
    texts = [u.activity["text"] for u in updates]
    assert all(b.startswith(a) for a, b in itertools.pairwise(texts))  # the whole text each time
    assert texts[-1].startswith("The overall survival hazard ratio in IMforte was 0.73 [")
    assert all(u.at <= answer.at for u in typing)

    # the final message: the checked answer, renumbered, with its AI entity and citation
    final = answer.activity
    assert _info(final) == {"type": "streaminfo", "streamType": "final", "streamId": stream_id}
    assert FIGURE in final["text"] and rendered_markers(final["text"]) == [1]
    cited = claims(final)
    assert sorted(cited) == [1] and FIGURE in cited[1]["abstract"]
    assert final["channelData"]["feedbackLoopEnabled"] is True


def test_an_invented_figure_streams_but_the_final_message_is_the_checked_answer(
    llm_teams: TeamsSim, model: ScriptedChatModel
):
    model.script = citing(FIGURE, "0.61")
    chat = Conversation.personal()
    llm_teams.say(golden("imforte-os-hr")[0], chat)
    typing, answer = _stream_of(llm_teams.fake, chat)
    assert "0.61" in typing[-1].activity["text"]  # what the model wrote, while it wrote it
    final = answer.activity
    assert "0.61" not in json.dumps(final)  # replaced: never left shown
    assert FIGURE in final["text"]
    assert any(FIGURE in c["abstract"] for c in claims(final).values())
    assert _info(final)["streamType"] == "final"
