"""BM25 over chunk tokens, kept as postings that can be persisted, added to and merged.

Scores are those of ``bm25s.BM25()`` (Lucene's variant, k1 = 1.5, b = 0.75, float32 scores,
a query token counted as often as it occurs), computed at query time from term frequencies
rather than precomputed: adding one document then changes no stored number, so the index of a
corpus is the union of the postings of its parts (``Postings``, one per group of articles),
each mapped to the corpus's document order. ``tests/index/test_lexical.py`` checks the scores
against bm25s's.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np

K1 = 1.5
B = 0.75
_EMPTY = "\x00"  # an empty document's only token (as bm25s needs one): it never matches a query


@dataclass(frozen=True)
class Postings:
    """Term frequencies of a group of documents, by term: the documents holding term ``t`` are
    ``docs[indptr[row]:indptr[row + 1]]`` (local indices), with ``tfs`` at the same places,
    where ``row = rows[t]``; ``lengths`` holds each document's token count."""

    terms: list[str]
    indptr: np.ndarray  # int64, len(terms) + 1
    docs: np.ndarray  # int32
    tfs: np.ndarray  # float32
    lengths: np.ndarray  # int32, one per document

    @classmethod
    def of(cls, documents: Sequence[Sequence[str]]) -> Postings:
        """The postings of documents given as token lists."""
        rows: dict[str, int] = {}
        doc_col: list[int] = []
        row_col: list[int] = []
        tf_col: list[int] = []
        lengths = np.zeros(len(documents), np.int32)
        for d, tokens in enumerate(documents):
            tokens = tokens or [_EMPTY]
            lengths[d] = len(tokens)
            for token, tf in Counter(tokens).items():
                doc_col.append(d)
                row_col.append(rows.setdefault(token, len(rows)))
                tf_col.append(tf)
        row_arr = np.asarray(row_col, np.int64)
        order = np.argsort(row_arr, kind="stable")  # by term, then document
        indptr = np.zeros(len(rows) + 1, np.int64)
        np.cumsum(np.bincount(row_arr, minlength=len(rows)), out=indptr[1:])
        return cls(
            terms=list(rows),
            indptr=indptr,
            docs=np.asarray(doc_col, np.int32)[order],
            tfs=np.asarray(tf_col, np.float32)[order],
            lengths=lengths,
        )

    @classmethod
    def merge(cls, parts: list[tuple[Postings, np.ndarray]], size: int) -> Postings:
        """One Postings of ``size`` documents from ``parts``: each Postings with the new number
        of each of its documents (-1 for a document left out)."""
        rows: dict[str, int] = {}
        row_cols, doc_cols, tf_cols = [], [], []
        lengths = np.zeros(size, np.int32)
        for postings, positions in parts:
            new_row = np.asarray([rows.setdefault(t, len(rows)) for t in postings.terms], np.int64)
            per_row = np.diff(postings.indptr)
            where = positions[postings.docs]
            kept = where >= 0
            row_cols.append(np.repeat(new_row, per_row)[kept])
            doc_cols.append(where[kept])
            tf_cols.append(postings.tfs[kept])
            lengths[positions[positions >= 0]] = postings.lengths[positions >= 0]
        row = np.concatenate(row_cols) if row_cols else np.zeros(0, np.int64)
        doc = np.concatenate(doc_cols) if doc_cols else np.zeros(0, np.int64)
        order = np.lexsort((doc, row))
        indptr = np.zeros(len(rows) + 1, np.int64)
        np.cumsum(np.bincount(row, minlength=len(rows)), out=indptr[1:])
        return cls(
            terms=list(rows),
            indptr=indptr,
            docs=doc[order].astype(np.int32),
            tfs=(np.concatenate(tf_cols) if tf_cols else np.zeros(0, np.float32))[order],
            lengths=lengths,
        )

    @property
    def size(self) -> int:
        return len(self.lengths)

    @cached_property
    def rows(self) -> dict[str, int]:
        """Term -> row, built on first use."""
        return {t: i for i, t in enumerate(self.terms)}


class BM25Index:
    """Lexical ranking over documents held in one or more ``Postings``."""

    def __init__(self, documents: Sequence[Sequence[str]]) -> None:
        postings = Postings.of(documents)
        self._init([(postings, np.arange(postings.size, dtype=np.int64))], postings.size)

    @classmethod
    def of_parts(cls, parts: list[tuple[Postings, np.ndarray]], size: int) -> BM25Index:
        """An index over ``size`` documents held in ``parts``: each Postings with the position,
        in the index, of each of its documents (-1 for a document left out)."""
        index = cls.__new__(cls)
        index._init(parts, size)
        return index

    def _init(self, parts: list[tuple[Postings, np.ndarray]], size: int) -> None:
        self._size = size
        self._parts = [(p, positions, p.rows) for p, positions in parts]
        lengths = np.zeros(size, np.int64)
        for p, positions in parts:
            kept = positions >= 0
            lengths[positions[kept]] = p.lengths[kept]
        # as bm25s computes it: the mean of the documents' lengths, as float64
        self._avg_len = lengths.mean() if size else 0.0
        self._lengths = lengths.astype(np.float64)

    def scores(self, query: list[str]) -> np.ndarray:
        """Every document's BM25 score for ``query`` (float32, as bm25s adds them up)."""
        scores = np.zeros(self._size, np.float32)
        for token in query:
            found = []
            for postings, positions, rows in self._parts:
                row = rows.get(token)
                if row is None:
                    continue
                lo, hi = postings.indptr[row], postings.indptr[row + 1]
                where = positions[postings.docs[lo:hi]]
                kept = where >= 0
                found.append((where[kept], postings.tfs[lo:hi][kept]))
            df = sum(len(w) for w, _ in found)
            if not df:
                continue  # not in any document: bm25s leaves it out of the query
            n = self._size
            idf = np.float32(math.log(1 + (n - df + 0.5) / (df + 0.5)))
            for where, tf in found:
                # bm25s's expression and dtypes (float64 lengths, float32 tf and idf)
                tfc = tf / (K1 * ((1 - B) + B * self._lengths[where] / self._avg_len) + tf)
                scores[where] += (idf * tfc).astype(np.float32)
        return scores

    def rank(self, query: list[str], k: int, allowed: np.ndarray | None = None) -> list[int]:
        """Indices of the ``k`` best documents for ``query`` (only those with a match)."""
        if not self._size or not query:
            return []
        scores = self.scores(query).astype(float)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, self._size)
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [int(i) for i in top if scores[i] > 0]
