"""Trial fact sheets and cross-trial comparisons, built from the facts extracted at ingest.

Every row cites the sentence its value comes from. Two articles that report different values for
the same trial, arm and endpoint (an updated analysis, say) are both shown and flagged, never
merged into one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.answer.facts import fact_key, trial_facts, trial_key
from bot.answer.models import Citation
from index.facts import Fact
from index.search import Snapshot
from index.store import ArticleRecord
from index.vocabulary import Vocabulary

# The endpoints a fact sheet leads with, in this order; a comparison takes any endpoint.
KEY_ENDPOINTS = ("ORR", "DCR", "CR", "pCR", "PFS", "EFS", "OS", "DOR", "HR", "TRAE", "AE", "ILD")
DESIGN_ENDPOINTS = ("enrollment", "dose", "follow-up")
CAVEAT = (
    "Trials differ in setting, population, comparator and follow-up: figures side by side are "
    "not a head-to-head comparison."
)


@dataclass(frozen=True)
class FactRow:
    trial: str
    arm: str
    subgroup: str
    endpoint: str
    value: str
    ci: str
    p_value: str
    n: int  # the citation it comes from
    conflict: bool = False  # another article reports another value for this trial, arm, endpoint


@dataclass
class FactSheet:
    trial: str
    design: str
    rows: list[FactRow] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)


@dataclass
class Comparison:
    endpoint: str
    rows: list[FactRow] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    caveat: str = CAVEAT


class _Citations:
    """Numbers each cited sentence once, in order of first use."""

    def __init__(self) -> None:
        self.items: list[Citation] = []
        self._n: dict[tuple[str, int], int] = {}

    def cite(self, article: ArticleRecord, fact: Fact) -> int:
        key = (article.id, fact.start)
        if key not in self._n:
            self._n[key] = len(self.items) + 1
            self.items.append(
                Citation(
                    self._n[key],
                    article.title,
                    article.source,
                    fact.sentence,
                    article.id,
                    fact.start,
                    fact.end,
                )
            )
        return self._n[key]


def fact_sheet(snap: Snapshot, vocab: Vocabulary, trial: str) -> FactSheet | None:
    """The trial's design line and key figures, each cited; None when no article names it."""
    name = resolve_trial(snap, trial)
    if name is None:
        return None
    facts = [(a, f) for a, f in trial_facts(snap, vocab) if _same(f.trial, name)]
    articles = [a for a in snap.articles.values() if _names(a, name)]
    cites = _Citations()
    sheet = FactSheet(name, _design(name, articles, facts))
    key = [(a, f) for a, f in facts if f.endpoint in KEY_ENDPOINTS]
    key.sort(key=lambda af: KEY_ENDPOINTS.index(af[1].endpoint))
    sheet.rows = _rows(key, cites, vocab)
    sheet.citations = cites.items
    return sheet


def compare(
    snap: Snapshot, vocab: Vocabulary, endpoint: str, trials: list[str] | None = None
) -> Comparison:
    """One row per trial and arm for ``endpoint`` (a vocabulary word: "ORR", "median PFS")."""
    keys = [t.key for t in vocab.terms(endpoint) if t.kind == "endpoint"]
    key = keys[0] if keys else endpoint
    wanted = [resolve_trial(snap, t) for t in trials or []]
    facts = [
        (a, f)
        for a, f in trial_facts(snap, vocab)
        if f.endpoint == key and (not trials or any(w and _same(f.trial, w) for w in wanted))
    ]
    facts.sort(key=lambda af: (af[1].trial.casefold(), af[1].arm.casefold()))
    cites = _Citations()
    return Comparison(key, _rows(facts, cites, vocab), cites.items)


def resolve_trial(snap: Snapshot, typed: str) -> str | None:
    """The indexed trial name ``typed`` refers to ("orca 7", "Orca-7")."""
    want = trial_key(typed)
    for article in snap.articles.values():
        for t in article.meta.get("trials", []):
            if trial_key(str(t)) == want:
                return str(t)
    return None


def _rows(
    facts: list[tuple[ArticleRecord, Fact]], cites: _Citations, vocab: Vocabulary
) -> list[FactRow]:
    facts = _most_complete(facts)
    values: dict[tuple[str, ...], dict[str, set[str]]] = {}
    for article, f in facts:
        k = fact_key(article, f, vocab)
        values.setdefault(k, {}).setdefault(f.value, set()).add(article.id)
    rows = []
    for article, f in facts:
        k = fact_key(article, f, vocab)
        others = {v: ids for v, ids in values[k].items() if v != f.value}
        conflict = any(ids - {article.id} for ids in others.values())
        rows.append(
            FactRow(
                f.trial,
                f.arm,
                f.subgroup,
                f.endpoint,
                f.value,
                f.ci,
                f.p_value,
                cites.cite(article, f),
                conflict,
            )
        )
    return rows


def _most_complete(facts: list[tuple[ArticleRecord, Fact]]) -> list[tuple[ArticleRecord, Fact]]:
    """One row per article, trial, endpoint, subgroup and value (a summary repeats the body): the
    one with a CI, else with the most words about its arm."""
    best: dict[tuple[str, str, str, str, str], tuple[ArticleRecord, Fact]] = {}
    for article, f in facts:
        key = (article.id, trial_key(f.trial), f.endpoint, f.subgroup, f.value)
        kept = best.get(key)
        if kept is None or (bool(f.ci), len(f.arm)) > (bool(kept[1].ci), len(kept[1].arm)):
            best[key] = (article, f)
    keep = {id(af[1]) for af in best.values()}
    return [af for af in facts if id(af[1]) in keep]


def _design(
    name: str, articles: list[ArticleRecord], facts: list[tuple[ArticleRecord, Fact]]
) -> str:
    meta = articles[0].meta if articles else {}
    parts = [name]
    if meta.get("phase"):
        phase = str(meta["phase"])
        parts.append(phase if phase.casefold().startswith("phase") else f"phase {phase}")
    counts = [f.value for _, f in facts if f.endpoint == "enrollment"]
    if counts:
        biggest = max(counts, key=lambda v: int(v.replace(",", "")))
        parts.append(f"n = {biggest}")
    drugs = sorted({str(d) for a in articles for d in a.meta.get("drugs", [])})
    if drugs:
        parts.append("drugs: " + ", ".join(drugs))
    ids = sorted({str(i) for a in articles for i in a.meta.get("registry_ids", [])})
    if ids:
        parts.append(", ".join(ids))
    if meta.get("meeting"):
        parts.append(f"presented at {meta['meeting']}")
    return " · ".join(parts)


def _names(article: ArticleRecord, name: str) -> bool:
    return any(_same(str(t), name) for t in article.meta.get("trials", []))


def _same(a: str, b: str) -> bool:
    return trial_key(a) == trial_key(b)
