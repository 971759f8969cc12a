"""The LLM engine with LangChain's fake chat models: a model that cites correctly is shown, one that
invents a figure or cites nothing is rejected and the deterministic answer is shown instead."""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Iterator
from typing import Any

import pytest
from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field

from bot.answer.core import Answerer
from bot.answer.engine import DeltaStream, emit_delta, streaming_to, wants_deltas
from bot.answer.grounding import ungrounded_numbers
from bot.answer.llm import LLMEngine, PromptTemplate, build_chat_model, select_contexts
from bot.app.services import Services
from bot.infra.errors import ConfigError, EngineError
from bot.infra.settings import Settings
from tests.conftest import GOLDEN, make_services, seed_files


class QuotingChatModel(BaseChatModel):
    """Stands in for a well-behaved LLM: quotes ``figure`` from the context that holds it."""

    figure: str
    prompts: list[str] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "quoting-fake"

    def _generate(self, messages: list[BaseMessage], stop: Any = None, **kw: Any) -> ChatResult:
        prompt = "\n".join(str(m.content) for m in messages)
        self.prompts.append(prompt)
        n = next(
            m.group(1)
            for m in re.finditer(r"^\[(\d+)\] (.*)$", prompt, re.M)
            if self.figure in m.group(2)
        )
        text = f"The figure reported was {self.figure} [{n}]."
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])


class FailingChatModel(BaseChatModel):
    @property
    def _llm_type(self) -> str:
        return "failing-fake"

    def _generate(self, messages: list[BaseMessage], stop: Any = None, **kw: Any) -> ChatResult:
        raise TimeoutError("provider did not answer")


@pytest.fixture(scope="module")
def services(tmp_path_factory, embedder) -> Services:
    services = make_services(tmp_path_factory.mktemp("llm"), embedder)
    with services.ingestor() as ing:
        ing.ingest_paths(seed_files())
    return services


def _answerer(services: Services, model: BaseChatModel) -> Answerer:
    return Answerer(services.searcher, services.vocabulary, LLMEngine(model, name="llm:fake"))


def test_a_model_that_cites_its_context_is_shown(services):
    q = GOLDEN["ideate-orr-2l"]
    model = QuotingChatModel(figure=q["expect"][0])
    answer = _answerer(services, model).ask(q["question"])
    assert answer.engine == "llm:fake"
    assert answer.status == "answered"
    assert q["expect"][0] in answer.text
    assert answer.citations[0].n == 1 and "[1]" in answer.text
    assert q["expect"][0] in answer.citations[0].quote
    assert ungrounded_numbers(answer.text, answer.citations) == []
    # the prompt carried the packaged instructions and numbered contexts
    assert "NOT_FOUND" in model.prompts[0] and "[1] (" in model.prompts[0]


def test_the_model_is_shown_the_contexts_the_core_reports(services):
    """bench/context_recall.py measures ``sentences_for`` cut by ``select_contexts``: exactly
    the numbered contexts of the prompt, no more."""
    q = GOLDEN["imforte-induction-regimen"]
    model = QuotingChatModel(figure=q["expect"][0])
    answerer = Answerer(
        services.searcher, services.vocabulary, LLMEngine(model, name="llm:fake", max_contexts=20)
    )
    answerer.ask(q["question"])
    given = answerer.sentences_for(q["question"])
    shown = select_contexts(given, 20, q["question"])
    assert len(given) > len(shown) == 20  # the question reads whole articles: the cut matters
    numbered = "\n".join(f"[{i}] ({s.article.title}) {s.text}" for i, s in enumerate(shown, 1))
    assert numbered in model.prompts[0]
    assert "[21] (" not in model.prompts[0]


def test_a_model_that_invents_a_figure_is_rejected(services):
    q = GOLDEN["ideate-orr-2l"]
    model = FakeListChatModel(responses=["The ORR in second line was 71.9% [1]."])
    answer = _answerer(services, model).ask(q["question"])
    assert "71.9" not in answer.text
    assert answer.engine == "extractive"
    assert answer.status == "answered" and q["expect"][0] in answer.text


@pytest.mark.parametrize(
    "reply",
    [
        "The ORR in second line was 56.3%.",  # no citation at all
        "The ORR in second line was 56.3% [99].",  # a context that does not exist
    ],
)
def test_a_model_that_does_not_cite_is_rejected(services, reply):
    answer = _answerer(services, FakeListChatModel(responses=[reply])).ask(
        GOLDEN["ideate-orr-2l"]["question"]
    )
    assert answer.engine == "extractive"
    assert ungrounded_numbers(answer.text, answer.citations) == []


def test_a_failing_model_falls_back_to_the_deterministic_answer(services):
    q = GOLDEN["ideate-orr-2l"]
    answer = _answerer(services, FailingChatModel()).ask(q["question"])
    assert answer.engine == "extractive" and q["expect"][0] in answer.text


def test_not_found_from_the_model_lists_closest_sources(services):
    answer = _answerer(services, FakeListChatModel(responses=["NOT_FOUND"])).ask(
        "What was the ORR with I-DXd in first line?"
    )
    assert answer.status == "not_found"
    assert answer.text.startswith("Not found")
    assert answer.citations


def test_prompt_template_must_use_its_variables(tmp_path):
    bad = tmp_path / "p.yaml"
    bad.write_text("system: answer well\nhuman: '{question}'\n")
    with pytest.raises(ConfigError, match="contexts"):
        PromptTemplate.load(bad)
    assert PromptTemplate.load().messages("Q?", "[1] x")[1][1].endswith("Question: Q?\n")


def test_llm_engine_needs_a_model_setting(monkeypatch):
    monkeypatch.setenv("TRIALBOT_ANSWER_ENGINE", "llm")
    monkeypatch.delenv("TRIALBOT_ANSWER_LLM", raising=False)
    with pytest.raises(ConfigError, match="TRIALBOT_ANSWER_LLM"):
        Services(Settings()).answerer  # noqa: B018


@pytest.mark.skipif(
    importlib.util.find_spec("langchain_anthropic") is not None, reason="extra is installed"
)
def test_a_missing_provider_package_names_the_extra():
    with pytest.raises(ConfigError, match=r"trialbot\[anthropic\]"):
        build_chat_model("anthropic:claude-x", temperature=0, timeout_s=5)


# ---- streaming: the text as the model writes it, for a surface to preview; the answer checked


class BreakingChatModel(BaseChatModel):
    """Writes a few words, then the connection breaks."""

    @property
    def _llm_type(self) -> str:
        return "breaking-fake"

    def _generate(self, messages: list[BaseMessage], stop: Any = None, **kw: Any) -> ChatResult:
        raise AssertionError("a streamed answer is read with stream(), not invoke()")

    def _stream(
        self, messages: list[BaseMessage], stop: Any = None, run_manager: Any = None, **kw: Any
    ) -> Iterator[ChatGenerationChunk]:
        yield ChatGenerationChunk(message=AIMessageChunk(content="The ORR was"))
        raise ConnectionError("server went away")


def test_a_streamed_answer_passes_the_model_text_on_and_is_checked_after(services):
    q = GOLDEN["ideate-orr-2l"]
    reply = "The ORR in second line was 71.9% [1]."
    answerer = _answerer(services, FakeListChatModel(responses=[reply]))
    stream = DeltaStream(lambda: answerer.ask(q["question"]))
    pieces = list(stream)
    assert len(pieces) > 1 and "".join(pieces) == reply  # as written, piece by piece
    answer = stream.result()
    assert answer.engine == "extractive" and "71.9" not in answer.text  # rejected all the same
    assert q["expect"][0] in answer.text


def test_a_stream_that_breaks_falls_back_to_the_deterministic_answer(services):
    q = GOLDEN["ideate-orr-2l"]
    answerer = _answerer(services, BreakingChatModel())
    with streaming_to((pieces := []).append):
        answer = answerer.ask(q["question"])
    assert pieces == ["The ORR was"]
    assert answer.engine == "extractive" and q["expect"][0] in answer.text


def test_no_one_streaming_means_no_pieces_and_a_plain_call():
    assert not wants_deltas()
    emit_delta("nobody listens")  # a no-op, not an error
    with streaming_to(lambda piece: None):
        assert wants_deltas()
    assert not wants_deltas()


def test_a_delta_stream_gives_its_pieces_then_the_result_or_the_error():
    def work() -> int:
        emit_delta("a")
        emit_delta("")  # nothing to pass on
        emit_delta("b")
        return 42

    stream = DeltaStream(work)
    assert list(stream) == ["a", "b"] and stream.result() == 42
    assert list(stream) == []  # read once

    def failing() -> int:
        emit_delta("x")
        raise EngineError("boom")

    broken = DeltaStream(failing)
    assert list(broken) == ["x"]
    with pytest.raises(EngineError, match="boom"):
        broken.result()
