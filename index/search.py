"""Hybrid retrieval: rankings fused by reciprocal rank.

- dense: the question's embedding against the chunks' in the vector store;
- lexical: BM25 over the chunks, the question expanded with the vocabulary's synonyms;
- terms: chunks naming the vocabulary terms the question names, endpoints first, and a chunk that
  reports a figure of the endpoint asked (a fact extracted at ingest) before one that only names it.

The searcher keeps a snapshot of the complete articles and their chunks; it is rebuilt when the
set of articles in the store changes (an ingest by this or another process), reading and
tokenizing only the articles it did not hold before.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from index.embedding import Embedder
from index.lexical import BM25Index
from index.store import ArticleRecord, ChunkRecord, VectorStore
from index.vocabulary import Vocabulary


def reciprocal_rank_fusion(rankings: list[list[str]], k: int = 60) -> list[tuple[str, float]]:
    """Fuse ranked id lists: score(d) = sum over lists of 1 / (k + rank), rank from 1."""
    scores: dict[str, float] = {}
    for ranking in rankings:
        for rank, doc_id in enumerate(ranking, start=1):
            scores[doc_id] = scores.get(doc_id, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


@dataclass(frozen=True)
class Hit:
    chunk: ChunkRecord
    article: ArticleRecord
    score: float


@dataclass
class Snapshot:
    """Complete articles, their chunks, and the BM25 index over them."""

    articles: dict[str, ArticleRecord]
    chunks: list[ChunkRecord]
    bm25: BM25Index
    article_words: dict[str, frozenset[str]]  # casefolded words of each article, for entities
    position: dict[str, int] = field(default_factory=dict)
    chunk_terms: list[frozenset[str]] = field(default_factory=list)  # vocabulary keys per chunk
    # endpoints a chunk reports a figure of (the facts extracted at ingest, by their spans)
    chunk_figures: list[frozenset[str]] = field(default_factory=list)

    @cached_property
    def trial_names(self) -> frozenset[str]:
        """The trial names the articles' metadata holds, as the articles write them."""
        return frozenset(str(t) for a in self.articles.values() for t in a.meta.get("trials", []))

    @cached_property
    def names(self) -> frozenset[str]:
        """Casefolded trial, drug and registry names and defined abbreviations of the articles."""
        found: set[str] = set()
        for article in self.articles.values():
            meta = article.meta
            for key in ("trials", "drugs", "registry_ids"):
                found.update(str(v).casefold() for v in meta.get(key, []))
            found.update(str(k).casefold() for k in meta.get("aliases", {}))
        return frozenset(found)

    @cached_property
    def words(self) -> frozenset[str]:
        # computed once per snapshot: with 1,000 articles the union takes ~20 ms, and every
        # question reads it several times (bench/scale.py)
        return (
            frozenset().union(*self.article_words.values()) if self.article_words else frozenset()
        )


@dataclass(frozen=True)
class _Derived:
    """What the snapshot derives from one article: its chunks in order, their BM25 tokens,
    vocabulary terms and reported endpoints, and the article's words."""

    chunks: list[ChunkRecord]
    tokens: list[list[str]]
    terms: list[frozenset[str]]
    figures: list[frozenset[str]]
    words: frozenset[str]


_WORD = re.compile(r"[^\W_][\w\-+/.]*[^\W_]|[^\W_]")


def article_words(text: str) -> set[str]:
    """Casefolded words of a text, hyphenated compounds whole and split."""
    words: set[str] = set()
    for w in _WORD.findall(text.casefold()):
        words.add(w)
        words.update(p for p in re.split(r"[-/+.]", w) if p)
    return words


class HybridSearcher:
    """Finds the chunks that best match a question."""

    def __init__(
        self,
        store: VectorStore,
        embedder: Embedder,
        vocab: Vocabulary,
        *,
        candidates: int = 20,
        rrf_k: int = 60,
        refresh_seconds: float = 2.0,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.vocab = vocab
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.refresh_seconds = refresh_seconds
        self._snapshot: Snapshot | None = None
        self._signature: tuple[str, ...] = ()
        self._derived: dict[str, _Derived] = {}  # by article id
        self._checked = 0.0
        self._lock = threading.Lock()

    def snapshot(self) -> Snapshot:
        """The current snapshot, rebuilt if the store's articles changed."""
        with self._lock:
            now = time.monotonic()
            if self._snapshot is not None and now - self._checked < self.refresh_seconds:
                return self._snapshot
            # the ids alone tell whether anything changed: reading every article record (their
            # facts) at each refresh would cost more than a question with 1,000 articles
            if self._snapshot is None or tuple(sorted(self.store.article_ids())) != self._signature:
                articles = self.store.articles()
                self._snapshot = self._build(articles)
                self._signature = tuple(sorted(a.id for a in articles))
            self._checked = now
            return self._snapshot

    def invalidate(self) -> None:
        with self._lock:
            self._checked = 0.0

    def _build(self, articles: list[ArticleRecord]) -> Snapshot:
        by_id = {a.id: a for a in articles}
        # an article's chunks never change (its id is its content): what was derived from them
        # for the last snapshot is kept, and only new articles are read and tokenized
        new = [a for a in by_id if a not in self._derived]
        fetched: dict[str, list[ChunkRecord]] = {a: [] for a in new}
        for c in self.store.chunks(new) if new else []:
            fetched[c.article_id].append(c)
        self._derived = {
            a.id: self._derived.get(a.id) or self._derive(a, fetched[a.id]) for a in articles
        }
        parts = [self._derived[a] for a in sorted(by_id)]
        chunks = [c for p in parts for c in p.chunks]
        return Snapshot(
            articles=by_id,
            chunks=chunks,
            bm25=BM25Index([t for p in parts for t in p.tokens]),
            article_words={a: self._derived[a].words for a in by_id},
            position={c.id: i for i, c in enumerate(chunks)},
            chunk_terms=[t for p in parts for t in p.terms],
            chunk_figures=[f for p in parts for f in p.figures],
        )

    def _derive(self, article: ArticleRecord, chunks: list[ChunkRecord]) -> _Derived:
        chunks = sorted(chunks, key=lambda c: c.index)
        words = article_words(article.title)
        for c in chunks:
            words.update(article_words(c.text))
        return _Derived(
            chunks=chunks,
            # interned: the same word in 10,000 chunks is one string
            tokens=[
                [sys.intern(t) for t in self.vocab.search_tokens(f"{article.title}\n{c.text}")]
                for c in chunks
            ],
            terms=[frozenset(t.key for t in self.vocab.terms(c.text)) for c in chunks],
            figures=_figures_by_chunk(article, chunks),
            words=frozenset(words),
        )

    def search(
        self,
        query: str,
        k: int,
        *,
        expansions: list[str] | None = None,
        article_ids: list[str] | None = None,
    ) -> list[Hit]:
        """The ``k`` best chunks for ``query``, optionally only from ``article_ids``."""
        snap = self.snapshot()
        if not snap.chunks:
            return []
        expanded = " ".join([query, *(expansions or [])])
        allowed_ids = (
            None if article_ids is None else [a for a in article_ids if a in snap.articles]
        )
        # the dense model knows synonyms itself: it embeds the question alone (short = fast)
        dense = self.store.query(
            self.embedder.embed([query])[0], self.candidates, article_ids=allowed_ids
        )
        dense_ids = [cid for cid, _ in dense if cid in snap.position]
        mask = None
        if allowed_ids is not None:
            allowed_set = set(allowed_ids)
            mask = np.array([c.article_id in allowed_set for c in snap.chunks])
        lexical = snap.bm25.rank(self.vocab.search_tokens(expanded), self.candidates, mask)
        lexical_ids = [snap.chunks[i].id for i in lexical]
        rankings = [dense_ids, lexical_ids]
        asked_terms = self.vocab.terms(query)
        asked = {t.key for t in asked_terms}
        endpoints = {t.key for t in asked_terms if t.kind == "endpoint"}
        if asked:
            # chunks that name what the question names (endpoint first, then arm, subgroup), most
            # first: a figure's sentence says "ORR" and "second-line", whatever else it says;
            # a chunk that reports a figure of the endpoint asked comes before one that names it
            overlap = [
                (
                    2 * len(endpoints & terms)
                    + 2 * len(endpoints & snap.chunk_figures[i])
                    + len(asked & terms),
                    i,
                )
                for i, terms in enumerate(snap.chunk_terms)
                if asked & terms and (mask is None or mask[i])
            ]
            overlap.sort(key=lambda x: (-x[0], x[1]))
            rankings.append([snap.chunks[i].id for _, i in overlap[: self.candidates]])
        fused = reciprocal_rank_fusion(rankings, self.rrf_k)[:k]
        return [
            Hit(
                snap.chunks[snap.position[cid]],
                snap.articles[snap.chunks[snap.position[cid]].article_id],
                score,
            )
            for cid, score in fused
        ]


def _figures_by_chunk(article: ArticleRecord, chunks: list[ChunkRecord]) -> list[frozenset[str]]:
    """For each chunk of ``article``, the endpoints of the facts whose sentence overlaps it."""
    spans = [(f["start"], f["end"], f["endpoint"]) for f in article.meta.get("facts", [])]
    return [
        frozenset(e for start, end, e in spans if start < c.end and end > c.start) for c in chunks
    ]
