"""Structured facts extracted at ingest: one reported value of one endpoint for one trial and arm,
with its CI and P value and the span of the sentence it comes from.

General patterns only (index.figures for the values, index.arms for whose value it is, the domain
vocabulary for the endpoints); nothing here knows any article.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from index.arms import inherit_arms, qualifier_phrase
from index.figures import Figure, extract_figures
from index.text import split_sentences
from index.vocabulary import Vocabulary

# Figures that describe the design or another value, not a result of their own
_NOT_FACTS = ("P value", "schedule", "randomization ratio")
_STATISTICS = ("HR", "odds ratio")
_TRIAL_NAME = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class Fact:
    trial: str  # the trial the sentence is about ("" when the article names none)
    arm: str  # arm or subgroup words as the article says them ("" = not said)
    subgroup: str  # vocabulary subgroups named with the endpoint ("grade 3+"), comma-separated
    endpoint: str  # vocabulary key: ORR, PFS, HR, TRAE, enrollment, ...
    value: str  # verbatim: "41.0%", "6.3 months", "0.71", "1,204"
    unit: str  # percent, time, count, number, dose
    ci: str  # verbatim CI or range, "" when none is given
    p_value: str  # verbatim P value of a statistic, "" when none
    start: int  # the sentence's span in the article text
    end: int
    sentence: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Fact:
        return cls(**{k: data.get(k, "") for k in cls.__dataclass_fields__})


def extract_facts(
    text: str, trials: list[str], drugs: list[str], vocab: Vocabulary, title: str = ""
) -> list[Fact]:
    """Every reported result in ``text`` as a Fact, in the order of the article (its headline,
    a rounded teaser of the body, is left out)."""
    spans = [s for s in split_sentences(text) if not title or s.text.strip() != title.strip()]
    figures = [extract_figures(s.text, vocab) for s in spans]
    with_arms = inherit_arms(
        [(s.start, s.text, f) for s, f in zip(spans, figures, strict=True)], drugs, vocab
    )
    facts: list[Fact] = []
    current_trial = trials[0] if trials else ""
    for span, figs in zip(spans, with_arms, strict=True):
        named = _trial_named(span.text, trials)
        if named:
            current_trial = named
        for i, fig in enumerate(figs):
            if fig.endpoint is None or fig.endpoint in _NOT_FACTS:
                continue
            if _names_an_event(span.text, fig, vocab):
                continue
            expected = vocab.units.get(fig.endpoint)
            landmark_rate = fig.unit == "percent" and fig.endpoint in vocab.landmark_endpoints
            if expected and fig.unit != expected and not landmark_rate:
                continue  # "18 years" is no enrollment, "65.7%" no median age
            facts.append(
                Fact(
                    trial=current_trial,
                    arm="" if fig.endpoint in _STATISTICS else _arm(span.text, fig),
                    subgroup=", ".join(
                        sorted(
                            {
                                t.key
                                for t in vocab.terms(f"{fig.label} | {fig.head}")
                                if t.qualifier == "subgroup"
                            }
                        )
                    ),
                    endpoint=fig.endpoint,
                    value=fig.value.strip(),
                    unit=fig.unit,
                    ci=_ci(span.text, figs, i),
                    p_value=_p_value(figs, i),
                    start=span.start,
                    end=span.end,
                    sentence=span.text,
                )
            )
    return _unique(facts)


def _unique(facts: list[Fact]) -> list[Fact]:
    """One fact per trial, arm, endpoint and value: an article's summary repeats its body."""
    best: dict[tuple[str, str, str, str], Fact] = {}
    for f in facts:
        key = (f.trial, f.arm.casefold() + f.subgroup, f.endpoint, f.value)
        if key not in best or (f.ci and not best[key].ci):
            best[key] = f
    keep = set(map(id, best.values()))
    return [f for f in facts if id(f) in keep]


def _names_an_event(sentence: str, fig: Figure, vocab: Vocabulary) -> bool:
    """A rate in parentheses after a named event ("nausea (43.1%)") is that event's, not the
    endpoint's of the sentence."""
    if sentence[max(0, fig.start - 1) : fig.start] != "(":
        return False
    before = sentence[: fig.start - 1].rstrip()
    return not any(t.end == len(before) for t in vocab.terms(before) if t.kind == "endpoint")


def _trial_named(sentence: str, trials: list[str]) -> str:
    folded = sentence.casefold()
    hits = [(folded.find(t.casefold()), t) for t in trials if t.casefold() in folded]
    return min(hits)[1] if hits else ""


def _arm(sentence: str, fig: Figure) -> str:
    """The arm a list inherited ("with A; ..."), else the figure's own arm or subgroup words."""
    if ";" in fig.scope:
        inherited = fig.scope.split(";", 1)[0].strip()
        if inherited:
            return inherited
    return qualifier_phrase(sentence, fig)


def _ci(sentence: str, figs: list[Figure], i: int) -> str:
    """The CI of a value: its own parenthesis, or, for a statistic, the words after it up to the
    next value ("HR, 0.71; 95% CI, 0.59-0.86; P = .002")."""
    fig = figs[i]
    detail = fig.detail
    if not detail and fig.endpoint in _STATISTICS:
        later = [f.start for f in figs[i + 1 :] if f.endpoint != "P value"]
        detail = sentence[fig.end : later[0] if later else len(sentence)]
    m = re.search(
        r"(?:CI|confidence interval)\b[,:=\s]*([^;)]+?)\s*(?=[;)]|,\s*P\b|$)", detail, re.I
    )
    return m.group(1).strip(" ,") if m else ""


def _p_value(figs: list[Figure], i: int) -> str:
    """The P value right after a statistic ("HR, 0.71; 95% CI ...; P = .002")."""
    if figs[i].endpoint not in (*_STATISTICS, "risk reduction"):
        return ""
    for later in figs[i + 1 :]:
        if later.endpoint == "P value":
            return later.value.strip()
        if later.endpoint not in (None, "P value"):
            break
    return ""


def facts_of(meta: dict[str, Any]) -> list[Fact]:
    """The facts stored in an article record's metadata."""
    return [Fact.from_dict(d) for d in meta.get("facts", [])]
