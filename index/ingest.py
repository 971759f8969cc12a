"""Ingestion: article files or pages into the store, idempotently and crash-safely.

Order of writes for one article: its chunks (deterministic ids), then its article record, then
the removal of an older version from the same source. The article record is the commit mark:
search only sees articles that have one, and ``repair`` removes chunks left without one by a
process that died mid-ingest. Re-ingesting the same content (from any source) adds nothing.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from index.annotate import annotate
from index.chunking import chunk_article
from index.embedding import Embedder, same_vectors
from index.errors import ArticleError, ConfigError, TrialbotError
from index.facts import extract_facts
from index.loaders import LoadedArticle, find_article_files, load_file
from index.store import ArticleRecord, ChunkRecord, VectorStore
from index.text import content_id
from index.vocabulary import Vocabulary

log = logging.getLogger(__name__)

Status = Literal["added", "replaced", "unchanged", "failed"]
Progress = Callable[[str, int, int], None]
"""Called after each batch of an article's chunks is stored: (source, chunks done, chunks)."""

# Chunks embedded and stored together: memory stays bounded by one batch whatever the article's
# size (embedding a 15 MB text in one call held 1.4 GB), and progress is seen batch by batch.
EMBED_BATCH_CHUNKS = 256


@dataclass(frozen=True)
class _Prepared:
    """An article read and chunked, with its embeddings when they were computed ahead."""

    article: LoadedArticle
    article_id: str
    records: list[ChunkRecord]
    embeddings: list[list[float]] = field(default_factory=list)
    title_embedding: list[float] | None = None


@dataclass(frozen=True)
class IngestResult:
    source: str
    status: Status
    article_id: str = ""
    title: str = ""
    chunks: int = 0
    error: str = ""


class Ingestor:
    """Adds articles to a vector store."""

    def __init__(
        self,
        store: VectorStore,
        embedder: Embedder,
        vocab: Vocabulary,
        *,
        chunk_chars: int = 700,
        overlap_sentences: int = 1,
        orphan_grace_s: float = 0.0,
        embed_ahead: int = 1,
    ) -> None:
        """``orphan_grace_s``: chunks without an article record are left alone by ``repair``
        until they are this old; 0 when this ingestor is the only writer (the embedded index's
        lock), more when other processes may be between writing chunks and their record
        (a Chroma server shared by several writers). ``embed_ahead``: files that
        ``ingest_paths`` reads, chunks and embeds at once, on threads of their own, while the
        articles are written one by one in order (1: one at a time, as ``ingest`` does)."""
        self.embed_ahead = max(1, embed_ahead)
        self.store = store
        self.embedder = embedder
        self.vocab = vocab
        self.chunk_chars = chunk_chars
        self.overlap_sentences = overlap_sentences
        self.orphan_grace_s = orphan_grace_s
        self._vectors_checked = False

    def ingest_paths(
        self,
        paths: Iterable[Path],
        on_file: Callable[[IngestResult], None] | None = None,
        on_progress: Progress | None = None,
    ) -> list[IngestResult]:
        """Ingest files and folders; a file that fails is reported and the others go on.

        Any failure of one file (reading, parsing, annotating) is that file's; only a failure
        of the run itself (the store, a setting) stops it."""
        self.claim_vectors()
        self.repair()
        results = []
        files = find_article_files(list(paths))
        with ThreadPoolExecutor(self.embed_ahead, "ingest-embed") as pool:
            # a window of files read and embedded ahead: an article's few short batches leave a
            # core idle, two articles at once do not (bench/RESULTS.md, ingest)
            window: deque[tuple[Path, Future[_Prepared]]] = deque()
            upcoming = iter(files)
            for path in upcoming:
                window.append((path, pool.submit(self._prepare_file, path)))
                if len(window) >= self.embed_ahead:
                    break
            while window:
                path, prepared = window.popleft()
                following = next(upcoming, None)
                if following is not None:
                    window.append((following, pool.submit(self._prepare_file, following)))
                result = self._ingest_file(path, prepared, on_progress)
                results.append(result)
                if on_file:
                    on_file(result)
        return results

    def _ingest_file(
        self, path: Path, prepared: Future[_Prepared], on_progress: Progress | None
    ) -> IngestResult:
        """One file's result: its article written, or why it failed (this file's fault only)."""
        try:
            return self._write(prepared.result(), on_progress)
        except ArticleError as exc:
            return IngestResult(str(path), "failed", error=exc.reason)
        except TrialbotError:  # the store or a setting failed: not this file's fault
            raise
        except Exception as exc:  # a bug met on one file must not lose the others
            log.debug("ingesting %s failed", path, exc_info=True)
            reason = f"could not be ingested ({type(exc).__name__}: {exc})"
            return IngestResult(str(path), "failed", error=reason)

    def ingest(self, article: LoadedArticle, on_progress: Progress | None = None) -> IngestResult:
        """Ingest one loaded article, in time linear in its length."""
        self.claim_vectors()
        return self._write(self._prepare(article), on_progress)

    def claim_vectors(self) -> None:
        """Record the embedder's vectors in a new index; an index built with other vectors
        is not added to (its search would compare vectors of two models or precisions)."""
        if self._vectors_checked:
            return
        recorded = self.store.vectors()
        if recorded is None:
            self.store.record_vectors(self.embedder.vectors)
        elif not same_vectors(recorded, self.embedder.vectors):
            raise ConfigError(
                f"this index holds {recorded} vectors and the embedder makes "
                f"{self.embedder.vectors}: ingest into a new index folder (--index-dir), or "
                f"set TRIALBOT_EMBEDDING_MODEL to the index's model"
            )
        self._vectors_checked = True

    def _prepare_file(self, path: Path) -> _Prepared:
        return self._prepare(load_file(path))

    def _prepare(self, article: LoadedArticle) -> _Prepared:
        """What can be done before writing (on any thread): the article's chunks and, when it
        is not in the store and has at most one batch of chunks, their embeddings."""
        article_id = content_id(article.text)
        chunks = chunk_article(article.text, self.chunk_chars, self.overlap_sentences)
        records = [
            ChunkRecord(f"{article_id}:{c.index}", article_id, c.index, c.start, c.end, c.text)
            for c in chunks
        ]
        if len(records) > EMBED_BATCH_CHUNKS or self.store.articles(ids=[article_id]):
            return _Prepared(article, article_id, records)  # embedded batch by batch, or not
        texts = [f"{article.title}\n{c.text}" for c in records]
        *embeddings, title_embedding = self.embedder.embed([*texts, article.title])
        return _Prepared(article, article_id, records, embeddings, title_embedding)

    def _write(self, prepared: _Prepared, on_progress: Progress | None) -> IngestResult:
        """Write one prepared article (chunks, then its record, then the removal of an older
        version), unless the store holds it already."""
        article, article_id, records = prepared.article, prepared.article_id, prepared.records
        same = self.store.articles(ids=[article_id])
        if same:
            return IngestResult(
                article.source, "unchanged", article_id, same[0].title, same[0].chunks
            )
        older = self.store.articles(source=article.source)
        if prepared.title_embedding is not None:
            self.store.add_chunks(records, prepared.embeddings)
            if on_progress and records:
                on_progress(article.source, len(records), len(records))
            title_embedding = prepared.title_embedding
        else:
            title_embedding = self._add_chunks(article, records, on_progress)

        meta = asdict(annotate(article.text, self.vocab))
        facts = extract_facts(
            article.text, meta["trials"], meta["drugs"], self.vocab, article.title
        )
        meta["facts"] = [f.to_dict() for f in facts]
        record = ArticleRecord(
            id=article_id,
            title=article.title,
            source=article.source,
            ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
            chunks=len(records),
            meta=meta,
        )
        self.store.put_article(record, title_embedding)
        for old in older:
            self._remove(old.id)
        status: Status = "replaced" if older else "added"
        log.info("%s %s (%d chunks)", status, article.source, len(records))
        return IngestResult(article.source, status, article_id, article.title, len(records))

    def _add_chunks(
        self, article: LoadedArticle, records: list[ChunkRecord], on_progress: Progress | None
    ) -> list[float]:
        """Embed and store the chunks batch by batch; returns the title's embedding.

        The title goes with each chunk's embedding so a chunk is found by what it is about;
        the title alone (the article record's vector) is embedded with the first batch."""
        title_embedding: list[float] = []
        for begin in range(0, max(len(records), 1), EMBED_BATCH_CHUNKS):
            batch = records[begin : begin + EMBED_BATCH_CHUNKS]
            texts = [f"{article.title}\n{c.text}" for c in batch]
            if begin == 0:
                *embeddings, title_embedding = self.embedder.embed([*texts, article.title])
            else:
                embeddings = self.embedder.embed(texts)
            self.store.add_chunks(batch, embeddings)
            if on_progress and records:
                on_progress(article.source, begin + len(batch), len(records))
        return title_embedding

    def _remove(self, article_id: str) -> None:
        self.store.delete_article(article_id)
        self.store.delete_chunks_of(article_id)

    def repair(self) -> int:
        """Remove what an interrupted ingest left behind; returns how many articles it cleaned."""
        articles = self.store.articles()
        complete = {a.id for a in articles}
        written_before = time.time() - self.orphan_grace_s if self.orphan_grace_s else None
        orphans = self.store.chunk_article_ids(written_before) - complete
        for article_id in orphans:
            self.store.delete_chunks_of(article_id)
        # a crash between writing a new version and removing the old one leaves two per source
        latest: dict[str, ArticleRecord] = {}
        stale = []
        for a in articles:  # sorted by ingestion time
            if a.source in latest:
                stale.append(latest[a.source])
            latest[a.source] = a
        for a in stale:
            self._remove(a.id)
        if orphans or stale:
            log.warning("repaired the index: %d partial, %d stale", len(orphans), len(stale))
        return len(orphans) + len(stale)
