"""Plain-text rendering of answers and sources, for the terminal."""

from __future__ import annotations

from bot.answer.models import Answer
from index.store import ArticleRecord


def render_answer(answer: Answer) -> str:
    """The answer, then each citation with its quote."""
    lines = [answer.text]
    for c in answer.citations:
        lines.append(f"  [{c.n}] {c.title} ({c.source})")
        lines.append(f'      "{c.quote}"')
    return "\n".join(lines)


def render_sources(articles: list[ArticleRecord]) -> str:
    if not articles:
        return "No articles indexed yet. Add some with: trialbot ingest PATH..."
    lines = []
    for a in articles:
        trials = ", ".join(a.meta.get("trials", [])) or "-"
        lines.append(f"{a.title}\n  trials: {trials} | chunks: {a.chunks} | source: {a.source}")
    return "\n".join(lines)
