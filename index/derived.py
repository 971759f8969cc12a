"""What the searcher derives from articles, a group of articles at a time.

An ``ArticleGroup`` holds, for some articles (sorted by id), their records, their chunks in order,
the BM25 postings of the chunks, the vocabulary terms each chunk names, the endpoints each chunk
reports a figure of, and each article's words. An article's id is a hash of its content, so
what is derived from it never changes while the derivation (``derivation_key``: this code, the
tokenizer, the vocabulary) stays the same: groups can be kept on disk (``index.search_cache``)
and a snapshot of the index is composed from groups, not rebuilt.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index import lexical, text, vocabulary
from index.figures import named_values
from index.lexical import Postings
from index.store import ArticleRecord, ChunkRecord
from index.vocabulary import Vocabulary

# a change to what is derived (not covered by the sources hashed below) must change this
DERIVATION_VERSION = 2


@dataclass(frozen=True)
class ArticleGroup:
    """Derived data of some articles; article ``i``'s chunks are
    ``chunks[offsets[i]:offsets[i + 1]]`` and documents of the same numbers in ``postings``."""

    articles: list[ArticleRecord]  # sorted by id
    offsets: np.ndarray  # int64, len(articles) + 1
    chunks: list[ChunkRecord]
    terms: list[frozenset[str]]  # vocabulary keys per chunk
    figures: list[frozenset[str]]  # endpoints a chunk reports a figure of
    words: list[frozenset[str]]  # casefolded words per article
    postings: Postings

    @property
    def ids(self) -> list[str]:
        return [a.id for a in self.articles]


_WORD = re.compile(r"[^\W_][\w\-+/.]*[^\W_]|[^\W_]")


def article_words(text: str) -> set[str]:
    """Casefolded words of a text, hyphenated compounds whole and split, and the figures it
    names with their units, one spelling each ("74 gy": ``named_values``)."""
    words: set[str] = named_values(text)
    for w in _WORD.findall(text.casefold()):
        words.add(w)
        words.update(p for p in re.split(r"[-/+.]", w) if p)
    return words


def derive_group(
    articles: Iterable[ArticleRecord], chunks: Iterable[ChunkRecord], vocab: Vocabulary
) -> ArticleGroup:
    """The group of ``articles``, given (at least) all their chunks."""
    records = sorted(articles, key=lambda a: a.id)
    by_article: dict[str, list[ChunkRecord]] = {a.id: [] for a in records}
    for c in chunks:
        if c.article_id in by_article:
            by_article[c.article_id].append(c)
    ordered: list[ChunkRecord] = []
    tokens: list[list[str]] = []
    terms: list[frozenset[str]] = []
    figures: list[frozenset[str]] = []
    words: list[frozenset[str]] = []
    offsets = [0]
    for article in records:
        own = sorted(by_article[article.id], key=lambda c: c.index)
        found = article_words(article.title)
        for c in own:
            found.update(article_words(c.text))
            # interned: the same word in 10,000 chunks is one string
            tokens.append(
                [sys.intern(t) for t in vocab.search_tokens(f"{article.title}\n{c.text}")]
            )
            terms.append(frozenset(t.key for t in vocab.terms(c.text)))
        figures.extend(_figures_by_chunk(article, own))
        words.append(frozenset(sys.intern(w) for w in found))  # shared when kept on disk
        ordered.extend(own)
        offsets.append(len(ordered))
    return ArticleGroup(
        articles=records,
        offsets=np.asarray(offsets, np.int64),
        chunks=ordered,
        terms=terms,
        figures=figures,
        words=words,
        postings=Postings.of(tokens),
    )


def _figures_by_chunk(article: ArticleRecord, chunks: list[ChunkRecord]) -> list[frozenset[str]]:
    """For each chunk of ``article``, the endpoints of the facts whose sentence overlaps it."""
    spans = [(f["start"], f["end"], f["endpoint"]) for f in article.meta.get("facts", [])]
    return [
        frozenset(e for start, end, e in spans if start < c.end and end > c.start) for c in chunks
    ]


def derivation_key(vocab: Vocabulary) -> str:
    """A digest of everything derived data depends on besides the articles: this version, the
    sources of the tokenizer, the term matcher and the BM25 postings, and the vocabulary."""
    digest = hashlib.sha256(f"derivation {DERIVATION_VERSION}\n".encode())
    for module in (sys.modules[__name__], lexical, text, vocabulary):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(repr(sorted(vocab.endpoints.items())).encode())
    digest.update(repr(list(vocab.groups)).encode())
    digest.update(repr(sorted(vocab.stopwords)).encode())
    return digest.hexdigest()[:32]


@dataclass
class Gathered:
    """Chosen articles of some groups, in the order given, with each group's document
    positions (-1 for a chunk not chosen), from which a snapshot or a merged group is made."""

    articles: list[ArticleRecord]
    offsets: list[int]
    chunks: list[ChunkRecord]
    terms: list[frozenset[str]]
    figures: list[frozenset[str]]
    words: list[frozenset[str]]
    parts: list[tuple[Postings, np.ndarray]]


def gather(picks: Iterable[tuple[ArticleGroup, int]]) -> Gathered:
    """Article ``i`` of each ``(group, i)``, in that order."""
    out = Gathered([], [0], [], [], [], [], [])
    positions: dict[int, tuple[ArticleGroup, np.ndarray]] = {}
    for group, i in picks:
        lo, hi = int(group.offsets[i]), int(group.offsets[i + 1])
        if id(group) not in positions:
            positions[id(group)] = (group, np.full(len(group.chunks), -1, np.int64))
        start = len(out.chunks)
        positions[id(group)][1][lo:hi] = np.arange(start, start + hi - lo)
        out.articles.append(group.articles[i])
        out.chunks.extend(group.chunks[lo:hi])
        out.terms.extend(group.terms[lo:hi])
        out.figures.extend(group.figures[lo:hi])
        out.words.append(group.words[i])
        out.offsets.append(len(out.chunks))
    out.parts = [(g.postings, where) for g, where in positions.values()]
    return out


def merge_groups(picks: Iterable[tuple[ArticleGroup, int]]) -> ArticleGroup:
    """One group of the articles ``picks`` chooses (``(group, i)``: article ``i`` of group)."""
    g = gather(sorted(picks, key=lambda pick: pick[0].articles[pick[1]].id))
    return ArticleGroup(
        articles=g.articles,
        offsets=np.asarray(g.offsets, np.int64),
        chunks=g.chunks,
        terms=g.terms,
        figures=g.figures,
        words=g.words,
        postings=Postings.merge(g.parts, len(g.chunks)),
    )
