"""The LLM engine against a real server: LangChain's OpenAI client, built from Settings as
``trialbot`` builds it, talks HTTP to a loopback OpenAI-compatible server (tests/answer/
openai_server.py). A grounded reply is shown; an invented figure, a 429, a 500 or a stalled
response leaves the deterministic answer, within the configured timeout. Streamed, the reply is
passed on as the server writes it, and checked before it stays."""

from __future__ import annotations

import importlib.util
import logging
import re
import time
from typing import Any

import pytest
from pydantic import SecretStr

from bot.answer.engine import DeltaStream
from bot.answer.grounding import ungrounded_numbers
from bot.app.services import Services
from bot.infra.settings import Settings
from tests.answer.openai_server import FakeOpenAIServer, Reply, prompt_of
from tests.conftest import GOLDEN, make_services, seed_files

pytest.importorskip("langchain_openai")

QUESTION = GOLDEN["imforte-os-hr"]["question"]  # "What was the OS HR in IMforte?"
FIGURE = "0.73"
KEY = "sk-test-not-a-real-key"
TIMEOUT_S = 1.0


@pytest.fixture(scope="module")
def seeded(tmp_path_factory, embedder) -> Services:
    services = make_services(tmp_path_factory.mktemp("llm-server"), embedder)
    with services.ingestor() as ing:
        ing.ingest_paths(seed_files())
    return services


def services_for(seeded: Services, base_url: str, **answer: Any) -> Services:
    """Services of the seeded index whose answerer is wired from Settings, like the CLI's."""
    settings = Settings()
    settings.index.dir = seeded.settings.index.dir
    settings.answer.engine = "llm"
    settings.answer.llm = "openai:test-model"
    settings.answer.llm_base_url = base_url
    settings.answer.llm_api_key = SecretStr(KEY)
    settings.answer.llm_timeout_s = TIMEOUT_S
    for k, v in answer.items():
        setattr(settings.answer, k, v)
    services = Services(settings)
    services.__dict__["searcher"] = seeded.searcher  # the loaded index and model, shared
    services.__dict__["vocabulary"] = seeded.vocabulary
    return services


def quoting(figure: str) -> Any:
    """A well-behaved model: cites the numbered context that holds ``figure``."""

    def reply(body: dict[str, Any]) -> Reply:
        prompt = prompt_of(body)
        n = next(
            m.group(1)
            for m in re.finditer(r"^\[(\d+)\] (.*)$", prompt, re.M)
            if figure in m.group(2)
        )
        return Reply(f"The overall survival hazard ratio was {figure} [{n}].")

    return reply


def test_a_grounded_answer_from_the_server_is_shown(seeded, caplog):
    caplog.set_level(logging.DEBUG)
    with FakeOpenAIServer(quoting(FIGURE)).running() as server:
        services = services_for(seeded, server.base_url)
        answer = services.answerer.ask(QUESTION)
    assert answer.engine == "llm:openai:test-model"
    assert answer.status == "answered"
    assert FIGURE in answer.text and "[1]" in answer.text
    assert FIGURE in answer.citations[0].quote
    assert ungrounded_numbers(answer.text, answer.citations) == []
    # what went over the wire: the documented endpoint, the key as a bearer token, the settings
    (request,) = server.requests
    assert request.path == "/v1/chat/completions"
    assert request.headers["authorization"] == f"Bearer {KEY}"
    assert request.body["model"] == "test-model"
    assert request.body["temperature"] == 0.0
    assert [m["role"] for m in request.body["messages"]] == ["system", "user"]
    assert "[1] (" in prompt_of(request.body)
    # the key is a secret: not in the settings' repr, not in any log line
    assert KEY not in repr(services.settings)
    assert KEY not in caplog.text


def test_an_invented_figure_is_rejected(seeded):
    def inventing(body: dict[str, Any]) -> Reply:
        return Reply("The overall survival hazard ratio was 0.61 [1].")

    with FakeOpenAIServer(inventing).running() as server:
        answer = services_for(seeded, server.base_url).answerer.ask(QUESTION)
    assert len(server.requests) == 1
    assert "0.61" not in answer.text
    assert answer.engine == "extractive"
    assert answer.status == "answered" and FIGURE in answer.text
    assert ungrounded_numbers(answer.text, answer.citations) == []


@pytest.mark.parametrize(
    "failure",
    [
        Reply(status=429, headers={"Retry-After": "30"}),
        Reply(status=500),
        Reply("The overall survival hazard ratio was 0.73 [1].", delay_s=30.0),  # stalls
    ],
    ids=["429", "500", "stalled"],
)
def test_a_failing_server_falls_back_within_the_timeout(seeded, failure):
    services = None
    with FakeOpenAIServer(lambda body: failure).running() as server:
        services = services_for(seeded, server.base_url)
        services.answerer.ask("warm-up: What was the PFS HR in IMforte?")  # not timed
        server.requests.clear()
        started = time.monotonic()
        answer = services.answerer.ask(QUESTION)
        elapsed = time.monotonic() - started
    assert len(server.requests) == 1  # no retry by default: the user is waiting
    assert answer.engine == "extractive"
    assert answer.status == "answered" and FIGURE in answer.text
    assert FIGURE in answer.citations[0].quote
    assert elapsed < TIMEOUT_S + 2.0, elapsed


def test_retries_are_a_setting(seeded):
    """With llm_max_retries=1 a 500 followed by a good reply shows the model's answer."""
    calls: list[int] = []
    good = quoting(FIGURE)

    def flaky(body: dict[str, Any]) -> Reply:
        calls.append(1)
        return Reply(status=500) if len(calls) == 1 else good(body)

    with FakeOpenAIServer(flaky).running() as server:
        answer = services_for(seeded, server.base_url, llm_max_retries=1).answerer.ask(QUESTION)
    assert len(server.requests) == 2
    assert answer.engine == "llm:openai:test-model" and FIGURE in answer.text


def test_settings_read_the_server_and_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("TRIALBOT_ANSWER_LLM_BASE_URL", "http://gateway.internal:8000/v1")
    monkeypatch.setenv("TRIALBOT_ANSWER_LLM_API_KEY", KEY)
    monkeypatch.setenv("TRIALBOT_ANSWER_LLM_MAX_RETRIES", "2")
    answer = Settings().answer
    assert answer.llm_base_url == "http://gateway.internal:8000/v1"
    assert isinstance(answer.llm_api_key, SecretStr)
    assert answer.llm_api_key.get_secret_value() == KEY
    assert KEY not in repr(answer) and KEY not in str(answer.model_dump())
    assert answer.llm_max_retries == 2


@pytest.mark.skipif(importlib.util.find_spec("langchain_ollama") is None, reason="no [ollama]")
def test_ollama_on_another_host():
    from bot.answer.llm import build_chat_model

    model = build_chat_model(
        "ollama:llama3.1", temperature=0, timeout_s=5, base_url="http://gpu-box:11434"
    )
    assert model.base_url == "http://gpu-box:11434"  # type: ignore[attr-defined]


# ---- streamed: the text is passed on as the server writes it, the answer is checked after


def streamed_ask(services: Services, question: str = QUESTION) -> tuple[list[str], Any]:
    """The pieces a surface would show while the answer is written, and the answer that stays."""
    stream = DeltaStream(lambda: services.answerer.ask(question))
    pieces = list(stream)
    return pieces, stream.result()


def test_a_streamed_grounded_answer_is_passed_on_as_written_and_stays(seeded):
    with FakeOpenAIServer(quoting(FIGURE)).running() as server:
        pieces, answer = streamed_ask(services_for(seeded, server.base_url))
    (request,) = server.requests
    assert request.body["stream"] is True  # the real client asked for server-sent events
    assert len(pieces) > 3  # word by word, as the server sent them
    written = "".join(pieces)
    assert written.startswith("The overall survival hazard ratio was 0.73 [")
    assert answer.engine == "llm:openai:test-model" and answer.status == "answered"
    assert FIGURE in answer.text and FIGURE in answer.citations[0].quote
    assert ungrounded_numbers(answer.text, answer.citations) == []


def test_a_streamed_invented_figure_is_shown_only_as_a_preview_then_replaced(seeded):
    def inventing(body: dict[str, Any]) -> Reply:
        return Reply("The overall survival hazard ratio was 0.61 [1].")

    with FakeOpenAIServer(inventing).running() as server:
        pieces, answer = streamed_ask(services_for(seeded, server.base_url))
    assert "0.61" in "".join(pieces)  # what a surface previewed...
    assert answer.engine == "extractive"  # ...is not what stays
    assert "0.61" not in answer.text and FIGURE in answer.text
    assert ungrounded_numbers(answer.text, answer.citations) == []


def test_a_stream_that_stalls_after_its_first_words_falls_back_within_the_timeout(seeded):
    stalling = Reply("The overall survival hazard ratio was 0.73 [1].", pause_s=30.0)
    with FakeOpenAIServer(lambda body: stalling).running() as server:
        services = services_for(seeded, server.base_url)
        services.answerer.ask("warm-up: What was the PFS HR in IMforte?")  # not timed
        started = time.monotonic()
        pieces, answer = streamed_ask(services)
        elapsed = time.monotonic() - started
    assert pieces == ["The"]  # the first word came, then nothing
    assert answer.engine == "extractive" and FIGURE in answer.text
    assert elapsed < TIMEOUT_S + 2.0, elapsed


def test_a_streamed_not_found_passes_nothing_on(seeded):
    with FakeOpenAIServer(lambda body: Reply("NOT_FOUND")).running() as server:
        pieces, answer = streamed_ask(services_for(seeded, server.base_url))
    assert pieces == []  # the marker is never shown as if it were an answer
    assert answer.status == "not_found"
