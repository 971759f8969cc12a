"""Hybrid retrieval: rankings fused by reciprocal rank.

- dense: the question's embedding against the chunks' in the vector store;
- lexical: BM25 over the chunks, the question expanded with the vocabulary's synonyms;
- terms: chunks naming the vocabulary terms the question names, endpoints first, and a chunk that
  reports a figure of the endpoint asked (a fact extracted at ingest) before one that only names it.

The searcher keeps a snapshot of the complete articles and their chunks, composed from groups of
derived data (``index.derived``): those kept on disk beside the store (``index.search_cache``,
written at ingest) and those it derives itself from the store, for the articles the cache lacks.
A new process thus reads the cache instead of every chunk, and when the store's articles change
(an ingest by this or another process) only the new articles are read and tokenized.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np

from index.derived import (
    ArticleGroup,
    article_words,
    derivation_key,
    derive_group,
    gather,
    merge_groups,
)
from index.embedding import Embedder
from index.lexical import BM25Index
from index.search_cache import MAX_FILES, SearchCache
from index.store import ArticleRecord, ChunkRecord, VectorStore
from index.vocabulary import Vocabulary

__all__ = ["Hit", "HybridSearcher", "Snapshot", "article_words", "reciprocal_rank_fusion"]

log = logging.getLogger(__name__)
# groups held in memory before the small ones are merged (each costs a lookup per query word)
_MAX_GROUPS = 8


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

    @cached_property
    def articles_by_trial(self) -> dict[str, tuple[str, ...]]:
        """The articles of each trial, by the trial name's key (``trial_name_key``)."""
        found: dict[str, set[str]] = {}
        for article in self.articles.values():
            for t in article.meta.get("trials", []):
                found.setdefault(trial_name_key(str(t)), set()).add(article.id)
        return {key: tuple(sorted(ids)) for key, ids in found.items()}

    @cached_property
    def articles_by_regimen(self) -> dict[str, frozenset[str]]:
        """The articles that name their arms by each regimen code ("ECX"), by the code
        casefolded."""
        found: dict[str, set[str]] = {}
        for article in self.articles.values():
            for code in article.meta.get("regimens", []):
                found.setdefault(str(code).casefold(), set()).add(article.id)
        return {code: frozenset(ids) for code, ids in found.items()}

    @cached_property
    def chunks_of_article(self) -> dict[str, list[int]]:
        """The positions of each article's chunks."""
        found: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            found.setdefault(c.article_id, []).append(i)
        return found

    @cached_property
    def chunk_counts(self) -> dict[str, int]:
        """How many chunks each article has."""
        return {a: len(positions) for a, positions in self.chunks_of_article.items()}

    @cached_property
    def articles_reporting(self) -> dict[str, frozenset[str]]:
        """The articles that report a figure of each endpoint (``chunk_figures``)."""
        found: dict[str, set[str]] = {}
        for chunk, endpoints in zip(self.chunks, self.chunk_figures, strict=False):
            for endpoint in endpoints:
                found.setdefault(endpoint, set()).add(chunk.article_id)
        return {endpoint: frozenset(ids) for endpoint, ids in found.items()}

    @cached_property
    def drug_names(self) -> frozenset[str]:
        """The casefolded drug names the articles' metadata holds."""
        return frozenset(
            str(d).casefold() for a in self.articles.values() for d in a.meta.get("drugs", [])
        )

    @cached_property
    def article_terms(self) -> dict[str, frozenset[str]]:
        """The vocabulary keys each article names (``chunk_terms``)."""
        found: dict[str, set[str]] = {}
        for chunk, terms in zip(self.chunks, self.chunk_terms, strict=False):
            found.setdefault(chunk.article_id, set()).update(terms)
        return {a: frozenset(keys) for a, keys in found.items()}

    @cached_property
    def chunks_naming(self) -> dict[str, list[int]]:
        """The positions of the chunks that name each vocabulary key (``chunk_terms``)."""
        found: dict[str, list[int]] = {}
        for i, terms in enumerate(self.chunk_terms):
            for key in terms:
                found.setdefault(key, []).append(i)
        return found

    @cached_property
    def aliases(self) -> dict[str, tuple[str, ...]]:
        """The other names of a casefolded name, from the abbreviations articles define
        ("vte" -> "venous thromboembolism", and back)."""
        found: dict[str, list[str]] = {}
        for article in self.articles.values():
            for short, long in article.meta.get("aliases", {}).items():
                found.setdefault(str(short).casefold(), []).append(str(long))
                found.setdefault(str(long).casefold(), []).append(str(short))
        return {name: tuple(others) for name, others in found.items()}


def trial_name_key(name: str) -> str:
    """A trial name's letters and digits, case folded: the same for every spelling
    ("CheckMate 743", "CheckMate-743", "checkmate743"; "ACT II", "ACT2")."""
    parts = re.findall(r"[A-Za-z]+|\d+", name)
    return "".join(name_part_key(p, i, parts[i - 1] if i else "") for i, p in enumerate(parts))


_ROMAN = {
    **{"ii": "2", "iii": "3", "iv": "4", "vi": "6", "vii": "7", "viii": "8", "ix": "9"},
    **{"xi": "11", "xii": "12", "xiii": "13", "xiv": "14", "xv": "15"},
}


def name_part_key(part: str, position: int, previous: str = "") -> str:
    """One part of a trial's name (a run of letters or of digits) as ``trial_name_key`` keeps
    it: case folded, a Roman number after the first part as its digits ("ACT II" is "ACT 2"),
    and a number right after letters without its leading zeros ("GOG 0209" is "GOG-209",
    "KEYNOTE-048" "KEYNOTE-48"; not the "02" of "GORTEC 99-02")."""
    folded = part.casefold()
    if position and folded.isdigit() and previous.isalpha():
        return folded.lstrip("0") or "0"
    return _ROMAN.get(folded, folded) if position else folded


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
        cache_dir: Path | None = None,
    ) -> None:
        """``cache_dir``: where derived data is kept between processes (none if unset)."""
        self.store = store
        self.embedder = embedder
        self.vocab = vocab
        self.candidates = candidates
        self.rrf_k = rrf_k
        self.refresh_seconds = refresh_seconds
        self.cache_dir = cache_dir
        self._snapshot: Snapshot | None = None
        self._signature: frozenset[str] = frozenset()
        self._groups: list[ArticleGroup] = []  # a later group's copy of an article wins
        self._owner: dict[str, tuple[ArticleGroup, int]] = {}  # article id -> (group, index)
        self._unsaved: list[ArticleGroup] = []  # derived here, not in the cache yet
        self._cache: SearchCache | None = None
        self._cache_files: list[Path] = []  # the cache's files this searcher loaded or wrote
        self._checked = 0.0
        self._lock = threading.Lock()

    def snapshot(self) -> Snapshot:
        """The current snapshot, brought up to date if the store's articles changed."""
        with self._lock:
            return self._refresh(ingesting=False)

    def invalidate(self) -> None:
        with self._lock:
            self._checked = 0.0

    def save_cache(self) -> None:
        """After an ingest: bring the snapshot up to date, keep what was derived for it in the
        cache, and merge the cache's files when there are many or they hold removed articles."""
        with self._lock:
            self._checked = 0.0
            self._refresh(ingesting=True)
            if self._cache is not None:
                self._save_unsaved()
                self._compact_files()

    def _refresh(self, ingesting: bool) -> Snapshot:
        now = time.monotonic()
        if self._snapshot is not None and now - self._checked < self.refresh_seconds:
            return self._snapshot
        # the ids alone tell whether anything changed: reading every article record (their
        # facts) at each refresh would cost more than a question with 1,000 articles
        live = frozenset(self.store.article_ids())
        if self._snapshot is None or live != self._signature:
            self._snapshot = self._update(live, ingesting)
            self._signature = live
        self._checked = now
        return self._snapshot

    def _update(self, live: frozenset[str], ingesting: bool) -> Snapshot:
        cold = self._snapshot is None
        if cold and self.cache_dir is not None:
            self._load_cache()
        missing = sorted(live - self._owner.keys())
        if missing:
            started = time.perf_counter()
            group = derive_group(
                self.store.articles(ids=missing), self.store.chunks(missing), self.vocab
            )
            self._add(group)
            if cold or ingesting:  # else another process ingested them, and saved them
                self._unsaved.append(group)
            if cold and not ingesting and self._cache is not None:
                # a new process found the cache missing, stale or damaged, or lacking what
                # another process or replica ingested: what it derived is kept for the next one
                log.log(
                    logging.INFO if self._cache_files else logging.WARNING,
                    "the search cache in %s lacked %d of %d articles: read them from the index "
                    "in %.1f s, and saved them",
                    self._cache.folder,
                    len(missing),
                    len(live),
                    time.perf_counter() - started,
                )
                self._save_unsaved()
        # an article removed since the store listed it is left out (and the next refresh,
        # seeing another list, brings the snapshot up to date again)
        live = frozenset(a for a in live if a in self._owner)
        if len(self._groups) > _MAX_GROUPS:
            self._merge_small_groups(live)
        return self._compose(live)

    def _load_cache(self) -> None:
        assert self.cache_dir is not None
        started = time.perf_counter()
        self._cache = SearchCache(self.cache_dir, derivation_key(self.vocab))
        loaded = self._cache.load()
        for item in loaded:
            self._add(item.group)
        self._cache_files = [item.path for item in loaded]
        log.info(
            "loaded %d articles from %d search cache files in %.0f ms",
            len(self._owner),
            len(loaded),
            (time.perf_counter() - started) * 1000,
        )

    def _add(self, group: ArticleGroup) -> None:
        self._groups.append(group)
        for i, article_id in enumerate(group.ids):
            self._owner[article_id] = (group, i)

    def _save_unsaved(self) -> None:
        assert self._cache is not None
        if not self._unsaved:
            return
        group = (
            self._unsaved[0]
            if len(self._unsaved) == 1
            else merge_groups((g, i) for g in self._unsaved for i in range(len(g.articles)))
        )
        path = self._cache.save(group)
        if path is not None:
            self._cache_files.append(path)
        self._unsaved = []

    def _compact_files(self) -> None:
        """Merge the cache's files into one when there are too many, or a third of what they
        hold was removed from the store; files that were skipped (damaged, stale) go too."""
        assert self._cache is not None
        live = self._signature
        stray = self._cache.stray_files(self._cache_files)
        held = sum(len(g.articles) for g in self._groups)
        if len(self._cache_files) <= MAX_FILES and not stray and 3 * (held - len(live)) <= held:
            return
        merged = merge_groups(self._owner[a] for a in live)
        path = self._cache.replace(merged, self._cache_files + stray)
        if path is None:
            return
        self._groups, self._owner, self._cache_files = [], {}, [path]
        self._add(merged)

    def _merge_small_groups(self, live: frozenset[str]) -> None:
        """All groups but the largest as one (in memory): the cost follows the small ones."""
        largest = max(self._groups, key=lambda g: len(g.articles))
        picks = [self._owner[a] for a in live if self._owner[a][0] is not largest]
        merged = merge_groups(picks)
        self._owner = {a: pick for a, pick in self._owner.items() if pick[0] is largest}
        self._groups = [largest]
        self._add(merged)

    def _compose(self, live: frozenset[str]) -> Snapshot:
        order = sorted(live)
        g = gather(self._owner[a] for a in order)
        # as the store lists them, oldest first: the answer core reads them in this order
        by_age = sorted(g.articles, key=lambda a: (a.ingested_at, a.id))
        words = dict(zip(order, g.words, strict=True))
        snap = Snapshot(
            articles={a.id: a for a in by_age},
            chunks=g.chunks,
            bm25=BM25Index.of_parts(g.parts, len(g.chunks)),
            article_words={a.id: words[a.id] for a in by_age},
            position={c.id: i for i, c in enumerate(g.chunks)},
            chunk_terms=g.terms,
            chunk_figures=g.figures,
        )
        previous = self._snapshot
        if (
            previous is not None
            and "words" in previous.__dict__
            and previous.articles.keys() <= live
        ):
            # only articles were added: their words join the union instead of a new union of all
            added = [words[a] for a in order if a not in previous.articles]
            snap.__dict__["words"] = previous.words.union(*added)
        return snap

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
            mask = np.zeros(len(snap.chunks), dtype=bool)
            for a in allowed_ids:
                mask[snap.chunks_of_article.get(a, [])] = True
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
            naming = {i for key in asked for i in snap.chunks_naming.get(key, ())}
            overlap = [
                (
                    2 * len(endpoints & snap.chunk_terms[i])
                    + 2 * len(endpoints & snap.chunk_figures[i])
                    + len(asked & snap.chunk_terms[i]),
                    i,
                )
                for i in naming
                if mask is None or mask[i]
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
