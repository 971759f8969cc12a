"""Building trialbot's services from Settings: the one place that wires real implementations."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from filelock import FileLock, Timeout

from bot.answer.core import Answerer
from bot.answer.engine import AnswerEngine
from bot.infra.errors import ConfigError, IndexLockedError, IndexUnavailableError
from bot.infra.settings import Settings
from bot.state import StateDB, open_state
from index.embedding import (
    Embedder,
    SentenceTransformerEmbedder,
    bulk_threads,
    default_cache_dir,
    split_vectors,
    vectors_id,
)
from index.ingest import Ingestor
from index.search import HybridSearcher
from index.store import ChromaStore, VectorStore, embedded_store_exists
from index.vocabulary import Vocabulary, load_vocabulary

# With a shared Chroma server, another writer's chunks may lack their article record for the
# seconds it takes to finish that article: repair leaves such chunks alone for this long.
SERVER_ORPHAN_GRACE_S = 3600.0


@dataclass
class Services:
    """Lazily built services for one Settings; share one per process."""

    settings: Settings

    @cached_property
    def state(self) -> StateDB:
        """Feeds, items seen, the digest ledger: SQLite beside the index, or the PostgreSQL of
        ``state.url``; migrated to the latest schema when first used."""
        return open_state(self.settings)

    @cached_property
    def vocabulary(self) -> Vocabulary:
        return load_vocabulary(self.settings.vocabulary)

    @cached_property
    def embedder(self) -> Embedder:
        """The embedding model, at the precision the index was built with (an index records
        its vectors; a new one takes the settings')."""
        e = self.settings.embedding
        recorded = self._index_quantized()
        # a new index: int8 only on the backend that makes it
        quantized = (e.quantized and e.backend == "onnx") if recorded is None else recorded
        if e.backend == "onnx" or quantized:  # (int8 vectors are the ONNX backend's)
            from index.onnx_embedding import OnnxEmbedder

            cache = e.cache_dir or default_cache_dir() / "models"
            return OnnxEmbedder(
                e.model, cache, e.batch_size, e.threads, e.ingest_threads, quantized
            )
        return SentenceTransformerEmbedder(
            e.model, e.device, e.batch_size, e.threads, e.ingest_threads
        )

    def _index_quantized(self) -> bool | None:
        """Whether the existing index holds int8 vectors; None when there is no index yet (or
        it records none). Another model's vectors are a setting to fix, not to guess."""
        if not self.has_store():
            return None
        recorded = self.store.vectors()
        if recorded is None:
            return None
        model, precision = split_vectors(recorded)
        expected, _ = split_vectors(vectors_id(self.settings.embedding.model))
        if model not in (expected, "*"):  # ("*": an older index, of the model it was built with)
            raise ConfigError(
                f"the index was built with the model {model}, and TRIALBOT_EMBEDDING_MODEL is "
                f"{self.settings.embedding.model}: set it to the index's model, or ingest into "
                f"a new index folder"
            )
        return precision == "int8"

    @cached_property
    def store(self) -> VectorStore:
        s = self.settings
        if s.chroma.url:
            return ChromaStore(url=s.chroma.url, prefix=s.index.collection)
        return ChromaStore(path=self.store_dir, prefix=s.index.collection)

    @property
    def store_dir(self) -> Path:
        """Where the embedded store lives (unused with a Chroma server)."""
        return self.settings.index.dir / "chroma"

    def has_store(self) -> bool:
        """Whether there is a store to read: a server, or an embedded store made by an ingest
        (checked without creating anything)."""
        return bool(self.settings.chroma.url) or embedded_store_exists(self.store_dir)

    @cached_property
    def searcher(self) -> HybridSearcher:
        r = self.settings.retrieval
        return HybridSearcher(
            self.store,
            self.embedder,
            self.vocabulary,
            candidates=r.candidates,
            rrf_k=r.rrf_k,
            cache_dir=self.search_cache_dir,
        )

    @property
    def search_cache_dir(self) -> Path:
        """Where the searcher keeps what it derives from the articles (with a Chroma server
        too: each replica keeps its own, or replicas share one on a shared folder)."""
        return self.settings.index.dir / "search-cache"

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
                a.llm,
                temperature=a.llm_temperature,
                timeout_s=a.llm_timeout_s,
                base_url=a.llm_base_url,
                api_key=a.llm_api_key,
                max_retries=a.llm_max_retries,
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
            min_confidence=a.min_confidence,
        )

    @contextmanager
    def ingestor(self) -> Iterator[Ingestor]:
        """An Ingestor holding the write lock of an embedded index for as long as it is used;
        the lock is taken before the store is opened, so it covers the store's creation."""
        i, e = self.settings.index, self.settings.embedding
        embedder, vocabulary = self.embedder, self.vocabulary  # slow to load: before the lock

        def build() -> Ingestor:
            return Ingestor(
                self.store,
                embedder,
                vocabulary,
                chunk_chars=i.chunk_chars,
                overlap_sentences=i.chunk_overlap_sentences,
                orphan_grace_s=SERVER_ORPHAN_GRACE_S if self.settings.chroma.url else 0.0,
                # ONNX Runtime runs one article per core; torch spreads each over all of them
                embed_ahead=bulk_threads(e.ingest_threads) if e.backend == "onnx" else 1,
            )

        if self.settings.chroma.url:
            yield build()  # the server serialises writers itself
        else:
            with _write_lock(i.dir):
                yield build()
        # what the new articles give the search is derived once, here, for every process after
        self.searcher.save_cache()


@contextmanager
def _write_lock(index_dir: Path) -> Iterator[None]:
    """The embedded index's write lock: one writer at a time, others refused at once."""
    path = index_dir / "write.lock"
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IndexUnavailableError(
                f"the write lock {path} is a directory, not a file; remove it and try again"
            )
        lock = FileLock(str(path))
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise IndexLockedError(
            f"another trialbot process is writing the index in {index_dir}; wait for it, "
            "or run a Chroma server (TRIALBOT_CHROMA_URL) for several writers"
        ) from exc
    except OSError as exc:
        raise IndexUnavailableError(
            f"cannot take the write lock {path} ({exc.strerror or exc})"
        ) from exc
    try:
        yield
    finally:
        lock.release()
