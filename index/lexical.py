"""BM25 over chunk tokens (bm25s), rebuilt in memory from the store's chunks."""

from __future__ import annotations

import bm25s
import numpy as np


class BM25Index:
    """Lexical ranking of documents given as token lists."""

    def __init__(self, documents: list[list[str]]) -> None:
        self._size = len(documents)
        self._bm25 = bm25s.BM25()
        if documents:
            # bm25s cannot index an empty document; a placeholder token never matches a query
            self._bm25.index([d or ["\x00"] for d in documents], show_progress=False)

    def rank(self, query: list[str], k: int, allowed: np.ndarray | None = None) -> list[int]:
        """Indices of the ``k`` best documents for ``query`` (only those with a match)."""
        if not self._size or not query:
            return []
        scores = np.asarray(self._bm25.get_scores(query), dtype=float)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        k = min(k, self._size)
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [int(i) for i in top if scores[i] > 0]
