"""Building trialbot's services from Settings: the one place that wires real implementations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property

from filelock import FileLock, Timeout

from bot.answer.core import Answerer
from bot.answer.engine import AnswerEngine
from bot.errors import ConfigError, IndexLockedError
from bot.settings import Settings
from index.embedding import Embedder, SentenceTransformerEmbedder, default_cache_dir
from index.ingest import Ingestor
from index.search import HybridSearcher
from index.store import ChromaStore, VectorStore
from index.vocabulary import Vocabulary, load_vocabulary

# With a shared Chroma server, another writer's chunks may lack their article record for the
# seconds it takes to finish that article: repair leaves such chunks alone for this long.
SERVER_ORPHAN_GRACE_S = 3600.0


@dataclass
class Services:
    """Lazily built services for one Settings; share one per process."""

    settings: Settings

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return load_vocabulary(self.settings.vocabulary)

    @cached_property
    def embedder(self) -> Embedder:
        e = self.settings.embedding
        if e.backend == "onnx":
            from index.onnx_embedding import OnnxEmbedder

            cache = e.cache_dir or default_cache_dir() / "models"
            return OnnxEmbedder(e.model, cache, e.batch_size, e.threads, e.ingest_threads)
        return SentenceTransformerEmbedder(
            e.model, e.device, e.batch_size, e.threads, e.ingest_threads
        )

    @cached_property
    def store(self) -> VectorStore:
        s = self.settings
        if s.chroma.url:
            return ChromaStore(url=s.chroma.url, prefix=s.index.collection)
        return ChromaStore(path=s.index.dir / "chroma", prefix=s.index.collection)

    @cached_property
    def searcher(self) -> HybridSearcher:
        r = self.settings.retrieval
        return HybridSearcher(
            self.store, self.embedder, self.vocabulary, candidates=r.candidates, rrf_k=r.rrf_k
        )

    @cached_property
    def answerer(self) -> Answerer:
        a = self.settings.answer
        engine: AnswerEngine | None = None
        if a.engine == "llm":
            if not a.llm:
                raise ConfigError(
                    "TRIALBOT_ANSWER_ENGINE=llm needs TRIALBOT_ANSWER_LLM=provider:model "
                    "(e.g. ollama:llama3.1)"
                )
            from bot.answer.llm import LLMEngine, PromptTemplate, build_chat_model

            model = build_chat_model(
                a.llm, temperature=a.llm_temperature, timeout_s=a.llm_timeout_s
            )
            engine = LLMEngine(
                model,
                PromptTemplate.load(a.prompt),
                name=f"llm:{a.llm}",
                max_contexts=a.llm_contexts,
            )
        return Answerer(
            self.searcher,
            self.vocabulary,
            engine,
            top_k=self.settings.retrieval.top_k,
            read_whole=self.settings.retrieval.read_whole,
            closest_sources=a.closest_sources,
            max_chars=a.max_chars,
        )

    @contextmanager
    def ingestor(self) -> Iterator[Ingestor]:
        """An Ingestor holding the write lock of an embedded index for as long as it is used."""
        i = self.settings.index
        ingestor = Ingestor(
            self.store,
            self.embedder,
            self.vocabulary,
            chunk_chars=i.chunk_chars,
            overlap_sentences=i.chunk_overlap_sentences,
            orphan_grace_s=SERVER_ORPHAN_GRACE_S if self.settings.chroma.url else 0.0,
        )
        if self.settings.chroma.url:
            yield ingestor  # the server serialises writers itself
        else:
            i.dir.mkdir(parents=True, exist_ok=True)
            lock = FileLock(str(i.dir / "write.lock"))
            try:
                lock.acquire(timeout=0)
            except Timeout as exc:
                raise IndexLockedError(
                    f"another trialbot process is writing the index in {i.dir}; wait for it, "
                    "or run a Chroma server (TRIALBOT_CHROMA_URL) for several writers"
                ) from exc
            try:
                yield ingestor
            finally:
                lock.release()
        self.searcher.invalidate()
