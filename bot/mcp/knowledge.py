"""What the MCP tools return, computed from the answer core: plain pydantic models, no MCP types.

The grounding rule holds for every result: a figure in a text we return is in a quote we return
(or, for ``search`` and ``fetch``, the text *is* the article's own words). A line that fails the
check is withheld, never shown unchecked.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from bot.answer.grounding import ungrounded_numbers
from bot.answer.models import Answer, Citation
from bot.app.commands import Commands, fact_table
from bot.app.factsheet import compare as compare_facts
from bot.app.factsheet import resolve_trial
from bot.app.services import Services
from bot.infra.fetch import ArticleFetcher
from index.store import ArticleRecord

ARTICLE_URI = "trialbot://articles/{id}"
_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")


class Source(BaseModel):
    """A numbered citation: ``quote`` is the article's exact sentence."""

    n: int
    title: str
    source: str = Field(description="The article's URL or file.")
    quote: str
    article_id: str = ""


class AskResult(BaseModel):
    question: str
    status: Literal["answered", "not_found"]
    answer: str = Field(description="The answer; [n] markers refer to `citations`.")
    confidence: float | None = Field(default=None, description="0..1, how sure the lead is.")
    engine: str
    citations: list[Source]


class SearchHit(BaseModel):
    id: str = Field(description="Article id, for `fetch`.")
    title: str
    url: str
    snippet: str = Field(description="The best-matching passage, verbatim.")


class SearchResults(BaseModel):
    results: list[SearchHit]


class Document(BaseModel):
    id: str
    title: str
    text: str = Field(description="The article's indexed text, verbatim.")
    url: str
    metadata: dict[str, object]


class Row(BaseModel):
    text: str = Field(description="endpoint | whose figure | value (95% CI), P [n]")
    citations: list[int]


class RowsResult(BaseModel):
    status: Literal["answered", "not_found"]
    title: str = Field(description="The trial, or the endpoint compared.")
    rows: list[Row]
    citations: list[Source]
    note: str = ""


class ArticleEntry(BaseModel):
    id: str
    title: str
    url: str
    trials: list[str]
    drugs: list[str]
    ingested_at: str


class TrialKnowledge:
    """The answer core seen from an MCP server: ask, search, fetch, fact rows, the article list."""

    def __init__(self, services: Services, *, search_results: int = 8) -> None:
        self.services = services
        self.commands = Commands(services, ArticleFetcher.from_settings(services.settings.fetch))
        self.search_results = search_results

    def ask(self, question: str) -> AskResult:
        answer = self.services.answerer.ask(question)
        checked = self._without_names(answer.text)
        if answer.status == "not_found":  # it may name what was asked ("no article mentions X-2")
            for word in question.split():
                checked = checked.replace(word.strip("?.,;:!"), " ")
        if ungrounded_numbers(checked, answer.citations):
            answer = Answer(
                question, "not_found", "Not found: no answer could be checked against its sources."
            )
        return AskResult(
            question=question,
            status=answer.status,
            answer=answer.text,
            confidence=None if answer.confidence is None else round(answer.confidence, 3),
            engine=answer.engine,
            citations=[_source(c) for c in answer.citations],
        )

    def search(self, query: str) -> SearchResults:
        hits = self.services.searcher.search(query, self.search_results)
        best: dict[str, SearchHit] = {}
        for hit in hits:  # best first: an article's best passage stands for it
            if hit.article.id not in best:
                best[hit.article.id] = SearchHit(
                    id=hit.article.id,
                    title=hit.article.title,
                    url=article_url(hit.article),
                    snippet=hit.chunk.text,
                )
        return SearchResults(results=list(best.values()))

    def fetch(self, article_id: str) -> Document | None:
        snap = self.services.searcher.snapshot()
        article = snap.articles.get(article_id)
        if article is None:
            return None
        chunks = sorted(
            (c for c in snap.chunks if c.article_id == article_id), key=lambda c: c.start
        )
        text = ""
        for c in chunks:  # chunks overlap by a sentence; each sits at its offset
            if c.end > len(text):
                text = text[: c.start].ljust(c.start) + c.text
        meta = {k: article.meta.get(k) for k in ("trials", "registry_ids", "drugs", "phase")}
        metadata: dict[str, object] = {
            "source": article.source,
            "ingested_at": article.ingested_at,
            **{k: v for k, v in meta.items() if v},
        }
        return Document(
            id=article.id,
            title=article.title,
            text=text,
            url=article_url(article),
            metadata=metadata,
        )

    def show_trial(self, trial: str) -> RowsResult:
        figures = self.commands.show_trial(trial)
        if figures.answer is None:
            known = ", ".join(figures.known) or "none"
            note = f"No indexed article names {trial}. Indexed trials: {known}."
            return RowsResult(status="not_found", title=trial, rows=[], citations=[], note=note)
        return self._rows(figures.trial, figures.answer.text, figures.answer.citations)

    def compare(self, endpoint: str, trials: list[str]) -> RowsResult:
        snap = self.services.searcher.snapshot()
        named = [resolve_trial(snap, t) or t for t in trials]
        comparison = compare_facts(snap, self.services.vocabulary, endpoint, named)
        if not comparison.rows:
            note = f"No indexed article reports {comparison.endpoint}" + (
                f" for {', '.join(trials)}." if trials else "."
            )
            return RowsResult(
                status="not_found", title=comparison.endpoint, rows=[], citations=[], note=note
            )
        text = fact_table(comparison.rows, with_trial=True)
        result = self._rows(comparison.endpoint, text, comparison.citations)
        result.note = comparison.caveat
        return result

    def articles(self) -> list[ArticleEntry]:
        return [
            ArticleEntry(
                id=a.id,
                title=a.title,
                url=article_url(a),
                trials=[str(t) for t in a.meta.get("trials", [])],
                drugs=[str(d) for d in a.meta.get("drugs", [])],
                ingested_at=a.ingested_at,
            )
            for a in self.services.store.articles()
        ]

    def _rows(self, title: str, text: str, citations: list[Citation]) -> RowsResult:
        """One row per line that cites its figures; a line whose figures are not in its own
        quotes is withheld."""
        by_n = {c.n: c for c in citations}
        rows = []
        for line in (ln.strip() for ln in text.splitlines()):
            cited = [int(n) for m in _MARKER.findall(line) for n in m.split(",")]
            quotes = [by_n[n] for n in cited if n in by_n]
            if not quotes or ungrounded_numbers(self._without_names(line), quotes):
                continue
            rows.append(Row(text=line, citations=cited))
        used = sorted({n for r in rows for n in r.citations})
        status: Literal["answered", "not_found"] = "answered" if rows else "not_found"
        return RowsResult(
            status=status,
            title=title,
            rows=rows,
            citations=[_source(by_n[n]) for n in used if n in by_n],
            note="" if rows else "Not found: no checkable figures.",
        )

    def _without_names(self, text: str) -> str:
        """``text`` without the indexed trial names: "Breast03" in a name is not a figure."""
        for name in sorted(self.services.searcher.snapshot().trial_names, key=len, reverse=True):
            text = text.replace(name, " ")
        return text


def article_url(article: ArticleRecord) -> str:
    """The article's web address, or its resource URI when it came from a file."""
    if article.source.startswith(("http://", "https://")):
        return article.source
    return ARTICLE_URI.format(id=article.id)


def _source(c: Citation) -> Source:
    return Source(n=c.n, title=c.title, source=c.source, quote=c.quote, article_id=c.article_id)
