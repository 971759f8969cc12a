"""Building a digest: which indexed articles are new, and for each its trials and two to four
key figures, asked of the answer core the way ``show TRIAL`` does (``bot.app.commands.key_figures``)
and kept only when their quotes come from that article."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import UTC, datetime

from bot.answer.core import Answerer
from bot.answer.models import Citation
from bot.app.commands import key_figures
from bot.digest.models import Digest, DigestEntry
from bot.state import now_iso
from index.store import ArticleRecord

MAX_TRIALS = 2  # trials of one article whose figures are looked up (articles name few)


def parse_time(value: str) -> datetime:
    """An ISO date or time; one without a zone is UTC."""
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def new_articles(
    articles: list[ArticleRecord], since: str, digested: Collection[str], limit: int
) -> tuple[list[ArticleRecord], int]:
    """The articles ingested at or after ``since`` and in no digest yet, oldest first, at most
    ``limit`` of them; and how many more wait for a later digest."""
    start = parse_time(since)
    new = sorted(
        (a for a in articles if a.id not in digested and parse_time(a.ingested_at) >= start),
        key=lambda a: (a.ingested_at, a.id),
    )
    return new[:limit], max(0, len(new) - limit)


class DigestBuilder:
    """Turns new articles into a Digest, with figures from the answer core."""

    def __init__(self, answerer: Answerer, *, figures: int = 4) -> None:
        self.answerer = answerer
        self.figures = figures

    def build(self, articles: list[ArticleRecord], *, since: str, more: int = 0) -> Digest:
        return Digest(
            id=uuid.uuid4().hex,
            created_at=now_iso(),
            since=since,
            entries=[self.entry(a) for a in articles],
            more=more,
        )

    def entry(self, article: ArticleRecord) -> DigestEntry:
        """One article's entry: up to ``figures`` key figures over its first trials."""
        trials = [str(t) for t in article.meta.get("trials", [])]
        looked_up = trials[:MAX_TRIALS]
        figures: list[str] = []
        citations: list[Citation] = []
        for trial in looked_up:
            lines, _ = key_figures(
                self.answerer,
                trial,
                article_id=article.id,
                limit=self.figures - len(figures),
                label_prefix=f"{trial} " if len(looked_up) > 1 else "",
                citations=citations,
            )
            figures += lines
            if len(figures) >= self.figures:
                break
        return DigestEntry(
            article_id=article.id,
            title=article.title,
            link=article.source,
            trials=trials,
            figures=figures,
            citations=citations,
            ingested_at=article.ingested_at,
        )
