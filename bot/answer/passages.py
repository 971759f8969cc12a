"""Passages handed to answer engines: retrieved chunks cut into sentences with article offsets."""

from __future__ import annotations

from dataclasses import dataclass

from index.search import Hit
from index.store import ArticleRecord
from index.text import split_sentences


@dataclass(frozen=True)
class Sentence:
    article: ArticleRecord
    start: int  # offsets in the article's text
    end: int
    text: str
    rank: int  # rank of the chunk it came from (0 = best)


def sentences_of(hits: list[Hit]) -> list[Sentence]:
    """The sentences of the retrieved chunks, each once, best chunk first."""
    seen: set[tuple[str, int]] = set()
    out: list[Sentence] = []
    for rank, hit in enumerate(hits):
        for span in split_sentences(hit.chunk.text):
            key = (hit.article.id, hit.chunk.start + span.start)
            if key in seen:
                continue
            seen.add(key)
            out.append(
                Sentence(
                    hit.article,
                    hit.chunk.start + span.start,
                    hit.chunk.start + span.end,
                    span.text,
                    rank,
                )
            )
    return out
