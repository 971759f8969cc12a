"""Chunking: whole sentences grouped into chunks that keep their offsets in the article."""

from __future__ import annotations

from dataclasses import dataclass

from index.text import Span, split_sentences


@dataclass(frozen=True)
class Chunk:
    """A run of whole sentences; ``text == article_text[start:end]``."""

    index: int
    start: int
    end: int
    text: str


def chunk_article(text: str, target_chars: int = 700, overlap_sentences: int = 1) -> list[Chunk]:
    """Group sentences into chunks of about ``target_chars``, never splitting a sentence.

    A figure stays in its sentence with its CI and subgroup, and the last ``overlap_sentences``
    of a chunk start the next one, so context that spans a boundary is found from either side.
    """
    chunks: list[Chunk] = []
    group: list[Span] = []
    for sentence in split_sentences(text):
        if group and sentence.end - group[0].start > target_chars:
            chunks.append(_make(text, len(chunks), group))
            keep = group[-overlap_sentences:] if overlap_sentences else []
            if keep and sentence.end - keep[0].start > target_chars:
                keep = []  # the overlap would not fit beside this sentence
            group = list(keep)
        group.append(sentence)
    if group:
        chunks.append(_make(text, len(chunks), group))
    return chunks


def _make(text: str, index: int, group: list[Span]) -> Chunk:
    start, end = group[0].start, group[-1].end
    return Chunk(index, start, end, text[start:end])
