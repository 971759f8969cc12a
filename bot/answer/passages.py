"""Passages handed to answer engines: retrieved chunks cut into sentences with article offsets."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from index.loaders import BOLD_LINE
from index.search import Hit
from index.store import ArticleRecord, ChunkRecord
from index.tables import is_table_row
from index.text import split_sentences


@dataclass(frozen=True)
class Sentence:
    article: ArticleRecord
    start: int  # offsets in the article's text
    end: int
    text: str
    rank: int  # rank of the chunk it came from (0 = best)
    section: str = ""  # the heading of the article's section it stands in, if any


def sentences_of(
    hits: list[Hit], sections: Callable[[str], list[tuple[int, str]]] | None = None
) -> list[Sentence]:
    """The sentences of the retrieved chunks, each once, best chunk first; ``sections`` gives an
    article's headings by offset (``section_headings``), for the section each sentence is in."""
    seen: set[tuple[str, int]] = set()
    out: list[Sentence] = []
    for rank, hit in enumerate(hits):
        headings = sections(hit.article.id) if sections else []
        for span in split_sentences(hit.chunk.text):
            start = hit.chunk.start + span.start
            key = (hit.article.id, start)
            if key in seen:
                continue
            seen.add(key)
            section = _section_of(headings, start, is_table_row(span.text))
            out.append(
                Sentence(hit.article, start, hit.chunk.start + span.end, span.text, rank, section)
            )
    return out


def _section_of(headings: list[tuple[int, str]], start: int, table_row: bool) -> str:
    """The heading a sentence at ``start`` stands under. A table's caption heads its rows only:
    the prose after the table is under the heading before the caption."""
    for _, heading in reversed([h for h in headings if h[0] < start]):
        if table_row or not _TABLE_CAPTION.match(heading):
            return heading
    return ""


_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_TABLE_CAPTION = re.compile(r"^(?:\*\*)?Table\s+\d+[.:]?\s", re.I)
_NOT_A_HEADING = re.compile(r"[.!?,;:]\W*$|\||^[-*•>=]|^\W*$|^(?:by|published|updated)\b", re.I)


def section_headings(chunks: list[ChunkRecord]) -> list[tuple[int, str]]:
    """The section headings of one article's ``chunks`` as (offset, text), in order: markdown
    headings, whole bold lines, table captions ("Table 2. OS by PD-L1 CPS"), and the short lines
    that HTML and PDF headings become (no closing punctuation, at most 12 words)."""
    found: dict[int, str] = {}
    for chunk in chunks:
        offset = chunk.start
        for line in chunk.text.split("\n"):
            text = line.strip()
            heading = _heading(text)
            if heading:
                found[offset + line.find(text)] = heading
            offset += len(line) + 1
    return sorted(found.items())


def _heading(line: str) -> str:
    if m := _MARKDOWN_HEADING.match(line) or BOLD_LINE.match(line):
        return m.group(1).strip()
    if _TABLE_CAPTION.match(line):
        return line.strip("*")
    if len(line) > 100 or len(line.split()) > 12 or _NOT_A_HEADING.search(line):
        return ""
    return line
