"""The facts extracted at ingest, as the answer core and the fact sheets (``bot.app.factsheet``)
read them: every fact of the indexed articles, and what two facts share when they report the
same thing."""

from __future__ import annotations

import re

from index.facts import Fact, extract_facts, facts_of
from index.search import Snapshot, trial_name_key
from index.store import ArticleRecord
from index.vocabulary import Vocabulary


def trial_facts(snap: Snapshot, vocab: Vocabulary) -> list[tuple[ArticleRecord, Fact]]:
    """Every fact of every indexed article (recomputed from the chunks for articles ingested
    before facts were stored)."""
    return [(a, f) for a in snap.articles.values() for f in article_facts(snap, a, vocab)]


def article_facts(snap: Snapshot, article: ArticleRecord, vocab: Vocabulary) -> list[Fact]:
    """One article's facts, as stored at ingest or recomputed from its chunks."""
    if "facts" in article.meta:
        return facts_of(article.meta)
    return extract_facts(
        _article_text(snap, article.id),
        article.meta.get("trials", []),
        article.meta.get("drugs", []),
        vocab,
        article.title,
    )


def fact_key(article: ArticleRecord, fact: Fact, vocab: Vocabulary) -> tuple[str, ...]:
    """What two facts must share to report the same thing: trial, endpoint, subgroup, arm."""
    arm = sorted(_arm_key(fact.arm, article, vocab))
    return (trial_key(fact.trial), fact.endpoint, fact.subgroup, *arm)


# a trial name's letters and digits, case folded: how fact sheets match trial names, and the key
# of ``Snapshot.articles_by_trial`` (the answer core finds a fact's other sources by it)
trial_key = trial_name_key


def _arm_key(arm: str, article: ArticleRecord, vocab: Vocabulary) -> frozenset[str]:
    """What identifies an arm across articles: its vocabulary qualifiers and drug names."""
    keys = {t.key for t in vocab.terms(arm) if t.qualifier}
    folded = arm.casefold()
    keys |= {
        str(d).casefold() for d in article.meta.get("drugs", []) if str(d).casefold() in folded
    }
    keys |= set(re.findall(r"\d+(?:\.\d+)?\s?mg(?:/kg|/m2)?", folded))
    return frozenset(keys)


def _article_text(snap: Snapshot, article_id: str) -> str:
    chunks = sorted((c for c in snap.chunks if c.article_id == article_id), key=lambda c: c.start)
    text = ""
    for c in chunks:
        if c.end > len(text):
            text = text[: c.start].ljust(c.start) + c.text
    return text
