"""Passages handed to answer engines: retrieved chunks cut into sentences with article offsets."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from index.loaders import BOLD_LINE
from index.search import Hit
from index.store import ArticleRecord, ChunkRecord
from index.tables import TABLE_CAPTION, is_table_row
from index.text import split_sentences


@dataclass(frozen=True)
class Sentence:
    article: ArticleRecord
    start: int  # offsets in the article's text
    end: int
    text: str
    rank: int  # rank of the chunk it came from (0 = best)
    section: str = ""  # the heading of the article's section it stands in, if any
    # the headings of the larger sections around that one, nearest first ("## ENZAMET: ..."
    # over "### Results")
    outline: tuple[str, ...] = ()
    # a list item's lead-in, the line before the list ending in a colon ("The most common grade
    # 3/4 adverse events were:" over "- Hand-foot skin reaction: 28% vs 1%")
    lead_in: str = ""


class Heading(NamedTuple):
    offset: int
    text: str
    level: int  # a markdown heading's number of #s; 0 for other headings


def sentences_of(
    hits: list[Hit], sections: Callable[[str], list[Heading]] | None = None
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
            end = hit.chunk.start + span.end
            outline = _outline(headings, start, section)
            lead_in = list_lead_in(hit.chunk.text, span.start)
            out.append(
                Sentence(hit.article, start, end, span.text, rank, section, outline, lead_in)
            )
    return out


_BULLET = re.compile(r"\s*(?:[-*•]|\d{1,2}[.)])\s")


def list_lead_in(text: str, offset: int) -> str:
    """The lead-in of the list item at ``offset`` of ``text``: the last sentence of the line
    before the list, when it ends in a colon ("... grade 3/4 adverse events were:"); else ""."""
    end = text.rfind("\n", 0, offset) + 1
    if not _BULLET.match(text, end):
        return ""
    while end > 0:  # the lines before it, nearest first
        start = text.rfind("\n", 0, end - 1) + 1
        line, end = text[start : end - 1], start
        if not line.strip() or _BULLET.match(line):
            continue
        if not line.rstrip().endswith(":"):
            return ""
        spans = split_sentences(line.strip())
        return spans[-1].text.rstrip(": ") if spans else ""
    return ""


def _section_of(headings: list[Heading], start: int, table_row: bool) -> str:
    """The heading a sentence at ``start`` stands under. A table's caption heads its rows only:
    the prose after the table is under the heading before the caption."""
    for h in reversed([h for h in headings if h.offset < start]):
        if table_row or not TABLE_CAPTION.match(h.text):
            return h.text
    return ""


def _outline(headings: list[Heading], start: int, section: str) -> tuple[str, ...]:
    """The markdown headings of the larger sections a sentence at ``start`` stands in, beyond
    its own section's and the title's: "## ENZAMET: ..." over "### Results", nearest first."""
    before = [h for h in headings if h.offset < start]
    own = next((h for h in reversed(before) if h.text == section), None)
    if own is None or own.level < 3:
        return ()
    found, level = [], own.level
    for h in reversed(before):
        if 1 < h.level < level:  # (a level-1 heading is the article's title: about all of it)
            found.append(h.text)
            level = h.level
    return tuple(found)


_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_NOT_A_HEADING = re.compile(r"[.!?,;:]\W*$|\||^[-*•>=]|^\W*$|^(?:by|published|updated)\b", re.I)


def section_headings(chunks: list[ChunkRecord]) -> list[Heading]:
    """The section headings of one article's ``chunks`` (offset, text, markdown level), in
    order: markdown
    headings, whole bold lines, table captions ("Table 2. OS by PD-L1 CPS"), and the short lines
    that HTML and PDF headings become (no closing punctuation, at most 12 words)."""
    found: dict[int, Heading] = {}
    for chunk in chunks:
        offset = chunk.start
        for line in chunk.text.split("\n"):
            text = line.strip()
            heading = _heading(text)
            if heading:
                at = offset + line.find(text)
                level = len(text) - len(text.lstrip("#")) if _MARKDOWN_HEADING.match(text) else 0
                found[at] = Heading(at, heading, level)
            offset += len(line) + 1
    return [found[at] for at in sorted(found)]


def _heading(line: str) -> str:
    if m := _MARKDOWN_HEADING.match(line) or BOLD_LINE.match(line):
        return m.group(1).strip()
    if TABLE_CAPTION.match(line):
        return line.strip("*")
    if len(line) > 100 or len(line.split()) > 12 or _NOT_A_HEADING.search(line):
        return ""
    return line
