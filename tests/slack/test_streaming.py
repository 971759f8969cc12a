"""An LLM answer streamed into its thread with chat.startStream / appendStream / stopStream, then
replaced by the checked answer: what stays in the thread (the fake's stored message) is the
grounded figure with its citations, its quote and the feedback control, or, when the model
invented a figure, the deterministic answer; the model's text is only ever a preview."""

from __future__ import annotations

import json
import re
import uuid
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
from bot.slack.blocks import SHOW_SOURCES
from bot.slack.streaming import APPEND_CHARS
from tests.slack.conftest import golden
from tests.slack.fake_slack import TEAM_ID, FakeSlack
from tests.slack.harness import (
    PERSON,
    SlackSim,
    block_texts,
    buttons,
    feedback_control,
    new_channel,
)

FIGURE = "0.73"
QUESTION = golden("imforte-os-hr")[0]  # the OS hazard ratio of IMforte: 0.73
# long enough for a start and at least one append (APPEND_CHARS), one figure only
PADDING = (
    " This is the figure of the randomised comparison between the arms, as the cited article"
    " reports it for the whole population of the trial."
)
Reply = Callable[[str], str]


class ScriptedChatModel(BaseChatModel):
    """Stands in for an LLM served with streaming: writes ``script(prompt)`` a word at a time."""

    script: Any = None  # Reply, set by each test

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


def citing(figure: str, invented: str | None = None) -> Reply:
    """A model that cites the numbered context holding ``figure`` (and writes ``invented``
    in its place when given)."""

    def script(prompt: str) -> str:
        n = next(
            m.group(1)
            for m in re.finditer(r"^\[(\d+)\] (.*)$", prompt, re.M)
            if figure in m.group(2)
        )
        said = invented or figure
        return f"The overall survival hazard ratio in IMforte was {said} [{n}].{PADDING}"

    return script


@pytest.fixture(scope="module")
def model() -> ScriptedChatModel:
    return ScriptedChatModel()


@pytest.fixture(scope="module")
def llm_slack(
    seed_services: Services,
    fake: FakeSlack,
    model: ScriptedChatModel,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[SlackSim]:
    """The real Bolt app over the seed index, answering with the LLM engine (TRIALBOT_ANSWER_
    ENGINE=llm), its model scripted per test."""
    settings = Settings()
    settings.index.dir = tmp_path_factory.mktemp("slack-llm")  # its own state files
    settings.answer.engine = "llm"
    settings.answer.llm = "scripted:fake"
    services = Services(settings)
    services.__dict__["store"] = seed_services.store  # the loaded index, shared
    services.__dict__["searcher"] = seed_services.searcher
    services.__dict__["vocabulary"] = seed_services.vocabulary
    services.__dict__["answerer"] = Answerer(
        seed_services.searcher, seed_services.vocabulary, LLMEngine(model, name="llm:scripted")
    )
    sim = SlackSim(services, fake)
    yield sim
    sim.stop()


def streamed(fake: FakeSlack, channel: str) -> tuple[str, str]:
    """The streamed message's ts, and the text streamed into it (start and appends)."""
    [start] = fake.calls_of("chat.startStream", channel=channel)
    appends = fake.calls_of("chat.appendStream", channel=channel)
    ts = next(
        c for c in fake.calls if c.method == "chat.stopStream" and c.args["channel"] == channel
    )
    text = start.args["markdown_text"] + "".join(a.args["markdown_text"] for a in appends)
    return ts.args["ts"], text


def answered(fake: FakeSlack, channel: str) -> dict[str, Any]:
    """The bot's message in the thread once its stream has been replaced (chat.update)."""
    fake.wait_for(lambda: fake.calls_of("chat.update", channel=channel))
    ts, _ = streamed(fake, channel)
    message = fake.message(channel, ts)
    assert message is not None
    return message


def test_a_grounded_llm_answer_streams_then_stays_with_its_citations(
    llm_slack: SlackSim, model: ScriptedChatModel, channel: str
):
    model.script = citing(FIGURE)
    question_ts, _ = llm_slack.mention(QUESTION, channel=channel)
    message = answered(llm_slack.fake, channel)

    [start] = llm_slack.fake.calls_of("chat.startStream", channel=channel)
    assert start.args["thread_ts"] == question_ts  # a reply to the question, in its thread
    assert start.args["recipient_user_id"] == PERSON
    assert start.args["recipient_team_id"] == TEAM_ID
    appends = llm_slack.fake.calls_of("chat.appendStream", channel=channel)
    assert appends and all(len(a.args["markdown_text"]) >= APPEND_CHARS for a in appends)
    _, preview = streamed(llm_slack.fake, channel)
    assert preview.startswith("The overall survival hazard ratio in IMforte was 0.73 [")

    # what stays: the checked answer, renumbered [1], with its source and feedback control
    assert not message["streaming"] and message["thread_ts"] == question_ts
    assert FIGURE in message["text"] and "[1]" in message["text"]
    assert FIGURE in block_texts(message["blocks"])
    assert feedback_control(message)["type"] == "feedback_buttons"
    assert llm_slack.fake.posted(channel) == []  # one message in the thread, not two

    # its "Show sources" reveals the quote that holds the figure
    name = uuid.uuid4().hex[:8]
    llm_slack.click(buttons(message)[SHOW_SOURCES], response_name=name, message=message)
    [shown] = llm_slack.fake.wait_for(lambda: llm_slack.fake.responses(name))
    quotes = [b for b in shown["blocks"] if b.get("block_id", "").startswith("trialbot_quote_")]
    assert FIGURE in quotes[0]["text"]["text"].split("\n>", 1)[1]


def test_an_invented_figure_is_replaced_by_the_checked_answer(
    llm_slack: SlackSim, model: ScriptedChatModel, channel: str
):
    model.script = citing(FIGURE, invented="0.61")
    llm_slack.mention(QUESTION, channel=channel)
    message = answered(llm_slack.fake, channel)
    _, preview = streamed(llm_slack.fake, channel)
    assert "0.61" in preview  # streamed while the model wrote it...
    # ...and gone once checked: the deterministic answer stands in its place
    assert "0.61" not in json.dumps(message)
    assert FIGURE in message["text"] and FIGURE in block_texts(message["blocks"])
    assert not message["streaming"]
    assert llm_slack.fake.posted(channel) == []


def test_when_slack_refuses_the_update_the_preview_is_deleted_and_the_answer_posted(
    llm_slack: SlackSim, model: ScriptedChatModel, channel: str
):
    model.script = citing(FIGURE, invented="0.61")
    llm_slack.fake.fail("chat.update", status=200, match=lambda a: a.get("channel") == channel)
    llm_slack.mention(QUESTION, channel=channel)
    [reply] = llm_slack.fake.wait_for(lambda: llm_slack.fake.posted(channel))
    ts, _ = streamed(llm_slack.fake, channel)
    assert llm_slack.fake.message(channel, ts) is None  # the unchecked preview is gone
    assert FIGURE in reply["text"] and "0.61" not in json.dumps(reply)


def test_where_streaming_is_refused_the_answer_comes_in_one_message(
    llm_slack: SlackSim, model: ScriptedChatModel, channel: str
):
    model.script = citing(FIGURE)
    llm_slack.fake.fail("chat.startStream", status=200, match=lambda a: a["channel"] == channel)
    llm_slack.mention(QUESTION, channel=channel)
    [reply] = llm_slack.fake.wait_for(lambda: llm_slack.fake.posted(channel))
    assert FIGURE in reply["text"] and feedback_control(reply)
    assert llm_slack.fake.calls_of("chat.appendStream", channel=channel) == []


def test_not_found_from_the_model_is_one_message_and_nothing_streamed(
    llm_slack: SlackSim, model: ScriptedChatModel, channel: str
):
    model.script = lambda prompt: "NOT_FOUND"
    llm_slack.mention("What was the ORR of the ZEPHYR-9 trial?", channel=channel)
    [reply] = llm_slack.fake.wait_for(lambda: llm_slack.fake.posted(channel))
    assert reply["text"].startswith("Not found")
    assert llm_slack.fake.calls_of("chat.startStream", channel=channel) == []


def test_the_extractive_engine_answers_in_one_message(slack: SlackSim, channel: str):
    slack.mention(QUESTION, channel=channel)
    [reply] = slack.fake.wait_for(lambda: slack.fake.posted(channel))
    assert FIGURE in reply["text"]
    assert slack.fake.calls_of("chat.startStream", channel=channel) == []


def test_a_question_in_an_assistant_thread_shows_a_status_then_streams(
    llm_slack: SlackSim, model: ScriptedChatModel
):
    model.script = citing(FIGURE)
    dm, thread = new_channel("D"), llm_slack.fake.new_ts()
    llm_slack.person_says(
        QUESTION, channel=dm, event_type="message", channel_type="im", thread_ts=thread
    )
    message = answered(llm_slack.fake, dm)
    working, cleared = llm_slack.fake.wait_for(
        lambda: (
            len(llm_slack.fake.calls_of("assistant.threads.setStatus", channel_id=dm)) == 2
            and llm_slack.fake.calls_of("assistant.threads.setStatus", channel_id=dm)
        )
    )
    [start] = llm_slack.fake.calls_of("chat.startStream", channel=dm)
    [update] = llm_slack.fake.calls_of("chat.update", channel=dm)
    assert working.args["status"] == "Searching trial news..." and cleared.args["status"] == ""
    assert working.at <= start.at <= update.at <= cleared.at
    assert start.args["thread_ts"] == thread == message["thread_ts"]
    assert FIGURE in message["text"] and feedback_control(message)
