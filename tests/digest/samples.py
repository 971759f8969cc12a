"""Hand-made digests for unit tests of renderers, the ledger and the runner (no index needed)."""

from __future__ import annotations

import uuid

from bot.answer.models import Citation
from bot.digest.models import Digest, DigestEntry


def entry(n: int, *, link: str | None = None, quote_words: int = 0) -> DigestEntry:
    quote = f"The objective response rate was 4{n}.5% with drug {n}."
    if quote_words:
        quote += " " + " ".join(["padding"] * quote_words)
    return DigestEntry(
        article_id=f"article-{n}",
        title=f"Drug {n} <works> & more in TRIAL-{n}",
        link=link if link is not None else f"https://news.example.org/{n}.html",
        trials=[f"TRIAL-{n}"],
        figures=[f"ORR: Objective response rate, with drug {n}: 4{n}.5% [1]"],
        citations=[Citation(1, f"Title {n}", f"https://news.example.org/{n}.html", quote)],
        ingested_at="2025-06-02T08:00:00+00:00",
    )


def digest(*entries: DigestEntry, more: int = 0) -> Digest:
    return Digest(
        id=uuid.uuid4().hex,
        created_at="2025-06-02T09:00:00+00:00",
        since="2025-06-01T08:00:00+00:00",
        entries=list(entries),
        more=more,
    )
