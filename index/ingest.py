"""Ingestion: article files or pages into the store, idempotently and crash-safely.

Order of writes for one article: its chunks (deterministic ids), then its article record, then
the removal of an older version from the same source. The article record is the commit mark:
search only sees articles that have one, and ``repair`` removes chunks left without one by a
process that died mid-ingest. Re-ingesting the same content (from any source) adds nothing.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from bot.errors import ArticleError, TrialbotError
from index.annotate import annotate
from index.chunking import chunk_article
from index.embedding import Embedder
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
    ) -> None:
        """``orphan_grace_s``: chunks without an article record are left alone by ``repair``
        until they are this old; 0 when this ingestor is the only writer (the embedded index's
        lock), more when other processes may be between writing chunks and their record
        (a Chroma server shared by several writers)."""
        self.store = store
        self.embedder = embedder
        self.vocab = vocab
        self.chunk_chars = chunk_chars
        self.overlap_sentences = overlap_sentences
        self.orphan_grace_s = orphan_grace_s

    def ingest_paths(
        self,
        paths: Iterable[Path],
        on_file: Callable[[IngestResult], None] | None = None,
        on_progress: Progress | None = None,
    ) -> list[IngestResult]:
        """Ingest files and folders; a file that fails is reported and the others go on.

        Any failure of one file (reading, parsing, annotating) is that file's; only a failure
        of the run itself (the store, a setting) stops it."""
        self.repair()
        results = []
        for path in find_article_files(list(paths)):
            try:
                result = self.ingest(load_file(path), on_progress)
            except ArticleError as exc:
                result = IngestResult(str(path), "failed", error=exc.reason)
            except TrialbotError:  # the store or a setting failed: not this file's fault
                raise
            except Exception as exc:  # a bug met on one file must not lose the others
                log.debug("ingesting %s failed", path, exc_info=True)
                reason = f"could not be ingested ({type(exc).__name__}: {exc})"
                result = IngestResult(str(path), "failed", error=reason)
            results.append(result)
            if on_file:
                on_file(result)
        return results

    def ingest(self, article: LoadedArticle, on_progress: Progress | None = None) -> IngestResult:
        """Ingest one loaded article, in time linear in its length."""
        article_id = content_id(article.text)
        same = self.store.articles(ids=[article_id])
        if same:
            return IngestResult(
                article.source, "unchanged", article_id, same[0].title, same[0].chunks
            )
        older = self.store.articles(source=article.source)

        chunks = chunk_article(article.text, self.chunk_chars, self.overlap_sentences)
        records = [
            ChunkRecord(f"{article_id}:{c.index}", article_id, c.index, c.start, c.end, c.text)
            for c in chunks
        ]
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
