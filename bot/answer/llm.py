"""An answer engine backed by a LangChain chat model (OpenAI, Anthropic, Ollama, ...).

The model sees the retrieved sentences as numbered contexts and must cite them as ``[n]``. Its
draft goes through the same grounding check as every answer (in ``bot.answer.core``); a draft that
cites nothing, cites a context that does not exist, or writes a figure that is not in its cited
quotes is rejected there and the deterministic answer is shown instead. Run under
``bot.answer.engine.streaming_to``, the engine streams the model's reply and passes its text on
as it is written (a preview: the checked answer comes from the core).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import SecretStr

from bot.answer.engine import Draft, emit_delta, wants_deltas
from bot.answer.models import Citation
from bot.infra.errors import ConfigError, EngineError
from prompts import prompt_path

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from bot.answer.passages import Sentence
    from bot.answer.question import Question

NOT_FOUND = "NOT_FOUND"
_CITE = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")


@dataclass(frozen=True)
class PromptTemplate:
    """The system and human messages; ``human`` must use {question} and {contexts}."""

    system: str
    human: str

    @classmethod
    def load(cls, path: Path | None = None) -> PromptTemplate:
        path = path or prompt_path("answer.yaml")
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            template = cls(system=str(data["system"]), human=str(data["human"]))
        except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
            raise ConfigError(f"prompt template {path} is unreadable: {exc}") from exc
        for var in ("{question}", "{contexts}"):
            if var not in template.system + template.human:
                raise ConfigError(f"prompt template {path} does not use {var}")
        return template

    def messages(self, question: str, contexts: str) -> list[tuple[str, str]]:
        # str.replace, not str.format: contexts hold braces and the model's own markers
        def fill(s: str) -> str:
            return s.replace("{contexts}", contexts).replace("{question}", question)

        return [("system", fill(self.system)), ("human", fill(self.human))]


def build_chat_model(
    spec: str,
    *,
    temperature: float,
    timeout_s: float,
    base_url: str | None = None,
    api_key: SecretStr | None = None,
    max_retries: int = 0,
) -> BaseChatModel:
    """A LangChain chat model from ``provider:model`` (e.g. ``ollama:llama3.1``), served at
    ``base_url`` when given: an OpenAI-compatible server for ``openai:``, an Ollama host for
    ``ollama:``."""
    from langchain.chat_models import init_chat_model

    if ":" not in spec:
        raise ConfigError(f"TRIALBOT_ANSWER_LLM must be provider:model, got {spec!r}")
    provider = spec.split(":", 1)[0]
    kwargs = _provider_kwargs(provider, base_url, api_key, max_retries)
    try:
        model = init_chat_model(spec, temperature=temperature, timeout=timeout_s, **kwargs)
    except ImportError as exc:
        raise ConfigError(
            f"the {provider} chat model needs an extra package: pip install 'trialbot[{provider}]' "
            f"({exc})"
        ) from exc
    except ValueError as exc:
        raise ConfigError(f"cannot build the chat model {spec!r}: {exc}") from exc
    return model  # type: ignore[return-value]


def _provider_kwargs(
    provider: str, base_url: str | None, api_key: SecretStr | None, max_retries: int
) -> dict[str, Any]:
    """The server, key and retries in the words of each LangChain integration."""
    kwargs: dict[str, Any] = {}
    if provider == "ollama":
        if base_url:
            kwargs["base_url"] = base_url
        if api_key is not None:  # an Ollama behind a gateway that wants a bearer token
            headers = {"Authorization": f"Bearer {api_key.get_secret_value()}"}
            kwargs["client_kwargs"] = {"headers": headers}
        return kwargs
    kwargs["max_retries"] = max_retries
    if base_url:
        kwargs["base_url"] = base_url
        # vLLM, llama.cpp and LM Studio take any key; the OpenAI client insists on one
        kwargs["api_key"] = api_key or SecretStr("EMPTY")
    elif api_key is not None:
        kwargs["api_key"] = api_key
    return kwargs


def select_contexts(
    sentences: list[Sentence], max_contexts: int, question: str = ""
) -> list[Sentence]:
    """The sentences the model is shown as numbered contexts: the ``max_contexts`` of those the
    answer core retrieved that share the most words with the question (a sentence with a
    figure first among equals), in the order retrieved (``bench/context_recall.py`` measures
    how often they hold the expected figure)."""
    if len(sentences) <= max_contexts or not question:
        return sentences[:max_contexts]
    asked = {w for w in _words(question) if w not in _COMMON}

    def relevance(s: Sentence) -> tuple[int, int]:
        words = _words(s.text)
        shared = sum(
            1 for a in asked if any(w == a or (len(a) >= 4 and w.startswith(a)) for w in words)
        )
        return shared, int(bool(re.search(r"\d", s.text)))

    ranked = sorted(range(len(sentences)), key=lambda i: relevance(sentences[i]), reverse=True)
    keep = sorted(ranked[:max_contexts])
    return [sentences[i] for i in keep]


_COMMON = frozenset(
    {"the", "a", "an", "of", "in", "on", "at", "to", "for", "with", "and", "or", "vs", "what"}
    | {"was", "were", "is", "are", "how", "many", "much", "did", "does", "which", "who"}
    | {"pts", "patients", "arm", "rate", "median"}
)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.casefold()))


class LLMEngine:
    """Asks a chat model to answer from numbered contexts and keeps the contexts it cites."""

    def __init__(
        self,
        model: BaseChatModel,
        template: PromptTemplate | None = None,
        *,
        name: str = "llm",
        max_contexts: int = 24,
    ) -> None:
        self.model = model
        self.template = template or PromptTemplate.load()
        self.name = name
        self.max_contexts = max_contexts

    def answer(self, question: Question, sentences: list[Sentence]) -> Draft:
        contexts = select_contexts(sentences, self.max_contexts, question.text)
        if not contexts:
            return Draft("not_found", "", [], reason="nothing relevant was retrieved")
        numbered = "\n".join(
            f"[{i}] ({s.article.title}) {s.text}" for i, s in enumerate(contexts, start=1)
        )
        asked = question.text
        missing = [e for e in question.entities if e.casefold() not in asked.casefold()]
        if missing:  # a follow-up ("and the OS?") carries its trial from the conversation
            asked += f" (about {', '.join(missing)})"
        messages = self.template.messages(asked, numbered)
        try:
            if wants_deltas():
                text = self._streamed(messages)
            else:
                text = _text_of(self.model.invoke(messages).content)
        except Exception as exc:  # any provider error: timeouts, auth, HTTP, parsing
            raise EngineError(f"{type(exc).__name__}: {exc}") from exc
        text = text.strip()
        if not text or text.strip(" .").upper() == NOT_FOUND:
            return Draft("not_found", "", [], reason="the indexed articles do not answer this")
        return _cited_draft(text, contexts)

    def _streamed(self, messages: list[tuple[str, str]]) -> str:
        """The model's reply read as it is written, each new piece passed on (``emit_delta``);
        nothing is passed on while the reply may still be the NOT_FOUND marker."""
        written, shown = "", 0
        for chunk in self.model.stream(messages):
            written += _text_of(chunk.content)
            if shown == 0 and NOT_FOUND.startswith(written.strip(" .").upper()):
                continue
            emit_delta(written[shown:])
            shown = len(written)
        return written


def _text_of(content: object) -> str:
    """Message content as text (providers return a string or a list of content blocks)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = [b if isinstance(b, str) else b.get("text", "") for b in content]
        return "".join(p for p in parts if isinstance(p, str))
    return str(content)


def _cited_draft(text: str, contexts: list[Sentence]) -> Draft:
    """Renumber the model's ``[n]`` markers 1..k in order of use and quote those contexts."""
    order: dict[int, int] = {}
    invalid = False

    def renumber(match: re.Match[str]) -> str:
        nonlocal invalid
        out = []
        for raw in re.split(r"\s*[,;]\s*", match.group(1)):
            n = int(raw)
            if not 1 <= n <= len(contexts):
                invalid = True
                continue
            order.setdefault(n, len(order) + 1)
            out.append(f"[{order[n]}]")
        return "".join(out)

    rewritten = _CITE.sub(renumber, text)
    if invalid or not order:
        # nothing to check the answer against: the core rejects a draft without citations
        return Draft("answered", text, [])
    citations = []
    for n, new in sorted(order.items(), key=lambda kv: kv[1]):
        s = contexts[n - 1]
        citations.append(
            Citation(new, s.article.title, s.article.source, s.text, s.article.id, s.start, s.end)
        )
    return Draft("answered", re.sub(r"[ \t]+", " ", rewritten), citations)
