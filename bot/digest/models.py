"""What a digest holds: plain data every renderer (CLI text, Slack, Teams) reads, and that the
ledger stores as JSON so a retried digest is posted exactly as it was first built."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from bot.answer.models import Citation


@dataclass(frozen=True)
class DigestEntry:
    """One new article: its key figures (``label: figure [n]``) cite ``citations``, numbered
    within the entry; every number of a figure line is in one of its cited quotes."""

    article_id: str
    title: str
    link: str  # the article's URL, or the file it was ingested from
    trials: list[str]
    figures: list[str]
    citations: list[Citation]
    ingested_at: str


@dataclass(frozen=True)
class Digest:
    """The new articles of one period. ``since`` is where the period starts (ISO time, UTC);
    ``more`` counts new articles left for the next digest (a digest holds at most
    ``digest.max_articles``)."""

    id: str
    created_at: str
    since: str
    entries: list[DigestEntry] = field(default_factory=list)
    more: int = 0

    @property
    def empty(self) -> bool:
        return not self.entries

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data (also what a surface without its own renderer can use)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Digest:
        entries = [
            DigestEntry(**{**e, "citations": [Citation(**c) for c in e["citations"]]})
            for e in data["entries"]
        ]
        return cls(data["id"], data["created_at"], data["since"], entries, data.get("more", 0))

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Digest:
        return cls.from_dict(json.loads(text))
