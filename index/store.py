"""The vector store behind a small interface; Chroma embedded on disk or as an HTTP client.

Two collections: ``<prefix>-chunks`` (one record per chunk, with our own embeddings) and
``<prefix>-articles`` (one record per article, written last: an article is complete only when its
record exists, which is what makes an interrupted ingest repairable).
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import urlparse

from bot.errors import IndexUnavailableError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChunkRecord:
    id: str
    article_id: str
    index: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class ArticleRecord:
    id: str
    title: str
    source: str
    ingested_at: str
    chunks: int
    meta: dict[str, Any]  # annotations: trials, registry_ids, drugs, phase, meeting, aliases


class VectorStore(Protocol):
    """What trialbot needs of a vector store."""

    def add_chunks(self, chunks: list[ChunkRecord], embeddings: list[list[float]]) -> None: ...
    def put_article(self, article: ArticleRecord, embedding: list[float]) -> None: ...
    def articles(
        self, ids: list[str] | None = None, source: str | None = None
    ) -> list[ArticleRecord]: ...
    def article_ids(self) -> set[str]: ...
    def chunks(self, article_ids: list[str] | None = None) -> list[ChunkRecord]: ...
    def chunk_article_ids(self, written_before: float | None = None) -> set[str]: ...
    def query(
        self, embedding: list[float], k: int, article_ids: list[str] | None = None
    ) -> list[tuple[str, float]]: ...
    def delete_article(self, article_id: str) -> None: ...
    def delete_chunks_of(self, article_id: str) -> None: ...
    def ping(self) -> None: ...


class ChromaStore:
    """Chroma: ``PersistentClient`` on disk, or ``HttpClient`` when a server URL is given."""

    def __init__(
        self, *, path: Path | None = None, url: str | None = None, prefix: str = "trialbot"
    ):
        import chromadb
        from chromadb.config import Settings as ChromaClientSettings

        client_settings = ChromaClientSettings(anonymized_telemetry=False)
        try:
            if url:
                parsed = urlparse(url)
                self._client = chromadb.HttpClient(
                    host=parsed.hostname or "localhost",
                    port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                    ssl=parsed.scheme == "https",
                    settings=client_settings,
                )
            else:
                assert path is not None
                path.mkdir(parents=True, exist_ok=True)
                self._client = chromadb.PersistentClient(path=str(path), settings=client_settings)
            # embedding_function=None: Chroma must never run its default (downloading) model.
            self._chunks = self._client.get_or_create_collection(
                f"{prefix}-chunks", embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
            self._articles = self._client.get_or_create_collection(
                f"{prefix}-articles", embedding_function=None, metadata={"hnsw:space": "cosine"}
            )
        except Exception as exc:  # chromadb raises many types for an unreachable or bad store
            where = url or str(path)
            raise IndexUnavailableError(f"cannot open the index at {where}: {exc}") from exc

    def add_chunks(self, chunks: list[ChunkRecord], embeddings: list[list[float]]) -> None:
        if not chunks:
            return
        written_at = time.time()
        self._chunks.upsert(
            ids=[c.id for c in chunks],
            embeddings=embeddings,  # type: ignore[arg-type]
            documents=[c.text for c in chunks],
            metadatas=[
                {
                    "article_id": c.article_id,
                    "index": c.index,
                    "start": c.start,
                    "end": c.end,
                    "written_at": written_at,
                }
                for c in chunks
            ],
        )

    def put_article(self, article: ArticleRecord, embedding: list[float]) -> None:
        self._articles.upsert(
            ids=[article.id],
            embeddings=[embedding],  # type: ignore[list-item]
            documents=[article.title],
            metadatas=[
                {
                    "title": article.title,
                    "source": article.source,
                    "ingested_at": article.ingested_at,
                    "chunks": article.chunks,
                    "meta": json.dumps(article.meta),
                }
            ],
        )

    def articles(
        self, ids: list[str] | None = None, source: str | None = None
    ) -> list[ArticleRecord]:
        """Every complete article, oldest first; or only those with these ``ids`` or from
        this ``source`` (a lookup, not a scan: ingest asks once per article)."""
        if ids is not None and not ids:
            return []
        where: Any = {"source": source} if source is not None else None
        got = self._articles.get(ids=ids, where=where, include=["metadatas"])  # type: ignore[list-item]
        out = []
        for id_, meta in zip(got["ids"], got["metadatas"] or [], strict=True):
            out.append(
                ArticleRecord(
                    id=id_,
                    title=str(meta["title"]),
                    source=str(meta["source"]),
                    ingested_at=str(meta["ingested_at"]),
                    chunks=int(meta["chunks"]),  # type: ignore[arg-type]
                    meta=json.loads(str(meta.get("meta") or "{}")),
                )
            )
        return sorted(out, key=lambda a: (a.ingested_at, a.id))

    def article_ids(self) -> set[str]:
        """The ids of the complete articles, without their records (cheap to poll)."""
        return set(self._articles.get(include=[])["ids"])  # type: ignore[list-item]

    def chunks(self, article_ids: list[str] | None = None) -> list[ChunkRecord]:
        where: Any = None
        if article_ids is not None:
            if not article_ids:
                return []
            where = {"article_id": {"$in": article_ids}}
        got = self._chunks.get(where=where, include=["metadatas", "documents"])  # type: ignore[list-item]
        return [
            ChunkRecord(
                id=id_,
                article_id=str(meta["article_id"]),
                index=int(meta["index"]),  # type: ignore[arg-type]
                start=int(meta["start"]),  # type: ignore[arg-type]
                end=int(meta["end"]),  # type: ignore[arg-type]
                text=doc or "",
            )
            for id_, meta, doc in zip(
                got["ids"], got["metadatas"] or [], got["documents"] or [], strict=True
            )
        ]

    def chunk_article_ids(self, written_before: float | None = None) -> set[str]:
        """Articles that have chunks; with ``written_before`` (epoch seconds), only chunks
        written before then count (chunks of older indexes carry no time and always count)."""
        got = self._chunks.get(include=["metadatas"])  # type: ignore[list-item]
        cutoff = float("inf") if written_before is None else written_before
        return {
            str(m["article_id"])
            for m in got["metadatas"] or []
            if float(m.get("written_at") or 0.0) < cutoff  # type: ignore[arg-type]
        }

    def query(
        self, embedding: list[float], k: int, article_ids: list[str] | None = None
    ) -> list[tuple[str, float]]:
        if article_ids == []:
            return []
        # no count() first: Chroma returns fewer than n_results (none from an empty collection)
        res = self._chunks.query(
            query_embeddings=[embedding],  # type: ignore[list-item]
            n_results=k,
            where={"article_id": {"$in": article_ids}} if article_ids else None,
            include=["distances"],  # type: ignore[list-item]
        )
        distances = (res.get("distances") or [[]])[0]
        return list(zip(res["ids"][0], distances, strict=True))

    def delete_article(self, article_id: str) -> None:
        self._articles.delete(ids=[article_id])

    def delete_chunks_of(self, article_id: str) -> None:
        self._chunks.delete(where={"article_id": article_id})

    def ping(self) -> None:
        """Raise IndexUnavailableError unless the store answers (a server round trip)."""
        try:
            self._client.heartbeat()
        except Exception as exc:  # chromadb raises many types for an unreachable server
            raise IndexUnavailableError(f"the index does not answer: {exc}") from exc
